/**
 * The lexical scorer: how well a resume covers each requirement of a vacancy, by BM25-style overlap of stemmed
 * terms. It is the product's score when no cross-encoder is configured, so it fills the same Scoring shape.
 */
import { verdictFor, type RequirementKind, type RequirementResult, type RequirementStatus, type Scoring } from '@rc/contracts';
import {
  detectLanguage,
  findSkills,
  readPosting,
  RecentTexts,
  splitRequirements,
  splitSentences,
  termSpans,
  terms,
  type TextSpan,
} from '@rc/text';
import { SKILL_TERM_PREFIX, termFactor } from './weights.ts';

export const LEXICAL_MODEL = 'bm25-lexical-v1';

export interface LexicalInput {
  vacancyText: string;
  resumeText: string;
}

/** BM25 term-frequency saturation and length normalisation; b is low because resume lines are short anyway. */
const K1 = 1.2;
const B = 0.3;
/** Pseudo-documents that contain none of the terms: keeps idf finite and steady on short texts. */
const PRIOR_DOCS = 5;
const MET = 0.6;
const PARTIAL = 0.3;
const WEIGHT = { must: 2, nice: 1 } as const;
/** A requirement covered across several lines still counts, less than one line that covers it all. */
const BEST_SENTENCE_SHARE = 0.75;
const REQUIREMENTS_SHARE = 0.8;
/** Logistic squash of the raw coverage (see squash()). */
const SQUASH_CENTER = 0.4;
const SQUASH_SLOPE = 8;

interface Sentence extends TextSpan {
  tf: Map<string, number>;
  length: number;
}

function termCounts(list: string[]): Map<string, number> {
  const tf = new Map<string, number>();
  for (const t of list) tf.set(t, (tf.get(t) ?? 0) + 1);
  return tf;
}

export function statusFor(score: number): RequirementStatus {
  if (score >= MET) return 'met';
  if (score >= PARTIAL) return 'partial';
  return 'missing';
}

/**
 * Raw coverage (0..1) to the score shown to users: a logistic curve rescaled to pass through 0 and 1, so that
 * covering 40 % of the vacancy's weighted terms reads as a middling fit and 70 % as a strong one.
 */
