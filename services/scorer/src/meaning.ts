/**
 * Requirements matched to the resume by meaning: each requirement the words did not show is compared with every
 * resume sentence by a multilingual sentence embedding, so "led a team of four" shows "team leadership" and an English
 * resume shows a Russian posting's asks. A row is raised (never lowered) when a sentence says what it asks, and points
 * at that sentence. Years, education and language rows are left to the resume's facts.
 */
import { SIDE_CREDENTIAL_KINDS, SIDE_PROJECT_MOST, statusFor, fitParts, partsComponents, skillsAsked, skillsShown, type FitParts } from '@rc/lexical';
import type { RequirementResult, Scoring } from '@rc/contracts';
import { cosine } from '@rc/model-runtime';
import { isNotDoneClaim, isSectionHeading, isSideProjectClaim, namesLicence, PAGE_MARK_RE, splitSentences, terms } from '@rc/text';

export type Embed = (texts: string[], kind: 'query' | 'passage') => Promise<Float32Array[]>;

export interface MeaningThresholds {
  /** Cosine at or above which a sentence shows the requirement. */
  met: number;
  /** Cosine at or above which it shows part of it. */
  partial: number;
  /**
   * How much lower both are where the resume is in the other language than the posting: a sentence and its
   * translation sit further apart than a sentence and its paraphrase.
   */
  cross_language_offset?: number;
}

/** At most this many resume sentences are compared (a two-page CV has 60–120); each cut to this many characters. */
const MAX_SENTENCES = 200;
const MAX_SENTENCE_CHARS = 400;
const MIN_SENTENCE_CHARS = 12;
/** Content words a line needs to show an ask by meaning, unless it names a skill the ask asks for. */
const MIN_EVIDENCE_TERMS = 3;
const LEFT_TO_FACTS = new Set<RequirementResult['kind']>(['education', 'language']);
/**
 * The most a sentence that names none of a row's skills raises it to: partly shown. The embedding puts neighbouring
 * tools close together (MySQL near PostgreSQL, Helm near Hibernate when both lines speak of "problems"), so only a
 * sentence that names one of the asked skills, under any of its names, shows a skill ask in full.
 */
export const WITHOUT_SKILL_MOST = 0.45;


/** Cosine to a row score on the lexical scale: partial threshold → 0.3 (partial), met threshold → 0.6 (met), +0.1 → 1. */
export function meaningScore(cos: number, t: MeaningThresholds): number {
  if (cos < t.partial) return 0;
  if (cos < t.met) return 0.3 + (0.3 * (cos - t.partial)) / (t.met - t.partial);
  return 0.6 + 0.4 * Math.min(1, (cos - t.met) / 0.1);
}

/** Contacts (an e-mail, a phone): never evidence of an ask, nor is a PDF's running header (`PAGE_MARK_RE`, "Page 1 of 2"). */
const NOT_EVIDENCE =
  /@[\p{L}\p{N}-]+\.\p{L}{2,}|\+\d[\d\s()-]{8,}\d|\(\d{3,4}\)\s?\d{3}[-\s]?\d{2}[-\s]?\d{2}|(?<!\d)\d{3}[-.]\d{3}[-.]\d{4}(?!\d)/iu;

/**
 * A CV's form fields (hh.ru's «Занятость: полная занятость», «Готова к переезду, готова к командировкам»,
 * "Citizenship: …"): what the person wants, not did.
 */
const FORM_FIELD =
  /^\s*(?:(?:занятость|график работы|желательное время в пути(?: до работы)?|гражданство|разрешение на работу|переезд|командировки|желаемая зарплата|пол|возраст|проживает|employment type|schedule|citizenship|work permit|relocation|business travel|desired salary|date of birth|дата рождения)\s*:|(?:не\s+)?готов\p{L}{0,2}\s+к\s+(?:переезду|командировкам|редким командировкам)|(?:not\s+)?(?:willing|ready|open)\s+to\s+(?:relocate|travel))/iu;

const DATE_WORD =
  /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|present|now|current|today|since|to|from|янв|фев|мар|апр|май|мая|июн|июл|авг|сен|сент|окт|ноя|дек|январ\p{L}*|феврал\p{L}*|март\p{L}*|апрел\p{L}*|июн\p{L}*|июл\p{L}*|август\p{L}*|сентябр\p{L}*|октябр\p{L}*|ноябр\p{L}*|декабр\p{L}*|сейчас|настоящее|время|по|с|года?|гг?)$/iu;

