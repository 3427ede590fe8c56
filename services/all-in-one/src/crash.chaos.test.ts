import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { canRunOwnServers, freePort, inCI, OwnPostgres, OwnRedis, startProcess, tsxBin, waitFor, waitForHttp, type Proc } from '@rc/testing';

// Crash survival against real servers of the test's own: workers and Redis are killed mid-work, PostgreSQL stops,
// and every accepted analysis must still finish, exactly once.
const available = canRunOwnServers();
if (!available && inCI) throw new Error('the crash tests need redis-server and the PostgreSQL binaries');

const VACANCY = { title: 'Backend developer', description: 'Requirements:\n- Python\n- PostgreSQL\n- Docker\n- Kubernetes\nNice to have:\n- Kafka' };
const RESUME =
  'Backend developer with 6 years of Python. Designed PostgreSQL schemas, shipped services in Docker on Kubernetes, built Kafka consumers. ' +
  'Led a team of four; cut cloud costs by 30 %. '.repeat(6);

describe.skipIf(!available)('crash survival', () => {
  let postgres: OwnPostgres;
  let redis: OwnRedis;
  let base: string;
  let env: Record<string, string>;
  const procs = new Map<string, Proc>();

  const start = (name: string, service: string) => {
    const p = startProcess(tsxBin, [`services/all-in-one/src/processes/${service}.ts`], env);
    procs.set(name, p);
    return p;
  };
  const post = async (path: string, body: unknown) => {
    const r = await fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: r.status, body: (await r.json()) as { id: string } };
  };
  const query = async (sql: string, params: unknown[] = []) => {
    const c = new pg.Client({ connectionString: env.DATABASE_URL });
    await c.connect();
    try {
      return (await c.query(sql, params)).rows;
    } finally {
      await c.end();
    }
  };
  const accept = async (n: number) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const r = await post('/v1/analyses', { resumeText: `${RESUME} (#${i})`, vacancyText: `${VACANCY.title}\n${VACANCY.description}` });
      expect(r.status).toBe(202);
      ids.push(r.body.id);
    }
    return ids;
  };
  const allDone = (ids: string[], timeoutMs = 120_000) =>
    waitFor(
      async () => {
        const rows = await query(`SELECT id, status, attempts FROM analyses WHERE id = ANY($1::uuid[])`, [ids]);
        return rows.length === ids.length && rows.every((r) => r.status === 'done') ? rows : null;
      },
      { timeoutMs, intervalMs: 250, what: 'every accepted analysis to finish' },
    );

  beforeAll(async () => {
    [postgres, redis] = await Promise.all([OwnPostgres.start(), OwnRedis.start()]);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    env = {
      DATABASE_URL: postgres.url,
      REDIS_URL: redis.url,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      LLM_PROVIDER: 'rules',
      QUEUE_LOCK_MS: '3000',
      RECOVERY_INTERVAL_MS: '1000',
      RECOVERY_STALE_MS: '4000',
      SCORER_CONCURRENCY: '1',
      // Two tries: the poison case below kills its scorer twice.
      JOB_MAX_ATTEMPTS: '2',
    };
    start('gateway', 'gateway');
    await waitForHttp(`${base}/readyz`, procs.get('gateway')!);
    start('advisor', 'advisor');
  });

  afterAll(async () => {
    await Promise.all([...procs.values()].map((p) => p.stop('SIGKILL')));
    await redis?.kill();
    await postgres?.destroy();
  });

  it('a scorer killed (SIGKILL) in the middle of a job: another scorer finishes it, one result stored', async () => {
    const ids = await accept(16);
    // Kill the only scorer while it is inside a job; an analysis left in `scoring` after the kill is an orphan.
    let orphan: string | undefined;
    for (let round = 1; round <= 6 && !orphan; round++) {
      const scorer = start(`scorer-kill-${round}`, 'scorer');
      await waitFor(async () => (await query(`SELECT 1 FROM analyses WHERE status = 'scoring' AND id = ANY($1::uuid[])`, [ids])).length > 0, {
        timeoutMs: 60_000,
        intervalMs: 10,
        what: 'a job in progress',
      });
      await scorer.stop('SIGKILL');
      orphan = (await query(`SELECT id FROM analyses WHERE status = 'scoring' AND id = ANY($1::uuid[])`, [ids]))[0]?.id;
    }
    expect(orphan, 'the scorer was never caught inside a job').toBeDefined();
    start('scorer-2', 'scorer');
    const rows = await allDone(ids);
    expect(rows.find((r) => r.id === orphan)!.attempts).toBeGreaterThanOrEqual(2);
    // Exactly one result per analysis, whatever ran twice.
    const scored = await query(`SELECT count(*)::int AS n FROM analyses WHERE id = ANY($1::uuid[]) AND scoring IS NOT NULL AND advice IS NOT NULL`, [ids]);
    expect(scored[0].n).toBe(ids.length);
  });

  it('Redis dies and loses every queued job: each accepted analysis still completes once it is back', async () => {
    await redis.kill();
    const ids = await accept(4); // accepted while Redis is down: stored as queued, not enqueued
    const rows = await query(`SELECT status FROM analyses WHERE id = ANY($1::uuid[])`, [ids]);
    expect(rows.every((r) => r.status === 'queued')).toBe(true);
    await redis.start();
    await allDone(ids);
  });

  it('PostgreSQL stops: the gateway answers 503 with Retry-After, then recovers by itself', async () => {
    await postgres.stop('fast');
    const down = await fetch(`${base}/v1/vacancies`);
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBeTruthy();
    expect(((await down.json()) as { error: { code: string } }).error.code).toBe('service_unavailable');
    expect((await fetch(`${base}/readyz`)).status).toBe(503);
    await postgres.start();
    await waitFor(async () => (await fetch(`${base}/v1/vacancies`)).status === 200, { timeoutMs: 30_000, what: 'the gateway to recover' });
    const ids = await accept(2);
    await allDone(ids);
  });

  it('SIGTERM lets a scorer finish or hand back its jobs, and it exits cleanly', async () => {
    const ids = await accept(6);
    await waitFor(
      async () => (await query(`SELECT 1 FROM analyses WHERE status IN ('scoring', 'done') AND id = ANY($1::uuid[])`, [ids])).length > 0,
      { timeoutMs: 60_000, intervalMs: 10 },
    );
    const code = await procs.get('scorer-2')!.stop('SIGTERM');
    expect(code).toBe(0);
    start('scorer-3', 'scorer');
    await allDone(ids);
  });

  // Each of the three below starts with no scorer running and leaves one running.
  const stopScorers = async () => {
    for (const [name, p] of procs) if (name.startsWith('scorer') && p.child.exitCode === null && p.child.signalCode === null) await p.stop('SIGTERM');
  };
  const waitingInRedis = async () => {
    const text = await (await fetch(`${base}/metrics`)).text();
    return Number(/^rc_queue_jobs\{queue="scoring",state="waiting"\} (\d+)/m.exec(text)?.[1] ?? 0);
  };

  it('Redis dies holding accepted jobs that no scorer has taken: each completes once Redis is back', async () => {
    await stopScorers();
    const ids = await accept(4);
    // the jobs are in Redis, waiting, when it dies (not merely never enqueued)
    expect(await waitingInRedis()).toBeGreaterThanOrEqual(ids.length);
    await redis.kill();
    await redis.start();
    await waitFor(async () => (await fetch(`${base}/readyz`)).status === 200, { timeoutMs: 30_000, what: 'the gateway to see Redis again' });
    start('scorer-4', 'scorer');
    const rows = await allDone(ids);
    expect(rows.every((r) => r.attempts === 1)).toBe(true);
  });

  it('a takeover after SIGKILL scores only the orphan again: work already scored keeps its scored_at', async () => {
    await stopScorers();
    const ids = await accept(12);
    const scorer = start('scorer-5', 'scorer');
    await waitFor(
      async () => {
        const rows = await query(`SELECT id, status FROM analyses WHERE id = ANY($1::uuid[])`, [ids]);
        return rows.some((r) => r.status === 'scoring') && rows.filter((r) => r.status !== 'queued' && r.status !== 'scoring').length >= 2;
      },
      { timeoutMs: 120_000, intervalMs: 10, what: 'some analyses scored and one in progress' },
    );
    await scorer.stop('SIGKILL');
    const before = await query(`SELECT id, status, scored_at::text AS scored_at FROM analyses WHERE id = ANY($1::uuid[])`, [ids]);
    const scoredBefore = before.filter((r) => r.scored_at !== null);
    expect(scoredBefore.length).toBeGreaterThanOrEqual(2);
    start('scorer-6', 'scorer');
    const rows = await allDone(ids);
    const after = new Map((await query(`SELECT id, scored_at::text AS scored_at FROM analyses WHERE id = ANY($1::uuid[])`, [ids])).map((r) => [r.id, r.scored_at]));
    for (const r of scoredBefore) expect(after.get(r.id), `analysis ${r.id} was scored again`).toBe(r.scored_at);
    for (const r of rows.filter((x) => scoredBefore.some((b) => b.id === x.id))) expect(r.attempts).toBe(1);
  });

  it('SIGTERM: the jobs in progress are finished by the scorer that stops, before it exits and before any lock expires', async () => {
    await stopScorers();
    const ids = await accept(6);
    const scorer = start('scorer-7', 'scorer');
    // a scorer's start (model load, warm-up) takes seconds on an idle machine and a minute on a crowded one
    await waitFor(async () => (await query(`SELECT 1 FROM analyses WHERE status = 'scoring' AND id = ANY($1::uuid[])`, [ids])).length > 0, {
      timeoutMs: 120_000,
      intervalMs: 5,
      what: 'a job in progress',
    });
    const t = performance.now();
    expect(await scorer.stop('SIGTERM')).toBe(0);
    const exitMs = performance.now() - t;
    // No other scorer runs: whatever was in progress was finished by the one that stopped, not dropped for a
    // takeover (that would wait QUEUE_LOCK_MS, 3 s here, for the lock and claim the analysis a second time).
    const rows = await query(`SELECT id, status, attempts, scored_at FROM analyses WHERE id = ANY($1::uuid[])`, [ids]);
    expect(rows.filter((r) => r.status === 'scoring')).toEqual([]);
    const started = rows.filter((r) => r.attempts > 0);
    expect(started.length).toBeGreaterThan(0);
    for (const r of started) expect(r.scored_at).not.toBeNull();
    expect(exitMs).toBeLessThan(Number(env.QUEUE_LOCK_MS));
    start('scorer-8', 'scorer');
    const done = await allDone(ids);
    expect(done.every((r) => r.attempts === 1)).toBe(true);
  });

  it('a poison job (its scorer dies every time it runs it) ends failed after JOB_MAX_ATTEMPTS runs, with a text-free error', async () => {
    // No scorer may be running: each run of the poison must be one we control.
    for (const [name, p] of procs) if (name.startsWith('scorer')) await p.stop('SIGKILL');
    // A large pair keeps the scorer busy long enough (about half a second) to be caught inside the job.
    const skills = ['Python', 'PostgreSQL', 'Docker', 'Kubernetes', 'Kafka', 'Redis', 'Terraform', 'Linux', 'Go', 'Rust'];
    const vacancyText = 'Requirements:\n' + Array.from({ length: 300 }, (_, i) => `- ${skills[i % 10]} and ${skills[(i * 7) % 10]}, item ${i}`).join('\n');
    const resumeText = Array.from({ length: 1200 }, (_, i) => `Built ${skills[i % 10]} services with ${skills[(i * 3) % 10]} at company ${i}.`).join(' ');
    const r = await post('/v1/analyses', { resumeText, vacancyText });
    expect(r.status).toBe(202);
    const id = r.body.id;
    for (let run = 1; run <= 2; run++) {
      const scorer = start(`poison-scorer-${run}`, 'scorer');
      await waitFor(async () => (await query(`SELECT 1 FROM analyses WHERE id = $1 AND status = 'scoring' AND attempts = $2`, [id, run])).length > 0, {
        timeoutMs: 90_000,
        intervalMs: 10,
        what: `run ${run} of the poison job`,
      });
      // Hold the row so the run cannot store a result, then kill the scorer inside the job, as a poison would.
      const holder = new pg.Client({ connectionString: env.DATABASE_URL });
      await holder.connect();
      try {
        await holder.query('BEGIN');
        const [row] = (await holder.query(`SELECT status FROM analyses WHERE id = $1 FOR UPDATE`, [id])).rows;
        expect(row.status, 'the run finished before it could be killed').toBe('scoring');
        await scorer.stop('SIGKILL');
      } finally {
        await holder.query('ROLLBACK');
        await holder.end();
      }
    }
    // A fresh scorer and the gateway's recovery loop both see a job with no tries left: it ends failed, unrun.
    start('scorer-after-poison', 'scorer');
    const failed = await waitFor(
      async () => (await query(`SELECT status, attempts, error FROM analyses WHERE id = $1 AND status = 'failed'`, [id]))[0],
      { timeoutMs: 60_000, intervalMs: 250, what: 'the poison analysis to fail' },
    );
    expect(['too_many_attempts', 'job_stalled']).toContain(failed.error.code);
    expect(JSON.stringify(failed.error)).not.toMatch(/Python|company/);
    const api = await fetch(`${base}/v1/analyses/${id}`).then((res) => res.json() as Promise<{ status: string; error: { code: string } }>);
    expect(api.status).toBe('failed');
    // Several recovery rounds (every second, stale after 4 s) later it is still failed and was never run a third time.
    await new Promise((res) => setTimeout(res, 6_000));
    const [after] = await query(`SELECT status, attempts FROM analyses WHERE id = $1`, [id]);
    expect(after).toEqual({ status: 'failed', attempts: 2 });
    // The survivors still work: a normal analysis completes.
    await allDone(await accept(1));
  });
});
