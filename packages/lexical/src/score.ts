/**
 * The lexical scorer: how well a resume covers each requirement of a vacancy, by BM25-style overlap of stemmed
 * terms. It is the product's score when no cross-encoder is configured, so it fills the same Scoring shape.
 */
import { verdictFor, type RequirementKind, type RequirementResult, type RequirementStatus, type Scoring } from '@rc/contracts';
import {
  detectLanguage,
  EXPLAINING_TO_LAYPEOPLE_RE,
  findSkills,
  isListLine,
  isNotDoneClaim,
  isSideProjectClaim,
  isSectionHeading,
  namesLicence,
  MAX_ALTERNATIVES_LIST,
  readPosting,
  readResume,
  RecentTexts,
  ROLE_GRADE,
  splitRequirements,
  skillById,
  splitSentences,
  termSpans,
  yearsAsked,
  yearsWhere,
  terms,
  type PostingRequirement,
  type ResumeFacts,
  type TextSpan,
} from '@rc/text';
import { ASK_MET, checkAsk, CYRILLIC, headOf, jobWords, longestJob, type AboutIt, type AskCheck } from './asks.ts';
import { fitParts, fitScore, type FitWeights } from './fit.ts';
import lexicalWeights from './fit-weights.json' with { type: 'json' };
import { loadReading, storeReading } from './reading.ts';
import { peersOf, shownIds, SKILL_TERM_PREFIX, skillsAsked, termFactor } from './weights.ts';

export const LEXICAL_MODEL = 'bm25-lexical-v1';

export interface LexicalInput {
  vacancyText: string;
  resumeText: string;
  /** What "present" in the resume's dates means; the current time by default. */
  now?: Date;
  /** The posting's reading stored with the vacancy (postingReadingAndTerms); used when it is of this text and this code. */
  vacancyReading?: string | null;
}

/** BM25 term-frequency saturation and length normalisation; b is low because resume lines are short anyway. */
const K1 = 1.2;
const B = 0.3;
/** Pseudo-documents that contain none of the terms: keeps idf finite and steady on short texts. */
const PRIOR_DOCS = 5;
const MET = 0.6;
const PARTIAL = 0.3;
const WEIGHT = { must: 2, nice: 1 } as const;
/**
 * Word overlap per unit of skill overlap on same-language pairs (least squares through 0 on the fit part of
 * data/fit-set): what puts a cross-language pair's skill overlap on the scale of the word overlap it stands in for.
 */
const CROSS_LANGUAGE_OVERLAP_SCALE = 0.55;
/** A requirement covered across several lines still counts, less than one line that covers it all. */
const BEST_SENTENCE_SHARE = 0.75;

interface Sentence extends TextSpan {
  tf: Map<string, number>;
  length: number;
  /** A list of names ("Data: dbt, Airflow, Snowflake"), not a line of work: the last choice of evidence. */
  list: boolean;
  /** A pet or study project's sentence: it shows what it names in part only. */
  side: boolean;
}

function termCounts(list: string[]): Map<string, number> {
  const tf = new Map<string, number>();
  for (const t of list) tf.set(t, (tf.get(t) ?? 0) + 1);
  return tf;
}

/** People counted: «человек», «сотрудников», «работников», "employees", "people", "staff". */
const PEOPLE = String.raw`(?:человек|чел\.|сотрудник\p{L}{0,3}|работник\p{L}{0,3}|employees|people|staff|workers|headcount)(?![\p{L}])`;
const HEADCOUNT_ASK_RE = new RegExp(String.raw`(?:от|не менее|более|свыше|from|at least|over|more than|minimum of)\s{1,2}(\d{1,3}(?:[\s,]?\d{3})?)\s?\+?\s{0,2}${PEOPLE}|(\d{1,3}(?:[\s,]?\d{3})?)\s?\+\s{0,2}${PEOPLE}`, 'iu');
const HEADCOUNT_SHOWN_RE = new RegExp(String.raw`(\d{1,3}(?:[\s,]?\d{3})?)\s?\+?(?:\s?[–—-]\s?(\d{1,3}(?:[\s,]?\d{3})?))?\s{0,2}${PEOPLE}`, 'giu');
const number = (s: string) => Number(s.replace(/[\s,]/g, ''));
/** The score of a line that shows a headcount asked in full, and of one that shows at least half of it. */
const HEADCOUNT_MET = 0.9;
const HEADCOUNT_PARTIAL = 0.45;

/** The number of people a row asks to have handled, or null. */
function headcountAsked(text: string): number | null {
  const m = HEADCOUNT_ASK_RE.exec(text);
  if (!m) return null;
  const n = number(m[1] ?? m[2]!);
  return n >= 5 ? n : null;
}

/** The resume's line naming the most people (a range by its top), scored against the headcount asked. */
function headcountShown(sentences: readonly Sentence[], asked: number): { s: Sentence; score: number } | null {
  let best: { s: Sentence; n: number } | null = null;
  for (const s of sentences) {
    for (const m of s.text.matchAll(HEADCOUNT_SHOWN_RE)) {
      const n = number(m[2] ?? m[1]!);
      if (!best || n > best.n) best = { s, n };
    }
  }
  if (!best || best.n < asked / 2) return null;
  return { s: best.s, score: best.n >= asked ? HEADCOUNT_MET : HEADCOUNT_PARTIAL };
}

/** A skill asked shown only by a product that stands in for it (PEERS): partly shown. */
const PEER_SHOWN = 0.4;

/** For a row that asks for one product, the terms of the products that stand in for it; empty otherwise. */
function peerTermsOf(slots: ReadonlyArray<{ terms: readonly string[] }>): string[] {
  const asked = new Set(slots.flatMap((slot) => slot.terms.filter((t) => t.startsWith(SKILL_TERM_PREFIX))));
  if (asked.size !== 1) return [];
  return peersOf([...asked][0]!.slice(SKILL_TERM_PREFIX.length)).map((id) => SKILL_TERM_PREFIX + id);
}

/**
 * The resume's first line of work (else any line) that shows one of a row's peer products: "Build and maintain
 * baseline and update schedules in Primavera P6" for "MS Project". Null when none does.
 */
function peerSentence(peerTerms: readonly string[], sentences: readonly Sentence[]): Sentence | null {
  if (peerTerms.length === 0) return null;
  const showing = sentences.filter((s) => peerTerms.some((t) => s.tf.has(t)));
  return showing.find((s) => !s.list) ?? showing[0] ?? null;
}

/** A term that names a vocabulary credential (the seed's "credential" kind): a line that names one names a licence in any language. */
const isCredentialTerm = (t: string) => t.startsWith(SKILL_TERM_PREFIX) && skillById(t.slice(SKILL_TERM_PREFIX.length))?.credential === true;

/** The most a licence row may score, in the other language, where no line that names a licence shows its field. */
const UNNAMED_LICENCE = 0.25;
/** The most a row scores where only a pet or study project shows it (partly shown). */
export const SIDE_PROJECT_MOST = 0.45;
/** Rows a course's line may meet in full: a certificate, a degree or a language is what a course gives. */
export const SIDE_CREDENTIAL_KINDS = new Set<RequirementKind>(['licence', 'education', 'language']);

export function statusFor(score: number): RequirementStatus {
  if (score >= MET) return 'met';
  if (score >= PARTIAL) return 'partial';
  return 'missing';
}


const round = (x: number) => Math.round(x * 1e4) / 1e4;
const round1 = (x: number) => Math.round(x * 10) / 10;

