/** LLM output bounds: every request caps its output, the schema bounds the advice, and the parser enforces it. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADVICE_LIMITS } from './bounds.ts';
import { createAdviceWriter } from './create-writer.ts';
import { expectChatRequest, reply, sampleAdvice, startFakeOpenAIServer, type FakeOpenAIServer, type FakeRequest } from '@rc/testing/fake-openai';
import { englishInput } from './test-fixtures.ts';
import type { AdviceWriterConfig } from './types.ts';

let server: FakeOpenAIServer;
beforeEach(async () => {
  server = await startFakeOpenAIServer({ apiKey: 'test-key' });
});
afterEach(async () => {
  try {
    server.assertDone();
  } finally {
    await server.close();
  }
});

function writer(overrides: Partial<AdviceWriterConfig> = {}) {
  return createAdviceWriter({
    provider: 'openai',
    apiKey: 'test-key',
    baseURL: server.url,
    model: 'gpt-4o-mini',
    timeoutMs: 5_000,
    concurrency: 1,
    maxRetries: 0,
    retryBaseDelayMs: 10,
    ...overrides,
  });
}

const schemaOf = (r: FakeRequest) => r.body.response_format.json_schema.schema;
const sentence = 'TypeScript experience is shown by the projects in the resume.';

describe('LLM output bounds', () => {
  it('caps the output tokens of every request and bounds the lists in the schema (OpenAI: no maxLength)', async () => {
    server.expect({
      check: (r) => {
        expectChatRequest()(r);
        expect(r.body.max_completion_tokens).toBe(ADVICE_LIMITS.outputTokens);
        expect(r.body.max_tokens).toBeUndefined();
        expect(schemaOf(r).properties.strengths.maxItems).toBe(ADVICE_LIMITS.items);
        expect(JSON.stringify(schemaOf(r))).not.toContain('maxLength');
      },
      reply: reply.advice(sampleAdvice('en')),
    });
    expect((await writer().write(englishInput)).source.source).toBe('openai');
  });

  it('gives in-house servers max_tokens and the item lengths too, also in the repair request and in plain chat', async () => {
    const inHouse = writer({ provider: 'in-house', model: 'qwen', maxOutputTokens: 1234 });
    server.expect(
      {
        check: (r) => {
          expect(r.body.max_tokens).toBe(1234);
          expect(schemaOf(r).properties.weaknesses.items.maxLength).toBe(ADVICE_LIMITS.itemChars);
          expect(schemaOf(r).properties.upgrades.maxLength).toBe(ADVICE_LIMITS.upgradesChars);
        },
        reply: reply.text('not json'),
      },
      { check: (r) => expect(r.body.max_tokens).toBe(1234), reply: reply.error(400, { message: 'response_format is not supported' }) },
      { check: (r) => expect([r.body.max_tokens, r.body.response_format]).toEqual([1234, undefined]), reply: reply.advice(sampleAdvice('en')) },
    );
    expect((await inHouse.write(englishInput)).source.source).toBe('in-house');
  });

  it('cuts lists longer than the limit to their first items', async () => {
    const long = { ...sampleAdvice('en'), strengths: Array.from({ length: 9 }, (_, i) => `${sentence} (${i})`) };
    server.expect({ reply: reply.advice(long) });
    const outcome = await writer().write(englishInput);
    expect(outcome.source.source).toBe('openai');
    expect(outcome.advice.strengths).toEqual(long.strengths.slice(0, ADVICE_LIMITS.items));
  });

  it('refuses an over-long item: one repair, then the rules writer', async () => {
    const long = { ...sampleAdvice('en'), weaknesses: [sentence.repeat(20)] };
    server.expect(
      { reply: reply.advice(long) },
      {
        check: (r) => expect(r.body.messages.at(-1).content).toMatch(/weaknesses\[0\] has \d+ characters, more than the 400 allowed/),
        reply: reply.advice(long),
      },
    );
    const outcome = await writer().write(englishInput);
    expect(outcome.source.source).toBe('rules');
    expect(outcome.source.fallback_reason).toMatch(/unusable answer after one repair: weaknesses\[0\] has \d+ characters/);
  });

  it('refuses an answer cut at the token cap and one too long to read, and falls back', async () => {
    server.expect(
      { reply: reply.text(JSON.stringify(sampleAdvice('en')), { finishReason: 'length' }) },
      {
        check: (r) => expect(r.body.messages.at(-1).content).toMatch(/cut off at the limit of 4000 output tokens/),
        reply: reply.text(`{"strengths": ["${'x'.repeat(ADVICE_LIMITS.answerChars)}"]}`),
      },
    );
    const outcome = await writer().write(englishInput);
    expect(outcome.source.source).toBe('rules');
    expect(outcome.source.fallback_reason).toMatch(/more than the 30000 allowed/);
  });
});
