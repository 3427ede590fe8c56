ALTER TABLE "analyses" ADD COLUMN "advice_attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "rankings" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;