/**
 * Whether a resume sentence can show an ask: it says something in words (a date range, a heading in capitals, a
 * contact line or a page header does not) and does not say the person has not done it or is only learning it ("I
 * haven't worked on payments yet"), so an analysis embeds only sentences that could be evidence.
 */
export function canBeEvidence(text: string): boolean {
  if (text.length < MIN_SENTENCE_CHARS || NOT_EVIDENCE.test(text) || PAGE_MARK_RE.test(text) || FORM_FIELD.test(text) || isNotDoneClaim(text)) return false;
  const words = text.match(/\p{L}{2,}/gu) ?? [];
  // what is left without the words of dates ("Jun 2019 – present", «Январь 2019 — по настоящее время»)
  if (words.filter((w) => !DATE_WORD.test(w)).length < 2) return false;
  // a section heading: a few words, all in capitals ("TECHNICAL SKILLS", «ОПЫТ РАБОТЫ»), or a heading the resume
  // reader knows («Ключевые навыки», "Work experience")
  if (words.length <= 4 && (text === text.toUpperCase() || isSectionHeading(text))) return false;
  // or a form's column headings, long words in capitals ("Other language(s) UNDERSTANDING SPEAKING WRITING" of a Europass)
  const shouted = words.filter((w) => w.length >= 6 && w === w.toUpperCase()).length;
  if (shouted >= 2 && shouted * 2 >= words.length) return false;
  const letters = words.reduce((sum, w) => sum + w.length, 0);
  return letters >= 0.4 * text.replace(/\s/g, '').length;
}

/** The resume's sentences worth comparing: ones that can be evidence, not so many that a long text costs more. */
export function resumeSentences(resumeText: string): Array<{ text: string; start: number; end: number }> {
  return splitSentences(resumeText)
    .filter((s) => canBeEvidence(s.text))
    .slice(0, MAX_SENTENCES)
    .map((s) => ({ text: s.text.slice(0, MAX_SENTENCE_CHARS), start: s.start, end: s.end }));
}

/**
 * A cross-language pair's title fit by meaning: the posting's title against the resume's headline and job titles.
 * The cosine is read on a scale fitted on the fit part of data/fit-set: 0 at 0.83 (above every unrelated
 * cross-language pair's best title, 0.829), 1 at 0.90 ("IT-рекрутер" / "Technical Recruiter" is 0.873).
 */
export const TITLE_COSINE = { zero: 0.83, one: 0.9 } as const;

export function titleByMeaning(cos: number): number {
  return Math.max(0, Math.min(1, (cos - TITLE_COSINE.zero) / (TITLE_COSINE.one - TITLE_COSINE.zero)));
}

/** The titles of a pair: the posting's, and the resume's headline lines and job titles. */
export interface PairTitles {
  vacancy: string | null;
  resume: string[];
}

/**
 * The scoring with rows raised by meaning and its parts recomputed from them (components updated; the caller turns
 * the parts into the score). Rows already met, years asks and rows the facts decide are not compared. Where the
 * resume is in the other language, whose words cannot name the posting's title, the title fit is also read by
 * meaning (the higher of the two is kept).
 */
export async function refineByMeaning(
  scoring: Scoring,
  resumeText: string,
  embed: Embed,
  thresholds: MeaningThresholds,
  titles?: PairTitles,
): Promise<Scoring> {
  const c = scoring.components;
  const [requirements, raised] = await raiseRows(scoring, resumeText, embed, thresholds, titles?.resume ?? []);
  const titleFit = c.cross_language === 1 && titles ? await titleFitByMeaning(titles, embed) : 0;
  const lexicalTitle = c.title_fit ?? 0.5;
  if (raised === 0 && titleFit <= lexicalTitle) return scoring;
  const parts: FitParts = fitParts(requirements, {
    titleFit: Math.max(lexicalTitle, titleFit),
    documentOverlap: c.document_overlap ?? 0,
    yearsAsked: c.years_asked ?? 0,
    yearsShown: c.years_shown ?? null,
    yearsOverall: c.years_overall ?? null,
  });
  return {
    ...scoring,
    requirements,
    components: {
      ...c,
      ...partsComponents(parts),
      met: requirements.filter((r) => r.status === 'met').length,
      partial: requirements.filter((r) => r.status === 'partial').length,
      missing: requirements.filter((r) => r.status === 'missing').length,
      rows_by_meaning: raised,
      ...(titleFit > lexicalTitle ? { title_by_meaning: Math.round(titleFit * 1e4) / 1e4 } : {}),
    },
  };
}

