import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SentenceEmbedder, cosine, type EmbedKind } from './sentence-embedder.ts';

// The shipped sentence encoder in onnxruntime-node with the JavaScript tokenizer must give what the pipeline's Python
// gave (models/sentence-embed/parity.json), and must do the job it is shipped for: a requirement meets the resume
// sentence that says the same thing in other words or in the other language, above sentences about something else.
const modelDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../models/sentence-embed');
const fixturePath = join(modelDir, 'parity.json');

interface Case {
  id: string;
  kind: EmbedKind;
  text: string;
  input_ids: number[];
  truncated: boolean;
  embedding_torch_fp32: number[];
  embedding_onnx_int8: number[];
}

const cos = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
};

describe('the sentence embedder', () => {
  let emb: SentenceEmbedder;
  let fixture: { max_length: number; cases: Case[] };
  beforeAll(async () => {
    expect(existsSync(fixturePath), 'models/sentence-embed/parity.json is shipped with the model').toBe(true);
    fixture = JSON.parse(readFileSync(fixturePath, 'utf8'));
    emb = await SentenceEmbedder.load(modelDir, { lanes: 1, intraOpThreads: 1 });
  });
  afterAll(async () => {
    await emb?.close();
  });

  it('tokenizes each sentence, prefix and truncation included, exactly as the Hugging Face tokenizer', () => {
    expect(fixture.cases.some((c) => c.truncated)).toBe(true);
    for (const c of fixture.cases) {
      const ids = emb.encode(c.text, c.kind);
      expect(ids, c.id).toEqual(c.input_ids);
      expect(ids.length).toBeLessThanOrEqual(fixture.max_length);
    }
  });

  it('gives the int8 embeddings of Python onnxruntime (cosine > 0.999), unit length, close to PyTorch fp32', async () => {
    const got: Float32Array[] = [];
    for (const kind of ['query', 'passage'] as const) {
      const cases = fixture.cases.filter((c) => c.kind === kind);
      const vecs = await emb.embed(cases.map((c) => c.text), kind);
      cases.forEach((c, i) => (got[fixture.cases.indexOf(c)] = vecs[i]!));
    }
    const vsOnnx = fixture.cases.map((c, i) => cos(got[i]!, c.embedding_onnx_int8));
    const vsTorch = fixture.cases.map((c, i) => cos(got[i]!, c.embedding_torch_fp32));
    console.log(`embedder parity over ${fixture.cases.length} sentences: min cos node/python int8 ${Math.min(...vsOnnx).toFixed(6)}, min cos node int8/torch fp32 ${Math.min(...vsTorch).toFixed(4)}`);
    for (const [i, c] of fixture.cases.entries()) {
      expect(vsOnnx[i], c.id).toBeGreaterThan(0.999);
      expect(got[i]!.length).toBe(emb.info.dimension);
      expect(Math.abs(cos(got[i]!, got[i]!) - 1), c.id).toBeLessThan(1e-4);
      // int8's own distance to fp32, already present in Python; a broken export would be far below this.
      expect(vsTorch[i], c.id).toBeGreaterThan(0.97);
    }
  });

  it('ranks the meaning-matched resume sentence above unrelated ones, in Russian, English and across the two', async () => {
    const cases: Array<[string, string]> = [
      ['Experience with PostgreSQL', 'Designed the Postgres schema and tuned slow queries.'],
      ['Team leadership', 'Led a team of four engineers.'],
      ['Hands-on Kubernetes experience', 'Moved our services to k8s.'],
      ['Расчёт заработной платы в 1С:ЗУП', 'Вёл расчёт зарплаты на 800 человек в ЗУП.'],
      ['Опыт руководства командой', 'Led a team of four developers.'],
      ['Опыт работы с PostgreSQL', 'Tuned Postgres indexes for a 2 TB database.'],
    ];
    const unrelated = [
      'Cooked breakfast and lunch service on the grill line.',
      'Taught English to adult learners.',
      'Водил фуру по маршрутам Москва — Казань.',
      'Проводила уроки английского для школьников.',
    ];
    const q = await emb.embed(cases.map(([r]) => r), 'query');
    const p = await emb.embed([...cases.map(([, s]) => s), ...unrelated], 'passage');
    for (const [i, [req, sentence]] of cases.entries()) {
      const match = cosine(q[i]!, p[i]!);
      const worstOther = Math.max(...unrelated.map((_, j) => cosine(q[i]!, p[cases.length + j]!)));
      // e5 cosines are compressed (about 0.72-0.92 on the similarity set), so 0.01 is a real margin; the narrowest
      // here is the Russian requirement against the English sentence (0.837 against 0.822).
      expect(match, `${req} / ${sentence}`).toBeGreaterThan(worstOther + 0.01);
    }
  });

  it('answers a text seen before from the cache, with the same vector and without running the model', async () => {
    const texts = ['Cache check: wrote Terraform modules for AWS networking.', 'Проверка кэша: вела учёт основных средств.'];
    const first = await emb.embed(texts, 'passage');
    const before = { ...emb.stats };
    const again = await emb.embed([texts[1]!, texts[0]!], 'passage');
    expect(again[0]).toBe(first[1]);
    expect(again[1]).toBe(first[0]);
    expect(emb.stats.embedded).toBe(before.embedded);
    expect(emb.stats.runs).toBe(before.runs);
    expect(emb.stats.hits).toBe(before.hits + 2);
    // The cache is keyed by kind too: the same words as a query are another input ("query: " prefix).
    const asQuery = await emb.embed([texts[0]!], 'query');
    expect(asQuery[0]).not.toBe(first[0]);
    expect(emb.stats.embedded).toBe(before.embedded + 1);
  });

  it('embeds a text asked for twice at once only once', async () => {
    const before = emb.stats.embedded;
    const text = 'Dedup check: configured Grafana dashboards.';
    const [a, b] = await Promise.all([emb.embed([text, text], 'passage'), emb.embed([text], 'passage')]);
    expect(a[0]).toBe(a[1]);
    expect(b[0]).toBe(a[0]);
    expect(emb.stats.embedded).toBe(before + 1);
  });

  it('answers a text asked for twice in one call without a cache too (no promise left waiting)', async () => {
    const uncached = await SentenceEmbedder.load(modelDir, { lanes: 1, intraOpThreads: 1, cacheSize: 0 });
    try {
      const text = 'Page 1 of 2';
      const vectors = await uncached.embed([text, 'Led a team of four.', text], 'passage');
      expect(vectors).toHaveLength(3);
      expect(vectors[2]).toBe(vectors[0]);
      expect(uncached.stats.embedded).toBe(2);
    } finally {
      await uncached.close();
    }
  });

  it('gives a sentence the same bits whatever else is embedded with it, batching sentences of one padded length', async () => {
    const fresh = await SentenceEmbedder.load(modelDir, { lanes: 1, intraOpThreads: 1, cacheSize: 0 });
    const single = await SentenceEmbedder.load(modelDir, { lanes: 1, intraOpThreads: 1, cacheSize: 0, maxBatch: 1 });
    try {
      expect(fresh.info.batchIndependent, 'model-info.json says the shipped file computes each sentence alone').toBe(true);
      expect(fresh.info.padToMultiple, 'the shipped model pads each sentence by its own length').toBeGreaterThan(1);
      expect(fresh.info.maxBatch, 'the shipped model batches by default').toBeGreaterThan(1);
      const s = 'Isolation check: maintained the payroll of a retail chain.';
      const [alone] = await single.embed([s], 'passage');
      // companions of the same padded length share its call; the others run in calls of their own
      const width = fresh.paddedLength(fresh.encode(s, 'passage').length);
      const same = ['Isolation check: kept the payroll of a big retail chain.', 'Isolation check: ran the payroll for a retail chain.', 'Isolation check: maintained payroll at a retail chain.']
        .filter((t) => fresh.paddedLength(fresh.encode(t, 'passage').length) === width);
      expect(same.length).toBeGreaterThan(0);
      const texts = ['A much longer sentence about Kubernetes, Helm charts, Terraform and on-call duty for a team of nine.', ...same, s, 'Short.'];
      const withOthers = await fresh.embed(texts, 'passage');
      expect(fresh.stats.runs, 'sentences of one padded length share a call').toBeLessThan(texts.length);
      expect(Array.from(withOthers[texts.indexOf(s)]!)).toEqual(Array.from(alone!));
      // every other sentence too: the batched vectors are the one-a-call vectors, bit for bit
      const oneByOne = await single.embed(texts, 'passage');
      texts.forEach((t, i) => expect(Array.from(withOthers[i]!), t).toEqual(Array.from(oneByOne[i]!)));
    } finally {
      await fresh.close();
      await single.close();
    }
  });

  it('cuts a very long "sentence" to maxLength tokens without tokenizing all of it', async () => {
    const huge = 'Kubernetes '.repeat(100_000);
    const t0 = process.cpuUsage();
    const ids = emb.encode(huge, 'passage');
    const ms = (process.cpuUsage(t0).user + process.cpuUsage(t0).system) / 1000;
    expect(ids.length).toBe(emb.info.maxLength);
    expect(ms).toBeLessThan(500);
    const [v] = await emb.embed([huge], 'passage');
    expect(v!.length).toBe(emb.info.dimension);
  });

  it('keeps one sentence a call for a model that takes one activation scale a call (no batch_independent)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'embed-'));
    try {
      mkdirSync(join(dir, 'onnx'));
      symlinkSync(join(modelDir, 'onnx/model_quantized.onnx'), join(dir, 'onnx/model_quantized.onnx'));
      for (const f of ['tokenizer.json', 'tokenizer_config.json', 'special_tokens_map.json', 'config.json']) copyFileSync(join(modelDir, f), join(dir, f));
      const info = JSON.parse(readFileSync(join(modelDir, 'model-info.json'), 'utf8')) as Record<string, unknown>;
      delete info.batch_independent;
      writeFileSync(join(dir, 'model-info.json'), JSON.stringify(info));
      const old = await SentenceEmbedder.load(dir, { lanes: 1, intraOpThreads: 1, cacheSize: 0 });
      try {
        expect(old.info.batchIndependent).toBe(false);
        expect(old.info.maxBatch).toBe(1);
        expect(old.info.padToMultiple).toBe(1);
        await old.embed(['First sentence about payroll.', 'Second sentence about payroll.'], 'passage');
        expect(old.stats.runs).toBe(2);
      } finally {
        await old.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('pads a sentence to its own length rounded up, never past maxLength', () => {
    const m = emb.info.padToMultiple;
    expect(emb.paddedLength(1)).toBe(m);
    expect(emb.paddedLength(m)).toBe(m);
    expect(emb.paddedLength(m + 1)).toBe(2 * m);
    expect(emb.paddedLength(emb.info.maxLength)).toBe(emb.info.maxLength);
  });
});
