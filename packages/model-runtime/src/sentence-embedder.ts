/**
 * Sentence embeddings for matching a requirement to a resume sentence by meaning (models/sentence-embed: a six-layer
 * student of multilingual-e5-small, int8, CPU- and batch-independent): each text becomes a unit-length vector, and the cosine of two texts is
 * their dot product. Runs in the same worker-thread lanes as the cross-encoder and tokenizes with the same tokenizer.
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { OrtLanes, type Feed } from './ort-lanes.ts';
import { PairTokenizer } from './pair-tokenizer.ts';

/** e5 convention: 'query' for the requirement side, 'passage' for the resume side. */
export type EmbedKind = 'query' | 'passage';

export interface SentenceEmbedderOptions {
  /** Tokens per sentence, special tokens and the prefix included; longer sentences are cut at the end. Default 64. */
  maxLength?: number;
  /**
   * Sentences per onnxruntime call. A model whose model-info.json says `batch_independent` (the shipped one: one
   * activation scale per token, a pooling sum per sentence) gives a sentence the same bits alone or in a call of many
   * of the same padded length, and pads every sentence to its own length rounded up (`pad_to_multiple`), so its
   * vector never depends on what else is embedded: the default is then 16 a call. For a model quantized with one
   * scale per call the default is 1, since a larger batch would move a sentence's vector with its companions.
   */
  maxBatch?: number;
  /** Most tokens (sentences × padded length) in one call. */
  maxTokens?: number;
  /** Vectors kept for texts seen recently, keyed by (kind, text). Default 20,000 (about 31 MB). */
  cacheSize?: number;
  /** Inference lanes (worker threads with their own session); default: one per core, at most 4. */
  lanes?: number;
  /** onnxruntime intra-op threads of each lane; default: the cores shared out between the lanes. */
  intraOpThreads?: number;
  /** Which ONNX file under onnx/: the int8 one by default. */
  variant?: 'int8' | 'fp32';
}

export interface SentenceEmbedderInfo {
  name: string;
  version: string;
  file: string;
  dimension: number;
  maxLength: number;
  prefixes: Record<EmbedKind, string>;
  maxBatch: number;
  /** The model computes each sentence of a call on its own: a call holds sentences of one padded length only. */
  batchIndependent: boolean;
  /** Each sentence is padded to its token count rounded up to this (for a model that is not batch independent, 1: to the longest of its call). */
  padToMultiple: number;
  lanes: number;
  threadsPerLane: number;
}

export interface EmbedderStats {
  /** Texts answered from the cache (or from a run already under way for the same text). */
  hits: number;
  /** Texts sent to the model. */
  embedded: number;
  /** onnxruntime calls. */
  runs: number;
}

