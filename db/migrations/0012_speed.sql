DROP INDEX "timeline_events_case_id_created_at_idx";--> statement-breakpoint
CREATE INDEX "case_parties_center_id_credit_code_idx" ON "case_parties" USING btree ("center_id","credit_code");--> statement-breakpoint
CREATE INDEX "timeline_events_case_page_idx" ON "timeline_events" USING btree ("case_id","created_at","id");