/**
 * The training-data export: stored LLM exchanges as a chat-format JSONL fine-tuning set for the in-house advice model,
 * personal data masked (toFineTuningJsonl), page by page so a large log never sits in memory. The admin route and
 * the CLI both write what this yields.
 */
import type { Database } from '@rc/db';
import { llmExchangeRepo } from '@rc/db';
import { toFineTuningJsonl } from '@rc/llm';

export interface TrainingDataPage {
  /** JSONL lines of this page ('' when none of its exchanges is kept). */
  jsonl: string;
  /** Exchanges read, and lines written, in this page. */
  read: number;
  written: number;
}

export async function* exportTrainingData(db: Database, opts: { onlyGood: boolean; pageSize?: number }): AsyncGenerator<TrainingDataPage> {
  const pageSize = opts.pageSize ?? 500;
  let afterId: string | undefined;
  for (;;) {
    const rows = await llmExchangeRepo.pageById(db, { afterId, limit: pageSize, onlyGood: opts.onlyGood });
    if (!rows.length) return;
    const jsonl = toFineTuningJsonl(
      rows.map((r) => ({ messages: r.messages, response: r.response, parsed: r.parsed, grounded: r.grounded })),
      { onlyGood: opts.onlyGood },
    );
    yield { jsonl, read: rows.length, written: jsonl ? jsonl.split('\n').length - 1 : 0 };
    afterId = rows[rows.length - 1]!.id;
    if (rows.length < pageSize) return;
  }
}
