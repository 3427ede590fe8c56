/**
 * Control characters and unpaired surrogates in accepted text are dropped, on PGlite and on PostgreSQL alike:
 * PostgreSQL refuses U+0000, which answered 500 internal_error.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@rc/config';
import { createDatabase, type DatabaseHandle } from '@rc/db';
import { InProcessQueue, LocalProgressBus } from '@rc/queue';
import { LexicalEngine } from '@rc/scorer';
import { createTestDatabase, findPostgres, waitFor, type TestDatabase } from '@rc/testing';
import { startServices } from './start-services.ts';

const DIRTY = 'Python\u0000 developer\u0007 with Django\u000C\ud800 and PostgreSQL\udc00.\u001b[31m';
const CLEAN = 'Python developer with Django\n and PostgreSQL.[31m';

const postgres = await findPostgres();

describe.each([
  ['PGlite', null],
  ['PostgreSQL', postgres],
] as const)('%s: text with control characters', (kind, baseUrl) => {
  let app: FastifyInstance;
  let database: DatabaseHandle;
  let testDb: TestDatabase | undefined;
  let queue: InProcessQueue;
  let bus: LocalProgressBus;

  beforeAll(async () => {
    if (kind === 'PostgreSQL' && !baseUrl) return;
    if (baseUrl) testDb = await createTestDatabase(baseUrl);
    const config = loadConfig({ LOG_LEVEL: 'silent', MODEL_DIR: 'none', SCORER_CONCURRENCY: '1', ADVISOR_CONCURRENCY: '1' });
    database = await createDatabase({ databaseUrl: testDb?.url, dataDir: 'memory://' });
    queue = new InProcessQueue({ backoffMs: 20 });
    bus = new LocalProgressBus();
    app = (await startServices(config, { database, queue, bus, engine: new LexicalEngine(), listen: false, recovery: false })).app!;
  });
  afterAll(async () => {
    await app?.close();
    await queue?.close();
    await bus?.close();
    await database?.close();
    await testDb?.drop();
  });

  const json = (r: { body: string }) => JSON.parse(r.body);

  it.skipIf(kind === 'PostgreSQL' && !postgres)('stores resumes and vacancies without them, through every route that takes text', async () => {
    const resume = await app.inject({ method: 'POST', url: '/v1/resumes', payload: { name: 'CV\u0000 one', content: DIRTY } });
    expect(resume.statusCode).toBe(201);
    expect(json(resume)).toMatchObject({ name: 'CV one', content: CLEAN });
    const id = json(resume).id as string;
    expect(json(await app.inject({ method: 'GET', url: `/v1/resumes/${id}` })).content).toBe(CLEAN);

    const patched = await app.inject({ method: 'PATCH', url: `/v1/resumes/${id}`, payload: { content: `${DIRTY} Docker\u0000` } });
    expect(patched.statusCode).toBe(200);
    expect(json(patched).content).toBe(`${CLEAN} Docker`);

    const vacancy = await app.inject({ method: 'POST', url: '/v1/vacancies', payload: { title: 'Dev\u0000', description: `Requirements:\n- ${DIRTY}` } });
    expect(vacancy.statusCode).toBe(201);
    expect(json(vacancy)).toMatchObject({ title: 'Dev', description: `Requirements:\n- ${CLEAN}` });

    const legacy = await app.inject({ method: 'POST', url: '/api/resumes/', payload: { name: 'old\u0000', content: DIRTY } });
    expect(legacy.statusCode).toBe(201);
    expect(json(legacy)).toMatchObject({ name: 'old', content: CLEAN });

    const form = await app.inject({
      method: 'POST',
      url: '/api/vacancies/',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `title=Form%00+dev&description=${encodeURIComponent('Python\u0000 and Docker\u0007')}`,
    });
    expect(form.statusCode).toBe(201);
    expect(json(form)).toMatchObject({ title: 'Form dev', description: 'Python and Docker' });

    const boundary = 'rc-boundary';
    const upload = await app.inject({
      method: 'POST',
      url: '/v1/resumes/upload',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="name"\r\n\r\nUploaded\u0000 CV\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cv\u0001.txt"\r\nContent-Type: text/plain\r\n\r\n` +
          `Python developer with Docker\r\n--${boundary}--\r\n`,
      ),
    });
    expect(upload.statusCode).toBe(201);
    expect(json(upload)).toMatchObject({ name: 'Uploaded CV', content: 'Python developer with Docker', file: { name: 'cv.txt' } });
  });

  it.skipIf(kind === 'PostgreSQL' && !postgres)('runs an analysis of inline texts that carry them', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/analyses', payload: { resumeText: DIRTY, vacancyText: `Requirements:\n- Python\u0000\n- Django\ud800` } });
    expect(res.statusCode).toBe(202);
    const id = json(res).id as string;
    const done = await waitFor(async () => {
      const body = json(await app.inject({ method: 'GET', url: `/v1/analyses/${id}` }));
      return body.status === 'done' || body.status === 'failed' ? body : null;
    }, { what: 'the analysis' });
    expect(done.status).toBe('done');
    expect(done.requirements.map((r: { text: string }) => r.text)).toEqual(['Python', 'Django']);
  });

  it.skipIf(kind === 'PostgreSQL' && !postgres)('refuses a text that is nothing but control characters, as an empty one', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/resumes', payload: { name: 'x', content: '\u0000\u0001\ud800' } });
    expect(res.statusCode).toBe(400);
    expect(json(res).error.code).toBe('validation_error');
  });
});