/** A requirement's terms grouped into slots: "Django or FastAPI" is one slot that either term fills. */
/** How much a term fills its slot: fully, or half for an aside's ordinary word (Slot.half). */
const fillOf = (slot: Slot, term: string) => (slot.half?.includes(term) ? 0.5 : 1);

interface Slot {
  terms: string[];
  weight: number;
  /**
   * Terms of the slot that fill it only half: words of a bracketed aside that are no skill of the vocabulary. An aside
   * lists what the concept covers, often in words of two ("(приказы, кадровые переводы, отпуска, воинский учёт)"), and
   * one of those words alone ("учёт" in «Бухгалтерский учёт») does not show the concept.
   */
  half?: string[];
}

// Whole-gap matches, so no \b: JavaScript's \b does not see Cyrillic letters as word characters.
/** "or another …", «или другой …»: the words after it name the kind the alternatives before it belong to. */
const KIND_WORDS = 'another|other|any|similar|equivalent|другой|другие|другая|другом|иной|иные|аналогичн\\p{L}*';
// ("… or a similar orchestrator", "… or in a similar role": the little words between are stopwords)
const LITTLE_WORDS = '(?:\\s+(?:a|an|the|in|at|as|with|on|в|на|с)){0,2}';
const ALTERNATIVE_GAP = new RegExp(`^\\s*,?\\s*(?:(?:or|или|либо)${LITTLE_WORDS}(?:\\s+(?:${KIND_WORDS}))?|\\/)\\s*$`, 'iu');
const ALTERNATIVE_SLASH = /^\s*\/\s*$/;
/** A term that is itself the kind word ("another"), and a gap that ends in one (where the kind word is a stopword). */
const KIND_WORD = new RegExp(`^(?:${KIND_WORDS})$`, 'iu');
const OTHER_OF_KIND = new RegExp(`(?:or|или|либо)${LITTLE_WORDS}\\s+(?:${KIND_WORDS})\\s*$`, 'iu');
/** The head nouns a kind after "or another" is named by, which any text of the field has: "platform", "data", «система». */
const KIND_HEAD_NOUNS = new Set(
  terms(`platform platforms data domain domains industry industries field fields area areas sector environment system systems tool tools
  technology technologies language languages framework frameworks company companies business product products service services
  платформа платформы данные область сфера отрасль система системы инструмент инструменты технология технологии язык языки
  фреймворк компания бизнес продукт сервис`),
);
/** The comma between two items of a list. */
const LIST_GAP = /^\s*,\s*$/;
/** "message queues such as Kafka": the examples after the marker fill the concept before it. */
const EXAMPLES_MARKER = /\b(?:such as|e\.g\.?|for example|for instance|like|including)(?=\s|$)|(?:^|\s)(?:например|такие как|такими как|таких как|типа)(?=\s|$)/i;
const CONCEPT_SLOTS = 2;
/** Fewer asks than this and the posting's duties join the table, so that it is not left nearly empty. */
const MIN_ASKED = 3;
const MAX_ROWS = 40;
/** A "requirement" longer than this is a posting the reader could not cut into asks. */
const MAX_ROW_CHARS = 300;

interface Term {
  term: string;
  start: number;
  end: number;
}

/**
 * A requirement's terms, with each vocabulary skill it names folded into one term that any of the skill's names
 * fills: "Postgres" in a resume meets "PostgreSQL", "k8s" meets "Kubernetes", "1С:ЗУП" meets «Зарплата и управление
 * персоналом».
 */
function requirementTerms(whole: string): Term[] {
  // what an ask says is not enough is not asked: "… forecasting cycles, not only month-end reporting"
  const text = whole.replace(NOT_ONLY_RE, '');
  const skills = findSkills(text);
  const out: Term[] = skills.map((m) => ({ term: SKILL_TERM_PREFIX + m.id, start: m.start, end: m.end }));
  for (const span of termSpans(text)) {
    if (!skills.some((m) => m.start < span.end && span.start < m.end)) out.push(span);
  }
  return out.sort((a, b) => a.start - b.start);
}

const NOT_ONLY_RE = /,\s*(?:not (?:only|just|merely)|не только|а не только)\s[^,;.]{1,80}[.;]?\s*$/iu;

