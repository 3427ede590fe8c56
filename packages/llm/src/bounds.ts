/**
 * How much advice an LLM may write. The prompt asks for at most five items of one or two sentences per list; the
 * JSON schema given to the model says the same in maxItems/maxLength, the request caps the output tokens, and the
 * parser enforces it, so neither a runaway model nor a hostile in-house server can fill the database or the page.
 */
import { z } from 'zod';

export const ADVICE_LIMITS = {
  /** Items per list (strengths, weaknesses, …). Longer lists are cut to this. */
  items: 5,
  /** Characters per item: two long sentences. A longer item makes the answer unusable (repair, then rules). */
  itemChars: 400,
  /** Characters of the upgrades paragraph. */
  upgradesChars: 1_200,
  /** Characters of a whole answer; beyond this it is not read at all. */
  answerChars: 30_000,
  /** Output tokens asked for per request: the longest allowed advice in Russian (about 3 characters a token). */
  outputTokens: 4_000,
} as const;

const item = z.string().max(ADVICE_LIMITS.itemChars);
const list = z.array(item).max(ADVICE_LIMITS.items);

/** The advice shape with its bounds, as the model is told to write it. */
export const boundedAdviceSchema = z.object({
  strengths: list,
  weaknesses: list,
  rewrite_suggestions: list,
  learning_recommendations: list,
  reflection_points: list,
  upgrades: z.string().max(ADVICE_LIMITS.upgradesChars),
});
