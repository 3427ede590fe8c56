ALTER TABLE "vacancies" ADD COLUMN "reading" text;--> statement-breakpoint
ALTER TABLE "vacancies" ADD COLUMN "reading_version" text;