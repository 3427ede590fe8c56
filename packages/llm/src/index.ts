/** @rc/llm: the advisor's writer layer: advice from OpenAI, an in-house OpenAI-compatible model, or the rules writer. */
export type {
  AdviceInput,
  AdviceOutcome,
  AdviceWriter,
  AdviceWriterConfig,
  BreakerConfig,
  ChatMessage,
  ExchangeRecord,
  ProviderName,
} from './types.ts';
export { createAdviceWriter, RulesAdviceWriter, WRITER_DEFAULTS } from './create-writer.ts';
export { ChatAdviceWriter, RULES_SOURCE } from './chat-writer.ts';
export { PROMPT_VERSION, buildAdviceMessages, buildRepairMessages, neutraliseMarkers, renderRequirements } from './prompt.ts';
export { adviceJsonSchema, adviceResponseFormat, inHouseAdviceJsonSchema, inHouseAdviceResponseFormat, toStrictJsonSchema, ADVICE_SCHEMA_NAME } from './json-schema.ts';
export { ADVICE_LIMITS, boundedAdviceSchema } from './bounds.ts';
export { parseAdvice, extractJsonObject, adviceText, type AdviceParse, type JsonResult } from './parse.ts';
export { checkGrounding, type GroundingResult } from './grounding.ts';
export { toFineTuningJsonl, maskPersonalData, findNames, type FineTuningRow } from './fine-tuning.ts';
export { costUsd, PRICES_PER_MILLION } from './pricing.ts';
export { CircuitBreaker, Semaphore, parseRetryAfter, backoffDelay, type BreakerState } from './resilience.ts';
