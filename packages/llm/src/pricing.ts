/** What an OpenAI call cost, from a small price table (USD per million tokens, list prices of the models we use). */

interface Price {
  input: number;
  output: number;
}

/** Keyed by model family; dated snapshots (gpt-4o-mini-2024-07-18) match their family. */
export const PRICES_PER_MILLION: Readonly<Record<string, Price>> = {
  'gpt-4o-mini': { input: 0.15, output: 0.6 },
  'gpt-4o': { input: 2.5, output: 10 },
  'gpt-4.1-nano': { input: 0.1, output: 0.4 },
  'gpt-4.1-mini': { input: 0.4, output: 1.6 },
  'gpt-4.1': { input: 2, output: 8 },
  'gpt-5-nano': { input: 0.05, output: 0.4 },
  'gpt-5-mini': { input: 0.25, output: 2 },
  'gpt-5': { input: 1.25, output: 10 },
  'gpt-4-turbo': { input: 10, output: 30 },
  'gpt-4': { input: 30, output: 60 },
  'gpt-3.5-turbo': { input: 0.5, output: 1.5 },
};

/** Longest family name that equals the model or prefixes it followed by '-' ('gpt-4' does not match 'gpt-4o'). */
function priceFor(model: string): Price | null {
  let best: string | null = null;
  for (const family of Object.keys(PRICES_PER_MILLION)) {
    if ((model === family || model.startsWith(`${family}-`)) && (best === null || family.length > best.length)) best = family;
  }
  return best === null ? null : PRICES_PER_MILLION[best]!;
}

/** Null for an unknown model or missing usage: an unknown cost is not a zero cost. */
export function costUsd(model: string, promptTokens: number | null | undefined, completionTokens: number | null | undefined): number | null {
  const price = priceFor(model);
  if (!price || promptTokens == null || completionTokens == null) return null;
  return (promptTokens * price.input + completionTokens * price.output) / 1_000_000;
}
