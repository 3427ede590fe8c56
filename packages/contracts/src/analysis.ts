/** The shape of an analysis result, shared by the scorer (writes it), the advisor (adds advice) and the API (returns it). */
import { z } from 'zod';

export const languageSchema = z.enum(['ru', 'en']);
export type Language = z.infer<typeof languageSchema>;

export const verdictSchema = z.enum(['strong', 'partial', 'weak']);
export type Verdict = z.infer<typeof verdictSchema>;

export const evidenceSchema = z.object({
  text: z.string(),
  /** Character offsets of the evidence in the resume's extracted text: text === resume.slice(start, end). */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const requirementStatusSchema = z.enum(['met', 'partial', 'missing']);
export type RequirementStatus = z.infer<typeof requirementStatusSchema>;

/** What a requirement asks for, as the posting reader reads it (duty: what the job does, not an ask). */
export const requirementKindSchema = z.enum(['skill', 'experience', 'education', 'language', 'licence', 'duty', 'other']);
export type RequirementKind = z.infer<typeof requirementKindSchema>;

export const requirementResultSchema = z.object({
  text: z.string(),
  importance: z.enum(['must', 'nice']),
  score: z.number().min(0).max(1),
  status: requirementStatusSchema,
  evidence: evidenceSchema.nullable(),
  /** Absent on analyses stored before the posting reader. */
  kind: requirementKindSchema.optional(),
  /** Character offsets of the requirement in the vacancy text: text === vacancy.slice(start, end). */
  span: z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() }).optional(),
});
export type RequirementResult = z.infer<typeof requirementResultSchema>;

export const scoringSchema = z.object({
  score: z.number().min(0).max(1),
  verdict: verdictSchema,
  requirements: z.array(requirementResultSchema),
  language: languageSchema,
  /** Which engine produced the score: the cross-encoder, or the lexical fallback. */
  engine: z.enum(['cross-encoder', 'lexical']),
  model: z.string(),
  /** Parts of the score before they were combined, for transparency. */
  components: z.record(z.string(), z.number()).default({}),
});
export type Scoring = z.infer<typeof scoringSchema>;

export const adviceSchema = z.object({
  strengths: z.array(z.string()),
  weaknesses: z.array(z.string()),
  rewrite_suggestions: z.array(z.string()),
  learning_recommendations: z.array(z.string()),
  reflection_points: z.array(z.string()),
  upgrades: z.string(),
});
export type Advice = z.infer<typeof adviceSchema>;

export const adviceSourceSchema = z.object({
  source: z.enum(['openai', 'in-house', 'rules']),
  model: z.string(),
  prompt_version: z.string(),
  /** Why an LLM answer was not used, when the rules writer stood in for it. */
  fallback_reason: z.string().optional(),
  /** Strengths the LLM claimed that the resume's evidence does not support, and were removed. */
  dropped_claims: z.array(z.string()).default([]),
});
export type AdviceSource = z.infer<typeof adviceSourceSchema>;

export const analysisStatusSchema = z.enum(['queued', 'scoring', 'scored', 'advising', 'done', 'failed']);
export type AnalysisStatus = z.infer<typeof analysisStatusSchema>;

/** Share of the work done when an analysis is in each status; the page's progress bar and the CLI use it. */
export const statusProgress: Record<AnalysisStatus, number> = {
  queued: 0.05,
  scoring: 0.25,
  scored: 0.6,
  advising: 0.75,
  done: 1,
  failed: 1,
};

export function verdictFor(score: number): Verdict {
  if (score >= 0.7) return 'strong';
  if (score >= 0.4) return 'partial';
  return 'weak';
}

/** The text of a vacancy as the scorer reads it and languages are detected on: its title, then its description. */
export function vacancyText(v: { title: string; description: string }): string {
  return `${v.title}\n${v.description}`;
}
