/**
 * `export-training-data`: every stored LLM exchange as a chat-format JSONL fine-tuning set for the in-house model,
 * personal data masked (toFineTuningJsonl). Pages through the table, so a large log never sits in memory at once.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { llmExchangeRepo } from '@rc/db';
import { toFineTuningJsonl } from '@rc/llm';
import { CliError } from '../errors.ts';
import type { CommandContext } from './context.ts';
import { openDatabase } from './database.ts';

export interface ExportOptions {
  out?: string;
  onlyGood: boolean;
  pageSize?: number;
}

export async function exportTrainingData(opts: ExportOptions, ctx: CommandContext): Promise<number> {
  const handle = await openDatabase(ctx.env);
  let file: WriteStream | null = null;
  try {
    let writeError: Error | null = null;
    if (opts.out) {
      const stream = createWriteStream(opts.out, { flags: 'w' });
      file = stream;
      stream.on('error', (err) => (writeError ??= err));
      await new Promise<void>((resolve) => {
        stream.once('open', () => resolve());
        stream.once('error', () => resolve());
      });
    }
    const failIfBroken = () => {
      if (writeError) throw new CliError(`cannot write ${opts.out}: ${(writeError as Error).message}`);
    };
    failIfBroken();
    const sink = file ?? ctx.stdout;
    const pageSize = opts.pageSize ?? 500;
    let afterId: string | undefined;
    let read = 0;
    let written = 0;
    for (;;) {
      const rows = await llmExchangeRepo.pageById(handle.db, { afterId, limit: pageSize, onlyGood: opts.onlyGood });
      if (!rows.length) break;
      read += rows.length;
      const jsonl = toFineTuningJsonl(
        rows.map((r) => ({ messages: r.messages, response: r.response, parsed: r.parsed, grounded: r.grounded })),
        { onlyGood: opts.onlyGood },
      );
      if (jsonl) {
        written += jsonl.split('\n').length - 1;
        if (!sink.write(jsonl)) await Promise.race([once(sink, 'drain'), once(sink, 'close')]);
        failIfBroken();
      }
      afterId = rows[rows.length - 1]!.id;
      if (rows.length < pageSize) break;
    }
    if (file) {
      const stream = file;
      await new Promise<void>((resolve) => stream.end(() => resolve()));
      failIfBroken();
    }
    const where = opts.out ? ` to ${opts.out}` : '';
    ctx.stderr.write(
      read === 0
        ? `No LLM exchanges are stored yet${opts.onlyGood ? ' that parsed and passed the grounding check' : ''}; nothing to export.\n`
        : `Exported ${written} of ${read} stored LLM exchanges${where} (personal data masked${opts.onlyGood ? '; only parsed and grounded answers' : ''}).\n`,
    );
    return 0;
  } finally {
    file?.destroy();
    await handle.close();
  }
}
