CREATE TABLE "follow_up_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"due_on" date NOT NULL,
	"done_at" timestamp with time zone,
	"done_by" uuid,
	"reached_party_id" uuid,
	"method" text,
	"honoured" text,
	"satisfaction" text,
	"new_dispute" boolean,
	"measures" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"level" text NOT NULL,
	"body" text NOT NULL,
	"requested_on" date NOT NULL,
	"recorded_by" uuid,
	"decision" text,
	"decided_on" date,
	"decision_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "follow_up_visits" ADD CONSTRAINT "follow_up_visits_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_visits" ADD CONSTRAINT "follow_up_visits_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_visits" ADD CONSTRAINT "follow_up_visits_done_by_users_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_visits" ADD CONSTRAINT "follow_up_visits_reached_party_id_case_parties_id_fk" FOREIGN KEY ("reached_party_id") REFERENCES "public"."case_parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_requests" ADD CONSTRAINT "review_requests_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_requests" ADD CONSTRAINT "review_requests_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_requests" ADD CONSTRAINT "review_requests_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "follow_up_visits_case_id_idx" ON "follow_up_visits" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "follow_up_visits_case_reason_due_idx" ON "follow_up_visits" USING btree ("case_id","reason","due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "review_requests_case_level_idx" ON "review_requests" USING btree ("case_id","level");