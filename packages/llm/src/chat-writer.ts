/**
 * The LLM advice writer for both OpenAI and in-house OpenAI-compatible servers (vLLM, Ollama, llama.cpp server,
 * TGI): one protocol, so one implementation. Retries are ours, not the SDK's, so that every HTTP attempt becomes an
 * ExchangeRecord; the semaphore, circuit breaker and structured-output degradation live in the writer, so create
 * one writer per process.
 */
import OpenAI from 'openai';
import type { Language } from '@rc/contracts';
import { PROMPT_VERSION_RULES, writeRulesAdvice } from '@rc/advice';
import { adviceResponseFormat, inHouseAdviceResponseFormat } from './json-schema.ts';
import { checkGrounding } from './grounding.ts';
import { parseAdvice } from './parse.ts';
import { costUsd } from './pricing.ts';
import { PROMPT_VERSION, buildAdviceMessages, buildRepairMessages } from './prompt.ts';
import { CircuitBreaker, Semaphore, backoffDelay, parseRetryAfter, sleep } from './resilience.ts';
import type { AdviceInput, AdviceOutcome, AdviceWriter, ChatMessage, ExchangeRecord } from './types.ts';

export const RULES_SOURCE = { source: 'rules', model: 'rules', prompt_version: PROMPT_VERSION_RULES } as const;

export interface ChatWriterOptions {
  provider: 'openai' | 'in-house';
  model: string;
  apiKey?: string;
  baseURL?: string;
  timeoutMs: number;
  concurrency: number;
  maxRetries: number;
  breaker: { failureThreshold: number; cooldownMs: number };
  retryBaseDelayMs: number;
  maxRetryDelayMs: number;
  /** Output tokens one answer may take (see ADVICE_LIMITS.outputTokens). */
  maxOutputTokens: number;
}

/** How one HTTP attempt ended. */
type Attempt =
  | { kind: 'answer'; content: string; truncated: boolean }
  | { kind: 'failed'; error: string; retryable: boolean; retryAfterMs: number | null; badRequest: boolean };

type Call = { ok: true; content: string; truncated: boolean; exchange: ExchangeRecord } | { ok: false; reason: string };

class TimeoutError extends Error {
  constructor(ms: number) {
    super(`request timed out after ${ms} ms`);
    this.name = 'TimeoutError';
  }
}

export function rulesOutcome(input: AdviceInput, exchanges: ExchangeRecord[], fallbackReason?: string): AdviceOutcome {
  const advice = writeRulesAdvice({
    scoring: input.scoring,
    vacancyText: input.vacancyText,
    resumeText: input.resumeText,
    language: input.language,
  });
  return {
    advice,
    source: { ...RULES_SOURCE, ...(fallbackReason ? { fallback_reason: fallbackReason } : {}), dropped_claims: [] },
    exchanges,
  };
}

export class ChatAdviceWriter implements AdviceWriter {
  readonly name: 'openai' | 'in-house';
  private readonly client: OpenAI;
  private readonly semaphore: Semaphore;
  readonly breaker: CircuitBreaker;
  /** Set once an in-house server has answered plain chat after rejecting response_format; kept for the process. */
  private structuredOutputUnsupported = false;

  constructor(private readonly opts: ChatWriterOptions) {
    this.name = opts.provider;
    this.client = new OpenAI({
      // Self-hosted servers usually want no key, but the SDK insists on one.
      apiKey: opts.apiKey ?? 'not-needed',
      baseURL: opts.baseURL,
      maxRetries: 0,
      timeout: opts.timeoutMs,
    });
    this.semaphore = new Semaphore(opts.concurrency);
    this.breaker = new CircuitBreaker(opts.breaker.failureThreshold, opts.breaker.cooldownMs);
  }

  /** True once this writer sends plain chat to its in-house server instead of json_schema requests. */
  get degraded(): boolean {
    return this.structuredOutputUnsupported;
  }

  async write(input: AdviceInput, signal?: AbortSignal): Promise<AdviceOutcome> {
    signal?.throwIfAborted();
    const exchanges: ExchangeRecord[] = [];
    const messages = buildAdviceMessages(input);

    const first = await this.call(messages, input.language, exchanges, signal);
    if (!first.ok) return rulesOutcome(input, exchanges, first.reason);
    let final = first;
    let parsed = this.parse(first, input.language);
    if (!parsed.ok) {
      first.exchange.error = `unusable answer: ${parsed.error}`;
      const repair = await this.call(buildRepairMessages(messages, first.content, parsed.error, input.language), input.language, exchanges, signal);
      if (!repair.ok) return rulesOutcome(input, exchanges, `unusable answer (${parsed.error}), then the repair request failed: ${repair.reason}`);
      const reparsed = this.parse(repair, input.language);
      if (!reparsed.ok) {
        repair.exchange.error = `unusable answer: ${reparsed.error}`;
        return rulesOutcome(input, exchanges, `unusable answer after one repair: ${reparsed.error}`);
      }
      final = repair;
      parsed = reparsed;
    }

    const grounding = checkGrounding(parsed.advice, { resumeText: input.resumeText, scoring: input.scoring });
    final.exchange.parsed = true;
    final.exchange.grounded = grounding.dropped.length === 0;
    return {
      advice: grounding.advice,
      source: { source: this.name, model: this.opts.model, prompt_version: PROMPT_VERSION, dropped_claims: grounding.dropped },
      exchanges,
    };
  }