async function titleFitByMeaning(titles: PairTitles, embed: Embed): Promise<number> {
  if (!titles.vacancy || titles.resume.length === 0) return 0;
  const [[query], passages] = await Promise.all([embed([titles.vacancy], 'query'), embed(titles.resume, 'passage')]);
  return titleByMeaning(Math.max(...passages.map((p) => cosine(query!, p))));
}

/** The rows with those the words left open raised where a resume sentence says what they ask, and how many were. */
async function raiseRows(
  scoring: Scoring,
  resumeText: string,
  embed: Embed,
  thresholds: MeaningThresholds,
  jobTitles: readonly string[],
): Promise<[RequirementResult[], number]> {
  const open = scoring.requirements
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => r.status !== 'met' && !r.years && !LEFT_TO_FACTS.has(r.kind));
  if (open.length === 0) return [scoring.requirements, 0];
  // a line of a few words or a job title («Менеджер по продажам B2B») sits near every ask of its trade: it shows only
  // an ask for a skill it names, so one that names no skill an open row asks for is never embedded
  const titleLines = new Set(jobTitles.map((t) => t.trim().toLowerCase()));
  const askedBy = open.map(({ r }) => [...skillsAsked(r.text)]);
  const anyAsked = new Set(askedBy.flat());
  const sentences = resumeSentences(resumeText)
    .map((s) => ({ ...s, shown: skillsShown(s.text), short: terms(s.text).length < MIN_EVIDENCE_TERMS || titleLines.has(s.text.trim().toLowerCase()), side: isSideProjectClaim(s.text) }))
    .filter((s) => !s.short || [...s.shown].some((id) => anyAsked.has(id)));
  if (sentences.length === 0) return [scoring.requirements, 0];
  const [queries, passages] = await Promise.all([
    embed(open.map(({ r }) => r.text), 'query'),
    embed(sentences.map((s) => s.text), 'passage'),
  ]);
  const offset = scoring.components.cross_language === 1 ? (thresholds.cross_language_offset ?? 0) : 0;
  const cut = { met: thresholds.met - offset, partial: thresholds.partial - offset };
  const requirements = [...scoring.requirements];
  let raised = 0;
  open.forEach(({ r, i }, q) => {
    const asked = askedBy[q]!;
    let best = 0;
    let bestCos = -1;
    let at = -1;
    let bestNames = false;
    passages.forEach((p, k) => {
      const namesAsked = asked.some((id) => sentences[k]!.shown.has(id));
      if (sentences[k]!.short && !namesAsked) return;
      // (a line that names the trade without a licence shows no licence: «Медицинская сестра» is no Ohio RN licence)
      if (r.kind === 'licence' && !namesLicence(sentences[k]!.text)) return;
      const cos = cosine(queries[q]!, p);
      const full = meaningScore(cos, cut);
      const names = asked.length === 0 || namesAsked;
      // (and a pet or study project's line shows it in part)
      const score = Math.min(names ? full : Math.min(full, WITHOUT_SKILL_MOST), sentences[k]!.side && !SIDE_CREDENTIAL_KINDS.has(r.kind ?? 'other') ? SIDE_PROJECT_MOST : 1);
      // the strongest evidence, and among equals the closest sentence
      if (score > best || (score === best && score > 0 && cos > bestCos)) {
        best = score;
        bestCos = cos;
        at = k;
        bestNames = names;
      }
    });
    const score = Math.round(best * 1e4) / 1e4;
    if (at < 0 || score <= r.score) return;
    // a row the words found partly shown keeps its evidence against a sentence that names none of its skills (an
    // English "relational databases" row read partly in «Базы данных: PostgreSQL, Oracle» is not better shown by
    // «Работала в ритейле, доставке и банковском процессинге»)
    if (!bestNames && r.status === 'partial' && r.evidence && asked.some((id) => skillsShown(r.evidence!.text).has(id))) return;
    const s = sentences[at]!;
    raised++;
    requirements[i] = { ...r, score, status: statusFor(score), evidence: { text: resumeText.slice(s.start, s.end), start: s.start, end: s.end } };
  });
  return [requirements, raised];
}
