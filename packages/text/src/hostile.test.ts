/**
 * Hostile text: every function of this package that reads user text finishes fast on 100,000-character adversarial
 * input, grows about linearly with it, never throws, and keeps its output consistent on arbitrary Unicode.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanUserText } from './clean.ts';
import { detectLanguage } from './language.ts';
import { normalizeText } from './normalize.ts';
import { splitRequirements } from './requirements.ts';
import { hasEmailShape, looksLikeContact, stripRuns, wordBefore } from './scan.ts';
import { splitLines, splitSentences, type TextSpan } from './sentences.ts';
import { termSpans, tokenSpans } from './tokens.ts';
import { describeGrowth, HOSTILE_TEXTS, looksLinear, measureGrowth } from '@rc/testing/hostile';

/** Under 100 ms each on a development machine; the margin lets a CPU several times slower pass. */
const BUDGET_MS = 1_000;

const FUNCTIONS: Record<string, (text: string) => unknown> = {
  cleanUserText,
  normalizeText,
  splitLines,
  splitSentences,
  tokenSpans,
  termSpans,
  detectLanguage,
  splitRequirements: (text) => splitRequirements(text),
};

describe.each(Object.entries(FUNCTIONS))('%s on 100,000 hostile characters', (_name, fn) => {
  it.each(Object.keys(HOSTILE_TEXTS))('%s', (kind) => {
    const growth = measureGrowth(fn, HOSTILE_TEXTS[kind]!);
    expect(growth.largeMs).toBeLessThan(BUDGET_MS);
    expect(looksLinear(growth), describeGrowth(growth)).toBe(true);
  }, 60_000);
});

/** Any UTF-16 code unit (lone surrogates and controls included), any code point, and the pieces texts are made of. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const piece = fc.oneof(
  codeUnit,
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.constantFrom('\n', ' ', '- ', '• ', '1. ', ':', '.', '. ', '@', ',', ';', '(', ')', 'Requirements:', 'Требования:',
    'Python', 'опыт', 'e.g.', 'Node.js', 'C++', 'www.', '\u0301', '\u202e', '\u0000', '\ud800', 'Name: '),
);
const hostileString = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(''));

function expectSpansOf(text: string, spans: TextSpan[]): void {
  let previousEnd = 0;
  for (const s of spans) {
    expect(s.start).toBeGreaterThanOrEqual(previousEnd);
    expect(s.end).toBeGreaterThan(s.start);
    expect(s.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(s.start, s.end)).toBe(s.text);
    previousEnd = s.end;
  }
}

describe('arbitrary Unicode', () => {
  it('lines and sentences are ordered slices of the text, the same each time', () => {
    fc.assert(
      fc.property(hostileString, (text) => {
        expectSpansOf(text, splitLines(text));
        expectSpansOf(text, splitSentences(text));
        expect(splitSentences(text)).toEqual(splitSentences(text));
      }),
      { numRuns: 300 },
    );
  });

  it('tokens and terms lie inside the text, in order', () => {
    fc.assert(
      fc.property(hostileString, (text) => {
        for (const spans of [tokenSpans(text), termSpans(text)]) {
          let previousStart = 0;
          for (const s of spans) {
            expect(s.start).toBeGreaterThanOrEqual(previousStart);
            expect(s.end).toBeGreaterThan(s.start);
            expect(s.end).toBeLessThanOrEqual(text.length);
            previousStart = s.start;
          }
        }
        for (const t of termSpans(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
      }),
      { numRuns: 300 },
    );
  });

  it('requirements are slices of the vacancy, at most the maximum, the same each time', () => {
    fc.assert(
      fc.property(hostileString, fc.integer({ min: 1, max: 40 }), (text, max) => {
        const found = splitRequirements(text, { max });
        expect(found.length).toBeLessThanOrEqual(max);
        for (const r of found) expect(text.slice(r.start, r.end)).toBe(r.text);
        expect(splitRequirements(text, { max })).toEqual(found);
      }),
      { numRuns: 300 },
    );
  });

  it('cleaning leaves well-formed text without control characters but tab and line breaks, and changes clean text not at all', () => {
    fc.assert(
      fc.property(hostileString, (text) => {
        const cleaned = cleanUserText(text);
        expect(cleaned).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/);
        expect(encodeURIComponent(cleaned)).toBeTypeOf('string'); // throws URIError on an unpaired surrogate
        expect(cleanUserText(cleaned)).toBe(cleaned);
        expect(cleaned.length).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 500 },
    );
    expect(cleanUserText('Иван\tPython 😀\r\n- Go')).toBe('Иван\tPython 😀\r\n- Go');
    expect(cleanUserText('a\u0000b\u0007c\u000Cd\uD800e\uDC00f\uD83D\uDE00')).toBe('abc\nde' + 'f\uD83D\uDE00');
  });

  it('normalisation and language detection never throw and do not depend on the call', () => {
    fc.assert(
      fc.property(hostileString, (text) => {
        expect(normalizeText(text)).toBe(normalizeText(text));
        expect(['ru', 'en']).toContain(detectLanguage(text));
      }),
      { numRuns: 300 },
    );
  });
});

/** Short strings over the characters the old regular expressions cared about: there they are cheap to run. */
const shortOver = (alphabet: string[], maxLength = 40) => fc.array(fc.constantFrom(...alphabet), { maxLength }).map((a) => a.join(''));

describe('the scanners give the verdicts of the regular expressions they replace', () => {
  it('e-mail shape: /\\S+@\\S+\\.\\S+/', () => {
    fc.assert(fc.property(shortOver(['a', '@', '.', ' ', '\n', '\u00a0', '\ud800']), (s) => {
      expect(hasEmailShape(s)).toBe(/\S+@\S+\.\S+/.test(s));
    }), { numRuns: 3000 });
  });

  it('contact line: the old pattern, on lines too short for its unbounded phone repeat to matter', () => {
    const old = /\S+@\S+\.\S+|https?:\/\/|www\.|\+?\d[\d\s()-]{8,}\d/i;
    fc.assert(fc.property(shortOver(['1', ' ', '(', ')', '-', '+', 'a', '@', '.', 'w', 'http://'], 42), (s) => {
      expect(looksLikeContact(s)).toBe(old.test(s));
    }), { numRuns: 3000 });
  });

  it('heading clean-up: /^[\\s*#_=]+|[\\s*#_=:：\\-–]+$/g', () => {
    fc.assert(fc.property(shortOver(['a', ' ', '*', '#', '_', '=', ':', '：', '-', '–', '\t']), (s) => {
      expect(stripRuns(s, '*#_=', '*#_=:：-–').trim()).toBe(s.replace(/^[\s*#_=]+|[\s*#_=:：\-–]+$/g, '').trim());
    }), { numRuns: 3000 });
  });

  it('word before a period: /(\\S+)\\.$/', () => {
    fc.assert(fc.property(shortOver(['a', 'B', ' ', '(', '.', '\n']), (s) => {
      const text = `${s}.`;
      expect(wordBefore(text, text.length - 1)).toBe(/(\S+)\.$/.exec(text)?.[1] ?? '');
    }), { numRuns: 3000 });
  });
});
