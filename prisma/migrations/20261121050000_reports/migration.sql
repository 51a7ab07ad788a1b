-- Reports: the chat-to-booking funnel, and the indexes that keep a year of a large clinic's
-- reports under a second (see bench/reports).

-- One row per chat session: a run of a conversation's messages with no gap longer than 24 hours
-- (WhatsApp's customer-service window). A conversation is one long-lived thread per patient
-- number, so its sessions are the unit the funnel counts. Each stage's column holds when the
-- session first reached it; a stage never reached stays null.
CREATE TABLE "conversation_funnels" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "clinic_id" UUID NOT NULL,
    "conversation_id" UUID NOT NULL,
    "channel" "channel" NOT NULL,
    "language" TEXT NOT NULL,
    -- What the patient came for, once understood: book, reschedule or other (cancel, list, confirm).
    "intent" TEXT,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "last_activity_at" TIMESTAMPTZ(3) NOT NULL,
    "intent_at" TIMESTAMPTZ(3),
    "slots_shown_at" TIMESTAMPTZ(3),
    "slot_held_at" TIMESTAMPTZ(3),
    "details_at" TIMESTAMPTZ(3),
    "booked_at" TIMESTAMPTZ(3),
    "handoff_at" TIMESTAMPTZ(3),
    "opted_out_at" TIMESTAMPTZ(3),
    -- The first appointment booked in the session, and how many new bookings it made in all.
    "appointment_id" UUID,
    "bookings" INTEGER NOT NULL DEFAULT 0,
    -- The latest service, provider and location the session searched, held or booked.
    "service_id" UUID,
    "provider_id" UUID,
    "location_id" UUID,
    CONSTRAINT "conversation_funnels_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "conversation_funnels_conversation_id_started_at_key" ON "conversation_funnels"("conversation_id", "started_at");
CREATE INDEX "conversation_funnels_clinic_id_started_at_idx" ON "conversation_funnels"("clinic_id", "started_at");

ALTER TABLE "conversation_funnels" ADD CONSTRAINT "conversation_funnels_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinics"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "conversation_funnels" ADD CONSTRAINT "conversation_funnels_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Report indexes. Bookings and confirmation are counted by when the appointment was made,
-- cancellations by when they happened, messages by when they were written.
CREATE INDEX "appointments_clinic_id_created_at_idx" ON "appointments"("clinic_id", "created_at");
CREATE INDEX "appointments_clinic_id_cancelled_at_idx" ON "appointments"("clinic_id", "cancelled_at");
CREATE INDEX "messages_clinic_id_created_at_idx" ON "messages"("clinic_id", "created_at");
CREATE INDEX "conversations_clinic_id_opted_out_at_idx" ON "conversations"("clinic_id", "opted_out_at");
