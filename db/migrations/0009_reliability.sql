CREATE TABLE "audit_pending" (
	"audit_id" uuid PRIMARY KEY NOT NULL,
	"chain_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_seals" (
	"chain_id" uuid NOT NULL,
	"seq" bigint NOT NULL,
	"audit_id" uuid NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	"sealed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_seals_chain_id_seq_pk" PRIMARY KEY("chain_id","seq")
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "legal_hold_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "legal_hold_reason" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "personal_data_erased_at" timestamp with time zone;--> statement-breakpoint
-- Hand-edited: filled from each key's case before it becomes NOT NULL.
ALTER TABLE "idempotency_keys" ADD COLUMN "center_id" uuid;--> statement-breakpoint
UPDATE "idempotency_keys" SET "center_id" = "cases"."center_id" FROM "cases" WHERE "cases"."id" = "idempotency_keys"."case_id";--> statement-breakpoint
ALTER TABLE "idempotency_keys" ALTER COLUMN "center_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD COLUMN "erased_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "center_id" uuid;--> statement-breakpoint
-- Hand-edited: notices about a case take its center.
UPDATE "notifications" SET "center_id" = "cases"."center_id" FROM "cases" WHERE "cases"."id" = "notifications"."case_id";--> statement-breakpoint
CREATE INDEX "audit_pending_chain_id_created_at_idx" ON "audit_pending" USING btree ("chain_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "audit_seals_audit_id_idx" ON "audit_seals" USING btree ("audit_id");--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cases_retention_idx" ON "cases" USING btree ("status","closed_at","decided_at") WHERE "cases"."personal_data_erased_at" is null;--> statement-breakpoint
-- Hand-written from here on (drizzle-kit does not generate functions and triggers).
-- The audit log and its hash chains are insert-only: the database itself refuses to change
-- or remove a record, whoever asks (only a superuser switching triggers off gets past this,
-- and then the chains show it: npm run audit:verify).
CREATE FUNCTION "audit_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit records are insert-only: % on % refused', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END
$$;--> statement-breakpoint
CREATE TRIGGER "audit_log_insert_only" BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION "audit_refuse_change"();--> statement-breakpoint
CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION "audit_refuse_change"();--> statement-breakpoint
CREATE TRIGGER "audit_seals_insert_only" BEFORE UPDATE OR DELETE ON "audit_seals" FOR EACH ROW EXECUTE FUNCTION "audit_refuse_change"();--> statement-breakpoint
CREATE TRIGGER "audit_seals_no_truncate" BEFORE TRUNCATE ON "audit_seals" FOR EACH STATEMENT EXECUTE FUNCTION "audit_refuse_change"();--> statement-breakpoint
-- Every new audit row waits in audit_pending until the sealer links it into its center's
-- chain, right after it commits; writers never wait for the chain.
CREATE FUNCTION "audit_enqueue"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "audit_pending" ("audit_id", "chain_id", "created_at")
  VALUES (NEW."id", coalesce(NEW."center_id", '00000000-0000-0000-0000-000000000000'::uuid), NEW."created_at");
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "audit_log_enqueue" AFTER INSERT ON "audit_log" FOR EACH ROW EXECUTE FUNCTION "audit_enqueue"();--> statement-breakpoint
-- Rows written before this migration are sealed too.
INSERT INTO "audit_pending" ("audit_id", "chain_id", "created_at")
SELECT "id", coalesce("center_id", '00000000-0000-0000-0000-000000000000'::uuid), "created_at" FROM "audit_log";
