/**
 * `export-training-data`: every stored LLM exchange as a chat-format JSONL fine-tuning set for the in-house model,
 * personal data masked: the gateway's export use case (the admin route's), written to a file or stdout.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { exportTrainingData as exportTrainingDataPages } from '@rc/gateway';
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
    let read = 0;
    let written = 0;
    for await (const page of exportTrainingDataPages(handle.db, { onlyGood: opts.onlyGood, pageSize: opts.pageSize })) {
      read += page.read;
      written += page.written;
      if (page.jsonl) {
        if (!sink.write(page.jsonl)) await Promise.race([once(sink, 'drain'), once(sink, 'close')]);
        failIfBroken();
      }
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
