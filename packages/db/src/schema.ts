/** The product's tables. Every user-visible row carries owner_id, and every query of the repositories filters on it. */
import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type {
  Advice,
  AdviceSource,
  AnalysisStatus,
  HiddenText,
  JobError,
  Language,
  RankingStatus,
  RankingTarget,
  Scoring,
  Verdict,
} from '@rc/contracts';
import { uuidv7 } from './uuid.ts';

/** @rc/contracts' HiddenText, which the gateway validates before storing it. */
export type StoredHiddenText = HiddenText;

/** One message of a stored LLM exchange (@rc/llm's ChatMessage). */
export interface StoredChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

const tsvector = customType<{ data: string }>({
  dataType() {
    return 'tsvector';
  },
});

// Milliseconds, as a JavaScript Date holds them: list cursors carry the last row's created_at, and a microsecond
// timestamp read back into a Date would fall between rows made in the same millisecond and skip them.
const createdAt = () => timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const owners = pgTable('owners', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  name: text('name').notNull().unique(),
  createdAt: createdAt(),
});

export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey().$defaultFn(uuidv7),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => owners.id, { onDelete: 'cascade' }),
    /** The first characters of the key, shown to people to tell keys apart; never enough to use it. */
    prefix: text('prefix').notNull(),
    /** SHA-256 of the whole key: keys are long random strings, so a fast hash is enough. */
    hash: text('hash').notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('api_keys_hash_idx').on(t.hash)],
);

// Both configurations, because a vacancy or resume may be written in Russian, English or both mixed.
const searchVector = (...cols: string[]) =>
  sql.raw(
    `to_tsvector('english', ${cols.map((c) => `coalesce(${c}, '')`).join(` || ' ' || `)}) || ` +
      `to_tsvector('russian', ${cols.map((c) => `coalesce(${c}, '')`).join(` || ' ' || `)})`,
  );

