/**
 * The fit score from its parts: must-have coverage, nice-to-have coverage, years against years asked, the title's fit,
 * the whole-text overlap and (with the model) the cross-encoder's whole-pair logit, combined by a logistic model
 * fitted on graded realistic pairs (`pnpm model:fit-score`). A must-have the resume does not show caps the score below
 * a strong fit, so the number never reads "strong" beside a table with a must-have missing.
 */
import type { RequirementKind, RequirementResult } from '@rc/contracts';

/** The parts a score is made of, as numbers the page and the CLI spell out ("7 of 9 must-haves"). */
export interface FitParts {
  must_total: number;
  must_met: number;
  must_partial: number;
  /** Must-haves of a kind the reader measures reliably (skill, experience, education, licence, language) shown nowhere. */
  must_missing: number;
  /**
   * Must-have personal qualities ("ответственность", "Strong communication skills"), and how many of them are shown (a
   * partly shown one counting half): a resume rarely says them in words, so they do not count towards the share of
   * must-haves a pair must show not to be capped.
   */
  must_quality_total: number;
  must_quality_shown: number;
  nice_total: number;
  nice_met: number;
  /** 0..1: the must-have rows' strength of evidence, averaged. */
  must_coverage: number;
  nice_coverage: number;
  /** 0..1: years shown over the years the posting asks overall (1 when it asks none). */
  experience_fit: number;
  /** 0..1: how far the resume's titles and headline name the posting's job title. */
  title_fit: number;
  document_overlap: number;
  /** Years asked overall (0 when none) and the resume's years (null when it dates nothing). */
  years_asked: number;
  years_shown: number | null;
  /**
   * The resume's years in all, where no dated job names what the main years ask names (a field the words of another
   * language cannot tell, a skill only the summary speaks of): counted half, as its row is; null otherwise.
   */
  years_overall: number | null;
}

export interface FitWeights {
  bias: number;
  weights: {
    must_coverage: number;
    nice_coverage: number;
    experience_fit: number;
    title_fit: number;
    document_overlap: number;
    /** The cross-encoder's logit; absent for the lexical engine. */
    pair_logit?: number;
  };
  /** The highest score a pair with a missing must-have gets (below the strong verdict's 0.7). */
  cap_missing_must: number;
}

/** Kinds whose "missing" is trusted enough to cap the score; duties and "other" rows may be blurb the reader kept. */
const CAPPING_KINDS = new Set<RequirementKind>(['skill', 'experience', 'education', 'licence', 'language']);

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

export function fitParts(
  rows: RequirementResult[],
  extra: { titleFit: number; documentOverlap: number; yearsAsked: number; yearsShown: number | null; yearsOverall?: number | null },
): FitParts {
  const asks = rows.filter((r) => r.kind !== 'duty');
  const counted = asks.length > 0 ? asks : rows;
  const must = counted.filter((r) => r.importance === 'must');
  const nice = counted.filter((r) => r.importance === 'nice');
  const mustRows = must.length > 0 ? must : counted;
  const qualities = must.filter((r) => r.kind === 'quality');
  const mustCoverage = mustRows.length > 0 ? mean(mustRows.map((r) => r.score)) : extra.documentOverlap;
  const niceCoverage = nice.length > 0 ? mean(nice.map((r) => r.score)) : mustCoverage;
  const overall = extra.yearsOverall ?? null;
  const experienceFit =
    extra.yearsAsked <= 0
      ? 1
      : overall !== null
        ? 0.5 * Math.min(1, overall / extra.yearsAsked)
        : extra.yearsShown === null
          ? 0.5
          : Math.min(1, extra.yearsShown / extra.yearsAsked);
  return {
    must_total: must.length,
    must_met: must.filter((r) => r.status === 'met').length,
    must_partial: must.filter((r) => r.status === 'partial').length,
    must_missing: must.filter((r) => r.status === 'missing' && CAPPING_KINDS.has(r.kind ?? 'other')).length,
    must_quality_total: qualities.length,
    must_quality_shown: qualities.filter((r) => r.status === 'met').length + 0.5 * qualities.filter((r) => r.status === 'partial').length,
    nice_total: nice.length,
    nice_met: nice.filter((r) => r.status === 'met').length,
    must_coverage: mustCoverage,
    nice_coverage: niceCoverage,
    experience_fit: experienceFit,
    title_fit: extra.titleFit,
    document_overlap: extra.documentOverlap,
    years_asked: extra.yearsAsked,
    years_shown: extra.yearsShown,
    years_overall: extra.yearsAsked > 0 ? overall : null,
  };
}

