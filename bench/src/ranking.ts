/**
 * Ranking latency for one resume against 1,000 and 10,000 stored vacancies (embedded mode: PGlite full-text prefilter,
 * the parts' estimate, then the full score on the top K), and recall@10 of that ranking against the exhaustive
 * ranking by the same score. Side by side in one run: the product's engine (matching by meaning with the shipped
 * sentence embedder) and the engine without it (words, vocabulary and facts).
 */
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '@rc/config';
import { createDatabase, ensureOwner, LOCAL_OWNER, schema } from '@rc/db';
import { startServices } from '@rc/all-in-one';
import { CrossEncoder } from '@rc/model-runtime';
import { InProcessQueue, LocalProgressBus } from '@rc/queue';
import { createTextAnalysis, CrossEncoderEngine, loadMeaning } from '@rc/scorer';
import { detectLanguage } from '@rc/text';
import { readScreening, seededRandom } from '@rc/testing/screening';
import { percentile, writeResult } from './report.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const MODEL_DIR = process.env.MODEL_DIR ?? join(root, 'models/resume-fit');
const SIZES = (process.env.BENCH_RANK_SIZES ?? '1000,10000').split(',').map(Number);
const RESUMES = Number(process.env.BENCH_RANK_RESUMES ?? 8);
const RECALL_RESUMES = Number(process.env.BENCH_RECALL_RESUMES ?? 8);
const TOP_K = Number(process.env.RANKING_TOP_K ?? 20); // the product's default

const SENIORITY = ['', 'Senior ', 'Junior ', 'Lead ', 'Middle ', 'Principal '];
const CITIES = ['Remote', 'Berlin', 'Moscow', 'London', 'Bangalore', 'Warsaw', 'Almaty', 'Toronto'];

/**
 * Distinct vacancies made from the 300 real job descriptions: each keeps its posting's title (with a seniority) and a
 * random 60-90 % of its lines in a new order, takes two to four lines from another posting and a location. No two
 * are the same text, so recall counts vacancies, not postings.
 */
export function makeVacancies(n: number) {
  const jds = ['jd1', 'jd2', 'jd3'].flatMap((f) => readScreening(f)).map((r) => ({ title: r[0]!, description: r[1]! }));
  const rnd = seededRandom(42);
  const out: Array<{ title: string; description: string }> = [];
  for (let i = 0; i < n; i++) {
    const base = jds[i % jds.length]!;
    if (i < jds.length) {
      out.push(base);
      continue;
    }
    const keep = 0.6 + 0.3 * rnd();
    const lines = base.description.split('\n').filter((l) => l.trim() === '' || rnd() < keep);
    const other = jds[Math.floor(rnd() * jds.length)]!.description.split('\n').filter((l) => l.trim().length > 20);
    for (let k = 2 + Math.floor(rnd() * 3); k > 0 && other.length; k--) lines.push(other[Math.floor(rnd() * other.length)]!);
    for (let k = lines.length - 1; k > 0; k--) {
      if (rnd() < 0.3) {
        const j = Math.floor(rnd() * (k + 1));
        [lines[k], lines[j]] = [lines[j]!, lines[k]!];
      }
    }
    out.push({
      title: `${SENIORITY[Math.floor(rnd() * SENIORITY.length)]}${base.title}`,
      description: `${lines.join('\n')}\nLocation: ${CITIES[Math.floor(rnd() * CITIES.length)]}`,
    });
  }
  return out;
}

