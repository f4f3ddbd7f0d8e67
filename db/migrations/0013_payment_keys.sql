ALTER TABLE "payments" ADD COLUMN "idempotency_key" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "payments_term_id_idempotency_key_idx" ON "payments" USING btree ("term_id","idempotency_key");