/** Request and response schemas of the API (zod, turned into JSON Schema for validation and OpenAPI). */
import { z } from 'zod';
import {
  adviceSchema,
  adviceSourceSchema,
  analysisStatusSchema,
  fitSummaryOf,
  fitSummarySchema,
  hiddenTextSchema,
  jobErrorSchema,
  languageSchema,
  rankingStatusSchema,
  rankingTargetSchema,
  requirementResultSchema,
  resumeFactsSchema,
  verdictSchema,
} from '@rc/contracts';
import type { AnalysisView, RankingEntryRow, RankingRow, ResumeRow, VacancyRow } from '@rc/db';

export const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) }).describe('Error');
export const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [c, errorSchema]));

export const idParams = z.object({ id: z.string().uuid() });
export const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});

const vacancyFields = {
  title: z.string().trim().min(1).max(300),
  description: z.string().trim().min(1),
};
/** A vacancy saved without a title takes the one its posting opens with (services' postingTitle). */
export const vacancyInput = z.object({ title: vacancyFields.title.optional(), description: vacancyFields.description });
export const vacancyPatch = z.object(vacancyFields).partial().refine((v) => Object.keys(v).length > 0, 'nothing to update');
export const vacancyOut = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  language: languageSchema,
  created_at: z.string(),
  updated_at: z.string(),
});
export const toVacancy = (v: VacancyRow): z.infer<typeof vacancyOut> => ({
  id: v.id,
  title: v.title,
  description: v.description,
  language: v.language,
  created_at: v.createdAt.toISOString(),
  updated_at: v.updatedAt.toISOString(),
});

export const resumeInput = z.object({
  name: z.string().trim().min(1).max(300),
  content: z.string().trim().min(1),
});
export const resumePatch = resumeInput.partial().refine((v) => Object.keys(v).length > 0, 'nothing to update');
export const resumeOut = z.object({
  id: z.string(),
  name: z.string(),
  content: z.string(),
  language: languageSchema,
  file: z.object({ name: z.string().nullable(), type: z.string().nullable(), size: z.number().nullable() }).nullable(),
  /** Text the uploaded file hid from its reader (white, invisible, tiny, off-page...): not part of content, not scored. */
  hidden_text: hiddenTextSchema.nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});
/** A stored hidden-text report as the API shows it; anything not of its shape reads as none. */
function storedHiddenText(value: unknown): z.infer<typeof hiddenTextSchema> | null {
  const parsed = hiddenTextSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export const toResume = (r: ResumeRow): z.infer<typeof resumeOut> => ({
  id: r.id,
  name: r.name,
  content: r.content,
  language: r.language,
  file: r.fileType ? { name: r.fileName, type: r.fileType, size: r.fileSize } : null,
  hidden_text: storedHiddenText(r.hiddenText),
  created_at: r.createdAt.toISOString(),
  updated_at: r.updatedAt.toISOString(),
});

export const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), next_cursor: z.string().nullable() });

export const analysisInput = z
  .object({
    resumeId: z.string().uuid().optional(),
    vacancyId: z.string().uuid().optional(),
    resumeText: z.string().trim().min(1).optional(),
    vacancyText: z.string().trim().min(1).optional(),
    /** Language of the advice; default: the resume's. */
    language: languageSchema.optional(),
  })
  .refine((v) => !!v.resumeId !== !!v.resumeText, { message: 'give exactly one of resumeId and resumeText' })
  .refine((v) => !!v.vacancyId !== !!v.vacancyText, { message: 'give exactly one of vacancyId and vacancyText' });

