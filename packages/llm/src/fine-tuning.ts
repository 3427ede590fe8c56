/**
 * Turns stored LLM exchanges into a chat-format JSONL fine-tuning set for the in-house model, with personal data
 * (e-mails, phones, links, names) masked in every message, because resumes are personal data and a training set
 * gets copied around.
 */
import { extractJsonObject } from './parse.ts';
import type { ChatMessage } from './types.ts';

const L = '\\p{L}';
// Every pattern below runs over whole resumes, so each must stay linear on hostile text: a match starts only where
// its first run starts (the lookbehinds), repeats that could meet an overlapping class are bounded, and no two
// unbounded repeats of one class stand side by side.
const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
const URL_WITH_SCHEME = /\b(?:https?|ftp):\/\/[^\s<>"'()\]]+/giu;
const URL_WWW = /\bwww\.[^\s<>"'()\]]+/giu;
/** Profile links written without a scheme: linkedin.com/in/x, github.com/x, t.me/x, hh.ru/resume/x … */
const URL_BARE = /\b(?:[\p{L}\p{N}-]{1,63}\.){0,4}(?:linkedin\.com|github\.com|gitlab\.com|t\.me|vk\.com|hh\.ru|habr\.com|career\.habr\.com|facebook\.com|instagram\.com|twitter\.com|x\.com|stackoverflow\.com|medium\.com|behance\.net|dribbble\.com)(?:\/[^\s<>"'()\]]*)?/giu;
const HANDLE = /(?<![\p{L}\p{N}])(telegram|tg|skype|телеграм|телеграмм)(\s*[:\-–]\s*@?|\s+@)[A-Za-z0-9_.]{3,}/giu;
/**
 * 10 to 15 digits, consecutive digits separated by at most two of space . - ( ): +7 (999) 123-45-67,
 * 8 999 123 45 67, +44 20 7946 0958. Year ranges ("2019 - 2021") and dates have too few digits to match.
 */
const PHONE = /(?<![\p{L}\p{N}+])\+?(?:\d[\s.\-()]{0,2}){9,14}\d(?![\p{L}\p{N}])/gu;
const LABELLED_PHONE = /(?<![\p{L}\p{N}])(phone|tel|mobile|cell|телефон|тел|моб)(\.?\s*(?:[:\-–]\s*)?)\+?\d[\d\s().-]{4,30}\d/giu;
/** The value runs to the end of the line; its trailing spaces are trimmed by whoever reads it. */
const NAME_LABEL = /^([ \t]*(?:name|full name|candidate|имя|фио|ф\.и\.о\.|фамилия|кандидат)[ \t]*[:：][ \t]*)(\S.*)$/gimu;
/** A person's name is short; longer "Name:" values are masked where they stand but not searched for elsewhere. */
const MAX_NAME_CHARS = 100;
/** Names searched for in one text: one alternation per name, so their count multiplies the work. */
const MAX_NAMES = 20;

/** Words that make a capitalised line a heading or a job title rather than a person's name. */
const NOT_NAME_WORDS = new Set(
  [
    'resume', 'cv', 'curriculum', 'vitae', 'summary', 'profile', 'contacts', 'contact', 'experience', 'education',
    'skills', 'about', 'objective', 'developer', 'engineer', 'manager', 'senior', 'junior', 'middle', 'lead',
    'software', 'frontend', 'backend', 'fullstack', 'full', 'stack', 'analyst', 'designer', 'architect', 'data',
    'scientist', 'devops', 'qa', 'tester', 'intern', 'head', 'director', 'specialist', 'consultant', 'administrator',
    'programmer', 'product', 'project', 'team', 'web', 'mobile', 'the', 'of', 'and', 'for', 'vacancy', 'job',
    'резюме', 'опыт', 'работы', 'образование', 'навыки', 'контакты', 'о', 'себе', 'цель', 'разработчик', 'инженер',
    'менеджер', 'аналитик', 'ведущий', 'старший', 'младший', 'программист', 'дизайнер', 'тестировщик', 'специалист',
    'руководитель', 'директор', 'архитектор', 'консультант', 'администратор', 'стажер', 'стажёр', 'вакансия',
    'требования', 'обязанности', 'данных', 'проекта', 'продукта', 'команды',
  ].map((w) => w.toLowerCase()),
);

const NAME_WORD = new RegExp(`^[\\p{Lu}][${L}'’]*(?:-[\\p{Lu}][${L}'’]*)?\\.?$`, 'u');

/** A line of two to four capitalised words, no digits or symbols, none of them a heading or job-title word. */
function looksLikeName(line: string): boolean {
  const words = line.trim().split(/\s+/);
  if (words.length < 2 || words.length > 4) return false;
  return words.every((w) => NAME_WORD.test(w) && !NOT_NAME_WORDS.has(w.toLowerCase().replace(/\.$/, '')));
}

/** Names this text reveals: "Name:"/"Имя:"/"ФИО:" lines, and the first line of a resume when it looks like a name. */
export function findNames(text: string): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(NAME_LABEL)) {
    const value = m[2]!.trim();
    if (value && !/^\[NAME\]$/.test(value)) names.add(value);
  }
  const lines = text.split(/\r?\n/);
  const firstLineAfter = (start: number) => {
    for (let i = start; i < lines.length; i++) if (lines[i]!.trim() !== '') return lines[i];
    return undefined;
  };
  const candidates = [firstLineAfter(0)];
  lines.forEach((line, i) => {
    if (/<resume>\s*$/i.test(line)) candidates.push(firstLineAfter(i + 1));
  });
  for (const c of candidates) if (c && looksLikeName(c)) names.add(c.trim());
  return [...names];
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function maskNames(text: string, names: Iterable<string>): string {
  const parts = new Set<string>();
  const usable = [...names].filter((n) => n.length <= MAX_NAME_CHARS).slice(0, MAX_NAMES);
  for (const name of usable) {
    parts.add(name);
    for (const w of name.split(/\s+/)) if (w.replace(/\.$/, '').length >= 3) parts.add(w.replace(/\.$/, ''));
  }
  // Longest first, so "Ivan Petrov" becomes one [NAME] rather than two.
  const sorted = [...parts].sort((a, b) => b.length - a.length);
  if (sorted.length === 0) return text;
  const re = new RegExp(`(?<![${L}\\p{N}])(?:${sorted.map(escapeRegExp).join('|')})(?![${L}\\p{N}])`, 'gu');
  return text.replace(re, '[NAME]');
}

/** A link's trailing sentence punctuation stays in the text: "see github.com/x, or" keeps its comma. */
function link(match: string): string {
  // A backward scan: /[.,;:!?]+$/ retried from every character of a long run of punctuation inside the link.
  let end = match.length;
  while (end > 0 && '.,;:!?'.includes(match[end - 1]!)) end--;
  return `[LINK]${match.slice(end)}`;
}

/**
 * Replaces e-mails, phone numbers, links and detectable person names with [EMAIL], [PHONE], [LINK], [NAME].
 * `names` adds names found elsewhere (another message of the same exchange) to mask here too.
 */
export function maskPersonalData(text: string, names: Iterable<string> = []): string {
  const allNames = new Set([...findNames(text), ...names]);
  let out = text
    .replace(NAME_LABEL, '$1[NAME]')
    .replace(EMAIL, '[EMAIL]')
    .replace(URL_WITH_SCHEME, link)
    .replace(URL_WWW, link)
    .replace(URL_BARE, link)
    .replace(HANDLE, (_m, label: string, sep: string) => `${label}${sep.replace('@', '')}[LINK]`)
    .replace(LABELLED_PHONE, '$1$2[PHONE]')
    .replace(PHONE, '[PHONE]');
  out = maskNames(out, allNames);
  return out;
}

export interface FineTuningRow {
  messages: ChatMessage[];
  response: string | null;
  parsed: boolean;
  grounded: boolean;
}

/**
 * One JSONL line per usable exchange: {"messages":[system, user, assistant]}. Rows without a response are
 * skipped; `onlyGood` keeps only answers that parsed and passed the grounding check. A repaired exchange is
 * exported as the original prompt answered by its final response, so the model learns to answer right the first
 * time; a parsed response is re-serialised as compact JSON (no fences or chatter around it).
 */
export function toFineTuningJsonl(rows: FineTuningRow[], opts: { onlyGood: boolean }): string {
  const lines: string[] = [];
  for (const row of rows) {
    if (row.response == null) continue;
    if (opts.onlyGood && !(row.parsed && row.grounded)) continue;
    const system = row.messages.find((m) => m.role === 'system');
    const user = row.messages.find((m) => m.role === 'user');
    if (!user) continue;
    let answer = row.response;
    if (row.parsed) {
      const json = extractJsonObject(row.response);
      if (json.ok) answer = JSON.stringify(json.value);
    }
    const conversation: ChatMessage[] = [
      ...(system ? [system] : []),
      { role: 'user', content: user.content },
      { role: 'assistant', content: answer },
    ];
    const names = conversation.flatMap((m) => findNames(m.content));
    lines.push(JSON.stringify({ messages: conversation.map((m) => ({ role: m.role, content: maskPersonalData(m.content, names) })) }));
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