/** For an offset, where the innermost bracket around it opens (-1 outside brackets). */
function bracketsOf(text: string): (at: number) => number {
  const opens: Array<[number, number]> = []; // [open, close)
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') stack.push(i);
    else if (text[i] === ')' && stack.length > 0) opens.push([stack.pop()!, i]);
  }
  for (const open of stack) opens.push([open, text.length]); // an aside left open runs to the end
  // and what a dash adds to a short ask is its aside too: "Strong SQL - you're comfortable with CTEs, window functions"
  const dash = /^[^()\n–—-]{2,40}?\s[-–—]\s(?=(?:you(?:'re| are| can| know| have| write)|i\.e\.|e\.g\.|meaning|including|such as|то есть|например|умеешь|умеете|знаешь|знаете)(?![\p{L}]))/iu.exec(text);
  if (dash && dash[0].trim().split(/\s+/).length <= 5) opens.push([dash[0].length - 2, text.length]);
  return (at) => {
    let best = -1;
    for (const [open, close] of opens) if (open < at && at < close && open > best) best = open;
    return best;
  };
}

function slotsOf(text: string, spans: Term[], weight: (term: string) => number): Slot[] {
  const marker = EXAMPLES_MARKER.exec(text);
  const examplesFrom = marker ? marker.index + marker[0].length : Infinity;
  const groups: string[][] = [];
  let examples: string[] | null = null;
  // whether each term is an alternative to the one before: "Django or FastAPI", and every item of a list that ends in
  // one ("Python, Go or Java", "payments, banking or another regulated domain")
  const gaps = spans.map((span, i) => (i === 0 ? '' : text.slice(spans[i - 1]!.end, span.start)));
  const alternative = gaps.map((gap) => ALTERNATIVE_GAP.test(gap));
  for (let i = alternative.length - 1; i > 0; i--) {
    if (!alternative[i] || ALTERNATIVE_SLASH.test(gaps[i]!)) continue;
    // as the posting reader reads it: a list of at most three items ("A, B or C")
    for (let j = i - 1, n = 0; j > 0 && n < MAX_ALTERNATIVES_LIST - 2 && LIST_GAP.test(gaps[j]!); j--, n++) alternative[j] = true;
  }
  // "… or another regulated financial domain": the words of the kind the items belong to are one more alternative
  const skip = new Set<number>();
  for (let i = 1; i < gaps.length; i++) {
    const kindWord = alternative[i] && KIND_WORD.test(text.slice(spans[i]!.start, spans[i]!.end));
    if (kindWord) skip.add(i); // "another" itself asks for nothing
    else if (!OTHER_OF_KIND.test(gaps[i]!)) continue;
    // (the kind's words: those after "another", or from this one where the kind word is a stopword: "or other regulated data")
    const kind: number[] = kindWord ? [] : [i];
    for (let k = i + 1; k < gaps.length && /^\s+$/.test(gaps[k]!); k++) kind.push(k);
    // the kind is named by its qualifier, not its head noun: in "Kafka or another streaming platform" a platform of
    // any kind is no streaming one, and in "payments, fintech or other regulated data" any data is not regulated
    const named = kind.filter((k) => !KIND_HEAD_NOUNS.has(spans[k]!.term));
    for (const k of kind) if (named.length > 0 && !named.includes(k)) skip.add(k);
    for (const k of kind) alternative[k] = true;
  }
  // An aside in brackets qualifies or illustrates what comes before it ("Java (8 or later; we run 17)", "cloud platforms
  // (AWS preferred)"): its terms fill the concept's slot, like examples, rather than each asking for itself.
  const bracketAt = bracketsOf(text);
  let aside: { open: number; group: string[] } | null = null;
  const asideTerms = new Set<string>();
  const conceptTerms = new Set<string>();
  // examples named by the vocabulary are met by their names, not by the words around them: "ServiceNow or Jira Service
  // Management" is not shown by a "manager" or a "service"
  let namedExample = false;
  const exampleWords = new Set<string>();
  spans.forEach((span, i) => {
    if (skip.has(i)) return;
    const open = bracketAt(span.start);
    if (open >= 0 && span.start < examplesFrom && (aside?.open === open || groups.length > 0)) {
      if (aside?.open !== open) {
        aside = { open, group: groups.splice(Math.max(0, groups.length - CONCEPT_SLOTS)).flat() };
        groups.push(aside.group);
      }
      aside.group.push(span.term);
      if (!span.term.startsWith(SKILL_TERM_PREFIX)) asideTerms.add(span.term);
      return;
    }
    if (span.start >= examplesFrom) {
      if (!examples) {
        // the concept: the last few slots before the marker, merged with every example into one slot
        examples = groups.splice(Math.max(0, groups.length - CONCEPT_SLOTS)).flat();
        // (the concept by its qualifier too: "a ticketing system such as …" is not shown by an inventory "system")
        const qualifiers = examples.filter((t) => !KIND_HEAD_NOUNS.has(t));
        if (qualifiers.length > 0) examples = qualifiers;
        groups.push(examples);
      }
      examples.push(span.term);
      if (span.term.startsWith(SKILL_TERM_PREFIX)) namedExample = true;
      else exampleWords.add(span.term);
      return;
    }
    const group = alternative[i] ? groups[groups.length - 1] : undefined;
    if (group) group.push(span.term);
    else groups.push([span.term]);
    conceptTerms.add(span.term);
  });
  const seen = new Set<string>();
  const slots: Slot[] = [];
  for (const group of groups) {
    const fresh = [...new Set(group)].filter((t) => !seen.has(t) && !(group === examples && namedExample && exampleWords.has(t) && !conceptTerms.has(t)));
    fresh.forEach((t) => seen.add(t));
    if (fresh.length === 0) continue;
    const half = fresh.filter((t) => asideTerms.has(t) && !conceptTerms.has(t));
    // an aside's words weigh as much as the concept they illustrate, no more
    const full = fresh.filter((t) => !half.includes(t));
    const slotWeight = Math.max(...(full.length > 0 ? full : fresh).map(weight));
    slots.push(half.length > 0 && full.length > 0 ? { terms: fresh, weight: slotWeight, half } : { terms: fresh, weight: slotWeight });
  }
  return slots;
}

/**
 * Skills of a craft that its practitioners use daily and rarely write down: an ask for them alone is read as partly
 * shown by years of jobs in the craft's field, so a senior developer's CV that never says "design patterns" is not
 * held below a strong fit by it (the row still asks to be named).
 */
const CRAFT_SKILLS = new Set(['oop', 'design_patterns', 'algorithms']);
/** Years of jobs in the field that imply the craft, and how many of the field's skills make a job one of them. */
const CRAFT_MIN_YEARS = 2;
const CRAFT_JOB_SKILLS = 2;
/** The row score of a craft skill implied by the years: partly shown. */
const CRAFT_IMPLIED = 0.45;

/**
 * A communication ask ("Strong communication skills", «коммуникабельность», «грамотная речь»), and the deeds that show
 * it in a resume: explaining work to others, presenting, negotiating, training people ("I explain models to
 * underwriters in plain English", «Проводила обучение новых сотрудников», «вела переговоры с поставщиками»). A
 * sentence that says one is read as showing the ask in part, as a craft shown by years is.
 */
const COMMUNICATION_ASK = /communicat|interpersonal|presentation skills|коммуникабельн|коммуникативн|грамотн\p{L}{0,3} (?:речь|устн|письменн)|навык\p{L}{0,2} (?:ведения )?переговор/iu;
const COMMUNICATION_DEED =
  /\b(?:explain(?:ed|s|ing)?\s+(?:\S+\s+){0,4}?to|presented|presenting|presentations?|gave\s+(?:a\s+|\d+\s+)?talks?|spoke\s+at|speaker\s+at|ran\s+(?:\S+\s+)?workshops?|negotiat\w+|stakeholders?|client-facing|customer-facing|liais\w+\s+with|wrote\s+(?:the\s+)?(?:reports|documentation)|writing\s+runbooks|runbooks|mentored|coached|teach(?:es|ing)?|taught|collaborat\w+|cross-functional)\b|(?<![\p{L}])(?:объясня\p{L}*|объяснил\p{L}*|презентаци\p{L}*|презентова\p{L}*|выступа\p{L}*|выступил\p{L}*|доклад\p{L}*|переговор\p{L}*|провод\p{L}* обучени\p{L}*|обучал\p{L}*|наставни\p{L}*|консультирова\p{L}*|преподава\p{L}*)/iu;
const DEED_SHOWN = 0.45;

/** The field whose craft a row asks for alone (every skill its terms name is a craft skill of that field), or null. */
function craftField(terms: Term[]): string | null {
  const ids = [...new Set(terms.filter((t) => t.term.startsWith(SKILL_TERM_PREFIX)).map((t) => t.term.slice(SKILL_TERM_PREFIX.length)))];
  if (ids.length === 0 || !ids.every((id) => CRAFT_SKILLS.has(id))) return null;
  const fields = new Set(ids.map((id) => skillById(id)?.field));
  return fields.size === 1 ? ([...fields][0] ?? null) : null;
}

/** Whether a job names skills of the field (not its craft skills): two of them make it a job in the field. */
function isFieldJob(jobText: string, field: string): boolean {
  return [...jobWords(jobText).skills].filter((id) => !CRAFT_SKILLS.has(id) && skillById(id)?.field === field).length >= CRAFT_JOB_SKILLS;
}

/** Years of the resume's jobs that name skills of the field (not its craft skills), and the longest such job. */
function yearsInField(facts: ResumeFacts, field: string): { years: number; longest: ResumeFacts['jobs'][number] | undefined } {
  const inField = (jobText: string) => isFieldJob(jobText, field);
  const longest = longestJob(facts.jobs.filter((j) => inField(j.text)));
  return { years: longest ? yearsWhere(facts, inField) : 0, longest };
}

/** The posting's field: the one most of the distinct skills it names belong to (at least two, and half of them), or null. */
function fieldOf(skillIds: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const id of skillIds) {
    const field = skillById(id)?.field;
    if (field && field !== 'other') counts.set(field, (counts.get(field) ?? 0) + 1);
  }
  const [best] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  return best && best[1] >= 2 && best[1] * 2 >= skillIds.length ? best[0] : null;
}

interface PreparedResume {
  language: 'ru' | 'en';
  sentences: Sentence[];
  /** Each term's sentences, in order: a requirement is weighed against the sentences that share a term with it. */
  sentencesWith: Map<string, number[]>;
  terms: Set<string>;
  avgLength: number;
  sentIdf: (t: string) => number;
}

interface VacancyRow {
  text: string;
  importance: RequirementResult['importance'];
  kind: RequirementKind;
  start: number;
  end: number;
  /** The posting reader's requirement, with its structured ask (years, education, language, licence). */
  ask?: PostingRequirement;
  /** The field whose craft the row asks for alone ("design patterns"), or null. */
  craft?: string | null;
}

interface PreparedVacancy {
  /**
   * yearsSlots: of a years ask that says more than its years, the slots of the clause that asks them; headcount: the
   * people it asks to have handled (null when none); peerTerms: of a row that asks one product, the terms of the products
   * that stand in for it (PEERS).
   */
  requirements: Array<VacancyRow & { slots: Slot[]; total: number; yearsSlots?: Slot[]; headcount: number | null; peerTerms: string[] }>;
  terms: string[];
  weight: number;
  /** The posting's job title, when it opens with one, and its terms (skills folded as in requirements). */
  title: string | null;
  titleTerms: string[];
  /**
   * The role the title names before a qualifier ("Account Executive" of "Account Executive, Mid-Market"), when that
   * is two words or more and not the whole title; else empty.
   */
  roleTerms: string[];
  /** The vocabulary's skills the posting names anywhere (language-neutral terms), and its language. */
  skillTerms: string[];
  /** The field most of those skills belong to (fieldOf), or null. */
  field: string | null;
  language: 'ru' | 'en';
}

const recentResumes = new RecentTexts<PreparedResume>(4);
const recentVacancies = new RecentTexts<PreparedVacancy>(4);
/** Facts by resume text, then by day (the latest one read): no key as long as the resume is built for every pair. */
const recentFacts = new RecentTexts<Map<string, ResumeFacts>>(4);

/**
 * The resume reader's facts as of `now`, read once for the scoring and the result's resume_facts alike. Keyed by the
 * date as well as the text: "present" in the jobs' dates means `now`, so another day reads other years.
 */
export function resumeFactsAt(resumeText: string, now?: Date): ResumeFacts {
  const day = (now ?? new Date()).toISOString().slice(0, 10);
  const byDay = recentFacts.get(resumeText, () => new Map());
  let facts = byDay.get(day);
  if (!facts) {
    facts = readResume(resumeText, { now });
    byDay.clear();
    byDay.set(day, facts);
  }
  return facts;
}

/** The parts as the result's components (numbers rounded; years_shown left out when the resume dates nothing). */
export function partsComponents(parts: ReturnType<typeof fitParts>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(parts)) if (v !== null) out[k] = round(v);
  return out;
}

