/** `rank`: creates the vacancies of a folder and a resume, ranks the vacancies for the resume, prints the table. */
import { basename } from 'node:path';
import { CliError } from '../errors.ts';
import { readResume, readVacancyFolder } from '../inputs.ts';
import { cliConfig, connect } from '../product.ts';
import { progressLine } from '../progress.ts';
import { rankingReport, type RankingView } from '../report.ts';
import type { CommandContext } from './context.ts';

export interface RankOptions {
  resume: string;
  vacancies: string;
  json: boolean;
  url?: string;
  key?: string;
  temp: boolean;
  quiet: boolean;
}

export async function rank(opts: RankOptions, ctx: CommandContext): Promise<number> {
  const progress = progressLine(ctx.stderr, { quiet: opts.quiet, steps: ['queued', 'running', 'done'] });
  const limit = cliConfig(ctx.env).MAX_TEXT_CHARS;
  progress.step('reading the files');
  const [resume, vacancies] = await Promise.all([readResume(opts.resume, limit), readVacancyFolder(opts.vacancies, limit)]);
  progress.step(opts.url ? `connecting to ${opts.url}` : 'starting Resume Checker');
  const conn = await connect({ url: opts.url, key: opts.key, temp: opts.temp, env: ctx.env });
  try {
    const { client } = conn;
    progress.step(`sending the resume and ${vacancies.length} vacancies`);
    const fileOf = new Map<string, string>();
    for (const v of vacancies) {
      const created = await client.post<{ id: string }>('/v1/vacancies', { ...(v.title ? { title: v.title } : {}), description: v.description });
      fileOf.set(created.id, basename(v.file));
    }
    const r = await client.post<{ id: string }>('/v1/resumes', { name: resume.name, content: resume.content });
    // Only this folder's vacancies, not everything the owner saved before.
    const accepted = await client.post<{ id: string }>('/v1/rankings', { resumeId: r.id, candidateIds: [...fileOf.keys()], limit: fileOf.size });
    await client.follow('rankings', accepted.id, (p) => progress.job(p.status, p.progress));
    const ranking = await client.get<RankingView>(`/v1/rankings/${accepted.id}`);
    progress.done();
    if (ranking.status === 'failed') throw new CliError(`the ranking failed: ${ranking.error?.message ?? 'no reason given'}`);
    if (opts.json) ctx.stdout.write(`${JSON.stringify(ranking, null, 2)}\n`);
    else {
      const title = `${basename(resume.file)}: ${vacancies.length} vacancies from ${opts.vacancies}, best first`;
      ctx.stdout.write(rankingReport(ranking, { width: ctx.columns, style: ctx.style, title, fileOf }));
    }
    return 0;
  } finally {
    progress.done();
    await conn.close();
  }
}
