/**
 * The cross-encoder: a Hugging Face-layout model folder (tokenizer.json, onnx/model*.onnx, calibration.json) run with
 * onnxruntime-node in worker-thread lanes (ort-lanes.ts), on the CPU by default or CUDA where offered, behind a dynamic
 * batcher that keeps every lane busy.
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Batcher, type BatcherOptions } from './batcher.ts';
import { OrtLanes, type Feed } from './ort-lanes.ts';
import { PairTokenizer, type EncodedPair, type Truncation } from './pair-tokenizer.ts';

export interface Calibration {
  method: 'platt';
  a: number;
  b: number;
  /** Fitted on the calibration split over the pair logit and the requirement coverage together (optional). */
  combined?: { bias: number; weights: { logit: number; coverage: number; overlap?: number } };
  /** The fit score's weights over its parts and the logit (see @rc/lexical fit.ts); preferred over `combined`. */
  fit?: { bias: number; weights: Record<string, number> & { pair_logit?: number }; cap_missing_must: number };
  /** The fit score's weights without the logit, for pairs whose posting and resume are in different languages. */
  fit_cross_language?: { bias: number; weights: Record<string, number>; cap_missing_must: number };
  /** Cosines of the sentence embedder at which a resume sentence shows a requirement, fitted with `fit`. */
  meaning?: { met: number; partial: number; cross_language_offset?: number };
}

export interface CrossEncoderOptions {
  /** Which ONNX file under onnx/: the int8 one by default. */
  variant?: 'int8' | 'fp32';
  maxLength?: number;
  /** Inference lanes (worker threads, one onnxruntime session each); default: one per core, at most 4 (1 on CUDA). */
  lanes?: number;
  /** onnxruntime intra-op threads of each lane; default: the cores shared out between the lanes. */
  intraOpThreads?: number;
  device?: 'cpu' | 'cuda';
  batch?: Partial<BatcherOptions>;
}

export interface ModelInfo {
  name: string;
  version: string;
  maxLength: number;
  truncation: Truncation;
  file: string;
  calibration: Calibration | null;
  /** Pairs per onnxruntime call: 1 for dynamically quantized models, whose scores would otherwise depend on the batch. */
  maxBatch: number;
  /** Most tokens (pairs × padded length) in one onnxruntime call. */
  batchTokens: number;
  lanes: number;
  threadsPerLane: number;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** Tokens (pairs × padded length) in one CPU run: where this machine's cost per pair was lowest (see load). */
export const CPU_BATCH_TOKENS = 512;

/**
 * The model inputs of a batch of encoded pairs, each padded to `padded` tokens: input ids (padding with padId), the
 * attention mask, and token type ids where the model takes them.
 */
export function pairFeeds(items: EncodedPair[], padded: number, padId: number, withTypeIds: boolean): Feed[] {
  const n = items.length;
  const ids = new BigInt64Array(n * padded).fill(BigInt(padId));
  const mask = new BigInt64Array(n * padded);
  const types = withTypeIds ? new BigInt64Array(n * padded) : null;
  items.forEach((it, i) => {
    for (let j = 0; j < it.inputIds.length; j++) {
      ids[i * padded + j] = BigInt(it.inputIds[j]!);
      mask[i * padded + j] = 1n;
      if (types) types[i * padded + j] = BigInt(it.typeIds[j]!);
    }
  });
  const feeds: Feed[] = [
    { name: 'input_ids', data: ids, dims: [n, padded] },
    { name: 'attention_mask', data: mask, dims: [n, padded] },
  ];
  if (types) feeds.push({ name: 'token_type_ids', data: types, dims: [n, padded] });
  return feeds;
}

export class CrossEncoder {
  private constructor(
    private readonly lanes: OrtLanes,
    readonly tokenizer: PairTokenizer,
    readonly info: ModelInfo,
    private readonly batcher: Batcher<EncodedPair>,
  ) {}