/** hh.ru's heading of the position a resume seeks. */
const DESIRED_RE = /^[^\S\n]*(?:желаемая должность(?: и зарплата)?|desired position(?: and salary)?)[^\S\n]*$/imu;

/** What follows hh.ru's «Желаемая должность и зарплата» (the title sought, its specialisations), or ''. */
function soughtPosition(resumeText: string): string {
  const desired = DESIRED_RE.exec(resumeText.slice(0, 2000));
  if (!desired) return '';
  const from = desired.index + desired[0].length;
  return resumeText.slice(from, from + 200).trim();
}

/** The terms of a resume's opening lines and job titles, read once per resume read (its facts are of one text and day). */
const headTermsOf = new WeakMap<ResumeFacts, Set<string>>();

function resumeHeadTerms(facts: ResumeFacts, resumeText: string): Set<string> {
  let headTerms = headTermsOf.get(facts);
  if (!headTerms) {
    // hh.ru puts the title the person seeks under «Желаемая должность и зарплата», after the contacts
    const head = [resumeText.slice(0, 200), soughtPosition(resumeText), ...facts.jobs.slice(0, 10).map((j) => j.title ?? '')].join('\n');
    headTerms = termsAndSkills(head);
    headTermsOf.set(facts, headTerms);
  }
  return headTerms;
}

/**
 * How far the resume's job titles and opening lines (its headline) name the posting's title, skills counted under
 * any of their names; the title's words found elsewhere in the resume count for less.
 */
function titleFit(vacancy: PreparedVacancy, facts: ResumeFacts, resumeText: string, resumeTerms: Set<string>): number {
  return roleTitleFit(vacancy, resumeHeadTerms(facts, resumeText), resumeTerms);
}

/**
 * The title fit, the role before a qualifier read as the title too: "Повар горячего цеха" is the «Повар-универсал» of
 * «Повар-универсал (столовая при заводе)» as far as the role goes, though no job was at a works canteen.
 */
function roleTitleFit(v: { titleTerms: readonly string[]; roleTerms?: readonly string[] }, headTerms: Set<string>, resumeTerms: Set<string>): number {
  const full = titleFitOf(v.titleTerms, headTerms, resumeTerms);
  return v.roleTerms && v.roleTerms.length > 0 ? Math.max(full, titleFitOf(v.roleTerms, headTerms, resumeTerms)) : full;
}

/** The title fit from the title's terms, the resume's headline and job-title terms and all its terms. */
function titleFitOf(titleTerms: readonly string[], headTerms: Set<string>, resumeTerms: Set<string>): number {
  if (titleTerms.length === 0) return 0.5;
  let total = 0;
  let inHead = 0;
  let anywhere = 0;
  for (const t of titleTerms) {
    const w = termFactor(t);
    total += w;
    if (headTerms.has(t)) inHead += w;
    if (resumeTerms.has(t)) anywhere += w;
  }
  return total === 0 ? 0.5 : round(0.7 * (inHead / total) + 0.3 * (anywhere / total));
}

const recentTitleTerms = new RecentTexts<Set<string>>(256);

/** A short text's terms and the skills it names under their vocabulary ids (a heading, a job title). */
function termsAndSkills(text: string): Set<string> {
  return new Set([...terms(text), ...findSkills(text).map((m) => SKILL_TERM_PREFIX + m.id)]);
}

/** Seniority words: a "Senior Product Designer" holds the "Product Designer" role. */
const SENIORITY = new Set(terms('senior junior lead principal staff middle head chief intern trainee старший младший ведущий главный стажер'));

/**
 * Whether a job's title is the posting's role: it names all of the title's words but one in three (seniority aside),
 * so "Senior Data Scientist" holds "Data Scientist" and "Senior Product Designer" holds "Product Designer, Growth",
 * while "UX Designer" does not hold "Product Designer" nor "Backend Developer" "Java Developer".
 */
function isRoleTitle(titleTerms: readonly string[], jobTitle: string): boolean {
  const wanted = titleTerms.filter((t) => !SENIORITY.has(t));
  if (wanted.length === 0) return false;
  // a resume's job titles are read against every vacancy of a ranking: their terms once
  const job = recentTitleTerms.get(jobTitle, termsAndSkills);
  const held = wanted.filter((t) => job.has(t)).length;
  return held >= wanted.length - Math.floor(wanted.length / 3);
}

/**
 * Whole-document overlap: the posting's distinct terms found anywhere in the resume, skills counting most. Words of
 * two languages never meet, so a resume in the other language is measured by the vocabulary's skills alone (named
 * in either language), put on the words' scale.
 */
function overlapOf(v: Pick<PreparedVacancy, 'terms' | 'weight' | 'skillTerms'>, resumeTerms: Set<string>, crossLanguage: boolean): number {
  if (crossLanguage) {
    if (v.skillTerms.length === 0) return 0;
    return (CROSS_LANGUAGE_OVERLAP_SCALE * v.skillTerms.filter((t) => resumeTerms.has(t)).length) / v.skillTerms.length;
  }
  return v.weight === 0 ? 0 : v.terms.reduce((sum, t) => sum + (resumeTerms.has(t) ? termFactor(t) : 0), 0) / v.weight;
}

/** Years can be checked only against a resume with dated jobs or stated years; otherwise the words decide. */
function hasMeasure(facts: ResumeFacts, ask: PostingRequirement): boolean {
  if (ask.kind !== 'experience') return true;
  return facts.jobs.length > 0 || facts.statedYears !== null;
}

