-- Every row of case data carries its center (the future distribution column); a mark takes it
-- from the row that was written.
ALTER TABLE "case_fact_marks" ADD COLUMN "center_id" uuid;
--> statement-breakpoint
UPDATE "case_fact_marks" k SET "center_id" = c."center_id" FROM "cases" c WHERE c."id" = k."case_id";
--> statement-breakpoint
DELETE FROM "case_fact_marks" WHERE "center_id" IS NULL;
--> statement-breakpoint
ALTER TABLE "case_fact_marks" ALTER COLUMN "center_id" SET NOT NULL;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "mark_case_facts"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
  target uuid;
  center uuid;
BEGIN
  IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
  IF TG_ARGV[0] = 'case' THEN
    target := r.id;
    center := r.center_id;
  ELSIF TG_ARGV[0] = 'agreement' THEN
    SELECT a.case_id, a.center_id INTO target, center FROM agreements a WHERE a.id = r.agreement_id;
  ELSIF TG_ARGV[0] = 'term' THEN
    SELECT a.case_id, a.center_id INTO target, center FROM agreement_terms t JOIN agreements a ON a.id = t.agreement_id WHERE t.id = r.term_id;
  ELSE
    target := r.case_id;
    center := r.center_id;
  END IF;
  IF target IS NOT NULL THEN
    INSERT INTO case_fact_marks (case_id, center_id, mark) VALUES (target, center, nextval('case_fact_mark_seq'))
      ON CONFLICT (case_id) DO UPDATE SET mark = excluded.mark;
  END IF;
  RETURN NULL;
END $$;
