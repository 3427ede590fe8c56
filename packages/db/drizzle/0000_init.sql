CREATE TABLE "analyses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"resume_id" uuid,
	"vacancy_id" uuid,
	"resume_text" text NOT NULL,
	"vacancy_text" text NOT NULL,
	"advice_language" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"progress" real DEFAULT 0 NOT NULL,
	"score" real,
	"verdict" text,
	"scoring" jsonb,
	"advice" jsonb,
	"advice_source" jsonb,
	"error" jsonb,
	"attempts" integer DEFAULT 0 NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"scoring_started_at" timestamp with time zone,
	"scored_at" timestamp with time zone,
	"advised_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"prefix" text NOT NULL,
	"hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "llm_exchanges" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"analysis_id" uuid,
	"resume_id" uuid,
	"provider" text NOT NULL,
	"model" text NOT NULL,
	"prompt_version" text NOT NULL,
	"language" text NOT NULL,
	"messages" jsonb NOT NULL,
	"response" text,
	"parsed" boolean DEFAULT false NOT NULL,
	"grounded" boolean DEFAULT false NOT NULL,
	"latency_ms" integer,
	"prompt_tokens" integer,
	"completion_tokens" integer,
	"cost_usd" real,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "owners" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "owners_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "ranking_entries" (
	"ranking_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"rank" integer NOT NULL,
	"score" real NOT NULL,
	"prefilter_score" real NOT NULL,
	"stage" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rankings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"target" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"candidate_ids" jsonb,
	"top_k" integer NOT NULL,
	"limit" integer NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"progress" real DEFAULT 0 NOT NULL,
	"candidate_count" integer,
	"error" jsonb,
	"engine" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "resumes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"name" text NOT NULL,
	"content" text NOT NULL,
	"file_name" text,
	"file_type" text,
	"file_size" integer,
	"language" text NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('english', coalesce(name, '') || ' ' || coalesce(content, '')) || to_tsvector('russian', coalesce(name, '') || ' ' || coalesce(content, ''))) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vacancies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"language" text NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('english', coalesce(title, '') || ' ' || coalesce(description, '')) || to_tsvector('russian', coalesce(title, '') || ' ' || coalesce(description, ''))) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "analyses" ADD CONSTRAINT "analyses_owner_id_owners_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."owners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analyses" ADD CONSTRAINT "analyses_resume_id_resumes_id_fk" FOREIGN KEY ("resume_id") REFERENCES "public"."resumes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analyses" ADD CONSTRAINT "analyses_vacancy_id_vacancies_id_fk" FOREIGN KEY ("vacancy_id") REFERENCES "public"."vacancies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_owner_id_owners_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."owners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "llm_exchanges" ADD CONSTRAINT "llm_exchanges_owner_id_owners_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."owners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "llm_exchanges" ADD CONSTRAINT "llm_exchanges_analysis_id_analyses_id_fk" FOREIGN KEY ("analysis_id") REFERENCES "public"."analyses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "llm_exchanges" ADD CONSTRAINT "llm_exchanges_resume_id_resumes_id_fk" FOREIGN KEY ("resume_id") REFERENCES "public"."resumes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ranking_entries" ADD CONSTRAINT "ranking_entries_ranking_id_rankings_id_fk" FOREIGN KEY ("ranking_id") REFERENCES "public"."rankings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rankings" ADD CONSTRAINT "rankings_owner_id_owners_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."owners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resumes" ADD CONSTRAINT "resumes_owner_id_owners_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."owners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancies" ADD CONSTRAINT "vacancies_owner_id_owners_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."owners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "analyses_owner_created_idx" ON "analyses" USING btree ("owner_id","created_at","id");--> statement-breakpoint
CREATE INDEX "analyses_status_updated_idx" ON "analyses" USING btree ("status","updated_at");--> statement-breakpoint
CREATE INDEX "analyses_pair_idx" ON "analyses" USING btree ("owner_id","resume_id","vacancy_id");--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_hash_idx" ON "api_keys" USING btree ("hash");--> statement-breakpoint
CREATE INDEX "llm_exchanges_created_idx" ON "llm_exchanges" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "llm_exchanges_analysis_idx" ON "llm_exchanges" USING btree ("analysis_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ranking_entries_pk" ON "ranking_entries" USING btree ("ranking_id","candidate_id");--> statement-breakpoint
CREATE INDEX "ranking_entries_candidate_idx" ON "ranking_entries" USING btree ("candidate_id");--> statement-breakpoint
CREATE INDEX "rankings_owner_created_idx" ON "rankings" USING btree ("owner_id","created_at","id");--> statement-breakpoint
CREATE INDEX "rankings_subject_idx" ON "rankings" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "rankings_status_updated_idx" ON "rankings" USING btree ("status","updated_at");--> statement-breakpoint
CREATE INDEX "resumes_owner_created_idx" ON "resumes" USING btree ("owner_id","created_at","id");--> statement-breakpoint
CREATE INDEX "resumes_search_idx" ON "resumes" USING gin ("search");--> statement-breakpoint
CREATE INDEX "vacancies_owner_created_idx" ON "vacancies" USING btree ("owner_id","created_at","id");--> statement-breakpoint
CREATE INDEX "vacancies_search_idx" ON "vacancies" USING gin ("search");