/** Words of a years ask that say "years of experience" rather than what in: left out when matching it to jobs. */
const YEARS_WORDS = new Set(
  terms(
    'experience experienced years year minimum least more plus professional proven work working commercial relevant total overall ' +
      'need needed required necessary ideally preferred some hands-on solid ' +
      'опыт опыта опытом лет года год стаж не менее более от работы работе работа коммерческой коммерческий необходим обязателен желателен',
  ),
);

/** Words a years ask says the years are not of ("не грузчиком и не продавцом", "not as a cashier"). */
const NOT_OF_RE = /(?<![\p{L}])(?:не|ни|not(?: as)?(?: an?)?)\s+(\p{L}+)/giu;
/**
 * The role a years ask names: «опыт работы (именно) сметчиком», «стаж работы в должности бухгалтера», "3+ years as a
 * data / product / marketing analyst", "experience working as an automotive technician"; up to where the ask goes on
 * to where, since when or how long.
 */
const ROLE_ASK_RE =
  /(?<![\p{L}])(?:(?:опыт\p{L}*|стаж\p{L}*)\s+работы\s+(?:именно\s+)?(?:(?:в\s+должности|в\s+качестве)\s+)?(?=[\p{L}-]{1,40}(?:ом|ем|ём|ой|ей|ым|им|ами|ями|ью|ера|ика|ора|ста|ара|ря|ца|ка)(?![\p{L}]))|(?<![\p{L}])(?<!such\s)(?<!well\s)(?:as|working\s+as|worked\s+as|in\s+the\s+role\s+of)\s+(?:an?\s+)?(?=\p{L}))((?:[\p{L}-]+(?:\s*(?:\/|,|или|либо|or)\s*|\s+)?){1,6})/iu;
/**
 * Words that end the role: where, since when, how long, or what doing ("as an EA supporting a C-level exec"). ("Such
 * as" and "as well as" name examples, not a role.)
 */
const ROLE_END_RE = /^(?:от|не|более|свыше|в|во|на|с|по|у|из|за|для|in|at|for|with|on|within|from|of|and|и|\d.*|[a-z]+ing)$/iu;
/** Two words share a stem for a title when they share their first five letters (welder / welding, сметчика / сметчиком). */
const TITLE_STEM = 5;

/** The role a years ask names, as its words and their stems (seniority aside), or null when it names none. */
function roleWordsOfAsk(askText: string): { words: string[]; stems: string[] } | null {
  const m = ROLE_ASK_RE.exec(askText);
  if (!m?.[1]) return null;
  const words: string[] = [];
  const split = m[1].split(/[\s\/,]+/u);
  for (const [k, w] of split.entries()) {
    if (w.length === 0 || /^(?:или|либо|or)$/iu.test(w)) continue;
    // ("and" inside the role's name goes on to its noun: "as a health and safety advisor in construction")
    if (/^(?:and|и)$/iu.test(w) && split[k + 1] && !ROLE_END_RE.test(split[k + 1]!)) continue;
    if (ROLE_END_RE.test(w)) break;
    words.push(w);
  }
  const stems = terms(words.join(' ')).filter((t) => !SENIORITY.has(t));
  return stems.length > 0 ? { words, stems } : null;
}

/**
 * Whether a job speaks of what a years ask names beyond "years of experience" (half its weight or more), and, where
 * the ask names a role, whether a job's title is that role (one of its words, by the first letters, so a
 * «Бухгалтер по расчёту заработной платы» is a «бухгалтер-расчетчик», and not one the ask says the years are not of).
 * Undefined when the ask names nothing else (then the years are the posting's work's).
 */
function aboutWhat(slots: Slot[], askText: string): AboutIt | undefined {
  const topical = slots.map((slot) => ({ ...slot, terms: slot.terms.filter((t) => !YEARS_WORDS.has(t) && !/^[0-9]/.test(t)) })).filter((x) => x.terms.length > 0);
  const total = topical.reduce((sum, slot) => sum + slot.weight, 0);
  if (total === 0) return undefined;
  const roleWords = roleWordsOfAsk(askText);
  // the vocabulary's skills that the role's own name spells ("office manager", «инженер АСУ ТП»): a job whose title is
  // the role shows them, whatever its text calls the work (an Office Coordinator's years for "3+ years as an office
  // manager or office administrator")
  const roleSkills = new Set(roleWords ? [...skillsAsked(roleWords.words.join(' '))].map((id) => SKILL_TERM_PREFIX + id) : []);
  const text = (jobText: string, titled = false) => {
    const have = jobWords(jobText).terms;
    const covered = topical.reduce((sum, slot) => sum + (slot.terms.some((t) => have.has(t) || (titled && roleSkills.has(t))) ? slot.weight : 0), 0);
    return covered >= 0.5 * total;
  };
  const role = roleWords?.stems ?? null;
  // (an abbreviation, "5+ yrs as an EA", is no word a title need hold)
  if (!role || role.every((t) => t.length < 3)) return { text };
  const notOf = new Set([...askText.matchAll(NOT_OF_RE)].flatMap((m) => terms(m[1]!)));
  const stems = role.filter((t) => !notOf.has(t)).map((t) => (t.length < TITLE_STEM ? { whole: t } : { prefix: t.slice(0, TITLE_STEM) }));
  const named = (h: string) => !SENIORITY.has(h) && stems.some((s) => ('whole' in s ? h === s.whole : h.startsWith(s.prefix)));
  const askCyrillic = CYRILLIC.test(role.join(' '));
  return {
    text,
    role: (jobTitle: string) => {
      // a title in the other language cannot be told to be the role by its words
      if (CYRILLIC.test(jobTitle) !== askCyrillic) return null;
      const words = terms(jobTitle);
      return words.some(named) && !words.some((h) => notOf.has(h));
    },
  };
}

/** Where a row's clauses part: "No degree needed but you must have at least 6 months' care experience (…) – happy to help …". */
const CLAUSE_BREAK_RE = /\s(?:but|however|although|though|while|а|но|однако)\s|,?\s(?:and|with)\s(?=(?:at\s+least|of\s+(?:which|those|them)|including)\s)|,\s(?=из\s+(?:них|которых)\s)|\s(?:and|и)\s(?=(?:be|are|you|have|can|will|able|готов\p{L}{0,2}|быть|уметь)\s)|[;]\s|\s[–—-]\s|[.!?]\s/iu;

/**
 * The clause of a row that asks the years, when the row has more than one ("you must have at least 6 months' care
 * experience (care home, hospital or domiciliary)" of a row that also says no degree is needed): what a job must speak of
 * to count. Null when the row is one clause or no clause alone asks the years.
 */
function yearsClause(text: string): string | null {
  const clauses = text.split(CLAUSE_BREAK_RE).filter((c) => c.trim().length > 0);
  if (clauses.length < 2) return null;
  return clauses.find((c) => yearsAsked(c) !== null) ?? null;
}

/** Status of a structured ask from the share of it the resume shows. */
function askStatus(score: number): RequirementStatus {
  if (score >= ASK_MET) return 'met';
  if (score >= 0.5) return 'partial';
  return 'missing';
}

