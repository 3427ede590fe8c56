/** The writer layer's public types: what the advisor hands a writer, and what it gets back (advice plus every LLM exchange). */
import type { Advice, AdviceSource, Language, Scoring } from '@rc/contracts';

export type ProviderName = 'openai' | 'in-house' | 'rules';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface AdviceInput {
  vacancyText: string;
  resumeText: string;
  scoring: Scoring;
  /** The language the advice must be written in. */
  language: Language;
}

/**
 * One HTTP attempt to the LLM, answered or failed. The advisor stores these rows (table llm_exchanges) as the
 * training set for an in-house model, so the exact messages sent and the raw text received are kept.
 */
export interface ExchangeRecord {
  provider: 'openai' | 'in-house';
  model: string;
  promptVersion: string;
  language: Language;
  messages: ChatMessage[];
  /** The raw text the model returned; null when the attempt failed before an answer. */
  response: string | null;
  /** The response was valid JSON matching the advice schema, in the right language. */
  parsed: boolean;
  /** Parsed, and the grounding check had nothing to drop. */
  grounded: boolean;
  latencyMs: number;
  promptTokens?: number | null;
  completionTokens?: number | null;
  /** Null when the model is not in the price table (or is self-hosted). */
  costUsd?: number | null;
  error?: string;
}

export interface AdviceOutcome {
  advice: Advice;
  source: AdviceSource;
  exchanges: ExchangeRecord[];
}

export interface AdviceWriter {
  readonly name: ProviderName;
  /** Never rejects for LLM trouble (that falls back to the rules writer); rejects only when `signal` aborts. */
  write(input: AdviceInput, signal?: AbortSignal): Promise<AdviceOutcome>;
}

export interface BreakerConfig {
  /** Consecutive failed calls that open the breaker. */
  failureThreshold: number;
  /** How long it stays open before one trial call is let through. */
  cooldownMs: number;
}

export interface AdviceWriterConfig {
  provider: ProviderName;
  apiKey?: string;
  baseURL?: string;
  model: string;
  /** Per HTTP attempt. */
  timeoutMs: number;
  /** HTTP requests in flight at once through this writer (create one writer per process). */
  concurrency: number;
  /** Retries after the first attempt, on 429, 5xx, timeouts and network errors. Default 2. */
  maxRetries?: number;
  breaker?: BreakerConfig;
  /** First backoff delay; doubles each retry, with jitter. Default 500 ms. */
  retryBaseDelayMs?: number;
  /** Longest wait between retries, Retry-After included. Default 30 s. */
  maxRetryDelayMs?: number;
  /** Output tokens one answer may take. Default ADVICE_LIMITS.outputTokens. */
  maxOutputTokens?: number;
}
