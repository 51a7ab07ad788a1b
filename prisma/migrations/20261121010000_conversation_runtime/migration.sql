-- Conversation runtime: inbound messages are processed one at a time per conversation, in arrival
-- order (seq), and marked when done; opt-outs are per address and channel; patients can join a
-- waitlist from the chat.

ALTER TABLE "messages" ADD COLUMN "seq" BIGSERIAL NOT NULL;
ALTER TABLE "messages" ADD COLUMN "processed_at" TIMESTAMPTZ(3);
-- Outbound replies point at the inbound message they answer (a retried webhook finds them).
ALTER TABLE "messages" ADD COLUMN "reply_to_id" UUID;
-- What the turn processor needs besides the text: the tapped choice, and whether it was readable.
ALTER TABLE "messages" ADD COLUMN "choice_id" TEXT;
ALTER TABLE "messages" ADD COLUMN "unsupported" BOOLEAN NOT NULL DEFAULT false;
CREATE INDEX "messages_reply_to_id_idx" ON "messages"("reply_to_id");
-- The turn processor looks for the oldest unprocessed inbound message of a conversation.
CREATE INDEX "messages_pending_inbound_idx" ON "messages"("conversation_id", "seq") WHERE "direction" = 'inbound' AND "processed_at" IS NULL;

ALTER TABLE "conversations" ADD COLUMN "opted_out_at" TIMESTAMPTZ(3);
ALTER TABLE "conversations" ADD COLUMN "handoff_at" TIMESTAMPTZ(3);
ALTER TABLE "conversations" ADD COLUMN "profile_name_enc" TEXT;

CREATE TYPE "waitlist_status" AS ENUM ('waiting', 'offered', 'booked', 'removed', 'expired');

CREATE TABLE "waitlist_entries" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "clinic_id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "service_id" UUID NOT NULL,
    "provider_id" UUID,
    "location_id" UUID,
    "earliest_date" DATE NOT NULL,
    "latest_date" DATE NOT NULL,
    "urgency" INTEGER NOT NULL DEFAULT 0,
    "status" "waitlist_status" NOT NULL DEFAULT 'waiting',
    "source" TEXT NOT NULL,
    "notes" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "waitlist_entries_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "waitlist_entries_dates_check" CHECK ("earliest_date" <= "latest_date")
);
-- Offers go to the most urgent, then the earliest, waiting entry for a service.
CREATE INDEX "waitlist_entries_clinic_id_service_id_status_urgency_created_at_idx" ON "waitlist_entries"("clinic_id", "service_id", "status", "urgency" DESC, "created_at");
CREATE INDEX "waitlist_entries_patient_id_idx" ON "waitlist_entries"("patient_id");

ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinics"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_provider_id_fkey" FOREIGN KEY ("provider_id") REFERENCES "providers"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_location_id_fkey" FOREIGN KEY ("location_id") REFERENCES "locations"("id") ON DELETE SET NULL ON UPDATE CASCADE;