function prepareResume(resumeText: string): PreparedResume {
  // a sentence that says the person has not done something, or is only learning it, shows nothing it names; nor does
  // a section's heading ("LICENSES & TRAINING" is no Surveyor in Training licence)
  const sentences: Sentence[] = splitSentences(resumeText).filter((s) => !isNotDoneClaim(s.text) && !isSectionHeading(s.text)).map((s) => {
    const list = terms(s.text);
    // the sentence's skills under their vocabulary ids as well, so a requirement's skill term finds any synonym
    // (a broader skill it shows, once: four Spring modules on a line show Java, but do not name it four times)
    const skills = shownIds(s.text).map((id) => SKILL_TERM_PREFIX + id);
    return { ...s, tf: termCounts([...list, ...skills]), length: list.length, list: isListLine(s.text), side: isSideProjectClaim(s.text) };
  });
  const sentencesWith = new Map<string, number[]>();
  sentences.forEach((s, i) => {
    for (const t of s.tf.keys()) {
      const list = sentencesWith.get(t);
      if (list) list.push(i);
      else sentencesWith.set(t, [i]);
    }
  });
  const sentDf = new Map<string, number>();
  for (const [t, list] of sentencesWith) sentDf.set(t, list.length);
  const sentDocs = sentences.length + PRIOR_DOCS;
  const sentIdfs = new Map<string, number>();
  for (const [t, n] of sentDf) sentIdfs.set(t, Math.log(1 + (sentDocs - n + 0.5) / (n + 0.5)));
  return {
    language: detectLanguage(resumeText),
    sentences,
    sentencesWith,
    terms: new Set(sentDf.keys()),
    avgLength: sentences.reduce((sum, s) => sum + s.length, 0) / Math.max(1, sentences.length) || 1,
    sentIdf: (t) => sentIdfs.get(t) ?? 0,
  };
}

/**
 * The analysis's requirement rows: what the posting reader reads as asked, with the duties when it asks next to
 * nothing. A text the reader cannot structure (a run of words without sentences or sections) falls back to its
 * sentences, as before the reader, rather than to one row as long as the posting.
 */
function vacancyRows(vacancyText: string, posting = readPosting(vacancyText)): VacancyRow[] {
  // (a row that asks years is kept up to twice as long: a recruiter's sentence runs on about the field the years are
  // in, "… at least three years of hands-on demand planning experience, and he told me pretty firmly that …")
  const readable = posting.requirements.filter((r) => r.end - r.start <= (r.years ? 2 * MAX_ROW_CHARS : MAX_ROW_CHARS));
  const asked = readable.filter((r) => r.kind !== 'duty');
  const rows = asked.length >= MIN_ASKED ? asked : readable;
  if (rows.length >= MIN_ASKED || (rows.length > 0 && rows.length === posting.requirements.length)) {
    return rows.slice(0, MAX_ROWS).map((r) => ({ text: r.text, importance: r.importance, kind: r.kind, start: r.start, end: r.end, ask: r }));
  }
  return splitRequirements(vacancyText).map((r) => ({ text: r.text, importance: r.importance, kind: 'other' as const, start: r.start, end: r.end }));
}

const TRAILING_GRADE_RE = new RegExp(`\\s+${ROLE_GRADE}$`, 'u');

