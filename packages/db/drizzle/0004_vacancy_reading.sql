ALTER TABLE "vacancies" ADD COLUMN "reading" text;--> statement-breakpoint
ALTER TABLE "vacancies" ADD COLUMN "reading_version" text;--> statement-breakpoint
ALTER TABLE "vacancies" ADD COLUMN "reading_terms" text;--> statement-breakpoint
ALTER TABLE "vacancies" ADD COLUMN "read_at" timestamp (3) with time zone;