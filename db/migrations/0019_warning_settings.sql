CREATE TABLE "warning_acknowledgements" (
	"center_id" uuid NOT NULL,
	"rule" text NOT NULL,
	"key" text NOT NULL,
	"level" text NOT NULL,
	"acknowledged_by" uuid,
	"acknowledged_at" timestamp with time zone NOT NULL,
	CONSTRAINT "warning_acknowledgements_center_id_rule_key_level_pk" PRIMARY KEY("center_id","rule","key","level")
);
--> statement-breakpoint
CREATE TABLE "warning_alerts" (
	"center_id" uuid NOT NULL,
	"rule" text NOT NULL,
	"key" text NOT NULL,
	"level" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "warning_alerts_center_id_rule_key_level_pk" PRIMARY KEY("center_id","rule","key","level")
);
--> statement-breakpoint
CREATE TABLE "warning_settings" (
	"center_id" uuid NOT NULL,
	"rule" text NOT NULL,
	"enabled" boolean NOT NULL,
	"thresholds" jsonb NOT NULL,
	"owner_id" uuid,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "warning_settings_center_id_rule_pk" PRIMARY KEY("center_id","rule")
);
--> statement-breakpoint
ALTER TABLE "warning_acknowledgements" ADD CONSTRAINT "warning_acknowledgements_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warning_acknowledgements" ADD CONSTRAINT "warning_acknowledgements_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warning_alerts" ADD CONSTRAINT "warning_alerts_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warning_settings" ADD CONSTRAINT "warning_settings_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warning_settings" ADD CONSTRAINT "warning_settings_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warning_settings" ADD CONSTRAINT "warning_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;