export const analysisOut = z.object({
  id: z.string(),
  status: analysisStatusSchema,
  progress: z.number(),
  resume_id: z.string().nullable(),
  vacancy_id: z.string().nullable(),
  score: z.number().nullable(),
  score_percent: z.number().nullable(),
  verdict: verdictSchema.nullable(),
  requirements: z.array(requirementResultSchema),
  /** What the resume reader found: years from the job dates, education, languages, licences. */
  resume_facts: resumeFactsSchema.nullable(),
  /** What the score is made of ("7 of 9 must-haves", "5 years against 3 asked"); null for older results. */
  fit: fitSummarySchema.nullable(),
  ...adviceSchema.shape,
  advice_source: adviceSourceSchema.nullable(),
  scorer: z.object({ engine: z.string(), model: z.string() }).nullable(),
  language: languageSchema,
  /** Text the resume's file hid from its reader, left out of what was scored (null: none, or the resume was typed). */
  hidden_text: hiddenTextSchema.nullable(),
  error: jobErrorSchema.nullable(),
  timings: z.object({
    queued_at: z.string(),
    scoring_started_at: z.string().nullable(),
    scored_at: z.string().nullable(),
    advised_at: z.string().nullable(),
    finished_at: z.string().nullable(),
  }),
});
export type AnalysisOut = z.infer<typeof analysisOut>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toAnalysis(a: AnalysisView): AnalysisOut {
  const scoring = a.scoring;
  const facts = resumeFactsSchema.safeParse(scoring?.resume_facts);
  const advice = adviceSchema.safeParse(a.advice);
  const source = adviceSourceSchema.safeParse(a.adviceSource);
  const reqs = z.array(requirementResultSchema).safeParse(scoring?.requirements ?? []);
  return {
    id: a.id,
    status: a.status,
    progress: a.progress,
    resume_id: a.resumeId,
    vacancy_id: a.vacancyId,
    score: a.score,
    score_percent: a.score == null ? null : Math.round(a.score * 100),
    verdict: a.verdict,
    requirements: reqs.success ? reqs.data : [],
    resume_facts: facts.success ? facts.data : null,
    fit: fitSummaryOf(scoring?.components),
    strengths: advice.success ? advice.data.strengths : [],
    weaknesses: advice.success ? advice.data.weaknesses : [],
    rewrite_suggestions: advice.success ? advice.data.rewrite_suggestions : [],
    learning_recommendations: advice.success ? advice.data.learning_recommendations : [],
    reflection_points: advice.success ? advice.data.reflection_points : [],
    upgrades: advice.success ? advice.data.upgrades : '',
    advice_source: source.success ? source.data : null,
    scorer: scoring?.engine ? { engine: scoring.engine, model: scoring.model ?? '' } : null,
    language: a.adviceLanguage,
    hidden_text: storedHiddenText(a.resumeHiddenText),
    error: a.error,
    timings: {
      queued_at: a.queuedAt.toISOString(),
      scoring_started_at: iso(a.scoringStartedAt),
      scored_at: iso(a.scoredAt),
      advised_at: iso(a.advisedAt),
      finished_at: iso(a.finishedAt),
    },
  };
}

export const rankingInput = z
  .object({
    /** Rank vacancies for this resume… */
    resumeId: z.string().uuid().optional(),
    /** …or resumes for this vacancy. */
    vacancyId: z.string().uuid().optional(),
    /** Candidates to rank (vacancy ids for a resume, resume ids for a vacancy); default: the caller's whole collection. */
    candidateIds: z.array(z.string().uuid()).min(1).optional(),
    /** Candidates the cross-encoder re-scores after the full-text prefilter. */
    topK: z.number().int().min(1).max(1000).optional(),
    /** Entries returned. */
    limit: z.number().int().min(1).max(1000).default(20),
  })
  .refine((v) => !!v.resumeId !== !!v.vacancyId, { message: 'give exactly one of resumeId and vacancyId' });

export const rankingOut = z.object({
  id: z.string(),
  target: rankingTargetSchema,
  subject_id: z.string(),
  status: rankingStatusSchema,
  progress: z.number(),
  candidate_count: z.number().nullable(),
  top_k: z.number(),
  engine: z.string().nullable(),
  error: jobErrorSchema.nullable(),
  results: z.array(
    z.object({ rank: z.number(), id: z.string(), score: z.number(), score_percent: z.number(), prefilter_score: z.number(), stage: z.string(), title: z.string().optional() }),
  ),
  created_at: z.string(),
  finished_at: z.string().nullable(),
});

export function toRanking(r: RankingRow, entries: RankingEntryRow[], titles: Map<string, string>): z.infer<typeof rankingOut> {
  return {
    id: r.id,
    target: r.target,
    subject_id: r.subjectId,
    status: r.status,
    progress: r.progress,
    candidate_count: r.candidateCount,
    top_k: r.topK,
    engine: r.engine,
    error: r.error,
    results: entries.map((e) => ({
      rank: e.rank,
      id: e.candidateId,
      score: e.score,
      score_percent: Math.round(e.score * 100),
      prefilter_score: e.prefilterScore,
      stage: e.stage,
      ...(titles.has(e.candidateId) ? { title: titles.get(e.candidateId)! } : {}),
    })),
    created_at: r.createdAt.toISOString(),
    finished_at: iso(r.finishedAt),
  };
}
export const noContent = z.null().describe('No content');
