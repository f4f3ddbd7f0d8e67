CREATE TABLE "rating_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"follow_up_of" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"visit_id" uuid,
	"level" text NOT NULL,
	"tags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"comment" text,
	"channel" text NOT NULL,
	"follow_up_of" uuid,
	"excluded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rectifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"rating_id" uuid NOT NULL,
	"state" text DEFAULT 'callback_due' NOT NULL,
	"called_back_at" timestamp with time zone,
	"callback_note" text,
	"verification" text,
	"verification_note" text,
	"report" text,
	"reported_at" timestamp with time zone,
	"appeal_decided_at" timestamp with time zone,
	"appeal_decided_by" uuid,
	"appeal_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "case_clocks_case_id_kind_idx";--> statement-breakpoint
ALTER TABLE "case_clocks" ADD COLUMN "subject_id" uuid;--> statement-breakpoint
ALTER TABLE "rating_links" ADD CONSTRAINT "rating_links_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_links" ADD CONSTRAINT "rating_links_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_links" ADD CONSTRAINT "rating_links_party_id_case_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."case_parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_links" ADD CONSTRAINT "rating_links_follow_up_of_ratings_id_fk" FOREIGN KEY ("follow_up_of") REFERENCES "public"."ratings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_party_id_case_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."case_parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_visit_id_case_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."case_visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_follow_up_of_ratings_id_fk" FOREIGN KEY ("follow_up_of") REFERENCES "public"."ratings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectifications" ADD CONSTRAINT "rectifications_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectifications" ADD CONSTRAINT "rectifications_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectifications" ADD CONSTRAINT "rectifications_rating_id_ratings_id_fk" FOREIGN KEY ("rating_id") REFERENCES "public"."ratings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectifications" ADD CONSTRAINT "rectifications_appeal_decided_by_users_id_fk" FOREIGN KEY ("appeal_decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "rating_links_token_hash_idx" ON "rating_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "rating_links_case_id_idx" ON "rating_links" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "ratings_case_id_idx" ON "ratings" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "ratings_center_id_created_at_idx" ON "ratings" USING btree ("center_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "ratings_party_service_idx" ON "ratings" USING btree ("party_id","scope",coalesce("visit_id", '00000000-0000-0000-0000-000000000000'::uuid)) WHERE "ratings"."follow_up_of" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "ratings_follow_up_of_idx" ON "ratings" USING btree ("follow_up_of");--> statement-breakpoint
CREATE UNIQUE INDEX "rectifications_rating_id_idx" ON "rectifications" USING btree ("rating_id");--> statement-breakpoint
CREATE INDEX "rectifications_center_id_state_idx" ON "rectifications" USING btree ("center_id","state");--> statement-breakpoint
CREATE INDEX "case_clocks_subject_id_idx" ON "case_clocks" USING btree ("subject_id") WHERE "case_clocks"."subject_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "case_clocks_case_id_kind_idx" ON "case_clocks" USING btree ("case_id","kind",coalesce("subject_id", '00000000-0000-0000-0000-000000000000'::uuid)) WHERE "case_clocks"."state" in ('running', 'paused');