  /** An answer cut at the output-token cap is unusable whatever it parses to: the end of the advice is missing. */
  private parse(call: Extract<Call, { ok: true }>, language: Language): ReturnType<typeof parseAdvice> {
    if (call.truncated) {
      return { ok: false, error: `the answer was cut off at the limit of ${this.opts.maxOutputTokens} output tokens: write less, one or two sentences per item` };
    }
    return parseAdvice(call.content, language);
  }

  /** One logical request: retried on transient failures, guarded by the breaker. Rejects only on `signal`. */
  private async call(messages: ChatMessage[], language: Language, exchanges: ExchangeRecord[], signal?: AbortSignal): Promise<Call> {
    if (!this.breaker.tryAcquire()) return { ok: false, reason: 'circuit breaker open: the provider failed repeatedly' };
    let retries = 0;
    let plain = this.structuredOutputUnsupported;
    try {
      for (;;) {
        const { attempt, exchange } = await this.attempt(messages, language, plain, signal);
        exchanges.push(exchange);
        if (attempt.kind === 'answer') {
          this.breaker.success();
          if (plain && !this.structuredOutputUnsupported) this.structuredOutputUnsupported = true;
          return { ok: true, content: attempt.content, truncated: attempt.truncated, exchange };
        }
        // A 400 from an in-house server on a json_schema request usually means "response_format not supported":
        // ask once more in plain chat; the degradation is remembered only if that works.
        if (attempt.badRequest && this.name === 'in-house' && !plain) {
          plain = true;
          continue;
        }
        if (!attempt.retryable || retries >= this.opts.maxRetries) {
          this.breaker.failure();
          const tries = retries + 1;
          return { ok: false, reason: `${attempt.error}${tries > 1 ? ` (after ${tries} attempts)` : ''}` };
        }
        const delay =
          attempt.retryAfterMs != null
            ? Math.min(attempt.retryAfterMs, this.opts.maxRetryDelayMs)
            : backoffDelay(retries, this.opts.retryBaseDelayMs, this.opts.maxRetryDelayMs);
        retries++;
        await sleep(delay, signal);
      }
    } catch (error) {
      // Only the caller's abort gets here; it says nothing about the provider's health.
      this.breaker.release();
      throw error;
    }
  }

  private async attempt(
    messages: ChatMessage[],
    language: Language,
    plain: boolean,
    signal?: AbortSignal,
  ): Promise<{ attempt: Attempt; exchange: ExchangeRecord }> {
    const release = await this.semaphore.acquire(signal);
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(new TimeoutError(this.opts.timeoutMs)), this.opts.timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal;
    const exchange: ExchangeRecord = {
      provider: this.name,
      model: this.opts.model,
      promptVersion: PROMPT_VERSION,
      language,
      messages,
      response: null,
      parsed: false,
      grounded: false,
      latencyMs: 0,
      promptTokens: null,
      completionTokens: null,
      costUsd: null,
    };
    const started = performance.now();
    try {
      // Every request caps its output. OpenAI's newer models take only max_completion_tokens; the OpenAI-compatible
      // servers run in-house (vLLM, llama.cpp, Ollama) all read max_tokens.
      const outputCap = this.name === 'openai' ? { max_completion_tokens: this.opts.maxOutputTokens } : { max_tokens: this.opts.maxOutputTokens };
      const format = this.name === 'openai' ? adviceResponseFormat : inHouseAdviceResponseFormat;
      const completion = await this.client.chat.completions.create(
        { model: this.opts.model, messages, ...outputCap, ...(plain ? {} : { response_format: format }) },
        { signal: combined, timeout: this.opts.timeoutMs, maxRetries: 0 },
      );
      exchange.latencyMs = Math.round(performance.now() - started);
      const choice = completion.choices?.[0];
      const message = choice?.message;
      const usage = completion.usage;
      exchange.promptTokens = usage?.prompt_tokens ?? null;
      exchange.completionTokens = usage?.completion_tokens ?? null;
      exchange.costUsd = this.name === 'openai' ? costUsd(completion.model || this.opts.model, usage?.prompt_tokens, usage?.completion_tokens) : null;
      // A refusal is an answer (HTTP worked) that cannot be parsed; the repair turn and fallback handle it.
      exchange.response = message?.content ?? message?.refusal ?? '';
      return { attempt: { kind: 'answer', content: exchange.response, truncated: choice?.finish_reason === 'length' }, exchange };
    } catch (error) {
      exchange.latencyMs = Math.round(performance.now() - started);
      if (signal?.aborted) throw signal.reason;
      const attempt = this.classify(error, timeout.signal.aborted);
      exchange.error = attempt.error;
      return { attempt, exchange };
    } finally {
      clearTimeout(timer);
      release();
    }
  }

  private classify(error: unknown, timedOut: boolean): Extract<Attempt, { kind: 'failed' }> {
    const failed = (error: string, retryable: boolean, retryAfterMs: number | null = null, badRequest = false) => ({
      kind: 'failed' as const,
      error,
      retryable,
      retryAfterMs,
      badRequest,
    });
    if (timedOut || error instanceof OpenAI.APIConnectionTimeoutError) return failed(`timeout: no answer within ${this.opts.timeoutMs} ms`, true);
    if (error instanceof OpenAI.APIConnectionError) return failed(`network error: ${error.cause instanceof Error ? error.cause.message : error.message}`, true);
    if (error instanceof OpenAI.APIError && typeof error.status === 'number') {
      const status = error.status;
      const retryable = status === 408 || status === 409 || status === 429 || status >= 500;
      return failed(`HTTP ${status}: ${error.message}`, retryable, retryable ? parseRetryAfter(error.headers) : null, status === 400);
    }
    return failed(`unexpected error: ${error instanceof Error ? error.message : String(error)}`, false);
  }
}
