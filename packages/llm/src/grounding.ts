/**
 * Keeps the LLM honest about strengths: a strength must rest on the resume. Claims whose key terms the resume
 * (or a requirement the scorer found met or partly met) does not contain are dropped and reported, so the user
 * never reads "strong Kubernetes experience" about a resume that never mentions Kubernetes.
 */
import type { Advice, Scoring } from '@rc/contracts';
import { detectLanguage, termSpans, terms } from '@rc/text';

/**
 * Words advice uses to talk about a resume rather than about the candidate's skills ("the resume shows",
 * "подтверждено проектами"); they are not claims, so they need no support.
 */
const ADVICE_VOCABULARY = `resume cv vacancy show shows shown showing demonstrate demonstrates demonstrated mention
  mentions mentioned confirm confirmed confirms project projects relevant relevance match matches matching fit fits
  fitting align aligns aligned evidence evident listed list describe described highlight highlights valuable asset
  practical hands-on professional commercial direct directly clear clearly solid area field domain task tasks real
  record track successful successfully practice practiced applied apply background also clearly good very
  резюме вакансия вакансии подтверждено подтверждён подтвержден подтверждает подтверждают указан указано указаны
  упомянут упомянуто упомянуты проект проекты проектами проектах соответствует соответствуют соответствие
  релевантный релевантная релевантное показывает показывают показан показано практический практическая
  коммерческий коммерческая профессиональный сильный сильная сильные прямо задачи задач задачах область области
  направление сфера сфере работодатель описан описано описаны видно виден видна есть имеется имеются также
  успешно успешный реальный реальные`;

const GENERIC_TERMS = new Set(ADVICE_VOCABULARY.split(/\s+/).flatMap((w) => terms(w)));

export interface GroundingResult {
  /** The advice without the unsupported strengths. */
  advice: Advice;
  /** The strengths that were removed. */
  dropped: string[];
}

/**
 * A word that names a skill or thing rather than a quality: written with digits or symbols (c++, ci/cd, html5),
 * with capitals inside or as an acronym (TypeScript, AWS), capitalised in mid-sentence (Kubernetes), or in Latin
 * script inside Cyrillic text (Docker in a Russian sentence).
 */
function looksTechnical(original: string, start: number, sentence: string, sentenceIsRussian: boolean): boolean {
  if (/[^\p{L}]/u.test(original)) return true;
  if (/\p{Lu}/u.test(original.slice(1))) return true;
  if (sentenceIsRussian && /\p{Script=Latin}/u.test(original)) return true;
  if (/^\p{Lu}/u.test(original)) {
    const before = sentence.slice(0, start).trimEnd();
    const startsSentence = before === '' || /[.!?:;•\-–—(«"]$/.test(before);
    return !startsSentence;
  }
  return false;
}

export function checkGrounding(advice: Advice, context: { resumeText: string; scoring: Scoring }): GroundingResult {
  const support = new Set(terms(context.resumeText));
  const gaps = new Set<string>();
  for (const r of context.scoring.requirements) {
    if (r.status === 'missing') {
      for (const t of terms(r.text)) gaps.add(t);
    } else {
      // The scorer judged this requirement covered, possibly in other words than the resume's: its terms count
      // as supported, and so does its evidence (which is resume text anyway).
      for (const t of terms(r.text)) support.add(t);
      if (r.evidence) for (const t of terms(r.evidence.text)) support.add(t);
    }
  }

  const kept: string[] = [];
  const dropped: string[] = [];
  for (const strength of advice.strengths) {
    const isRussian = detectLanguage(strength) === 'ru';
    const keyTerms = termSpans(strength).filter((s) => !GENERIC_TERMS.has(s.term));
    if (keyTerms.length === 0) {
      kept.push(strength);
      continue;
    }
    const unsupported = keyTerms.filter((s) => !support.has(s.term));
    const claimsSomethingMissing = unsupported.some((s) => gaps.has(s.term) || looksTechnical(s.text, s.start, strength, isRussian));
    const nothingSupported = unsupported.length === keyTerms.length;
    if (claimsSomethingMissing || nothingSupported) dropped.push(strength);
    else kept.push(strength);
  }
  return { advice: { ...advice, strengths: kept }, dropped };
}