export function squash(raw: number): number {
  const f = (x: number) => 1 / (1 + Math.exp(-SQUASH_SLOPE * (x - SQUASH_CENTER)));
  const low = f(0);
  const high = f(1);
  return Math.min(1, Math.max(0, (f(raw) - low) / (high - low)));
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;

/** A requirement's terms grouped into slots: "Django or FastAPI" is one slot that either term fills. */
interface Slot {
  terms: string[];
  weight: number;
}

// Whole-gap matches, so no \b: JavaScript's \b does not see Cyrillic letters as word characters.
const ALTERNATIVE_GAP = /^\s*(?:or|или|либо|\/)\s*$/i;
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
function requirementTerms(text: string): Term[] {
  const skills = findSkills(text);
  const out: Term[] = skills.map((m) => ({ term: SKILL_TERM_PREFIX + m.id, start: m.start, end: m.end }));
  for (const span of termSpans(text)) {
    if (!skills.some((m) => m.start < span.end && span.start < m.end)) out.push(span);
  }
  return out.sort((a, b) => a.start - b.start);
}

function slotsOf(text: string, spans: Term[], weight: (term: string) => number): Slot[] {
  const marker = EXAMPLES_MARKER.exec(text);
  const examplesFrom = marker ? marker.index + marker[0].length : Infinity;
  const groups: string[][] = [];
  let examples: string[] | null = null;
  spans.forEach((span, i) => {
    if (span.start >= examplesFrom) {
      if (!examples) {
        // the concept: the last few slots before the marker, merged with every example into one slot
        examples = groups.splice(Math.max(0, groups.length - CONCEPT_SLOTS)).flat();
        groups.push(examples);
      }
      examples.push(span.term);
      return;
    }
    const prev = spans[i - 1];
    const group = prev && ALTERNATIVE_GAP.test(text.slice(prev.end, span.start)) ? groups[groups.length - 1] : undefined;
    if (group) group.push(span.term);
    else groups.push([span.term]);
  });
  const seen = new Set<string>();
  const slots: Slot[] = [];
  for (const group of groups) {
    const fresh = [...new Set(group)].filter((t) => !seen.has(t));
    fresh.forEach((t) => seen.add(t));
    if (fresh.length > 0) slots.push({ terms: fresh, weight: Math.max(...fresh.map(weight)) });
  }
  return slots;
}

interface PreparedResume {
  sentences: Sentence[];
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
}

interface PreparedVacancy {
  requirements: Array<VacancyRow & { slots: Slot[]; total: number }>;
  terms: string[];
  weight: number;
}

const recentResumes = new RecentTexts<PreparedResume>(4);
const recentVacancies = new RecentTexts<PreparedVacancy>(4);

function prepareResume(resumeText: string): PreparedResume {
  const sentences: Sentence[] = splitSentences(resumeText).map((s) => {
    const list = terms(s.text);
    // the sentence's skills under their vocabulary ids as well, so a requirement's skill term finds any synonym
    const skills = findSkills(s.text).map((m) => SKILL_TERM_PREFIX + m.id);
    return { ...s, tf: termCounts([...list, ...skills]), length: list.length };
  });
  const sentDf = new Map<string, number>();
  for (const s of sentences) for (const t of s.tf.keys()) sentDf.set(t, (sentDf.get(t) ?? 0) + 1);
  const sentDocs = sentences.length + PRIOR_DOCS;
  const sentIdfs = new Map<string, number>();
  for (const [t, n] of sentDf) sentIdfs.set(t, Math.log(1 + (sentDocs - n + 0.5) / (n + 0.5)));
  return {
    sentences,
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
function vacancyRows(vacancyText: string): VacancyRow[] {
  const posting = readPosting(vacancyText);
  const readable = posting.requirements.filter((r) => r.end - r.start <= MAX_ROW_CHARS);
  const asked = readable.filter((r) => r.kind !== 'duty');
  const rows = asked.length >= MIN_ASKED ? asked : readable;
  if (rows.length >= MIN_ASKED || (rows.length > 0 && rows.length === posting.requirements.length)) {
    return rows.slice(0, MAX_ROWS).map((r) => ({ text: r.text, importance: r.importance, kind: r.kind, start: r.start, end: r.end }));
  }
  return splitRequirements(vacancyText).map((r) => ({ text: r.text, importance: r.importance, kind: 'other' as const, start: r.start, end: r.end }));
}

function prepareVacancy(vacancyText: string): PreparedVacancy {
  const requirements = vacancyRows(vacancyText).map((r) => ({ ...r, terms: requirementTerms(r.text) }));
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
  const vacancyTerms = [...new Set(terms(vacancyText))];
  return {
    requirements: requirements.map(({ terms: spans, ...r }) => {
      const slots = slotsOf(r.text, spans, weight);
      return { ...r, slots, total: slots.reduce((sum, slot) => sum + slot.weight, 0) };
    }),
    terms: vacancyTerms,
    weight: vacancyTerms.reduce((sum, t) => sum + termFactor(t), 0),
  };
}

export function scoreLexical(input: LexicalInput): Scoring {
  const { resumeText } = input;
  const vacancy = recentVacancies.get(input.vacancyText, prepareVacancy);
  const { sentences, terms: resumeTerms, avgLength, sentIdf } = recentResumes.get(resumeText, prepareResume);

  const results: RequirementResult[] = vacancy.requirements.map((req) => {
    const { slots, total } = req;
    const row = { text: req.text, importance: req.importance, kind: req.kind, span: { start: req.start, end: req.end } };
    if (total === 0) return { ...row, score: 0, status: 'missing', evidence: null };
    let best = 0;
    let bestBm25 = 0;
    let bestSentence: Sentence | null = null;
    for (const s of sentences) {
      const norm = K1 * (1 - B + (B * s.length) / avgLength);
      let covered = 0;
      let bm25 = 0;
      for (const slot of slots) {
        let fill = 0;
        for (const t of slot.terms) {
          const tf = s.tf.get(t);
          if (!tf) continue;
          const saturation = (tf * (K1 + 1)) / (tf + norm);
          fill = Math.max(fill, Math.min(1, saturation));
          bm25 += sentIdf(t) * saturation;
        }
        covered += slot.weight * fill;
      }
      const coverage = covered / total;
      if (coverage > best + 1e-9 || (coverage > 0 && Math.abs(coverage - best) <= 1e-9 && bm25 > bestBm25)) {
        best = coverage;
        bestBm25 = bm25;
        bestSentence = s;
      }
    }
    const anywhere =
      slots.reduce((sum, slot) => sum + (slot.terms.some((t) => resumeTerms.has(t)) ? slot.weight : 0), 0) / total;
    const score = round(Math.min(1, BEST_SENTENCE_SHARE * best + (1 - BEST_SENTENCE_SHARE) * anywhere));
    return {
      ...row,
      score,
      status: statusFor(score),
      evidence: bestSentence ? { text: bestSentence.text, start: bestSentence.start, end: bestSentence.end } : null,
    };
  });

  const coverage = (filter: (r: RequirementResult) => boolean) => {
    const chosen = results.filter(filter);
    const total = chosen.reduce((sum, r) => sum + WEIGHT[r.importance], 0);
    return total === 0 ? null : chosen.reduce((sum, r) => sum + WEIGHT[r.importance] * r.score, 0) / total;
  };
  const requirementCoverage = coverage(() => true);

  // Whole-document overlap: the vacancy's distinct terms found anywhere in the resume, skills counting most.
  const documentOverlap =
    vacancy.weight === 0
      ? 0
      : vacancy.terms.reduce((sum, t) => sum + (resumeTerms.has(t) ? termFactor(t) : 0), 0) / vacancy.weight;

  const raw =
    requirementCoverage === null
      ? documentOverlap
      : REQUIREMENTS_SHARE * requirementCoverage + (1 - REQUIREMENTS_SHARE) * documentOverlap;
  const score = round(resumeTerms.size === 0 ? 0 : squash(raw));

  const components: Record<string, number> = {
    requirement_coverage: round(requirementCoverage ?? 0),
    document_overlap: round(documentOverlap),
    raw: round(raw),
    requirements: results.length,
    met: results.filter((r) => r.status === 'met').length,
    partial: results.filter((r) => r.status === 'partial').length,
    missing: results.filter((r) => r.status === 'missing').length,
  };
  const must = coverage((r) => r.importance === 'must');
  const nice = coverage((r) => r.importance === 'nice');
  if (must !== null) components.must_coverage = round(must);
  if (nice !== null) components.nice_coverage = round(nice);

  return {
    score,
    verdict: verdictFor(score),
    requirements: results,
    language: detectLanguage(resumeText),
    engine: 'lexical',
    model: LEXICAL_MODEL,
    components,
  };
}
