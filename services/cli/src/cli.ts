/** Parses the command line (node:util parseArgs) and runs one command; returns the exit status. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { check } from './commands/check.ts';
import type { CommandContext } from './commands/context.ts';
import { exportTrainingData } from './commands/export-training-data.ts';
import { createKey } from './commands/keys.ts';
import { rank } from './commands/rank.ts';
import { CliError, usageError } from './errors.ts';
import { colours, plain } from './report.ts';

export const USAGE = `Resume Checker: how well a resume fits a vacancy.

Usage:
  pnpm cli check --vacancy FILE --resume FILE [--json] [--language ru|en] [--url URL [--key KEY]] [--temp]
      Scores the resume (PDF, DOCX or TXT) against the vacancy (text; the first line is the title) and prints
      the score, each requirement with its evidence, strengths, weaknesses, what to learn and what to rewrite.
      --json prints the analysis as JSON only. --language sets the advice language (default: the resume's).

  pnpm cli rank --resume FILE --vacancies DIR [--json] [--url URL [--key KEY]] [--temp]
      Ranks the vacancies of DIR (*.txt, first line = title) for the resume, best first.

  pnpm cli export-training-data [--out FILE.jsonl] [--only-good]
      Writes the stored LLM exchanges as a chat-format JSONL fine-tuning set, personal data masked.
      --only-good keeps answers that parsed and passed the grounding check.

  pnpm cli keys create --owner NAME [--url URL [--admin-token TOKEN]]
      Creates an API key for NAME and prints it once. While an embedded server holds the database, the key is
      made through that server (at HOST:PORT); --url names a server to ask instead (ADMIN_TOKEN, unless it is a
      loopback server reached from this machine).

Without --url, check and rank start Resume Checker inside the CLI (the database in DATA_DIR, or DATABASE_URL;
--temp uses a throwaway folder instead). With --url they use a running server; --key sends an API key.
export-training-data opens the database directly: an embedded server on the same DATA_DIR holds it, so stop that first.
Configuration comes from the same environment variables as the server (packages/config/src/index.ts).
Other options: --quiet (no progress line), --help.
`;

const common = {
  help: { type: 'boolean', short: 'h' },
  quiet: { type: 'boolean', short: 'q' },
} as const;
const remote = {
  url: { type: 'string' },
  key: { type: 'string' },
  temp: { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, positionals = 0) {
  try {
    const parsed = parseArgs({ args, options, allowPositionals: positionals > 0, strict: true });
    if (parsed.positionals.length > positionals) throw usageError(`unexpected argument "${parsed.positionals[positionals]}"`);
    return parsed;
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw usageError((err as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
}

function required(value: string | undefined, flag: string): string {
  if (!value) throw usageError(`${flag} is required`);
  return value;
}

export interface RunIo {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  env: Record<string, string | undefined>;
}

export async function run(argv: string[], io: RunIo): Promise<number> {
  const tty = !!io.stdout.isTTY;
  const ctx: CommandContext = {
    ...io,
    // hasColors honours NO_COLOR and FORCE_COLOR.
    style: tty && io.stdout.hasColors?.() ? colours : plain,
    columns: tty ? io.stdout.columns || 100 : 100,
  };
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        (command ? io.stdout : io.stderr).write(USAGE);
        return command ? 0 : 2;
      case 'check': {
        const { values: v } = parse(rest, { ...common, ...remote, vacancy: { type: 'string' }, resume: { type: 'string' }, language: { type: 'string' } });
        if (v.help) return io.stdout.write(USAGE), 0;
        if (v.language !== undefined && v.language !== 'ru' && v.language !== 'en') throw usageError('--language must be ru or en');
        return await check(
          {
            vacancy: required(v.vacancy, '--vacancy'),
            resume: required(v.resume, '--resume'),
            json: !!v.json,
            url: v.url,
            key: v.key,
            language: v.language,
            temp: !!v.temp,
            quiet: !!v.quiet,
          },
          ctx,
        );
      }
      case 'rank': {
        const { values: v } = parse(rest, { ...common, ...remote, vacancies: { type: 'string' }, resume: { type: 'string' } });
        if (v.help) return io.stdout.write(USAGE), 0;
        return await rank(
          { resume: required(v.resume, '--resume'), vacancies: required(v.vacancies, '--vacancies'), json: !!v.json, url: v.url, key: v.key, temp: !!v.temp, quiet: !!v.quiet },
          ctx,
        );
      }
      case 'export-training-data': {
        const { values: v } = parse(rest, { ...common, out: { type: 'string', short: 'o' }, 'only-good': { type: 'boolean' } });
        if (v.help) return io.stdout.write(USAGE), 0;
        return await exportTrainingData({ out: v.out, onlyGood: !!v['only-good'] }, ctx);
      }
      case 'keys': {
        const { values: v, positionals } = parse(rest, { ...common, owner: { type: 'string' }, url: { type: 'string' }, 'admin-token': { type: 'string' } }, 1);
        if (v.help) return io.stdout.write(USAGE), 0;
        if (positionals[0] !== 'create') throw usageError(positionals[0] ? `unknown keys command "${positionals[0]}" (try: keys create --owner NAME)` : 'try: keys create --owner NAME');
        const owner = required(v.owner, '--owner').trim();
        if (!owner) throw usageError('--owner must not be empty');
        return await createKey({ owner, url: v.url, adminToken: v['admin-token'] }, ctx);
      }
      default:
        throw usageError(`unknown command "${command}"`);
    }
  } catch (err) {
    if (err instanceof CliError) {
      io.stderr.write(`error: ${err.message}\n`);
      if (err.exitCode === 2) io.stderr.write('Run "pnpm cli --help" for usage.\n');
      return err.exitCode;
    }
    io.stderr.write(`error: ${(err as Error).stack ?? String(err)}\n`);
    return 1;
  }
}
