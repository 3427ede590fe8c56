/**
 * The report of text a file hides from its reader (white, invisible, tiny, off-page, clipped or hidden-formatted
 * text): such text is left out of the resume text that is scored, and the user is told how much was left out and why.
 */
import type { HiddenText, HiddenTextReason } from '@rc/contracts';

export type { HiddenText, HiddenTextReason };

/** Effective font sizes below this many points are taken as hidden (a 1-pt keyword list), not as fine print. */
export const TINY_FONT_PT = 4;

export const MAX_SAMPLES = 3;
const SAMPLE_CHARS = 80;

/** Collects hidden runs as they are found; `report()` is null when nothing was hidden. */
export class HiddenTextCollector {
  private chars = 0;
  private readonly samples: string[] = [];
  private readonly reasons = new Map<string, { reason: HiddenTextReason; page: number | null; chars: number }>();

  add(text: string, reason: HiddenTextReason, page: number | null): void {
    const trimmed = text.replace(/\s+/g, ' ').trim();
    if (!trimmed) return;
    this.chars += trimmed.length;
    const key = `${reason}:${page ?? ''}`;
    const entry = this.reasons.get(key) ?? { reason, page, chars: 0 };
    entry.chars += trimmed.length;
    this.reasons.set(key, entry);
    if (this.samples.length < MAX_SAMPLES) {
      this.samples.push(trimmed.length > SAMPLE_CHARS ? `${trimmed.slice(0, SAMPLE_CHARS - 1)}…` : trimmed);
    }
  }

  report(): HiddenText | null {
    if (this.chars === 0) return null;
    return { chars: this.chars, samples: [...this.samples], reasons: [...this.reasons.values()] };
  }
}
