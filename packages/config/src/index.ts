/**
 * The product's configuration: every environment variable any service reads, parsed by zod once at start-up.
 * Nothing else in the code base reads process.env; a bad value stops the process with a readable message.
 */
import { z } from 'zod';
import { isIP } from 'node:net';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

const int = (def: number) => z.coerce.number().int().nonnegative().default(def);
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

/** An address, a CIDR range, or one of proxy-addr's names for the private ranges. */
const proxyAddress = (a: string): boolean => {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(a)) return true;
  const [ip, bits, extra] = a.split('/');
  const family = isIP(ip ?? '');
  if (family === 0 || extra !== undefined) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
};

export const configSchema = z.object({
  /** Log level for pino (fatal, error, warn, info, debug, trace, silent). */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Address the gateway listens on. The original product's page calls 127.0.0.1:8000. */
  HOST: z.string().default('127.0.0.1'),
  /** Port the gateway listens on. */
  PORT: z.coerce.number().int().min(0).max(65535).default(8000),
  /** Folder for PGlite's data when DATABASE_URL is unset (embedded mode). */
  DATA_DIR: z.string().default(resolve(repoRoot, 'data')),
  /** postgres://… selects PostgreSQL; unset selects embedded PGlite in DATA_DIR. */
  DATABASE_URL: optionalString.pipe(z.string().url().startsWith('postgres').optional()),
  /** redis://… selects BullMQ queues; unset runs jobs in-process. */
  REDIS_URL: optionalString.pipe(z.string().url().startsWith('redis').optional()),
  /** Prefix of every BullMQ key, so several deployments (or test runs) can share one Redis. */
  QUEUE_PREFIX: z.string().min(1).default('rc'),
  /** How long a worker's lock on a BullMQ job lasts; a killed worker's job is taken over after about this long. */
  QUEUE_LOCK_MS: int(30_000),
  /**
   * Tries a job gets, failed, stalled or killed runs alike; after that its analysis or ranking is `failed`. A job that
   * kills or blocks its worker would otherwise be taken over and run again forever.
   */
  JOB_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(3),
  /** Which writer produces advice: openai, in-house, rules. Default: openai when OPENAI_API_KEY is set, else rules. */
  LLM_PROVIDER: z.enum(['openai', 'in-house', 'rules']).optional(),
  /** API key for the OpenAI provider (or the in-house server, if it wants one). */
  OPENAI_API_KEY: optionalString,
  /** Base URL of an OpenAI-compatible server (vLLM, Ollama, llama.cpp server, TGI) or a proxy. */
  OPENAI_BASE_URL: optionalString.pipe(z.string().url().optional()),
  /** Model name sent to the LLM provider. */
  OPENAI_MODEL: z.string().default('gpt-4o-mini'),
  /** Seconds before one LLM request is abandoned. */
  LLM_TIMEOUT_S: z.coerce.number().positive().default(60),
  /** LLM requests in flight at once per advisor process. */
  LLM_CONCURRENCY: int(4),
  /** Hugging Face-layout model folder of the cross-encoder; "none" uses the lexical scorer only. */
  MODEL_DIR: z.string().default(resolve(repoRoot, 'models/resume-fit')),
  /**
   * Sentence-embedding model folder for matching requirements to resume sentences by meaning (with the cross-encoder
   * only); "none" matches by words and facts alone.
   */
  EMBED_MODEL_DIR: z.string().default(resolve(repoRoot, 'models/sentence-embed')),
  /** Where the cross-encoder runs: cpu, or cuda where onnxruntime offers it. */
  SCORER_DEVICE: z.enum(['cpu', 'cuda']).default('cpu'),
  /** Inference lanes (worker threads, one onnxruntime session each); 0 = one per core, at most 4 (1 on CUDA). */
  SCORER_LANES: int(0),
  /** onnxruntime intra-op threads of each lane; 0 = the cores shared out between the lanes. */
  SCORER_THREADS: int(0),
  /** Analyses the scorer works on at once per process. */
  SCORER_CONCURRENCY: int(2),
  /**
   * Deadline of one text analysis (lexical scoring and the resume reader, in a worker thread), in milliseconds. A text
   * that takes longer has its worker stopped and its analysis fails with text_analysis_timeout, not retried: in
   * embedded mode the scorer shares its process with the gateway, and no text may hold it.
   */
  TEXT_ANALYSIS_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  /** Worker threads of the text analysis per scorer process; a ranking's estimate runs on all of them at once. */
  TEXT_ANALYSIS_WORKERS: z.coerce.number().int().min(1).max(16).default(2),
  /** Analyses the advisor works on at once per process. */
  ADVISOR_CONCURRENCY: int(4),
  /**
   * "optional": a request without a key acts as the one local owner, but only while the gateway listens on a
   * loopback address and the request names loopback in its Host header; "required": every request needs a key.
   */
  AUTH: z.enum(['optional', 'required']).default('optional'),
  /**
   * Origins (scheme://host[:port], comma-separated) whose pages may call the API from a browser (CORS). None by
   * default: the product's own page is same-origin, and any other page could otherwise act as the local owner.
   */
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((o) => o.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^(https?:\/\/[^/\s]{1,253}|null)$/, 'each origin is scheme://host[:port]'))),
  /**
   * Bearer token /metrics asks for. Unset: /metrics answers only while the gateway listens on loopback (a scraper
   * elsewhere must send the token, so queue depths and routes are not public on a network address).
   */
  METRICS_TOKEN: optionalString.pipe(z.string().min(16, 'METRICS_TOKEN must be at least 16 characters').optional()),
  /**
   * The proxies in front of the gateway whose X-Forwarded-For is believed: their addresses or CIDR ranges,
   * comma-separated ("127.0.0.1,10.0.0.0/8"; "loopback", "linklocal" and "uniquelocal" name those ranges), or the
   * number of proxy hops. Unset (the default), X-Forwarded-For is ignored and the client is the socket's address.
   * Rate limits, the wrong-credential limit and the keyless local owner read the client address: behind a proxy
   * without this, every caller has the proxy's address (on loopback, the local owner's). "true" is refused: it would
   * believe any caller's X-Forwarded-For.
   */
  TRUST_PROXY: z
    .string()
    .default('')
    .transform((v, ctx): false | number | string[] => {
      const t = v.trim().toLowerCase();
      if (t === '' || t === 'false' || t === 'off' || t === '0') return false;
      if (/^\d{1,2}$/.test(t)) return Number(t);
      const list = t.split(',').map((a) => a.trim()).filter(Boolean);
      if (t === 'true' || !list.every(proxyAddress)) {
        ctx.addIssue({ code: 'custom', message: 'TRUST_PROXY is the proxies\' addresses or CIDR ranges, comma-separated, or a hop count' });
        return z.NEVER;
      }
      return list;
    }),
  /**
   * Requests with a wrong API key, admin token or metrics token accepted per minute per client address before it
   * gets 429 too_many_auth_failures; 0 turns the limit off.
   */
  AUTH_FAILURES_PER_MINUTE: int(30),
  /** Progress streams (SSE) open at once per owner, and in total per gateway process. */
  SSE_MAX_PER_OWNER: int(10),
  SSE_MAX_TOTAL: int(1000),
  /** Longest a progress stream stays open, in milliseconds; the client reconnects if it still wants to wait. */
  SSE_MAX_LIFETIME_MS: int(10 * 60_000),
  /** /api/relevancy/... requests waiting at once per owner, and in total per gateway process. */
  RELEVANCY_MAX_WAITS_PER_OWNER: int(5),
  RELEVANCY_MAX_WAITS_TOTAL: int(200),
  /** Largest topK a ranking may ask for (candidates the cross-encoder re-scores). */
  RANKING_MAX_TOP_K: int(200),
  /** Rankings queued or running at once per owner; more answer 429. */
  RANKINGS_IN_FLIGHT_PER_OWNER: int(4),
  /** Time to receive a request's headers, and the whole request with its body, in milliseconds (slow clients are cut off). */
  HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
  HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).default(60_000),
  /**
   * How long a stopping service waits for its running jobs, in milliseconds. An advice job in an LLM call is aborted
   * and handed back at once; scoring finishes within seconds. Past the grace the process exits and the lock expiry
   * hands the rest back.
   */
  SHUTDOWN_GRACE_MS: int(25_000),
  /** Bearer token of the admin endpoints (training-data export); unset disables them. */
  ADMIN_TOKEN: optionalString.pipe(z.string().min(16, 'ADMIN_TOKEN must be at least 16 characters').optional()),
  /** Longest vacancy or resume text accepted, in characters. */
  MAX_TEXT_CHARS: int(100_000),
  /** Largest uploaded resume file, in bytes. */
  MAX_UPLOAD_BYTES: int(5 * 1024 * 1024),
  /** Most ids one ranking request may name. */
  MAX_RANKING_IDS: int(10_000),
  /** Requests per minute per API key (or per address without a key); 0 turns the limit off. */
  RATE_LIMIT_PER_MINUTE: int(1200),
  /** Deepest nesting accepted in a JSON body. */
  MAX_JSON_DEPTH: int(32),
  /**
   * Candidates that get the full score in a ranking, after the full-text shortlist and the estimate (never fewer than
   * the results asked for). On 1,000 vacancies (4 resumes) recall@10 against the exhaustive ranking is 0.95 with 20,
   * 1.00 with 30 or 50, 0.85 with 10; the full score (the cross-encoder and matching by meaning, about 0.1 s a pair on
   * 2 cores) is most of a ranking's time.
   */
  RANKING_TOP_K: int(20),
  /** How long GET /api/relevancy/... waits for an analysis to finish, in milliseconds. */
  RELEVANCY_WAIT_MS: int(120_000),
  /** How often unfinished analyses without a live job are enqueued again, in milliseconds. */
  RECOVERY_INTERVAL_MS: int(30_000),
  /** An unfinished analysis untouched this long is considered orphaned and enqueued again, in milliseconds. */
  RECOVERY_STALE_MS: int(60_000),
});

export type Config = z.infer<typeof configSchema> & { llmProvider: 'openai' | 'in-house' | 'rules' };

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const llmProvider = c.LLM_PROVIDER ?? (c.OPENAI_API_KEY ? 'openai' : 'rules');
  if (llmProvider === 'in-house' && !c.OPENAI_BASE_URL) {
    throw new ConfigError('Invalid configuration:\n  OPENAI_BASE_URL: required when LLM_PROVIDER=in-house');
  }
  if (llmProvider === 'openai' && !c.OPENAI_API_KEY && !c.OPENAI_BASE_URL) {
    throw new ConfigError('Invalid configuration:\n  OPENAI_API_KEY: required when LLM_PROVIDER=openai');
  }
  return { ...c, llmProvider };
}

/** Parses the config or prints why it cannot and exits: for process entry points only. */
export function loadConfigOrExit(env: Record<string, string | undefined> = process.env): Config {
  try {
    return loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}

export { repoRoot };
