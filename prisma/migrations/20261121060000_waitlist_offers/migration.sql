-- Waitlist offers: a freed slot offered to one waiting patient at a time, held in Redis for the
-- clinic's claim window. One row per offer, so reports can count offers, fill rate (accepted offers /
-- slots offered) and time to fill (responded_at - slot_freed_at of accepted offers).

CREATE TYPE "waitlist_offer_outcome" AS ENUM ('pending', 'accepted', 'declined', 'expired', 'booking_failed', 'withdrawn');

CREATE TABLE "waitlist_offers" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "clinic_id" UUID NOT NULL,
    "entry_id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "service_id" UUID NOT NULL,
    "provider_id" UUID NOT NULL,
    "location_id" UUID,
    "slot_start" TIMESTAMPTZ(3) NOT NULL,
    "slot_end" TIMESTAMPTZ(3) NOT NULL,
    -- When the slot became free (the cancellation or move); the start of "time to fill".
    "slot_freed_at" TIMESTAMPTZ(3) NOT NULL,
    -- 'cancellation', 'reschedule' or 'staff' (a receptionist offered it directly).
    "trigger" TEXT NOT NULL,
    -- The appointment whose cancellation or move freed the slot, when there was one.
    "freed_by_appointment_id" UUID,
    "offered_at" TIMESTAMPTZ(3) NOT NULL,
    -- offered_at + the clinic's claim window; the hold expires then too.
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "outcome" "waitlist_offer_outcome" NOT NULL DEFAULT 'pending',
    -- When the outcome was decided (accepted, declined, expired…); null while pending.
    "responded_at" TIMESTAMPTZ(3),
    -- The appointment booked when the patient accepted.
    "appointment_id" UUID,
    "hold_token" TEXT,
    -- The conversation the offer went to, and the message that carried it.
    "conversation_id" UUID,
    "message_id" UUID,
    -- "system" or "staff:<uuid>".
    "offered_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "waitlist_offers_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "waitlist_offers_window_check" CHECK ("expires_at" > "offered_at" AND "slot_end" > "slot_start")
);

-- At most one live offer per slot and per entry: whatever races, a slot is never offered to two
-- patients at once (the Redis hold refuses the overlap too, and the appointments' EXCLUDE
-- constraint refuses a second booking).
CREATE UNIQUE INDEX "waitlist_offers_one_pending_per_slot" ON "waitlist_offers"("provider_id", "slot_start") WHERE "outcome" = 'pending';
CREATE UNIQUE INDEX "waitlist_offers_one_pending_per_entry" ON "waitlist_offers"("entry_id") WHERE "outcome" = 'pending';
CREATE INDEX "waitlist_offers_clinic_id_offered_at_idx" ON "waitlist_offers"("clinic_id", "offered_at");
CREATE INDEX "waitlist_offers_entry_id_idx" ON "waitlist_offers"("entry_id");
CREATE INDEX "waitlist_offers_provider_id_slot_start_idx" ON "waitlist_offers"("provider_id", "slot_start");

ALTER TABLE "waitlist_offers" ADD CONSTRAINT "waitlist_offers_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinics"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "waitlist_offers" ADD CONSTRAINT "waitlist_offers_entry_id_fkey" FOREIGN KEY ("entry_id") REFERENCES "waitlist_entries"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "waitlist_offers" ADD CONSTRAINT "waitlist_offers_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "waitlist_offers" ADD CONSTRAINT "waitlist_offers_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "waitlist_offers" ADD CONSTRAINT "waitlist_offers_provider_id_fkey" FOREIGN KEY ("provider_id") REFERENCES "providers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "waitlist_offers" ADD CONSTRAINT "waitlist_offers_appointment_id_fkey" FOREIGN KEY ("appointment_id") REFERENCES "appointments"("id") ON DELETE SET NULL ON UPDATE CASCADE;
