import { describe, expect, it } from 'vitest';
import { extractJsonObject, parseAdvice } from './parse.ts';
import { sampleAdvice } from '@rc/testing/fake-openai';

describe('extractJsonObject', () => {
  it('reads bare JSON, fenced JSON and JSON inside chatter', () => {
    const obj = { a: 1, b: 'x {y}' };
    expect(extractJsonObject(JSON.stringify(obj))).toEqual({ ok: true, value: obj });
    expect(extractJsonObject('```json\n' + JSON.stringify(obj, null, 2) + '\n```')).toEqual({ ok: true, value: obj });
    expect(extractJsonObject('Sure! Here is the JSON:\n' + JSON.stringify(obj) + '\nHope it helps {really}.')).toEqual({ ok: true, value: obj });
  });

  it('reports text without a JSON object', () => {
    expect(extractJsonObject('').ok).toBe(false);
    expect(extractJsonObject('no json here').ok).toBe(false);
    expect(extractJsonObject('{"a": 1,').ok).toBe(false);
    expect(extractJsonObject('[1, 2]').ok).toBe(false);
  });
});

describe('parseAdvice', () => {
  it('accepts schema-valid advice in the asked language, trimming empty items', () => {
    const advice = { ...sampleAdvice('en'), weaknesses: ['  A gap.  ', ''] };
    const result = parseAdvice(JSON.stringify(advice), 'en');
    expect(result).toEqual({ ok: true, advice: { ...sampleAdvice('en'), weaknesses: ['A gap.'] } });
  });

  it('rejects a schema mismatch and names the field', () => {
    const { upgrades: _omit, ...rest } = sampleAdvice('en');
    const result = parseAdvice(JSON.stringify({ ...rest, strengths: 'not a list' }), 'en');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/strengths/);
  });

  it('rejects advice in the wrong language, and empty advice', () => {
    const wrong = parseAdvice(JSON.stringify(sampleAdvice('en')), 'ru');
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.error).toMatch(/must be in Russian/);
    expect(parseAdvice(JSON.stringify(sampleAdvice('ru')), 'ru').ok).toBe(true);
    const empty = { strengths: [], weaknesses: [], rewrite_suggestions: [], learning_recommendations: [], reflection_points: [], upgrades: ' ' };
    expect(parseAdvice(JSON.stringify(empty), 'en').ok).toBe(false);
  });
});
