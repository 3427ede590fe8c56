/** Reads advice out of an LLM answer: JSON from plain or fenced text, checked against the schema and the language. */
import { adviceSchema, type Advice, type Language } from '@rc/contracts';
import { detectLanguage } from '@rc/text';
import { ADVICE_LIMITS } from './bounds.ts';

export type JsonResult = { ok: true; value: unknown } | { ok: false; error: string };

/** The first balanced {...} block, aware of strings so braces inside them do not count. */
function firstJsonBlock(text: string): string | null {
  const start = text.indexOf('{');
  if (start < 0) return null;
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === '\\') escaped = true;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return text.slice(start, i + 1);
  }
  return null;
}

/**
 * Plain-chat models wrap JSON in ```json fences or chatter ("Here is the JSON: {...}"); strict structured outputs
 * do not, but the same lenient reader serves both.
 */
export function extractJsonObject(text: string): JsonResult {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, error: 'the answer was empty' };
  const fenced = /```(?:json|JSON)?\s*\n?([\s\S]*?)```/.exec(trimmed);
  const candidates = [trimmed, fenced?.[1]?.trim(), firstJsonBlock(fenced?.[1] ?? trimmed), firstJsonBlock(trimmed)];
  let lastError = 'no JSON object was found in the answer';
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      const value: unknown = JSON.parse(candidate);
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) return { ok: true, value };
      lastError = 'the answer is JSON but not an object';
    } catch (e) {
      lastError = `the answer is not valid JSON (${(e as Error).message})`;
    }
  }
  return { ok: false, error: lastError };
}

export type AdviceParse = { ok: true; advice: Advice } | { ok: false; error: string };

function clean(items: string[]): string[] {
  return items.map((s) => s.trim()).filter((s) => s.length > 0);
}

/** All the advice's text, for language detection and grounding. */
export function adviceText(advice: Advice): string {
  return [
    ...advice.strengths,
    ...advice.weaknesses,
    ...advice.rewrite_suggestions,
    ...advice.learning_recommendations,
    ...advice.reflection_points,
    advice.upgrades,
  ].join('\n');
}

const LISTS = ['strengths', 'weaknesses', 'rewrite_suggestions', 'learning_recommendations', 'reflection_points'] as const;

/** The first item or paragraph over its length limit, as an error for the repair turn; null when all fit. */
function tooLong(advice: Advice): string | null {
  for (const field of LISTS) {
    const i = advice[field].findIndex((s) => s.length > ADVICE_LIMITS.itemChars);
    if (i >= 0) {
      return `${field}[${i}] has ${advice[field][i]!.length} characters, more than the ${ADVICE_LIMITS.itemChars} allowed: keep each item to one or two sentences`;
    }
  }
  if (advice.upgrades.length > ADVICE_LIMITS.upgradesChars) {
    return `upgrades has ${advice.upgrades.length} characters, more than the ${ADVICE_LIMITS.upgradesChars} allowed`;
  }
  return null;
}

/**
 * Parses and checks one answer; the error says what to fix, since it is sent back to the model in the repair turn.
 * Lists longer than the limit are cut (the first items are the most important); an over-long item or answer is
 * refused, since cutting it would leave half a sentence.
 */
export function parseAdvice(text: string, language: Language): AdviceParse {
  if (text.length > ADVICE_LIMITS.answerChars) {
    return { ok: false, error: `the answer has ${text.length} characters, more than the ${ADVICE_LIMITS.answerChars} allowed` };
  }
  const json = extractJsonObject(text);
  if (!json.ok) return json;
  const result = adviceSchema.safeParse(json.value);
  if (!result.success) {
    const issues = result.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    return { ok: false, error: `the JSON does not match the required schema (${issues})` };
  }
  const advice: Advice = {
    strengths: clean(result.data.strengths).slice(0, ADVICE_LIMITS.items),
    weaknesses: clean(result.data.weaknesses).slice(0, ADVICE_LIMITS.items),
    rewrite_suggestions: clean(result.data.rewrite_suggestions).slice(0, ADVICE_LIMITS.items),
    learning_recommendations: clean(result.data.learning_recommendations).slice(0, ADVICE_LIMITS.items),
    reflection_points: clean(result.data.reflection_points).slice(0, ADVICE_LIMITS.items),
    upgrades: result.data.upgrades.trim(),
  };
  const overLong = tooLong(advice);
  if (overLong) return { ok: false, error: overLong };
  const all = adviceText(advice).trim();
  if (!all) return { ok: false, error: 'every field of the advice is empty' };
  const detected = detectLanguage(all);
  if (detected !== language) {
    return { ok: false, error: `the advice is written in ${detected === 'ru' ? 'Russian' : 'English'}, but it must be in ${language === 'ru' ? 'Russian' : 'English'}` };
  }
  return { ok: true, advice };
}
