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
--> statement-breakpoint
-- A party's key changed or gone: the cases that were the same person or matter through the old
-- key may no longer be repeats of this one (or it of them), so they are marked too.
CREATE FUNCTION "mark_repeat_partners"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_key text;
  new_key text;
BEGIN
  IF OLD.role = 'applicant' THEN
    old_key := coalesce(OLD.id_number_hash, OLD.phone);
    IF TG_OP = 'UPDATE' THEN new_key := coalesce(NEW.id_number_hash, NEW.phone); END IF;
    IF old_key IS NOT NULL AND old_key IS DISTINCT FROM new_key THEN
      INSERT INTO case_fact_marks (case_id, center_id, mark)
        SELECT DISTINCT p.case_id, p.center_id, nextval('case_fact_mark_seq') FROM case_parties p
        WHERE coalesce(p.id_number_hash, p.phone) = old_key AND p.center_id = OLD.center_id AND p.role = 'applicant' AND p.case_id <> OLD.case_id
        ON CONFLICT (case_id) DO UPDATE SET mark = excluded.mark;
    END IF;
  ELSIF OLD.role = 'respondent' THEN
    old_key := coalesce(OLD.credit_code, nullif(OLD.normalized_name, ''));
    IF TG_OP = 'UPDATE' THEN new_key := coalesce(NEW.credit_code, nullif(NEW.normalized_name, '')); END IF;
    IF old_key IS NOT NULL AND old_key IS DISTINCT FROM new_key THEN
      INSERT INTO case_fact_marks (case_id, center_id, mark)
        SELECT DISTINCT p.case_id, p.center_id, nextval('case_fact_mark_seq') FROM case_parties p
        WHERE p.center_id = OLD.center_id AND p.role = 'respondent' AND p.case_id <> OLD.case_id
          AND CASE WHEN OLD.credit_code IS NOT NULL THEN p.credit_code = OLD.credit_code
            ELSE p.credit_code IS NULL AND p.normalized_name = OLD.normalized_name END
        ON CONFLICT (case_id) DO UPDATE SET mark = excluded.mark;
    END IF;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "case_parties_mark_repeat_partners" AFTER UPDATE OR DELETE ON "case_parties" FOR EACH ROW EXECUTE FUNCTION mark_repeat_partners();
