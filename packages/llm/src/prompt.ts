/**
 * Builds the chat messages for the advice prompt from the versioned files in packages/llm/prompts. Resume,
 * vacancy and requirement results travel as data between markers; markers inside the data are neutralised so a
 * resume cannot close its own block and speak as the instructions.
 */
import { readFileSync } from 'node:fs';
import { fitSummaryOf, type Language, type RequirementResult, type Scoring } from '@rc/contracts';
import type { AdviceInput, ChatMessage } from './types.ts';

export const PROMPT_VERSION = 'advice-v2';

const promptsDir = new URL('../prompts/', import.meta.url);
const load = (name: string) => readFileSync(new URL(name, promptsDir), 'utf8').trim();

const systemPrompts: Record<Language, string> = {
  en: load(`${PROMPT_VERSION}.en.md`),
  ru: load(`${PROMPT_VERSION}.ru.md`),
};
const userTemplate = load(`${PROMPT_VERSION}.user.md`);
const repairTemplate = load(`${PROMPT_VERSION}.repair.md`);

export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', ru: 'Russian (русский язык)' };

/** Longest vacancy or resume text put into a prompt; beyond this the text is cut, to bound tokens and cost. */
export const MAX_DATA_CHARS = 24_000;

const MARKER_NAMES = 'resume|vacancy|requirements';
// `\s*(?:(\/)\s*)?` rather than `\s*(\/?)\s*`: two unbounded runs of spaces side by side split a long run of spaces
// every possible way before failing, which made '<' followed by many spaces quadratic.
const markerTag = new RegExp(`<\\s*(?:(/)\\s*)?(${MARKER_NAMES})\\b[^>]*>`, 'gi');
/** The opening of an escaped tag, up to its name; its `…&gt;` is looked for by hand (see replaceEscapedTags). */
const escapedMarkerHead = new RegExp(`&lt;\\s*(?:(/)\\s*)?(${MARKER_NAMES})\\b`, 'gi');

/**
 * Tags like <resume …> replaced in the part of `text` up to its last '>', where every match must end. A tag that is
 * never closed cannot match, and trying it would read to the end of the text from each of its openings.
 */
function replacePlainTags(text: string): string {
  const end = text.lastIndexOf('>') + 1;
  if (end === 0) return text;
  return text.slice(0, end).replace(markerTag, '[$1$2]') + text.slice(end);
}

/**
 * The same for &lt;resume …&gt;, whose closing must be on the line where the name ends (the old pattern's `.*?`),
 * which no single cut of the text captures. Each opening is matched by a regular expression; the next closing and
 * the next line break after it are found by searches that only move forward, so the whole pass stays linear.
 */
function replaceEscapedTags(text: string): string {
  const head = new RegExp(escapedMarkerHead.source, 'gi');
  const closing = /&gt;/gi;
  const lineBreak = /[\n\r\u2028\u2029]/g;
  let closeAt = -1;
  let breakAt = -1;
  let out = '';
  let copied = 0;
  for (let m = head.exec(text); m; m = head.exec(text)) {
    const from = m.index + m[0].length;
    if (closeAt < from) {
      closing.lastIndex = from;
      const c = closing.exec(text);
      if (!c) break; // no closing after this point: no later opening can match either
      closeAt = c.index;
    }
    if (breakAt < from) {
      lineBreak.lastIndex = from;
      breakAt = lineBreak.exec(text)?.index ?? text.length;
    }
    if (closeAt < breakAt) {
      out += `${text.slice(copied, m.index)}[${m[1] ?? ''}${m[2]}]`;
      copied = closeAt + 4;
      head.lastIndex = copied;
    } else {
      head.lastIndex = m.index + 1;
    }
  }
  return out + text.slice(copied);
}

/** Turns <resume>, </vacancy>, &lt;requirements&gt; … inside data into inert [resume] text. */
export function neutraliseMarkers(text: string): string {
  return replaceEscapedTags(replacePlainTags(text));
}

function asData(text: string): string {
  const trimmed = text.trim();
  const cut = trimmed.length > MAX_DATA_CHARS ? `${trimmed.slice(0, MAX_DATA_CHARS)}\n[… text cut here]` : trimmed;
  return neutraliseMarkers(cut);
}

/** One JSON object per requirement, so quotes and line breaks inside the texts cannot blur the structure. */
export function renderRequirements(requirements: RequirementResult[]): string {
  if (requirements.length === 0) return '(no requirements were found in the vacancy)';
  return requirements
    .map((r) =>
      JSON.stringify({
        requirement: r.text,
        importance: r.importance,
        status: r.status,
        score: Math.round(r.score * 100) / 100,
        evidence: r.evidence?.text ?? null,
        ...(r.kind ? { kind: r.kind } : {}),
        ...(r.years ? { years_shown: r.years.shown, years_asked: r.years.asked } : {}),
        // not named in the resume, implied by its years of jobs in the field (the evidence is the longest such job)
        ...(r.implied ? { implied_by_years_in_field: r.implied.years } : {}),
        // met or partly met with no line to quote: what shows it (the resume's language, its stated or overall years)
        ...(r.basis ? { shown_by: r.basis } : {}),
      }),
    )
    .join('\n');
}

/** The numbers the product computed (years from the dates, education, must-haves shown), one line each. */
export function renderFacts(scoring: Scoring): string {
  const lines: string[] = [];
  const f = scoring.resume_facts;
  if (f) {
    lines.push(`- years of experience from the dated jobs: ${f.total_years ?? 'no dated jobs'}${f.stated_years != null ? `; the resume states ${f.stated_years}` : ''}`);
    if (f.education_level) lines.push(`- highest education: ${f.education_level}`);
    if (f.languages.length) lines.push(`- languages: ${f.languages.map((l) => (l.level ? `${l.name} ${l.level}` : l.name)).join(', ')}`);
  }
  const fit = fitSummaryOf(scoring.components);
  if (fit) {
    lines.push(`- must-haves shown: ${fit.must_met} of ${fit.must_total} (${fit.must_partial} partly); nice-to-haves: ${fit.nice_met} of ${fit.nice_total}`);
    if (fit.years) lines.push(`- years asked: ${fit.years.asked}; shown for it: ${fit.years.shown ?? 'no dated jobs'}`);
  }
  return lines.length ? lines.join('\n') : '- (nothing computed)';
}

/** Single-pass substitution: a placeholder that appears inside substituted data is left as it is. */
function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => values[key] ?? whole);
}

export function buildAdviceMessages(input: AdviceInput): ChatMessage[] {
  const user = fill(userTemplate, {
    language_name: LANGUAGE_NAMES[input.language],
    score_percent: String(Math.round(input.scoring.score * 100)),
    verdict: input.scoring.verdict,
    facts: neutraliseMarkers(renderFacts(input.scoring)),
    requirements: neutraliseMarkers(renderRequirements(input.scoring.requirements)),
    vacancy: asData(input.vacancyText),
    resume: asData(input.resumeText),
  });
  return [
    { role: 'system', content: systemPrompts[input.language] },
    { role: 'user', content: user },
  ];
}

/** The conversation so far, the unusable answer, and a request to correct it. */
export function buildRepairMessages(messages: ChatMessage[], badResponse: string, error: string, language: Language): ChatMessage[] {
  return [
    ...messages,
    { role: 'assistant', content: badResponse },
    { role: 'user', content: fill(repairTemplate, { error, language_name: LANGUAGE_NAMES[language] }) },
  ];
}
