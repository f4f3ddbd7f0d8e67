CREATE TABLE "case_clocks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"start_at" timestamp with time zone NOT NULL,
	"days" integer NOT NULL,
	"unit" text NOT NULL,
	"source" text NOT NULL,
	"extensions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"state" text DEFAULT 'running' NOT NULL,
	"due_at" timestamp with time zone,
	"stopped_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "clock_alerts" (
	"clock_id" uuid NOT NULL,
	"threshold" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"center_id" uuid NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "clock_alerts_clock_id_threshold_due_at_pk" PRIMARY KEY("clock_id","threshold","due_at")
);
--> statement-breakpoint
CREATE TABLE "clock_pauses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"clock_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"paused_at" timestamp with time zone NOT NULL,
	"resumed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "clock_policies" (
	"center_id" uuid NOT NULL,
	"key" text NOT NULL,
	"days" integer NOT NULL,
	"unit" text NOT NULL,
	CONSTRAINT "clock_policies_center_id_key_pk" PRIMARY KEY("center_id","key")
);
--> statement-breakpoint
CREATE TABLE "holidays" (
	"date" date PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text,
	"source" text NOT NULL,
	"provisional" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "system_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "track" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "received_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "timeline_events" ADD COLUMN "actor_system" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "actor_system" text;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "event_id" uuid;--> statement-breakpoint
ALTER TABLE "case_clocks" ADD CONSTRAINT "case_clocks_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_clocks" ADD CONSTRAINT "case_clocks_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clock_alerts" ADD CONSTRAINT "clock_alerts_clock_id_case_clocks_id_fk" FOREIGN KEY ("clock_id") REFERENCES "public"."case_clocks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clock_alerts" ADD CONSTRAINT "clock_alerts_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clock_pauses" ADD CONSTRAINT "clock_pauses_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clock_pauses" ADD CONSTRAINT "clock_pauses_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clock_pauses" ADD CONSTRAINT "clock_pauses_clock_id_case_clocks_id_fk" FOREIGN KEY ("clock_id") REFERENCES "public"."case_clocks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clock_policies" ADD CONSTRAINT "clock_policies_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_clocks_case_id_idx" ON "case_clocks" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_clocks_center_id_due_at_idx" ON "case_clocks" USING btree ("center_id","due_at") WHERE "case_clocks"."state" = 'running';--> statement-breakpoint
CREATE UNIQUE INDEX "case_clocks_case_id_kind_idx" ON "case_clocks" USING btree ("case_id","kind") WHERE "case_clocks"."state" in ('running', 'paused');--> statement-breakpoint
CREATE INDEX "clock_pauses_clock_id_idx" ON "clock_pauses" USING btree ("clock_id");--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_event_id_timeline_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."timeline_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Cases registered before this migration: their clocks start when they were registered.
UPDATE "cases" SET "received_at" = "registered_at";--> statement-breakpoint
-- Session minutes were written as panel-visible notes, which the center's staff and the
-- supervisor could read; they are for the panel alone.
UPDATE "timeline_events" SET "kind" = 'session_minutes', "visibility" = 'internal', "body" = jsonb_build_object('sessionId', "body"->>'sessionId', 'text', "body"->>'text')
  WHERE "kind" = 'note' AND "body" ? 'sessionId';--> statement-breakpoint
-- The official calendar from the State Council's notices (2025, 2026). 2027 holds only the
-- statutory holidays of the 全国年节及纪念日放假办法 (lunar dates converted), marked provisional
-- until the notice for 2027 (with its adjusted workdays) is entered by the admin.
INSERT INTO "holidays" ("date", "kind", "name", "source", "provisional") VALUES
('2025-01-01', 'holiday', '元旦', '国务院办公厅关于2025年部分节假日安排的通知（2024年11月12日）', false),
('2025-01-26', 'workday', '春节调休上班', '国务院办公厅关于2025年部分节假日安排的通知（2024年11月12日）', false),
('2025-01-28', 'holiday', '春节', '国务院办公厅关于2025年部分节假日安排的通知（2024年11月12日）', false),
('2025-01-29', 'holiday', '春节', '国务院办公厅关于2025年部分节假日安排的通知（2024年11月12日）', false),
('2025-01-30', 'holiday', '春节', '国务院办公厅关于2025年部分节假日安排的通知（2024年11月12日）', false),
('2025-01-31', 'holiday', '春节', '国务院办公厅关于2025年部分节假日安排的通知（2024年11月12日）', false),
('2025-02-01', 'holiday', '春节', '国务院办公厅关于2025年部分节假日安排的通知（2024年11月12日）', false),
('2025-02-02', 'holiday', '春节', '国务院办公厅关于2025年部分节假日安排的通知（2024年11月12日）', false),
('2025-02-03', 'holiday', '春节', '国务院办公厅关于2025年部分节假日安排的通知（2024年11月12日）', false),
('2025-02-04', 'holiday', '春节', '国务院办公厅关于2025年部分节假日安排的通知（2024年11月12日）', false),
('2025-02-08', 'workday', '春节调休上班', '国务院办公厅关于2025年部分节假日安排的通知（2024年11月12日）', false),
('2025-04-04', 'holiday', '清明节', '国务院办公厅关于2025年部分节假日安排的通知（2024年11月12日）', false),
('2025-04-05', 'holiday', '清明节', '国务院办公厅关于2025年部分节假日安排的通知（2024年11月12日）', false),
('2025-04-06', 'holiday', '清明节', '国务院办公厅关于2025年部分节假日安排的通知（2024年11月12日）', false),
('2025-04-27', 'workday', '劳动节调休上班', '国务院办公厅关于2025年部分节假日安排的通知（2024年11月12日）', false),
('2025-05-01', 'holiday', '劳动节', '国务院办公厅关于2025年部分节假日安排的通知（2024年11月12日）', false),
('2025-05-02', 'holiday', '劳动节', '国务院办公厅关于2025年部分节假日安排的通知（2024年11月12日）', false),
('2025-05-03', 'holiday', '劳动节', '国务院办公厅关于2025年部分节假日安排的通知（2024年11月12日）', false),
('2025-05-04', 'holiday', '劳动节', '国务院办公厅关于2025年部分节假日安排的通知（2024年11月12日）', false),
('2025-05-05', 'holiday', '劳动节', '国务院办公厅关于2025年部分节假日安排的通知（2024年11月12日）', false),
('2025-05-31', 'holiday', '端午节', '国务院办公厅关于2025年部分节假日安排的通知（2024年11月12日）', false),
('2025-06-01', 'holiday', '端午节', '国务院办公厅关于2025年部分节假日安排的通知（2024年11月12日）', false),
('2025-06-02', 'holiday', '端午节', '国务院办公厅关于2025年部分节假日安排的通知（2024年11月12日）', false),
('2025-09-28', 'workday', '国庆节调休上班', '国务院办公厅关于2025年部分节假日安排的通知（2024年11月12日）', false),
('2025-10-01', 'holiday', '国庆节、中秋节', '国务院办公厅关于2025年部分节假日安排的通知（2024年11月12日）', false),
('2025-10-02', 'holiday', '国庆节、中秋节', '国务院办公厅关于2025年部分节假日安排的通知（2024年11月12日）', false),
('2025-10-03', 'holiday', '国庆节、中秋节', '国务院办公厅关于2025年部分节假日安排的通知（2024年11月12日）', false),
('2025-10-04', 'holiday', '国庆节、中秋节', '国务院办公厅关于2025年部分节假日安排的通知（2024年11月12日）', false),
('2025-10-05', 'holiday', '国庆节、中秋节', '国务院办公厅关于2025年部分节假日安排的通知（2024年11月12日）', false),
('2025-10-06', 'holiday', '国庆节、中秋节', '国务院办公厅关于2025年部分节假日安排的通知（2024年11月12日）', false),
('2025-10-07', 'holiday', '国庆节、中秋节', '国务院办公厅关于2025年部分节假日安排的通知（2024年11月12日）', false),
('2025-10-08', 'holiday', '国庆节、中秋节', '国务院办公厅关于2025年部分节假日安排的通知（2024年11月12日）', false),
('2025-10-11', 'workday', '国庆节调休上班', '国务院办公厅关于2025年部分节假日安排的通知（2024年11月12日）', false),
('2026-01-01', 'holiday', '元旦', '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）', false),
('2026-01-02', 'holiday', '元旦', '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）', false),
('2026-01-03', 'holiday', '元旦', '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）', false),
('2026-01-04', 'workday', '元旦调休上班', '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）', false),
('2026-02-14', 'workday', '春节调休上班', '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）', false),
('2026-02-15', 'holiday', '春节', '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）', false),
('2026-02-16', 'holiday', '春节', '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）', false),
('2026-02-17', 'holiday', '春节', '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）', false),
('2026-02-18', 'holiday', '春节', '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）', false),
('2026-02-19', 'holiday', '春节', '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）', false),
('2026-02-20', 'holiday', '春节', '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）', false),
('2026-02-21', 'holiday', '春节', '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）', false),
('2026-02-22', 'holiday', '春节', '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）', false),
('2026-02-23', 'holiday', '春节', '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）', false),
('2026-02-28', 'workday', '春节调休上班', '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）', false),
('2026-04-04', 'holiday', '清明节', '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）', false),
('2026-04-05', 'holiday', '清明节', '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）', false),
('2026-04-06', 'holiday', '清明节', '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）', false),
('2026-05-01', 'holiday', '劳动节', '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）', false),
('2026-05-02', 'holiday', '劳动节', '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）', false),
('2026-05-03', 'holiday', '劳动节', '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）', false),
('2026-05-04', 'holiday', '劳动节', '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）', false),
('2026-05-05', 'holiday', '劳动节', '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）', false),
('2026-05-09', 'workday', '劳动节调休上班', '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）', false),
('2026-06-19', 'holiday', '端午节', '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）', false),
('2026-06-20', 'holiday', '端午节', '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）', false),
('2026-06-21', 'holiday', '端午节', '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）', false),
('2026-09-20', 'workday', '国庆节调休上班', '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）', false),
('2026-09-25', 'holiday', '中秋节', '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）', false),
('2026-09-26', 'holiday', '中秋节', '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）', false),
('2026-09-27', 'holiday', '中秋节', '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）', false),
('2026-10-01', 'holiday', '国庆节', '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）', false),
('2026-10-02', 'holiday', '国庆节', '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）', false),
('2026-10-03', 'holiday', '国庆节', '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）', false),
('2026-10-04', 'holiday', '国庆节', '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）', false),
('2026-10-05', 'holiday', '国庆节', '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）', false),
('2026-10-06', 'holiday', '国庆节', '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）', false),
('2026-10-07', 'holiday', '国庆节', '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）', false),
('2026-10-10', 'workday', '国庆节调休上班', '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）', false),
('2027-01-01', 'holiday', '元旦', '全国年节及纪念日放假办法（2024年修订）第二条；2027年放假调休安排待国务院办公厅通知', true),
('2027-02-05', 'holiday', '春节', '全国年节及纪念日放假办法（2024年修订）第二条；2027年放假调休安排待国务院办公厅通知', true),
('2027-02-06', 'holiday', '春节', '全国年节及纪念日放假办法（2024年修订）第二条；2027年放假调休安排待国务院办公厅通知', true),
('2027-02-07', 'holiday', '春节', '全国年节及纪念日放假办法（2024年修订）第二条；2027年放假调休安排待国务院办公厅通知', true),
('2027-02-08', 'holiday', '春节', '全国年节及纪念日放假办法（2024年修订）第二条；2027年放假调休安排待国务院办公厅通知', true),
('2027-04-05', 'holiday', '清明节', '全国年节及纪念日放假办法（2024年修订）第二条；2027年放假调休安排待国务院办公厅通知', true),
('2027-05-01', 'holiday', '劳动节', '全国年节及纪念日放假办法（2024年修订）第二条；2027年放假调休安排待国务院办公厅通知', true),
('2027-05-02', 'holiday', '劳动节', '全国年节及纪念日放假办法（2024年修订）第二条；2027年放假调休安排待国务院办公厅通知', true),
('2027-06-09', 'holiday', '端午节', '全国年节及纪念日放假办法（2024年修订）第二条；2027年放假调休安排待国务院办公厅通知', true),
('2027-09-15', 'holiday', '中秋节', '全国年节及纪念日放假办法（2024年修订）第二条；2027年放假调休安排待国务院办公厅通知', true),
('2027-10-01', 'holiday', '国庆节', '全国年节及纪念日放假办法（2024年修订）第二条；2027年放假调休安排待国务院办公厅通知', true),
('2027-10-02', 'holiday', '国庆节', '全国年节及纪念日放假办法（2024年修订）第二条；2027年放假调休安排待国务院办公厅通知', true),
('2027-10-03', 'holiday', '国庆节', '全国年节及纪念日放假办法（2024年修订）第二条；2027年放假调休安排待国务院办公厅通知', true);
