/** Picks the advice writer the configuration asks for; the advisor creates one per process. */
import { ADVICE_LIMITS } from './bounds.ts';
import { ChatAdviceWriter, rulesOutcome } from './chat-writer.ts';
import type { AdviceInput, AdviceOutcome, AdviceWriter, AdviceWriterConfig } from './types.ts';

/** The rule-based writer: no LLM, no exchanges. */
export class RulesAdviceWriter implements AdviceWriter {
  readonly name = 'rules' as const;

  async write(input: AdviceInput, signal?: AbortSignal): Promise<AdviceOutcome> {
    signal?.throwIfAborted();
    return rulesOutcome(input, []);
  }
}

export const WRITER_DEFAULTS = {
  maxRetries: 2,
  maxOutputTokens: ADVICE_LIMITS.outputTokens,
  breaker: { failureThreshold: 5, cooldownMs: 30_000 },
  retryBaseDelayMs: 500,
  maxRetryDelayMs: 30_000,
} as const;

export function createAdviceWriter(config: AdviceWriterConfig): AdviceWriter {
  if (config.provider === 'rules') return new RulesAdviceWriter();
  if (config.provider === 'in-house' && !config.baseURL) throw new Error('The in-house advice writer needs baseURL (an OpenAI-compatible server).');
  if (!(config.timeoutMs > 0)) throw new RangeError(`timeoutMs must be positive, got ${config.timeoutMs}`);
  if (!config.model) throw new Error('The LLM advice writer needs a model name.');
  return new ChatAdviceWriter({
    provider: config.provider,
    model: config.model,
    apiKey: config.apiKey,
    baseURL: config.baseURL,
    timeoutMs: config.timeoutMs,
    concurrency: config.concurrency,
    maxRetries: config.maxRetries ?? WRITER_DEFAULTS.maxRetries,
    breaker: config.breaker ?? WRITER_DEFAULTS.breaker,
    retryBaseDelayMs: config.retryBaseDelayMs ?? WRITER_DEFAULTS.retryBaseDelayMs,
    maxRetryDelayMs: config.maxRetryDelayMs ?? WRITER_DEFAULTS.maxRetryDelayMs,
    maxOutputTokens: config.maxOutputTokens ?? WRITER_DEFAULTS.maxOutputTokens,
  });
}