export async function benchRanking() {
  const config = loadConfig({ LOG_LEVEL: 'silent', MODEL_DIR, RANKING_TOP_K: String(TOP_K), RATE_LIMIT_PER_MINUTE: '0', SCORER_CONCURRENCY: '1' });
  const ce = await CrossEncoder.load(MODEL_DIR);
  const meaning = await loadMeaning({ EMBED_MODEL_DIR: join(root, 'models/sentence-embed') }, ce.info.calibration?.meaning);
  // the text analysis as the product configures it (TEXT_ANALYSIS_WORKERS worker threads)
  const text = createTextAnalysis(config);
  const engines = [
    { name: 'with matching by meaning (the product)', engine: new CrossEncoderEngine(ce, text, meaning) },
    { name: 'words, vocabulary and facts only', engine: new CrossEncoderEngine(ce, text) },
  ];
  const resumes = readScreening('resumes3').map((r) => r[0]!);
  const results: Record<string, unknown> = {};
  const lines: string[] = [];

  for (const size of SIZES) for (const { name, engine } of engines) {
    const database = await createDatabase({ dataDir: 'memory://' });
    const queue = new InProcessQueue();
    const db = database.db;
    // The gateway and the scorer only: rankings need no advice.
    const services = await startServices(config, { only: ['gateway', 'scorer'], database, queue, bus: new LocalProgressBus(), engine, listen: false, recovery: false });
    const app = services.app!;
    const owner = await ensureOwner(db, LOCAL_OWNER);
    const vacancies = makeVacancies(size);
    for (let i = 0; i < vacancies.length; i += 500) {
      await db.insert(schema.vacancies).values(
        vacancies.slice(i, i + 500).map((v) => ({ ownerId: owner, title: v.title, description: v.description, language: detectLanguage(v.description) })),
      );
    }
    // The scorer reads each saved posting once, in the background (posting-reader.ts); rankings are measured once it
    // has, as in a product whose vacancies were saved before they are ranked. How long that took is reported.
    const reading = performance.now();
    await services.scorer!.reader.caughtUp();
    const readingMs = performance.now() - reading;
    const ids = (await db.select({ id: schema.vacancies.id, title: schema.vacancies.title, description: schema.vacancies.description }).from(schema.vacancies)) as Array<{
      id: string;
      title: string;
      description: string;
    }>;
    const latencies: number[] = [];
    const rankedTop10 = new Map<number, string[]>();
    for (let r = 0; r < RESUMES; r++) {
      const resume = resumes[(r * 13) % resumes.length]!;
      const created = await app.inject({ method: 'POST', url: '/v1/resumes', payload: { name: `R${r}`, content: resume } });
      const resumeId = JSON.parse(created.body).id as string;
      const t = performance.now();
      const res = await app.inject({ method: 'POST', url: '/v1/rankings', payload: { resumeId, limit: 10 } });
      const rankingId = JSON.parse(res.body).id as string;
      await queue.drain(2);
      latencies.push(performance.now() - t);
      const ranking = JSON.parse((await app.inject({ method: 'GET', url: `/v1/rankings/${rankingId}` })).body) as { status: string; results: Array<{ id: string }> };
      if (ranking.status !== 'done') throw new Error(`ranking ${ranking.status}`);
      rankedTop10.set(r, ranking.results.map((x) => x.id));
    }
    latencies.sort((a, b) => a - b);

    // Exhaustive: the cross-encoder over every vacancy, for a sample of the resumes.
    const recalls: number[] = [];
    const exhaustiveSize = Number(process.env[`BENCH_RECALL_MAX_${size}`] ?? (size <= 1000 ? RECALL_RESUMES : Math.min(3, RECALL_RESUMES)));
    for (let r = 0; r < Math.min(exhaustiveSize, RESUMES); r++) {
      const resume = resumes[(r * 13) % resumes.length]!;
      const scores = await engine.scorePairs(ids.map((v) => ({ vacancyText: `${v.title}\n${v.description}`, resumeText: resume })));
      const top = ids
        .map((v, i) => ({ id: v.id, s: scores[i]! }))
        .sort((a, b) => b.s - a.s)
        .slice(0, 10)
        .map((x) => x.id);
      const got = new Set(rankedTop10.get(r)!);
      recalls.push(top.filter((id) => got.has(id)).length / top.length);
    }
    const recall = recalls.length ? recalls.reduce((a, b) => a + b, 0) / recalls.length : null;
    results[`${size} ${name}`] = { readingMs, p50Ms: percentile(latencies, 50), p95Ms: percentile(latencies, 95), rankings: latencies.length, recallAt10: recall, recallSample: recalls.length, topK: TOP_K };
    lines.push(
      `| ${size.toLocaleString('en')} vacancies, ${name} | p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms (${latencies.length} rankings) | ${(readingMs / 1000).toFixed(1)} s | ${
        recall === null ? 'recall not measured at this size' : `recall@10 ${recall.toFixed(2)} vs exhaustive (${recalls.length} resume${recalls.length === 1 ? '' : 's'})`
      } |`,
    );
    // The engine was given, so it outlives each size's services.
    await services.stop();
  }
  await engines[0]!.engine.close(); // closes the model and the embedder; the other engine shares the model
  writeResult(
    'ranking',
    { topK: TOP_K, sizes: results },
    `| ranking one resume (embedded, PGlite: shortlist by the stored readings, the parts' estimate, full score on the top ${TOP_K}) | latency | saved postings read (background, before) | quality |\n| --- | --- | --- | --- |\n${lines.join('\n')}`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await benchRanking();
