/**
 * For tests of the text-analysis pool: the real analyseText and analyseTexts, except that a vacancy containing
 * NEVER_ENDS makes them loop forever, as a text that found a slow path in a reader would.
 */
import type { LexicalInput } from '../score.ts';
import { analyseText as real, analyseTexts as realMany, type PairLexical, type TextAnalysisInput, type TextAnalysisResult } from '../text-analysis.ts';

export const NEVER_ENDS = 'NEVER_ENDS';

function spin(): never {
  for (;;) {
    // synchronous, deaf to timers and messages: only terminating the thread stops it
  }
}

export function analyseText(input: TextAnalysisInput): TextAnalysisResult {
  if (input.vacancyText.includes(NEVER_ENDS)) spin();
  return real(input);
}

export function analyseTexts(pairs: LexicalInput[]): PairLexical[] {
  if (pairs.some((p) => p.vacancyText.includes(NEVER_ENDS))) spin();
  return realMany(pairs);
}