/** Cosine of two unit-length vectors. */
export function cosine(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** The special tokens around a single text, from the tokenizer's post-processor (`<s> text </s>` for XLM-R). */
function singleTemplate(modelDir: string): { head: number[]; tail: number[] } {
  const json = JSON.parse(readFileSync(join(modelDir, 'tokenizer.json'), 'utf8')) as { post_processor?: Record<string, unknown> | null };
  let post = json.post_processor ?? null;
  if (post?.type === 'Sequence') {
    post = (post.processors as Array<Record<string, unknown>>).find((p) => ['TemplateProcessing', 'BertProcessing', 'RobertaProcessing'].includes(p.type as string)) ?? null;
  }
  if (!post) throw new Error('tokenizer.json has no post_processor; cannot build a single-text input');
  if (post.type === 'TemplateProcessing') {
    const specials = post.special_tokens as Record<string, { ids: number[] }>;
    const single = post.single as Array<Record<string, { id: string }>>;
    const at = single.findIndex((p) => p.Sequence);
    const ids = (ps: typeof single) => ps.flatMap((p) => specials[p.SpecialToken!.id]!.ids);
    return { head: ids(single.slice(0, at)), tail: ids(single.slice(at + 1)) };
  }
  const [, clsId] = post.cls as [string, number];
  const [, sepId] = post.sep as [string, number];
  return { head: [clsId], tail: [sepId] };
}

interface Encoded {
  ids: number[];
}

export class SentenceEmbedder {
  private readonly cache = new Map<string, Promise<Float32Array>>();
  private closed = false;
  readonly stats: EmbedderStats = { hits: 0, embedded: 0, runs: 0 };

  private constructor(
    private readonly lanes: OrtLanes,
    readonly tokenizer: PairTokenizer,
    private readonly template: { head: number[]; tail: number[] },
    readonly info: SentenceEmbedderInfo,
    private readonly maxTokens: number,
    private readonly cacheSize: number,
  ) {}

  /** Loads a model folder laid out like models/sentence-embed (tokenizer.json, model-info.json, onnx/*.onnx). */
  static async load(modelDir: string, opts: SentenceEmbedderOptions = {}): Promise<SentenceEmbedder> {
    const meta = existsSync(join(modelDir, 'model-info.json'))
      ? (JSON.parse(readFileSync(join(modelDir, 'model-info.json'), 'utf8')) as Record<string, unknown>)
      : {};
    const config = existsSync(join(modelDir, 'config.json'))
      ? (JSON.parse(readFileSync(join(modelDir, 'config.json'), 'utf8')) as Record<string, unknown>)
      : {};
    const candidates = opts.variant === 'fp32' ? ['model.onnx'] : ['model_quantized.onnx', 'model.onnx'];
    const file = candidates.map((f) => join(modelDir, 'onnx', f)).find((f) => existsSync(f));
    if (!file) throw new Error(`no ONNX model under ${join(modelDir, 'onnx')} (looked for ${candidates.join(', ')})`);
    const maxLength = opts.maxLength ?? (meta.max_length as number | undefined) ?? 64;
    const tokenizer = new PairTokenizer(modelDir, maxLength);
    const template = singleTemplate(modelDir);
    if (maxLength <= template.head.length + template.tail.length) throw new Error(`maxLength ${maxLength} leaves no room for text`);
    const prefixes = { query: 'query: ', passage: 'passage: ', ...(meta.prefixes as Partial<Record<EmbedKind, string>> | undefined) };
    const cores = availableParallelism();
    const independent = meta.batch_independent === true;
    const padToMultiple = independent ? Math.max(1, Number(meta.pad_to_multiple ?? 1)) : 1;
    const laneCount = Math.max(1, opts.lanes ?? Math.min(4, cores));
    const threadsPerLane = Math.max(1, opts.intraOpThreads ?? Math.floor(cores / laneCount));
    const lanes = await OrtLanes.create(file, { lanes: laneCount, threadsPerLane, device: 'cpu' });
    const info: SentenceEmbedderInfo = {
      name: (meta.name as string | undefined) ?? 'sentence-embed',
      version: (meta.version as string | undefined) ?? '0',
      file,
      dimension: (config.hidden_size as number | undefined) ?? 384,
      maxLength,
      prefixes,
      maxBatch: Math.max(1, opts.maxBatch ?? (independent ? 16 : 1)),
      batchIndependent: independent,
      padToMultiple,
      lanes: laneCount,
      threadsPerLane,
    };
    return new SentenceEmbedder(lanes, tokenizer, template, info, opts.maxTokens ?? 1024, Math.max(0, opts.cacheSize ?? 20_000));
  }

  /** The model input of one text: special tokens around the prefixed text, cut to maxLength tokens. */
  encode(text: string, kind: EmbedKind): number[] {
    const { head, tail } = this.template;
    const room = this.info.maxLength - head.length - tail.length;
    return [...head, ...this.tokenizer.headIds(this.info.prefixes[kind] + text, room).ids, ...tail];
  }

  /**
   * Unit-length embeddings of the texts, in order. Texts seen recently (same kind, same text) come from the cache
   * without running the model, and the same text asked for twice at once is embedded once. The returned vectors are
   * shared with the cache: read them, do not write to them.
   */
  embed(texts: string[], kind: EmbedKind): Promise<Float32Array[]> {
    if (this.closed) return Promise.reject(new Error('the model runtime is closed'));
    const out: Promise<Float32Array>[] = [];
    const missing = new Map<string, { text: string; resolve: (v: Float32Array) => void; reject: (e: Error) => void }>();
    // the same text twice in one call is embedded once, with or without a cache
    const asked = new Map<string, Promise<Float32Array>>();
    for (const text of texts) {
      const key = `${kind}\u0000${text}`;
      const again = asked.get(key);
      if (again) {
        out.push(again);
        continue;
      }
      const hit = this.cache.get(key);
      if (hit) {
        this.stats.hits++;
        this.cache.delete(key); // most recently used last
        this.cache.set(key, hit);
        out.push(hit);
        continue;
      }
      const pending = new Promise<Float32Array>((resolve, reject) => missing.set(key, { text, resolve, reject }));
      pending.catch(() => this.cache.get(key) === pending && this.cache.delete(key)); // a failure is not remembered
      this.remember(key, pending);
      asked.set(key, pending);
      out.push(pending);
    }
    if (missing.size > 0) void this.run([...missing.values()], kind);
    return Promise.all(out);
  }

  private remember(key: string, value: Promise<Float32Array>): void {
    if (this.cacheSize === 0) return;
    this.cache.set(key, value);
    while (this.cache.size > this.cacheSize) this.cache.delete(this.cache.keys().next().value!);
  }

  /** The length a sentence of n tokens is padded to: n rounded up to padToMultiple, at most maxLength. */
  paddedLength(n: number): number {
    const m = this.info.padToMultiple;
    return Math.min(this.info.maxLength, Math.ceil(n / m) * m);
  }

  /**
   * Sorts the texts by token count, cuts batches and runs them on the lanes, a few at a time. With a padding multiple
   * a batch holds sentences of one padded length only, so each is computed exactly as it would be alone.
   */
  private async run(items: Array<{ text: string; resolve: (v: Float32Array) => void; reject: (e: Error) => void }>, kind: EmbedKind): Promise<void> {
    let encoded: Array<Encoded & (typeof items)[number]>;
    try {
      encoded = items.map((it) => ({ ...it, ids: this.encode(it.text, kind) })).sort((a, b) => a.ids.length - b.ids.length);
    } catch (err) {
      for (const it of items) it.reject(err as Error);
      return;
    }
    const batches: (typeof encoded)[] = [];
    const fixed = this.info.batchIndependent;
    for (const e of encoded) {
      const last = batches[batches.length - 1];
      const width = this.paddedLength(e.ids.length);
      const fits = last && last.length < this.info.maxBatch && width * (last.length + 1) <= this.maxTokens
        && (!fixed || this.paddedLength(last[0]!.ids.length) === width);
      if (fits) last.push(e);
      else batches.push([e]);
    }
    const dim = this.info.dimension;
    let next = 0;
    const worker = async () => {
      while (next < batches.length) {
        const batch = batches[next++]!;
        try {
          const width = fixed ? this.paddedLength(batch[0]!.ids.length) : 0;
          const data = await this.lanes.run(feeds(batch, this.tokenizer.padId, width));
          this.stats.runs++;
          this.stats.embedded += batch.length;
          if (data.length !== batch.length * dim) throw new Error(`the model gave ${data.length} values for ${batch.length} × ${dim}`);
          batch.forEach((e, i) => e.resolve(data.slice(i * dim, (i + 1) * dim)));
        } catch (err) {
          for (const e of batch) e.reject(err as Error);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.info.lanes, batches.length) }, worker));
  }

  /** Cached vectors (each about 1.5 KB). */
  get cached(): number {
    return this.cache.size;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.cache.clear();
    await this.lanes.close();
  }
}

/** input_ids padded with padId (to `width`, or to the longest text) and the attention mask of a batch of encoded texts. */
function feeds(batch: Encoded[], padId: number, width = 0): Feed[] {
  const n = batch.length;
  const padded = batch.reduce((m, e) => Math.max(m, e.ids.length), width);
  const ids = new BigInt64Array(n * padded).fill(BigInt(padId));
  const mask = new BigInt64Array(n * padded);
  batch.forEach((e, i) => {
    for (let j = 0; j < e.ids.length; j++) {
      ids[i * padded + j] = BigInt(e.ids[j]!);
      mask[i * padded + j] = 1n;
    }
  });
  return [
    { name: 'input_ids', data: ids, dims: [n, padded] },
    { name: 'attention_mask', data: mask, dims: [n, padded] },
  ];
}
