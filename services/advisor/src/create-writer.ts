/** The advice writer chosen by LLM_PROVIDER (openai, in-house, or the rule-based writer). */
import type { Config } from '@rc/config';
import { createAdviceWriter, type AdviceWriter } from '@rc/llm';

export function createWriterFromConfig(config: Config): AdviceWriter {
  return createAdviceWriter({
    provider: config.llmProvider,
    apiKey: config.OPENAI_API_KEY,
    baseURL: config.OPENAI_BASE_URL,
    model: config.OPENAI_MODEL,
    timeoutMs: config.LLM_TIMEOUT_S * 1000,
    concurrency: config.LLM_CONCURRENCY,
  });
}
