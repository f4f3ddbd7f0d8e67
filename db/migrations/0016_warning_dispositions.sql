CREATE TABLE "warning_dispositions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"rule" text NOT NULL,
	"key" text NOT NULL,
	"level" text NOT NULL,
	"disposition" text NOT NULL,
	"disposed_by" uuid,
	"disposed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "warning_dispositions" ADD CONSTRAINT "warning_dispositions_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warning_dispositions" ADD CONSTRAINT "warning_dispositions_disposed_by_users_id_fk" FOREIGN KEY ("disposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "warning_dispositions_center_rule_key_level_idx" ON "warning_dispositions" USING btree ("center_id","rule","key","level");