  static async load(modelDir: string, opts: CrossEncoderOptions = {}): Promise<CrossEncoder> {
    const meta = existsSync(join(modelDir, 'model-info.json'))
      ? (JSON.parse(readFileSync(join(modelDir, 'model-info.json'), 'utf8')) as Record<string, unknown>)
      : {};
    const calibration = existsSync(join(modelDir, 'calibration.json'))
      ? (JSON.parse(readFileSync(join(modelDir, 'calibration.json'), 'utf8')) as Calibration)
      : null;
    const candidates = opts.variant === 'fp32' ? ['model.onnx'] : ['model_quantized.onnx', 'model_int8.onnx', 'model.onnx'];
    const file = candidates.map((f) => join(modelDir, 'onnx', f)).find((f) => existsSync(f));
    if (!file) throw new Error(`no ONNX model under ${join(modelDir, 'onnx')} (looked for ${candidates.join(', ')})`);
    const maxLength = opts.maxLength ?? (meta.max_length as number | undefined) ?? 256;
    const truncation = ((meta.truncation as Truncation | undefined) ?? 'longest_first') as Truncation;
    const tokenizer = new PairTokenizer(modelDir, maxLength, truncation);
    const device = opts.device ?? 'cpu';
    const cores = availableParallelism();
    const laneCount = Math.max(1, opts.lanes ?? (device === 'cuda' ? 1 : Math.min(4, cores)));
    const threadsPerLane = Math.max(1, opts.intraOpThreads ?? Math.floor(cores / laneCount));
    const lanes = await OrtLanes.create(file, { lanes: laneCount, threadsPerLane, device });
    const wantsTypeIds = lanes.inputNames.includes('token_type_ids');
    const run = (items: EncodedPair[], padded: number) => lanes.run(pairFeeds(items, padded, tokenizer.padId, wantsTypeIds));
    // Dynamic int8 quantization scales activations per tensor, so a pair's score would depend on what else shares its
    // batch (measured: up to 0.65 in logit). Such models run one pair per call; fp32 and static quantization batch.
    const dynamicInt8 = /dynamic/i.test(String(meta.quantization ?? '')) && !file.endsWith('model.onnx');
    // On the CPU a run's cost per pair is lowest near 512 tokens a batch and rises past it (intermediate activations
    // outgrow the caches): measured per pair, fp32 at 256 tokens 59 ms alone, 66 ms in fours, 70 in sixteens; at 128
    // tokens 30 ms alone, 27 in fours, 31 in sixteens; at 32 tokens 10 ms alone, 6.6 in sixteens. A GPU wants big batches.
    const batching: BatcherOptions = {
      maxBatch: dynamicInt8 ? 1 : 16,
      maxTokens: device === 'cpu' ? CPU_BATCH_TOKENS : 16 * 256,
      maxWaitMs: 2,
      maxQueue: 20_000,
      concurrency: laneCount,
      ...opts.batch,
    };
    const batcher = new Batcher<EncodedPair>(run, (e) => e.inputIds.length, batching);
    const info: ModelInfo = {
      name: (meta.name as string | undefined) ?? 'cross-encoder',
      version: (meta.version as string | undefined) ?? '0',
      maxLength,
      truncation,
      file,
      calibration,
      maxBatch: batching.maxBatch,
      batchTokens: batching.maxTokens,
      lanes: laneCount,
      threadsPerLane,
    };
    return new CrossEncoder(lanes, tokenizer, info, batcher);
  }

  /** Raw logits of already-encoded pairs, batched with whatever else is waiting. */
  logitsOf(encoded: EncodedPair[]): Promise<number[]> {
    return this.batcher.submitMany(encoded);
  }

  /** Raw logits of (first, second) text pairs. */
  logits(pairs: Array<[string, string]>): Promise<number[]> {
    return this.logitsOf(pairs.map(([a, b]) => this.tokenizer.pairHead(a, b)));
  }

  /** Calibrated probability of fit for a logit (plain sigmoid when the model has no calibration). */
  probability(logit: number): number {
    const c = this.info.calibration;
    return c ? sigmoid(c.a * logit + c.b) : sigmoid(logit);
  }

  get queued(): number {
    return this.batcher.queued;
  }

  async close(): Promise<void> {
    this.batcher.close();
    await this.lanes.close();
  }
}