export const vacancies = pgTable(
  'vacancies',
  {
    id: uuid('id').primaryKey().$defaultFn(uuidv7),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => owners.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull(),
    language: text('language').$type<Language>().notNull(),
    search: tsvector('search').generatedAlwaysAs(searchVector('title', 'description')),
    /**
     * The posting as the requirement matching reads it (JSON, from @rc/lexical's postingReadingAndTerms), stored by the
     * scorer after the vacancy is saved so that rankings need not read it again; null until then and after an edit.
     */
    reading: text('reading'),
    /** The version of the reading code that made `reading` (@rc/lexical's readingVersion). */
    readingVersion: text('reading_version'),
    /**
     * The words of `reading` a ranking shortlists by (JSON, @rc/lexical's readingTerms): the posting's asked terms,
     * its title's and its skills, a few hundred bytes, so that a ranking can weigh every stored vacancy.
     */
    readingTerms: text('reading_terms'),
    /** When `reading` was stored: what a scorer's cache of reading terms is checked against. */
    readAt: timestamp('read_at', { withTimezone: true, precision: 3 }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('vacancies_owner_created_idx').on(t.ownerId, t.createdAt, t.id),
    index('vacancies_search_idx').using('gin', t.search),
  ],
);

export const resumes = pgTable(
  'resumes',
  {
    id: uuid('id').primaryKey().$defaultFn(uuidv7),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => owners.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** The resume's text: as sent, or as extracted from the uploaded file. */
    content: text('content').notNull(),
    fileName: text('file_name'),
    fileType: text('file_type'),
    fileSize: integer('file_size'),
    /** Text the uploaded file hid from its reader (white, invisible, tiny...), left out of content: @rc/contracts' HiddenText. */
    hiddenText: jsonb('hidden_text').$type<StoredHiddenText | null>(),
    language: text('language').$type<Language>().notNull(),
    search: tsvector('search').generatedAlwaysAs(searchVector('name', 'content')),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('resumes_owner_created_idx').on(t.ownerId, t.createdAt, t.id),
    index('resumes_search_idx').using('gin', t.search),
  ],
);

export const analyses = pgTable(
  'analyses',
  {
    id: uuid('id').primaryKey().$defaultFn(uuidv7),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => owners.id, { onDelete: 'cascade' }),
    resumeId: uuid('resume_id').references(() => resumes.id, { onDelete: 'cascade' }),
    vacancyId: uuid('vacancy_id').references(() => vacancies.id, { onDelete: 'cascade' }),
    /** Snapshots of the texts as analysed: evidence offsets refer to resume_text, whatever happens to the resume later. */
    resumeText: text('resume_text').notNull(),
    vacancyText: text('vacancy_text').notNull(),
    /** The resume's hidden-text report as it was when analysed, shown with the result. */
    resumeHiddenText: jsonb('resume_hidden_text').$type<StoredHiddenText | null>(),
    /** Language the advice is written in (the resume's unless the caller asked otherwise). */
    adviceLanguage: text('advice_language').$type<Language>().notNull(),
    status: text('status').$type<AnalysisStatus>().notNull().default('queued'),
    progress: real('progress').notNull().default(0),
    score: real('score'),
    verdict: text('verdict').$type<Verdict>(),
    scoring: jsonb('scoring').$type<Scoring>(),
    advice: jsonb('advice').$type<Advice>(),
    adviceSource: jsonb('advice_source').$type<AdviceSource>(),
    error: jsonb('error').$type<JobError>(),
    /** Times the scoring step was claimed (runs that failed, stalled or were killed included); capped by JOB_MAX_ATTEMPTS. */
    attempts: integer('attempts').notNull().default(0),
    /** Times the advice step was claimed; capped by JOB_MAX_ATTEMPTS on its own, so a slow scoring does not eat its tries. */
    adviceAttempts: integer('advice_attempts').notNull().default(0),
    queuedAt: timestamp('queued_at', { withTimezone: true }).notNull().defaultNow(),
    scoringStartedAt: timestamp('scoring_started_at', { withTimezone: true }),
    scoredAt: timestamp('scored_at', { withTimezone: true }),
    advisedAt: timestamp('advised_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('analyses_owner_created_idx').on(t.ownerId, t.createdAt, t.id),
    index('analyses_status_updated_idx').on(t.status, t.updatedAt),
    index('analyses_pair_idx').on(t.ownerId, t.resumeId, t.vacancyId),
  ],
);

export const rankings = pgTable(
  'rankings',
  {
    id: uuid('id').primaryKey().$defaultFn(uuidv7),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => owners.id, { onDelete: 'cascade' }),
    /** vacancies: rank vacancies for the resume subject_id; resumes: rank resumes for the vacancy subject_id. */
    target: text('target').$type<RankingTarget>().notNull(),
    subjectId: uuid('subject_id').notNull(),
    /** Candidate ids the caller named, or null for the owner's whole collection. */
    candidateIds: jsonb('candidate_ids').$type<string[] | null>(),
    topK: integer('top_k').notNull(),
    limit: integer('limit').notNull(),
    status: text('status').$type<RankingStatus>().notNull().default('queued'),
    progress: real('progress').notNull().default(0),
    candidateCount: integer('candidate_count'),
    error: jsonb('error').$type<JobError>(),
    /** Times the ranking was claimed by a scorer (failed, stalled or killed runs included); capped by JOB_MAX_ATTEMPTS. */
    attempts: integer('attempts').notNull().default(0),
    engine: text('engine'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('rankings_owner_created_idx').on(t.ownerId, t.createdAt, t.id),
    index('rankings_subject_idx').on(t.subjectId),
    index('rankings_status_updated_idx').on(t.status, t.updatedAt),
  ],
);

export const rankingEntries = pgTable(
  'ranking_entries',
  {
    rankingId: uuid('ranking_id')
      .notNull()
      .references(() => rankings.id, { onDelete: 'cascade' }),
    candidateId: uuid('candidate_id').notNull(),
    rank: integer('rank').notNull(),
    score: real('score').notNull(),
    prefilterScore: real('prefilter_score').notNull(),
    /** cross-encoder when the model re-scored this candidate, prefilter when only the full-text search did. */
    stage: text('stage').notNull(),
  },
  (t) => [
    uniqueIndex('ranking_entries_pk').on(t.rankingId, t.candidateId),
    index('ranking_entries_candidate_idx').on(t.candidateId),
  ],
);

/** Every LLM request and answer, kept to train an in-house model later (exported as chat-format JSONL). */
export const llmExchanges = pgTable(
  'llm_exchanges',
  {
    id: uuid('id').primaryKey().$defaultFn(uuidv7),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => owners.id, { onDelete: 'cascade' }),
    analysisId: uuid('analysis_id').references(() => analyses.id, { onDelete: 'cascade' }),
    resumeId: uuid('resume_id').references(() => resumes.id, { onDelete: 'cascade' }),
    provider: text('provider').notNull(),
    model: text('model').notNull(),
    promptVersion: text('prompt_version').notNull(),
    language: text('language').notNull(),
    messages: jsonb('messages').$type<StoredChatMessage[]>().notNull(),
    response: text('response'),
    parsed: boolean('parsed').notNull().default(false),
    grounded: boolean('grounded').notNull().default(false),
    latencyMs: integer('latency_ms'),
    promptTokens: integer('prompt_tokens'),
    completionTokens: integer('completion_tokens'),
    costUsd: real('cost_usd'),
    error: text('error'),
    createdAt: createdAt(),
  },
  (t) => [index('llm_exchanges_created_idx').on(t.createdAt), index('llm_exchanges_analysis_idx').on(t.analysisId)],
);
