CREATE TABLE "case_fact_marks" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"mark" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_facts" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"center_id" uuid NOT NULL,
	"status" text NOT NULL,
	"category" text NOT NULL,
	"track" text,
	"channel" text NOT NULL,
	"people" integer NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"registered_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"outcome" text,
	"termination_kind" text,
	"acceptance_due_at" timestamp with time zone,
	"handling_due_at" timestamp with time zone,
	"agreement_at" timestamp with time zone,
	"written_agreement_at" timestamp with time zone,
	"confirmation_applied_at" timestamp with time zone,
	"confirmation_decided_at" timestamp with time zone,
	"confirmation_state" text,
	"terms_last_due_on" date,
	"performed_by_last_due" boolean NOT NULL,
	"repeat_of_earlier" boolean NOT NULL,
	"repeated_after_closure" boolean NOT NULL,
	"required_visits" integer NOT NULL,
	"amount_claimed" numeric(14, 2),
	"amount_recovered" numeric(14, 2),
	"lead_user_id" uuid
);
--> statement-breakpoint
ALTER TABLE "case_facts" ADD CONSTRAINT "case_facts_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_facts" ADD CONSTRAINT "case_facts_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_facts" ADD CONSTRAINT "case_facts_lead_user_id_users_id_fk" FOREIGN KEY ("lead_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_facts_center_open_until_idx" ON "case_facts" USING btree ("center_id",coalesce("closed_at", 'infinity'::timestamptz),"registered_at");--> statement-breakpoint
-- The repeat rules find a person's other cases by their key (ID-number hash, else phone). Not
-- partial: with a partial index the planner misjudged this join on a million cases (it took
-- each key for unselective and scanned every party).
CREATE INDEX "case_parties_person_key_idx" ON "case_parties" (coalesce("id_number_hash", "phone"));
--> statement-breakpoint
CREATE SEQUENCE "case_fact_mark_seq";
--> statement-breakpoint
-- Any write to a table the dashboard's facts come from marks the case, in the writer's own
-- transaction; the next dashboard read refreshes the marked cases (server/services/case-facts.ts).
CREATE FUNCTION "mark_case_facts"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
  target uuid;
BEGIN
  IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
  IF TG_ARGV[0] = 'case' THEN
    target := r.id;
  ELSIF TG_ARGV[0] = 'agreement' THEN
    SELECT a.case_id INTO target FROM agreements a WHERE a.id = r.agreement_id;
  ELSIF TG_ARGV[0] = 'term' THEN
    SELECT a.case_id INTO target FROM agreement_terms t JOIN agreements a ON a.id = t.agreement_id WHERE t.id = r.term_id;
  ELSE
    target := r.case_id;
  END IF;
  IF target IS NOT NULL THEN
    INSERT INTO case_fact_marks (case_id, mark) VALUES (target, nextval('case_fact_mark_seq'))
      ON CONFLICT (case_id) DO UPDATE SET mark = excluded.mark;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "cases_mark_facts" AFTER INSERT OR UPDATE ON "cases" FOR EACH ROW EXECUTE FUNCTION mark_case_facts('case');
--> statement-breakpoint
CREATE TRIGGER "case_parties_mark_facts" AFTER INSERT OR UPDATE OR DELETE ON "case_parties" FOR EACH ROW EXECUTE FUNCTION mark_case_facts('case_id');
--> statement-breakpoint
CREATE TRIGGER "case_clocks_mark_facts" AFTER INSERT OR UPDATE OR DELETE ON "case_clocks" FOR EACH ROW EXECUTE FUNCTION mark_case_facts('case_id');
--> statement-breakpoint
CREATE TRIGGER "case_visits_mark_facts" AFTER INSERT OR UPDATE OR DELETE ON "case_visits" FOR EACH ROW EXECUTE FUNCTION mark_case_facts('case_id');
--> statement-breakpoint
CREATE TRIGGER "case_closures_mark_facts" AFTER INSERT OR UPDATE OR DELETE ON "case_closures" FOR EACH ROW EXECUTE FUNCTION mark_case_facts('case_id');
--> statement-breakpoint
CREATE TRIGGER "panel_members_mark_facts" AFTER INSERT OR UPDATE OR DELETE ON "panel_members" FOR EACH ROW EXECUTE FUNCTION mark_case_facts('case_id');
--> statement-breakpoint
CREATE TRIGGER "agreements_mark_facts" AFTER INSERT OR UPDATE OR DELETE ON "agreements" FOR EACH ROW EXECUTE FUNCTION mark_case_facts('case_id');
--> statement-breakpoint
CREATE TRIGGER "judicial_confirmations_mark_facts" AFTER INSERT OR UPDATE OR DELETE ON "judicial_confirmations" FOR EACH ROW EXECUTE FUNCTION mark_case_facts('case_id');
--> statement-breakpoint
CREATE TRIGGER "agreement_terms_mark_facts" AFTER INSERT OR UPDATE OR DELETE ON "agreement_terms" FOR EACH ROW EXECUTE FUNCTION mark_case_facts('agreement');
--> statement-breakpoint
CREATE TRIGGER "payments_mark_facts" AFTER INSERT OR UPDATE OR DELETE ON "payments" FOR EACH ROW EXECUTE FUNCTION mark_case_facts('term');
--> statement-breakpoint
-- Cases registered before this migration: all marked, refreshed by the first dashboard read.
INSERT INTO case_fact_marks (case_id, mark) SELECT id, nextval('case_fact_mark_seq') FROM cases;
