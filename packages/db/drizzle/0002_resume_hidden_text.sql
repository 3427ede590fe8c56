ALTER TABLE "analyses" ADD COLUMN "resume_hidden_text" jsonb;--> statement-breakpoint
ALTER TABLE "resumes" ADD COLUMN "hidden_text" jsonb;