/**
 * A real HTTP server on loopback that speaks the OpenAI chat-completions protocol, for tests of anything that
 * calls an LLM (packages/llm, and the product's end-to-end tests). It answers only what the test told it to
 * expect, in order; any other request (wrong path, bad body, a failed check, one request too many) is recorded
 * in `failures` and answered 418, so `assertDone()` fails the test.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Advice, Language } from '@rc/contracts';

export interface FakeRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body. */
  body: any;
  /** performance.now() when the request arrived, to measure waits between retries. */
  at: number;
}

export type FakeReply =
  | {
      type: 'completion';
      /** The assistant message content; null with `refusal` for a refusal. */
      content: string | null;
      refusal?: string;
      usage?: { prompt_tokens: number; completion_tokens: number };
      finishReason?: 'stop' | 'length' | 'content_filter';
      delayMs?: number;
    }
  | { type: 'error'; status: number; message?: string; headers?: Record<string, string>; body?: unknown }
  /** Never answers (until the server closes): for timeouts. */
  | { type: 'hang' }
  /** Destroys the connection without an answer: a network error. */
  | { type: 'drop' };

export interface FakeExpectation {
  /** Shown in failure messages. */
  name?: string;
  /** Throws when the request is not what the test expects (its message lands in `failures`). */
  check?: (request: FakeRequest) => void;
  reply: FakeReply | ((request: FakeRequest) => FakeReply);
  /** How many requests this expectation answers; default 1, Infinity for all that follow. */
  times?: number;
}

export interface FakeOpenAIServer {
  /** Base URL to give the client, ending in /v1. */
  readonly url: string;
  readonly requests: FakeRequest[];
  readonly failures: string[];
  /** Queues expectations, answered in order. */
  expect(...expectations: FakeExpectation[]): FakeOpenAIServer;
  /** Finite expectations not yet used. */
  pending(): number;
  /** Throws if any request was unexpected or failed its check, or if an expected request never came. */
  assertDone(): void;
  close(): Promise<void>;
}

export interface FakeOpenAIServerOptions {
  /** When set, every request must carry `Authorization: Bearer <apiKey>`. */
  apiKey?: string;
}

export const reply = {
  /** A chat completion whose content is the given text (JSON or not). */
  text: (content: string, extra: Partial<Extract<FakeReply, { type: 'completion' }>> = {}): FakeReply => ({ type: 'completion', content, ...extra }),
  /** A chat completion whose content is the advice as JSON. */
  advice: (advice: unknown, extra: Partial<Extract<FakeReply, { type: 'completion' }>> = {}): FakeReply => ({
    type: 'completion',
    content: JSON.stringify(advice),
    ...extra,
  }),
  error: (status: number, opts: { message?: string; headers?: Record<string, string>; body?: unknown } = {}): FakeReply => ({ type: 'error', status, ...opts }),
  hang: (): FakeReply => ({ type: 'hang' }),
  drop: (): FakeReply => ({ type: 'drop' }),
};

/** Schema-valid advice in either language, for tests that need an LLM answer but not a particular one. */
export function sampleAdvice(language: Language): Advice {
  if (language === 'ru') {
    return {
      strengths: ['Опыт разработки на TypeScript подтверждён проектами в резюме.'],
      weaknesses: ['В резюме не упомянут Kubernetes, который требуется в вакансии.'],
      rewrite_suggestions: ['Опишите результаты проектов в цифрах: сроки, нагрузку, экономию.'],
      learning_recommendations: ['Изучите основы Kubernetes и разверните учебный сервис в кластере.'],
      reflection_points: ['Какие ваши проекты лучше всего показывают работу с высокой нагрузкой?'],
      upgrades: 'Сделайте резюме короче и поставьте в начало опыт, который прямо отвечает требованиям вакансии.',
    };
  }
  return {
    strengths: ['TypeScript experience is shown by the projects in the resume.'],
    weaknesses: ['The resume does not mention Kubernetes, which the vacancy requires.'],
    rewrite_suggestions: ['Describe project results in numbers: deadlines, load, savings.'],
    learning_recommendations: ['Learn the basics of Kubernetes and deploy a practice service to a cluster.'],
    reflection_points: ['Which of your projects best shows work under high load?'],
    upgrades: 'Make the resume shorter and put first the experience that answers the vacancy requirements directly.',
  };
}

/**
 * A check for the usual request: POST /v1/chat/completions with the given model, system and user messages, and
 * (unless `responseFormat: 'none'`) a strict json_schema response_format.
 */
