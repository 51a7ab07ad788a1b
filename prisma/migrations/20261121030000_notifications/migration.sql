-- Notifications: confirmations, reminders, notices and no-show follow-ups, one row each, scheduled as
-- BullMQ delayed jobs whose ids are the rows' job_id (so an event delivered twice schedules once).

CREATE TYPE "notification_kind" AS ENUM ('confirmation', 'reminder', 'reschedule_confirmation', 'cancellation_notice', 'no_show_followup');
CREATE TYPE "notification_status" AS ENUM ('scheduled', 'sent', 'delivered', 'failed', 'skipped');

CREATE TABLE "notifications" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "clinic_id" UUID NOT NULL,
    "appointment_id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "kind" "notification_kind" NOT NULL,
    -- Reminders: minutes before the start (4320, 1440, 120); null for other kinds.
    "offset_minutes" INTEGER,
    "send_at" TIMESTAMPTZ(3) NOT NULL,
    "channel" "channel",
    "status" "notification_status" NOT NULL DEFAULT 'scheduled',
    "skip_reason" TEXT,
    "message_id" UUID,
    "job_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "notifications_job_id_key" ON "notifications"("job_id");
CREATE INDEX "notifications_appointment_id_idx" ON "notifications"("appointment_id");
CREATE INDEX "notifications_clinic_id_send_at_idx" ON "notifications"("clinic_id", "send_at");

ALTER TABLE "notifications" ADD CONSTRAINT "notifications_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinics"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_appointment_id_fkey" FOREIGN KEY ("appointment_id") REFERENCES "appointments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
