-- Live timelines: every timeline row announces its case on the 'timeline' channel, delivered to
-- the listening servers when the writing transaction commits (a rolled-back write announces
-- nothing; PostgreSQL folds repeats of one case within a transaction into one notice). Made by
-- a trigger rather than by each writer, so a write made in one statement, by a script or a
-- restore announces itself too, and a writer sends one statement fewer.
CREATE FUNCTION "announce_timeline_write"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('timeline', NEW.case_id::text);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "timeline_events_announce" AFTER INSERT ON "timeline_events" FOR EACH ROW EXECUTE FUNCTION announce_timeline_write();
--> statement-breakpoint
-- A condition a single-statement action checks on its own writes (for example: every file it
-- meant to attach was still free when it attached them). False fails the whole statement, so
-- none of its writes land; the caller recognises the failure by SQLSTATE P0001 and `reason`
-- in the error's DETAIL.
CREATE FUNCTION "require_true"(ok boolean, reason text) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
  IF ok IS NOT TRUE THEN
    RAISE EXCEPTION 'requirement failed: %', reason USING ERRCODE = 'P0001', DETAIL = reason;
  END IF;
  RETURN true;
END $$;