export function expectChatRequest(opts: { model?: string; responseFormat?: 'json_schema' | 'none' } = {}): (request: FakeRequest) => void {
  return (request) => {
    const body = request.body;
    if (opts.model !== undefined && body?.model !== opts.model) throw new Error(`model: expected ${opts.model}, got ${body?.model}`);
    if (!Array.isArray(body?.messages) || body.messages.length < 2) throw new Error('messages: expected at least a system and a user message');
    if (body.messages[0].role !== 'system' || body.messages[1].role !== 'user') throw new Error('messages: expected system then user');
    for (const m of body.messages) {
      if (typeof m.content !== 'string' || !['system', 'user', 'assistant'].includes(m.role)) throw new Error(`messages: bad message ${JSON.stringify(m).slice(0, 200)}`);
    }
    if (body.stream) throw new Error('stream: not expected');
    if (opts.responseFormat === 'none') {
      if (body.response_format !== undefined) throw new Error('response_format: expected none (plain chat)');
    } else {
      const rf = body.response_format;
      if (rf?.type !== 'json_schema' || rf.json_schema?.strict !== true || typeof rf.json_schema?.name !== 'string' || rf.json_schema?.schema?.type !== 'object') {
        throw new Error(`response_format: expected a strict json_schema, got ${JSON.stringify(rf)?.slice(0, 200)}`);
      }
    }
  };
}

interface Queued extends FakeExpectation {
  left: number;
}

export async function startFakeOpenAIServer(options: FakeOpenAIServerOptions = {}): Promise<FakeOpenAIServer> {
  const queue: Queued[] = [];
  const requests: FakeRequest[] = [];
  const failures: string[] = [];
  let counter = 0;

  const unexpected = (res: ServerResponse, message: string) => {
    failures.push(message);
    res.writeHead(418, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { message: `fake-openai: ${message}`, type: 'fake_unexpected_request', code: null, param: null } }));
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const at = performance.now();
      const path = (req.url ?? '').split('?')[0]!;
      let body: any = undefined;
      const raw = Buffer.concat(chunks).toString('utf8');
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        body = raw;
      }
      const request: FakeRequest = { method: req.method ?? '', path, headers: req.headers, body, at };
      requests.push(request);
      const label = `${request.method} ${path} (request ${requests.length})`;
      if (request.method !== 'POST' || path !== '/v1/chat/completions') return unexpected(res, `unexpected ${label}`);
      if (typeof body !== 'object' || body === null) return unexpected(res, `${label}: body is not JSON`);
      if (options.apiKey !== undefined && req.headers.authorization !== `Bearer ${options.apiKey}`) {
        return unexpected(res, `${label}: missing or wrong Authorization header`);
      }
      const expectation = queue[0];
      if (!expectation) return unexpected(res, `${label}: no request was expected`);
      if (--expectation.left <= 0) queue.shift();
      const name = expectation.name ? ` [${expectation.name}]` : '';
      try {
        expectation.check?.(request);
      } catch (e) {
        return unexpected(res, `${label}${name}: ${(e as Error).message}`);
      }
      const answer = typeof expectation.reply === 'function' ? expectation.reply(request) : expectation.reply;
      switch (answer.type) {
        case 'hang':
          return;
        case 'drop':
          req.socket.destroy();
          return;
        case 'error': {
          res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
          res.end(JSON.stringify(answer.body ?? { error: { message: answer.message ?? `fake error ${answer.status}`, type: 'fake_error', code: null, param: null } }));
          return;
        }
        case 'completion': {
          const content = answer.content;
          const promptChars = (body.messages ?? []).reduce((n: number, m: { content?: string }) => n + String(m.content ?? '').length, 0);
          const payload = {
            id: `chatcmpl-fake-${++counter}`,
            object: 'chat.completion',
            created: Math.floor(Date.now() / 1000),
            model: body.model,
            choices: [
              {
                index: 0,
                message: { role: 'assistant', content, refusal: answer.refusal ?? null },
                finish_reason: answer.finishReason ?? 'stop',
                logprobs: null,
              },
            ],
            usage: (() => {
              const u = answer.usage ?? { prompt_tokens: Math.ceil(promptChars / 4), completion_tokens: Math.ceil((content ?? '').length / 4) };
              return { ...u, total_tokens: u.prompt_tokens + u.completion_tokens };
            })(),
          };
          const send = () => {
            res.writeHead(200, { 'content-type': 'application/json' });
            res.end(JSON.stringify(payload));
          };
          if (answer.delayMs) setTimeout(send, answer.delayMs);
          else send();
          return;
        }
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  const fake: FakeOpenAIServer = {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    failures,
    expect(...expectations) {
      for (const e of expectations) queue.push({ ...e, left: e.times ?? 1 });
      return fake;
    },
    pending: () => queue.filter((e) => Number.isFinite(e.left)).length,
    assertDone() {
      const problems = [...failures];
      const left = queue.filter((e) => Number.isFinite(e.left));
      if (left.length) problems.push(`${left.length} expected request(s) never came: ${left.map((e) => e.name ?? '(unnamed)').join(', ')}`);
      if (problems.length) throw new Error(`fake OpenAI server:\n  ${problems.join('\n  ')}`);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return fake;
}
