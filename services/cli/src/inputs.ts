/** Reads the CLI's input files: a resume (PDF, DOCX or text) and vacancies (text; the first line is the title). */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { ExtractionError, extractText, type HiddenText } from '@rc/extract';
import { postingTitle } from '@rc/text';
import { CliError } from './errors.ts';

export interface ResumeInput {
  name: string;
  content: string;
  file: string;
  /** Text the file hid from its reader, left out of content. */
  hiddenText: HiddenText | null;
}

export interface VacancyInput {
  /** Absent for a posting pasted as one paragraph: the service names it by the title the posting opens with. */
  title?: string;
  description: string;
  file: string;
}

async function readBytes(path: string, what: string): Promise<Buffer> {
  try {
    const s = await stat(path);
    if (s.isDirectory()) throw new CliError(`the ${what} ${path} is a folder, not a file`);
    return await readFile(path);
  } catch (err) {
    if (err instanceof CliError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`the ${what} file ${path} does not exist`);
    if (code === 'EACCES') throw new CliError(`the ${what} file ${path} cannot be read (permission denied)`);
    throw new CliError(`the ${what} file ${path} cannot be read: ${(err as Error).message}`);
  }
}

async function textOf(path: string, what: string, maxChars: number): Promise<{ text: string; hiddenText: HiddenText | null }> {
  const data = await readBytes(path, what);
  try {
    const extracted = await extractText({ data, fileName: basename(path), maxChars });
    const text = extracted.text.trim();
    if (!text) throw new CliError(`no text was found in the ${what} file ${path}`);
    return { text, hiddenText: extracted.hiddenText };
  } catch (err) {
    if (err instanceof ExtractionError) throw new CliError(`the ${what} file ${path} cannot be used: ${err.message}`);
    throw err;
  }
}

export async function readResume(path: string, maxChars: number): Promise<ResumeInput> {
  const { text: content, hiddenText } = await textOf(path, 'resume', maxChars);
  return { name: basename(path, extname(path)) || 'Resume', content, file: path, hiddenText };
}

/**
 * A vacancy file: the first non-empty line is the title, the rest the description. A posting pasted as one paragraph
 * (a job board's scrape) is all description, without a title: the service reads the title the posting opens with
 * ("Java Developer - Columbus, OH - Acme …" → "Java Developer"), and so is a page copied whole, whose first line is
 * the site's ("Skip to main content").
 */
export async function readVacancy(path: string, maxChars: number): Promise<VacancyInput> {
  const { text } = await textOf(path, 'vacancy', maxChars);
  const lines = text.split(/\r?\n/);
  const first = lines.findIndex((l) => l.trim() !== '');
  const line = lines[first]!.trim();
  const rest = lines.slice(first + 1).join('\n').trim();
  // (a page copied whole opens with the site's clutter, "Skip to main content", or a channel's name: where the posting
  // reader reads another title than the first line, the service names the vacancy as the reader does)
  if (rest && line.length <= 300 && postingTitle(text) === line) return { title: line, description: rest, file: path };
  return { description: text.trim(), file: path };
}

/** Every *.txt file of a folder, in name order. */
export async function readVacancyFolder(dir: string, maxChars: number): Promise<VacancyInput[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`the vacancies folder ${dir} does not exist`);
    if (code === 'ENOTDIR') throw new CliError(`--vacancies must be a folder of .txt files; ${dir} is a file`);
    throw new CliError(`the vacancies folder ${dir} cannot be read: ${(err as Error).message}`);
  }
  const files = names.filter((n) => n.toLowerCase().endsWith('.txt')).sort((a, b) => a.localeCompare(b));
  if (!files.length) throw new CliError(`the vacancies folder ${dir} has no .txt files`);
  return Promise.all(files.map((n) => readVacancy(join(dir, n), maxChars)));
}