function prepareVacancy(vacancyText: string): PreparedVacancy {
  const posting = readPosting(vacancyText);
  // The title: the reader's, or the first line of a text that opens with a short one.
  const firstLine = vacancyText.slice(0, 200).split('\n')[0]!.trim();
  const title = posting.title?.text ?? (firstLine.length > 0 && firstLine.length <= 80 ? firstLine : null);
  const titleTerms = title ? [...new Set(requirementTerms(title).map((t) => t.term))] : [];
  // (the role without its grade: "QA Engineer" of "QA Engineer II (Manual & Automation)")
  // (and the role before where it works: «Официант» of «Официант в ресторан грузинской кухни»)
  const head = title ? /^(.*?)(?:,\s|\s\(|\s(?:в|во|на)\s(?=\p{L}))/u.exec(title)?.[1]?.replace(TRAILING_GRADE_RE, '') : undefined;
  const headTerms = head ? [...new Set(requirementTerms(head).map((t) => t.term))] : [];
  // (two words at least, or one the vocabulary names as a role: "QA Engineer", "Dental Hygienist")
  const named = headTerms.filter((t) => !SENIORITY.has(t));
  const roleTerms = (named.length >= 2 || named[0]?.startsWith(SKILL_TERM_PREFIX)) && headTerms.length < titleTerms.length ? headTerms : [];
  const requirements = vacancyRows(vacancyText, posting).map((r) => {
    const spans = requirementTerms(r.text);
    return { ...r, terms: spans, craft: r.kind === 'skill' || r.kind === 'other' ? craftField(spans) : null };
  });
  // Over the vacancy's requirements, the idf says how much a term matters to coverage: a word every requirement
  // repeats weighs little. (The resume's idf is not used for coverage: it would make a skill the resume names on
  // every line count for less; it only picks the evidence line among equals.)
  const reqDf = new Map<string, number>();
  for (const r of requirements) for (const t of new Set(r.terms.map((x) => x.term))) reqDf.set(t, (reqDf.get(t) ?? 0) + 1);
  const reqDocs = requirements.length + PRIOR_DOCS;
  const weight = (t: string) => {
    const n = reqDf.get(t) ?? 0;
    return Math.log(1 + (reqDocs - n + 0.5) / (n + 0.5)) * termFactor(t);
  };
  // The words the overlap reads: what the posting asks and what the job does, as the reader found them, not its
  // benefits, company blurb and legal text, which no resume repeats; a text the reader cannot structure, whole.
  const read = posting.requirements.length >= MIN_ASKED ? [title ?? '', ...posting.requirements.map((r) => r.text)].join('\n') : vacancyText;
  const vacancyTerms = [...new Set(terms(read))];
  const readSkills = [...new Set(findSkills(read).map((m) => m.id))];
  return {
    requirements: requirements.map(({ terms: spans, ...r }) => {
      const slots = slotsOf(r.text, spans, weight);
      const clause = r.ask?.kind === 'experience' && r.ask.years !== undefined ? yearsClause(r.text) : null;
      const clauseTerms = clause ? new Set(requirementTerms(clause).map((t) => t.term)) : null;
      const yearsSlots = clauseTerms ? slots.filter((slot) => slot.terms.some((t) => clauseTerms.has(t))) : undefined;
      return {
        ...r,
        slots,
        total: slots.reduce((sum, slot) => sum + slot.weight, 0),
        ...(yearsSlots ? { yearsSlots } : {}),
        headcount: headcountAsked(r.text),
        peerTerms: peerTermsOf(slots),
      };
    }),
    terms: vacancyTerms,
    weight: vacancyTerms.reduce((sum, t) => sum + termFactor(t), 0),
    title,
    titleTerms,
    roleTerms,
    skillTerms: readSkills.map((id) => SKILL_TERM_PREFIX + id),
    field: fieldOf(readSkills),
    language: posting.language,
  };
}

/** The posting read for matching: from the reading stored with it where that is of this text and code, else read now. */
function vacancyOf(vacancyText: string, stored?: string | null): PreparedVacancy {
  return recentVacancies.get(vacancyText, (text) => (stored ? loadReading<PreparedVacancy>(text, stored) : null) ?? prepareVacancy(text));
}

/**
 * What a ranking shortlists a stored posting by: the terms the document overlap reads, the title's terms and the
 * skills the posting names, and its language. A few hundred bytes, stored beside the reading, so that a ranking can
 * weigh every stored vacancy against the resume before it reads any reading in full.
 */
export interface ReadingTerms {
  terms: string[];
  /** The terms' summed weight (termFactor), the overlap's denominator. */
  weight: number;
  titleTerms: string[];
  /** The role before the title's qualifier (PreparedVacancy.roleTerms); absent in terms stored before it. */
  roleTerms?: string[];
  skillTerms: string[];
  language: 'ru' | 'en';
}

/** A posting's reading (JSON) and the terms a ranking shortlists it by (JSON, ReadingTerms). */
export interface PostingRead {
  reading: string;
  terms: string;
}

/**
 * The posting's reading to store with a saved vacancy, so that rankings over saved vacancies match requirements
 * without reading the posting again (see reading.ts), and the terms a ranking shortlists it by.
 */
export function postingReadingAndTerms(vacancyText: string): PostingRead {
  const v = vacancyOf(vacancyText);
  const terms: ReadingTerms = { terms: v.terms, weight: v.weight, titleTerms: v.titleTerms, roleTerms: v.roleTerms, skillTerms: v.skillTerms, language: v.language };
  return { reading: storeReading(vacancyText, v), terms: JSON.stringify(terms) };
}

/** A resume's terms as the shortlist weighs postings against them: all of them, and those of its headline and job titles. */
export interface ShortlistResume {
  terms: Set<string>;
  head: Set<string>;
  language: 'ru' | 'en';
}

export function shortlistResume(resumeText: string, now?: Date): ShortlistResume {
  const { terms: all, language } = recentResumes.get(resumeText, prepareResume);
  return { terms: all, head: resumeHeadTerms(resumeFactsAt(resumeText, now), resumeText), language };
}

/** The title's weight against the overlap's in the shortlist: as in the fitted score (title 1.44, overlap 6.61). */
const SHORTLIST_TITLE = (lexicalWeights as FitWeights).weights.title_fit! / (lexicalWeights as FitWeights).weights.document_overlap!;

/**
 * How well a stored posting fits the resume by the fit score's two heaviest parts, its document overlap and its title
 * fit, computed as the analysis computes them (a posting in the other language by the skills both name): what a
 * ranking shortlists by. At 10,000 vacancies its best 300 held the estimate's best 10 for each of 8 resumes, where the
 * full-text search's best 1,000 held 59 % of them.
 */
export function shortlistScore(v: ReadingTerms, r: ShortlistResume): number {
  return overlapOf(v, r.terms, v.language !== r.language) + SHORTLIST_TITLE * roleTitleFit(v, r.head, r.terms);
}

/**
 * The titles a pair's title fit reads: the posting's (null when it opens with none) and the resume's headline and
 * latest job titles (at most six), for matching them by meaning where the words cannot (another language).
 */
export function pairTitles(vacancyText: string, resumeText: string, now?: Date, vacancyReading?: string | null): { vacancy: string | null; resume: string[] } {
  const vacancy = vacancyOf(vacancyText, vacancyReading);
  // the headline: the first short lines (a name, then mostly the title the person gives themselves)
  const headline = resumeText.slice(0, 400).split('\n').map((l) => l.trim()).filter((l) => l.length > 0).slice(0, 3);
  const jobs = resumeFactsAt(resumeText, now).jobs.flatMap((j) => (j.title ? [j.title.trim()] : []));
  const sought = soughtPosition(resumeText).split('\n')[0]!.trim();
  const resume = [...new Set([...headline, sought, ...jobs].filter((t) => t.length > 0 && t.length <= 120))].slice(0, 6);
  return { vacancy: vacancy.title, resume };
}

export function scoreLexical(input: LexicalInput): Scoring {
  const { resumeText } = input;
  const vacancy = vacancyOf(input.vacancyText, input.vacancyReading);
  const { language, sentences, sentencesWith, terms: resumeTerms, avgLength, sentIdf } = recentResumes.get(resumeText, prepareResume);

  const crossLanguage = vacancy.language !== language;
  const facts = resumeFactsAt(resumeText, input.now);
  const checks: Array<AskCheck | null> = [];
  // the posting's own work: a job with its title, or (in either language) one that names its field's skills
  const ownWork = (jobTitle: string, jobText: string) =>
    (!crossLanguage && (isRoleTitle(vacancy.titleTerms, jobTitle) || (vacancy.roleTerms.length > 0 && isRoleTitle(vacancy.roleTerms, jobTitle)))) || (vacancy.field !== null && isFieldJob(jobText, vacancy.field));
  const byWords = (req: PreparedVacancy['requirements'][number]): RequirementResult => {
    // In the other language only the vocabulary's skills can meet: a row that names one is read by its skills
    // ("навыки активного поиска и булевых запросов" by "boolean strings are my hobby"), its other words left to
    // matching by meaning, which they would otherwise hold below partly shown.
    const skillSlots = crossLanguage ? req.slots.filter((slot) => slot.terms.some((t) => t.startsWith(SKILL_TERM_PREFIX))) : [];
    const slots = skillSlots.length > 0 ? skillSlots : req.slots;
    const total = skillSlots.length > 0 ? skillSlots.reduce((sum, slot) => sum + slot.weight, 0) : req.total;
    const row = { text: req.text, importance: req.importance, kind: req.kind, span: { start: req.start, end: req.end } };
    if (total === 0) return { ...row, score: 0, status: 'missing', evidence: null };
    let best = 0;
    let bestNamed = 0;
    const covering: Array<{ s: Sentence; named: number; bm25: number }> = [];
    // a sentence with none of the terms covers nothing and is never the best
    const shared = new Set<number>();
    for (const slot of slots) for (const t of slot.terms) for (const i of sentencesWith.get(t) ?? []) shared.add(i);
    // (in the other language a licence row is met by its field's skill only on a line that names a licence:
    // «свидетельство специалиста по техническому обслуживанию ВС» by "Aircraft Maintenance Specialist Certificate", not
    // by "maintenance managers")
    // (a credential the vocabulary names, "CCNP Enterprise", the SIE, HCPC registration, is its own licence's name)
    const licenceLines = skillSlots.length > 0 && req.kind === 'licence' && !skillSlots.every((slot) => slot.terms.some(isCredentialTerm));
    // (a pet or study project shows what it names in part: «Пет-проект: метеостанция на STM32 под FreeRTOS» is no
    // «опыт разработки под FreeRTOS»; a certificate, a degree or a language a course gives is what it shows in full)
    const sideCaps = !SIDE_CREDENTIAL_KINDS.has(req.kind);
    for (const i of [...shared].sort((a, b) => a - b)) {
      const s = sentences[i]!;
      if (licenceLines && !namesLicence(s.text)) continue;
      const norm = K1 * (1 - B + (B * s.length) / avgLength);
      let covered = 0;
      let named = 0;
      let bm25 = 0;
      for (const slot of slots) {
        let fill = 0;
        let names = 0;
        for (const t of slot.terms) {
          const tf = s.tf.get(t);
          if (!tf) continue;
          const saturation = (tf * (K1 + 1)) / (tf + norm);
          fill = Math.max(fill, Math.min(1, saturation) * fillOf(slot, t));
          names = Math.max(names, fillOf(slot, t));
          bm25 += sentIdf(t) * saturation;
        }
        covered += slot.weight * fill;
        named += slot.weight * names;
      }
      const coverage = s.side && sideCaps ? Math.min(SIDE_PROJECT_MOST, covered / total) : covered / total;
      if (coverage <= 0) continue;
      best = Math.max(best, coverage);
      bestNamed = Math.max(bestNamed, named);
      covering.push({ s, named, bm25 });
    }
    // The evidence: of the sentences that name the most of the row (however long: a long line's terms saturate a
    // little less, which weighs in the score, not in which line shows it), a line of work before a list of names
    // ("Moved 180 legacy stored procedures into dbt models with tests and docs", not "Data: dbt, Airflow, Snowflake,
    // Redshift, Kafka"), then the one whose terms say the most (BM25): "MEDDICC for qualification and forecasting in
    // Salesforce", not "Sales Development Representative — Payroute", for "a sales methodology such as MEDDICC".
    let bestSentence: Sentence | null = null;
    let bestRank: [number, number] = [-1, -1];
    for (const c of covering) {
      if (c.named < bestNamed - 1e-9) continue;
      const rank: [number, number] = [c.s.list ? 0 : 1, c.bm25];
      if (rank[0] > bestRank[0] || (rank[0] === bestRank[0] && rank[1] > bestRank[1])) {
        bestRank = rank;
        bestSentence = c.s;
      }
    }
    const anywhere =
      slots.reduce((sum, slot) => sum + slot.weight * Math.max(0, ...slot.terms.map((t) => (resumeTerms.has(t) ? fillOf(slot, t) : 0))), 0) / total;
    let score = round(Math.min(1, BEST_SENTENCE_SHARE * best + (1 - BEST_SENTENCE_SHARE) * anywhere));
    if (licenceLines && !bestSentence) score = Math.min(score, UNNAMED_LICENCE);
    if (bestSentence?.side && sideCaps) score = Math.min(score, SIDE_PROJECT_MOST);
    return {
      ...row,
      score,
      status: statusFor(score),
      evidence: bestSentence ? { text: bestSentence.text, start: bestSentence.start, end: bestSentence.end } : null,
    };
  };
  const results: RequirementResult[] = vacancy.requirements.map((req) => {
    const words = byWords(req);
    let check = req.ask && hasMeasure(facts, req.ask) ? checkAsk(req.ask, facts, resumeText, language, aboutWhat(req.yearsSlots ?? req.slots, req.text), ownWork) : null;
    // In the other language the words cannot tell whether a job speaks of a field ("на пищевом производстве"), only
    // of the vocabulary's skills: a field's years are then read from the years overall, as partly shown at most.
    const fieldUnreadable = crossLanguage && req.ask?.kind === 'experience' && req.ask.skills.length === 0;
    if (check?.years && check.years.shown === 0 && (words.score >= PARTIAL || fieldUnreadable)) {
      const asked = Math.max(check.years.asked, 0.01);
      if (facts.jobs.length === 0 && facts.statedYears !== null) {
        // No dated jobs, but the resume states its years and speaks of what is asked: the stated years count.
        check = { ...check, score: Math.min(1, facts.statedYears / asked), evidence: null, years: { shown: facts.statedYears, asked: check.years.asked } };
      } else {
        // The resume speaks of it but no dated job does: the years overall, read as partly shown at most.
        const overall = Math.max(facts.totalYears ?? 0, facts.statedYears ?? 0);
        check = { ...check, score: 0.5 * Math.min(1, overall / asked), evidence: null, overall: round1(overall) };
      }
    }
    checks.push(check);
    if (!check && req.kind === 'quality' && words.score < DEED_SHOWN && (COMMUNICATION_ASK.test(req.text) || EXPLAINING_TO_LAYPEOPLE_RE.test(req.text))) {
      const deed = sentences.find((s) => COMMUNICATION_DEED.test(s.text));
      if (deed) return { ...words, score: DEED_SHOWN, status: statusFor(DEED_SHOWN), evidence: { text: deed.text, start: deed.start, end: deed.end } };
    }
    if (!check && req.craft && words.score < PARTIAL) {
      const practice = yearsInField(facts, req.craft);
      if (practice.years >= CRAFT_MIN_YEARS && practice.longest) {
        const at = headOf(resumeText, practice.longest.span, practice.longest.title);
        return {
          ...words,
          score: CRAFT_IMPLIED,
          status: statusFor(CRAFT_IMPLIED),
          evidence: { text: resumeText.slice(at.start, at.end), start: at.start, end: at.end },
          implied: { years: round1(practice.years) },
        };
      }
    }
    // a headcount asked («участок численностью от 200 человек», "payroll for 500+ employees"): a line that names as
    // many people or more shows it, one that names at least half as many shows it in part
    if (!check && words.score < MET && req.headcount !== null) {
      const shown = headcountShown(sentences, req.headcount);
      if (shown && shown.score > words.score) return { ...words, score: shown.score, status: statusFor(shown.score), evidence: { text: shown.s.text, start: shown.s.start, end: shown.s.end } };
    }
    if (!check && req.kind === 'skill' && words.score < PARTIAL) {
      const peer = peerSentence(req.peerTerms, sentences);
      if (peer) return { ...words, score: PEER_SHOWN, status: statusFor(PEER_SHOWN), evidence: { text: peer.text, start: peer.start, end: peer.end } };
    }
    if (!check) return words;
    const evidence = check.evidence
      ? { text: resumeText.slice(check.evidence.start, check.evidence.end), start: check.evidence.start, end: check.evidence.end }
      : null;
    const shownBy = evidence ?? (check.score > 0 ? words.evidence : null);
    // a row shown with no line to point at says what shows it instead of "nothing in the resume covers this"
    const basis = shownBy || check.score <= 0 || !req.ask ? null : req.ask.kind === 'language' ? 'resume_language' : req.ask.kind === 'experience' ? (facts.jobs.length === 0 ? 'stated_years' : 'years_overall') : null;
    return {
      ...words,
      score: round(check.score),
      // years short of those asked are shown in part, however close: "2.8 years against 3 asked" is no met ask
      status: check.years && check.years.shown < check.years.asked && check.score >= 0.5 ? 'partial' : askStatus(check.score),
      evidence: shownBy,
      ...(check.years ? { years: check.years } : {}),
      ...(basis ? { basis } : {}),
    };
  });

  const coverage = (filter: (r: RequirementResult) => boolean) => {
    const chosen = results.filter(filter);
    const total = chosen.reduce((sum, r) => sum + WEIGHT[r.importance], 0);
    return total === 0 ? null : chosen.reduce((sum, r) => sum + WEIGHT[r.importance] * r.score, 0) / total;
  };
  const requirementCoverage = coverage(() => true);

  const skillsShown = vacancy.skillTerms.filter((t) => resumeTerms.has(t)).length;
  const documentOverlap = overlapOf(vacancy, resumeTerms, crossLanguage);

  // Years: the must-have experience ask with the most years (overall asks before per-skill ones), against the resume.
  let years: { shown: number | null; asked: number; overall: number | null } = { shown: null, asked: 0, overall: null };
  vacancy.requirements.forEach((req, i) => {
    const ask = req.ask;
    if (ask?.kind !== 'experience' || ask.years === undefined) return;
    const asksOverall = ask.skills.length === 0;
    const better = ask.years > years.asked || (ask.years === years.asked && asksOverall);
    if (req.importance === 'must' && better) years = { shown: checks[i]?.years?.shown ?? null, asked: ask.years, overall: checks[i]?.overall ?? null };
  });
  const parts = fitParts(results, {
    titleFit: titleFit(vacancy, facts, resumeText, resumeTerms),
    documentOverlap,
    yearsAsked: years.asked,
    yearsShown: years.shown,
    yearsOverall: years.overall,
  });
  const fit = fitScore(parts, lexicalWeights as FitWeights);
  const score = round(resumeTerms.size === 0 || vacancy.weight === 0 ? 0 : fit.score);

  const components: Record<string, number> = {
    requirement_coverage: round(requirementCoverage ?? 0),
    document_overlap: round(documentOverlap),
    requirements: results.length,
    met: results.filter((r) => r.status === 'met').length,
    partial: results.filter((r) => r.status === 'partial').length,
    missing: results.filter((r) => r.status === 'missing').length,
    ...partsComponents(parts),
    capped: fit.capped ? 1 : 0,
    cross_language: crossLanguage ? 1 : 0,
    skill_overlap: round(vacancy.skillTerms.length === 0 ? 0 : skillsShown / vacancy.skillTerms.length),
  };

  return {
    score,
    verdict: verdictFor(score),
    requirements: results,
    language,
    engine: 'lexical',
    model: LEXICAL_MODEL,
    components,
  };
}
