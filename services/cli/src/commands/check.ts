/** `check`: one resume against one vacancy, through the API, with a progress line and a terminal report. */
import { basename } from 'node:path';
import { CliError } from '../errors.ts';
import { readResume, readVacancy } from '../inputs.ts';
import { cliConfig, connect } from '../product.ts';
import { progressLine } from '../progress.ts';
import { analysisReport, type AnalysisView } from '../report.ts';
import type { CommandContext } from './context.ts';

export interface CheckOptions {
  vacancy: string;
  resume: string;
  json: boolean;
  url?: string;
  key?: string;
  language?: 'ru' | 'en';
  temp: boolean;
  quiet: boolean;
}

export async function check(opts: CheckOptions, ctx: CommandContext): Promise<number> {
  const progress = progressLine(ctx.stderr, { quiet: opts.quiet });
  // Files are read before anything starts, so a typo costs nothing.
  const limit = cliConfig(ctx.env).MAX_TEXT_CHARS;
  progress.step('reading the files');
  const [vacancy, resume] = await Promise.all([readVacancy(opts.vacancy, limit), readResume(opts.resume, limit)]);
  progress.step(opts.url ? `connecting to ${opts.url}` : 'starting Resume Checker');
  const conn = await connect({ url: opts.url, key: opts.key, temp: opts.temp, env: ctx.env });
  try {
    const { client } = conn;
    progress.step('sending the resume and the vacancy');
    const v = await client.post<{ id: string; title: string }>('/v1/vacancies', { ...(vacancy.title ? { title: vacancy.title } : {}), description: vacancy.description });
    const r = await client.post<{ id: string }>('/v1/resumes', { name: resume.name, content: resume.content });
    const accepted = await client.post<{ id: string }>('/v1/analyses', { resumeId: r.id, vacancyId: v.id, ...(opts.language ? { language: opts.language } : {}) });
    await client.follow('analyses', accepted.id, (p) => progress.job(p.status, p.progress));
    // The resume is sent as text, so the report of what its file hid comes from the CLI's own reading of the file.
    const fetched = await client.get<AnalysisView>(`/v1/analyses/${accepted.id}`);
    const analysis: AnalysisView = { ...fetched, hidden_text: fetched.hidden_text ?? resume.hiddenText };
    progress.done();
    if (analysis.status === 'failed') throw new CliError(`the analysis failed: ${analysis.error?.message ?? 'no reason given'}`);
    if (opts.json) ctx.stdout.write(`${JSON.stringify(analysis, null, 2)}\n`);
    else ctx.stdout.write(analysisReport(analysis, { width: ctx.columns, style: ctx.style, title: `${basename(resume.file)} → “${v.title}”` }));
    return 0;
  } finally {
    progress.done();
    await conn.close();
  }
}
