CREATE TABLE "townships" (
	"center_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "townships_center_id_code_pk" PRIMARY KEY("center_id","code")
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "township_code" text;--> statement-breakpoint
ALTER TABLE "case_facts" ADD COLUMN "township_code" text;--> statement-breakpoint
ALTER TABLE "townships" ADD CONSTRAINT "townships_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_center_id_township_code_townships_center_id_code_fk" FOREIGN KEY ("center_id","township_code") REFERENCES "public"."townships"("center_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- The rollup gained the township: every case is marked, so the first dashboard read refreshes its facts.
INSERT INTO case_fact_marks (case_id, mark) SELECT id, nextval('case_fact_mark_seq') FROM cases ON CONFLICT (case_id) DO UPDATE SET mark = excluded.mark;