/** The features the weights multiply, in a fixed order (the fitting script uses the same). */
export function fitFeatures(parts: FitParts): number[] {
  return [parts.must_coverage, parts.nice_coverage, parts.experience_fit, parts.title_fit, parts.document_overlap];
}

export const FIT_FEATURES = ['must_coverage', 'nice_coverage', 'experience_fit', 'title_fit', 'document_overlap'] as const;

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * Whether the resume shows fewer than half of the must-haves (a partly shown one counting half), whatever their kinds:
 * a pair that shows one of four must-haves is no strong fit, however well its title and skills overlap, even where the
 * missing ones are of kinds too loosely read to cap on their own («знание АТИ и грузовых площадок»). Personal
 * qualities are left out of the count.
 */
function mostMustsUnshown(parts: FitParts): boolean {
  // (personal qualities left out: three of them in a posting's list do not outweigh the asks a resume can show)
  const total = parts.must_total - parts.must_quality_total;
  const shown = parts.must_met + 0.5 * parts.must_partial - parts.must_quality_shown;
  return total > 0 && shown < 0.5 * total;
}

/**
 * Whether the dated jobs show fewer years than the must-have years ask: a junior with 1.5 years against "от 2 лет" is
 * the same job but no strong fit, as the graders read every such pair. Years read from the resume's years overall (no
 * dated job names what is asked) are too loose a reading to hold the score on their own; no years at all are the
 * row's "missing", which caps already.
 */
function yearsShort(parts: FitParts): boolean {
  return parts.years_asked > 0 && parts.years_overall === null && parts.years_shown !== null && parts.years_shown > 0 && parts.years_shown < parts.years_asked;
}

/** The score in [0, 1], and whether a missing must-have (or most must-haves unshown, or the years asked short) capped it. */
export function fitScore(parts: FitParts, w: FitWeights, pairLogit?: number): { score: number; capped: boolean; uncapped: number } {
  const x = fitFeatures(parts);
  let z = w.bias;
  FIT_FEATURES.forEach((name, i) => (z += w.weights[name] * x[i]!));
  if (pairLogit !== undefined && w.weights.pair_logit !== undefined) z += w.weights.pair_logit * pairLogit;
  const uncapped = sigmoid(z);
  // Under the cap the order is kept (no ties at the cap): a rankings' top stays ordered by the uncapped score.
  const ceiling = w.cap_missing_must * (0.85 + 0.15 * uncapped);
  const capped = (parts.must_missing > 0 || mostMustsUnshown(parts) || yearsShort(parts)) && uncapped > ceiling;
  return { score: capped ? ceiling : uncapped, capped, uncapped };
}

/** The parts back from a result's components (what scoreLexical wrote with partsComponents). */
export function partsOf(components: Record<string, number>): FitParts {
  const n = (k: string, d = 0) => components[k] ?? d;
  return {
    must_total: n('must_total'),
    must_met: n('must_met'),
    must_partial: n('must_partial'),
    must_missing: n('must_missing'),
    must_quality_total: n('must_quality_total'),
    must_quality_shown: n('must_quality_shown'),
    nice_total: n('nice_total'),
    nice_met: n('nice_met'),
    must_coverage: n('must_coverage'),
    nice_coverage: n('nice_coverage'),
    experience_fit: n('experience_fit', 1),
    title_fit: n('title_fit', 0.5),
    document_overlap: n('document_overlap'),
    years_asked: n('years_asked'),
    years_shown: components.years_shown ?? null,
    years_overall: components.years_overall ?? null,
  };
}
