-- Initial schema. Written by hand in Prisma's migration format because the schema engine cannot run
-- here; test/integration/schema-drift.spec.ts proves it matches prisma/schema.prisma.

CREATE EXTENSION IF NOT EXISTS btree_gist;

-- Enums
CREATE TYPE "appointment_status" AS ENUM ('held', 'requested', 'confirmed', 'payment_pending', 'checked_in', 'completed', 'rescheduled', 'cancelled', 'no_show');
CREATE TYPE "appointment_source" AS ENUM ('whatsapp', 'sms', 'console', 'walk_in', 'api');
CREATE TYPE "channel" AS ENUM ('whatsapp', 'sms');
CREATE TYPE "channel_provider" AS ENUM ('twilio', 'meta', 'whatsapp_web', 'simulator');
CREATE TYPE "staff_role" AS ENUM ('admin', 'receptionist', 'provider', 'owner');
CREATE TYPE "conversation_status" AS ENUM ('active', 'handoff', 'closed');
CREATE TYPE "message_direction" AS ENUM ('inbound', 'outbound');
CREATE TYPE "exception_kind" AS ENUM ('closed', 'holiday', 'extra_hours', 'staff_block');

-- Clinic structure
CREATE TABLE "clinics" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "timezone" TEXT NOT NULL,
    "phone" TEXT,
    "min_notice_minutes" INTEGER NOT NULL DEFAULT 120,
    "max_advance_days" INTEGER NOT NULL DEFAULT 90,
    "hold_ttl_seconds" INTEGER NOT NULL DEFAULT 300,
    "cancellation_cutoff_hours" INTEGER NOT NULL DEFAULT 24,
    "reminder_offsets_minutes" INTEGER[] DEFAULT ARRAY[4320, 1440, 120]::INTEGER[],
    "waitlist_claim_minutes" INTEGER NOT NULL DEFAULT 30,
    "no_show_threshold" INTEGER NOT NULL DEFAULT 3,
    "no_show_window_months" INTEGER NOT NULL DEFAULT 12,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "clinics_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "clinics_settings_check" CHECK (
        "min_notice_minutes" >= 0 AND "max_advance_days" > 0 AND "hold_ttl_seconds" > 0
        AND "cancellation_cutoff_hours" >= 0 AND "waitlist_claim_minutes" > 0 AND "no_show_threshold" > 0
        AND "no_show_window_months" > 0)
);
CREATE UNIQUE INDEX "clinics_slug_key" ON "clinics"("slug");

CREATE TABLE "locations" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "clinic_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "timezone" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "phone" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "locations_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "locations_clinic_id_name_key" ON "locations"("clinic_id", "name");

CREATE TABLE "rooms" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "clinic_id" UUID NOT NULL,
    "location_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "rooms_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "rooms_location_id_name_key" ON "rooms"("location_id", "name");

CREATE TABLE "providers" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "clinic_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "short_name" TEXT NOT NULL,
    "specialty" TEXT NOT NULL,
    "languages" TEXT[] DEFAULT ARRAY['en']::TEXT[],
    "telehealth" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "providers_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "providers_clinic_id_name_key" ON "providers"("clinic_id", "name");

CREATE TABLE "services" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "clinic_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "name_es" TEXT,
    "duration_minutes" INTEGER NOT NULL,
    "buffer_before_minutes" INTEGER NOT NULL DEFAULT 0,
    "buffer_after_minutes" INTEGER NOT NULL DEFAULT 0,
    "room_kind" TEXT,
    "min_notice_minutes" INTEGER,
    "max_advance_days" INTEGER,
    "new_patient_only" BOOLEAN NOT NULL DEFAULT false,
    "telehealth" BOOLEAN NOT NULL DEFAULT false,
    "deposit_cents" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "services_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "services_times_check" CHECK (
        "duration_minutes" > 0 AND "buffer_before_minutes" >= 0 AND "buffer_after_minutes" >= 0
        AND "deposit_cents" >= 0)
);
CREATE UNIQUE INDEX "services_clinic_id_code_key" ON "services"("clinic_id", "code");

CREATE TABLE "provider_services" (
    "provider_id" UUID NOT NULL,
    "service_id" UUID NOT NULL,
    CONSTRAINT "provider_services_pkey" PRIMARY KEY ("provider_id", "service_id")
);
CREATE INDEX "provider_services_service_id_idx" ON "provider_services"("service_id");

CREATE TABLE "availability_rules" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "clinic_id" UUID NOT NULL,
    "provider_id" UUID NOT NULL,
    "location_id" UUID,
    "weekday" SMALLINT NOT NULL,
    "start_time" TIME(0) NOT NULL,
    "end_time" TIME(0) NOT NULL,
    "valid_from" DATE,
    "valid_to" DATE,
    "service_ids" UUID[] DEFAULT ARRAY[]::UUID[],
    "slot_step_minutes" INTEGER NOT NULL DEFAULT 15,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "availability_rules_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "availability_rules_check" CHECK (
        "weekday" BETWEEN 1 AND 7 AND "start_time" < "end_time" AND "slot_step_minutes" > 0
        AND ("valid_from" IS NULL OR "valid_to" IS NULL OR "valid_from" <= "valid_to"))
);
CREATE INDEX "availability_rules_provider_id_weekday_idx" ON "availability_rules"("provider_id", "weekday");
CREATE INDEX "availability_rules_clinic_id_idx" ON "availability_rules"("clinic_id");

CREATE TABLE "schedule_exceptions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "clinic_id" UUID NOT NULL,
    "location_id" UUID,
    "provider_id" UUID,
    "kind" "exception_kind" NOT NULL,
    "starts_on" DATE NOT NULL,
    "ends_on" DATE NOT NULL,
    "start_time" TIME(0),
    "end_time" TIME(0),
    "service_ids" UUID[] DEFAULT ARRAY[]::UUID[],
    "slot_step_minutes" INTEGER NOT NULL DEFAULT 15,
    "reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "schedule_exceptions_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "schedule_exceptions_check" CHECK (
        "starts_on" <= "ends_on"
        AND (("start_time" IS NULL) = ("end_time" IS NULL))
        AND ("start_time" IS NULL OR "start_time" < "end_time")
        -- extra hours need a provider and explicit times; a staff block needs a provider
        AND ("kind" <> 'extra_hours' OR ("provider_id" IS NOT NULL AND "start_time" IS NOT NULL))
        AND ("kind" <> 'staff_block' OR "provider_id" IS NOT NULL))
);
CREATE INDEX "schedule_exceptions_clinic_id_starts_on_ends_on_idx" ON "schedule_exceptions"("clinic_id", "starts_on", "ends_on");

-- Patients (PHI encrypted by the application; found by the phone's blind index)
CREATE TABLE "patients" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "clinic_id" UUID NOT NULL,
    "phone_hash" TEXT NOT NULL,
    "phone_enc" TEXT NOT NULL,
    "name_enc" TEXT,
    "dob_enc" TEXT,
    "language" TEXT NOT NULL DEFAULT 'en',
    "preferred_channel" "channel",
    "sms_opted_out_at" TIMESTAMPTZ(3),
    "whatsapp_opted_out_at" TIMESTAMPTZ(3),
    "no_show_count" INTEGER NOT NULL DEFAULT 0,
    "flagged_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "patients_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "patients_clinic_id_phone_hash_key" ON "patients"("clinic_id", "phone_hash");

-- Appointments
CREATE TABLE "appointments" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "clinic_id" UUID NOT NULL,
    "provider_id" UUID NOT NULL,
    "location_id" UUID,
    "room_id" UUID,
    "service_id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "block_start" TIMESTAMPTZ(3) NOT NULL,
    "block_end" TIMESTAMPTZ(3) NOT NULL,
    "status" "appointment_status" NOT NULL,
    "source" "appointment_source" NOT NULL,
    "idempotency_key" TEXT,
    "rescheduled_from_id" UUID,
    "cancel_reason" TEXT,
    "late_cancellation" BOOLEAN NOT NULL DEFAULT false,
    "cancelled_at" TIMESTAMPTZ(3),
    "confirmed_at" TIMESTAMPTZ(3),
    "checked_in_at" TIMESTAMPTZ(3),
    "created_by" TEXT NOT NULL,
    "updated_by" TEXT NOT NULL,
    "notes" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "appointments_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "appointments_times_check" CHECK (
        "starts_at" < "ends_at" AND "block_start" <= "starts_at" AND "block_end" >= "ends_at")
);
CREATE UNIQUE INDEX "appointments_idempotency_key_key" ON "appointments"("idempotency_key");
CREATE UNIQUE INDEX "appointments_rescheduled_from_id_key" ON "appointments"("rescheduled_from_id");
CREATE INDEX "appointments_clinic_id_starts_at_idx" ON "appointments"("clinic_id", "starts_at");
CREATE INDEX "appointments_provider_id_block_start_idx" ON "appointments"("provider_id", "block_start");
CREATE INDEX "appointments_patient_id_starts_at_idx" ON "appointments"("patient_id", "starts_at");

-- No double booking, enforced by the database. "Active" statuses occupy time; rescheduled,
-- cancelled and no-show appointments free it. The block range includes the service's buffers.
-- Keep this status list in step with ACTIVE_STATUSES in src/booking/appointment-status.ts.
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_provider_no_overlap"
    EXCLUDE USING gist ("provider_id" WITH =, tstzrange("block_start", "block_end", '[)') WITH &&)
    WHERE ("status" IN ('held', 'requested', 'confirmed', 'payment_pending', 'checked_in', 'completed'));
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_room_no_overlap"
    EXCLUDE USING gist ("room_id" WITH =, tstzrange("block_start", "block_end", '[)') WITH &&)
    WHERE ("room_id" IS NOT NULL
           AND "status" IN ('held', 'requested', 'confirmed', 'payment_pending', 'checked_in', 'completed'));

-- Staff
CREATE TABLE "staff_users" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "clinic_id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" "staff_role" NOT NULL,
    "location_ids" UUID[] DEFAULT ARRAY[]::UUID[],
    "provider_id" UUID,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "failed_logins" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "staff_users_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "staff_users_email_key" ON "staff_users"("email");

-- Audit log: append-only, hash-chained per clinic
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "clinic_id" UUID,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_type" TEXT NOT NULL,
    "actor_id" TEXT,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT,
    "patient_id" UUID,
    "reason" TEXT,
    "ip" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "prev_hash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "audit_log_clinic_id_id_idx" ON "audit_log"("clinic_id", "id");
CREATE INDEX "audit_log_entity_type_entity_id_idx" ON "audit_log"("entity_type", "entity_id");
CREATE INDEX "audit_log_patient_id_idx" ON "audit_log"("patient_id");

-- The canonical text a row's hash covers. The verifier (src/audit) recomputes exactly this.
CREATE FUNCTION audit_log_canonical(r "audit_log") RETURNS TEXT
LANGUAGE sql IMMUTABLE AS $$
    SELECT concat_ws(E'\x1f',
        r.prev_hash, r.id::text, coalesce(r.clinic_id::text, ''),
        to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        r.actor_type, coalesce(r.actor_id, ''), r.action, r.entity_type, coalesce(r.entity_id, ''),
        coalesce(r.patient_id::text, ''), coalesce(r.reason, ''), coalesce(r.ip, ''), r.details::text)
$$;

-- Links each new row to the previous row of the same clinic. The advisory lock serialises writers of
-- one clinic's chain, and the id is drawn after the lock so that id order is chain order.
CREATE FUNCTION audit_log_chain() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('audit_log:' || coalesce(NEW.clinic_id::text, '-'), 0));
    NEW.id := nextval(pg_get_serial_sequence('audit_log', 'id'));
    NEW.at := date_trunc('milliseconds', NEW.at);
    SELECT a.hash INTO NEW.prev_hash FROM "audit_log" a
        WHERE a.clinic_id IS NOT DISTINCT FROM NEW.clinic_id ORDER BY a.id DESC LIMIT 1;
    NEW.prev_hash := coalesce(NEW.prev_hash, repeat('0', 64));
    NEW.hash := encode(sha256(convert_to(audit_log_canonical(NEW), 'UTF8')), 'hex');
    RETURN NEW;
END $$;
CREATE TRIGGER "audit_log_chain" BEFORE INSERT ON "audit_log"
    FOR EACH ROW EXECUTE FUNCTION audit_log_chain();

CREATE FUNCTION audit_log_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER "audit_log_no_update_delete" BEFORE UPDATE OR DELETE ON "audit_log"
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "audit_log"
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- Outbox
CREATE TABLE "outbox" (
    "id" BIGSERIAL NOT NULL,
    "clinic_id" UUID,
    "aggregate_type" TEXT NOT NULL,
    "aggregate_id" TEXT NOT NULL,
    "event_type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_at" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    CONSTRAINT "outbox_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "outbox_aggregate_type_aggregate_id_id_idx" ON "outbox"("aggregate_type", "aggregate_id", "id");
-- The relay only ever scans unpublished events.
CREATE INDEX "outbox_unpublished_idx" ON "outbox"("id") WHERE "published_at" IS NULL;

CREATE TABLE "idempotency_keys" (
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "status_code" INTEGER,
    "response" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY ("scope", "key")
);
CREATE INDEX "idempotency_keys_expires_at_idx" ON "idempotency_keys"("expires_at");

-- Channels and conversations
CREATE TABLE "clinic_channels" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "clinic_id" UUID NOT NULL,
    "channel" "channel" NOT NULL,
    "provider" "channel_provider" NOT NULL,
    "address" TEXT NOT NULL,
    "external_id" TEXT,
    "settings" JSONB NOT NULL DEFAULT '{}',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "clinic_channels_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "clinic_channels_provider_address_key" ON "clinic_channels"("provider", "address");

CREATE TABLE "conversations" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "clinic_id" UUID NOT NULL,
    "channel" "channel" NOT NULL,
    "clinic_address" TEXT NOT NULL,
    "address_hash" TEXT NOT NULL,
    "address_enc" TEXT NOT NULL,
    "patient_id" UUID,
    "snapshot" JSONB,
    "machine_version" INTEGER NOT NULL DEFAULT 1,
    "version" INTEGER NOT NULL DEFAULT 0,
    "status" "conversation_status" NOT NULL DEFAULT 'active',
    "language" TEXT NOT NULL DEFAULT 'en',
    "last_inbound_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "conversations_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "conversations_clinic_id_channel_address_hash_key" ON "conversations"("clinic_id", "channel", "address_hash");
CREATE INDEX "conversations_clinic_id_status_updated_at_idx" ON "conversations"("clinic_id", "status", "updated_at");

CREATE TABLE "messages" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "clinic_id" UUID NOT NULL,
    "conversation_id" UUID NOT NULL,
    "direction" "message_direction" NOT NULL,
    "channel" "channel" NOT NULL,
    "provider" "channel_provider" NOT NULL,
    "provider_message_id" TEXT,
    "body_enc" TEXT NOT NULL,
    "choices" JSONB,
    "status" TEXT NOT NULL,
    "error_code" TEXT,
    "error_message" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status_updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "messages_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "messages_provider_provider_message_id_key" ON "messages"("provider", "provider_message_id");
CREATE INDEX "messages_conversation_id_created_at_idx" ON "messages"("conversation_id", "created_at");

-- Foreign keys
ALTER TABLE "locations" ADD CONSTRAINT "locations_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinics"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "rooms" ADD CONSTRAINT "rooms_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinics"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "rooms" ADD CONSTRAINT "rooms_location_id_fkey" FOREIGN KEY ("location_id") REFERENCES "locations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "providers" ADD CONSTRAINT "providers_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinics"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "services" ADD CONSTRAINT "services_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinics"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "provider_services" ADD CONSTRAINT "provider_services_provider_id_fkey" FOREIGN KEY ("provider_id") REFERENCES "providers"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "provider_services" ADD CONSTRAINT "provider_services_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "availability_rules" ADD CONSTRAINT "availability_rules_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinics"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "availability_rules" ADD CONSTRAINT "availability_rules_provider_id_fkey" FOREIGN KEY ("provider_id") REFERENCES "providers"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "availability_rules" ADD CONSTRAINT "availability_rules_location_id_fkey" FOREIGN KEY ("location_id") REFERENCES "locations"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "schedule_exceptions" ADD CONSTRAINT "schedule_exceptions_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinics"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "schedule_exceptions" ADD CONSTRAINT "schedule_exceptions_location_id_fkey" FOREIGN KEY ("location_id") REFERENCES "locations"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "schedule_exceptions" ADD CONSTRAINT "schedule_exceptions_provider_id_fkey" FOREIGN KEY ("provider_id") REFERENCES "providers"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "patients" ADD CONSTRAINT "patients_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinics"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinics"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_provider_id_fkey" FOREIGN KEY ("provider_id") REFERENCES "providers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_location_id_fkey" FOREIGN KEY ("location_id") REFERENCES "locations"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_room_id_fkey" FOREIGN KEY ("room_id") REFERENCES "rooms"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_rescheduled_from_id_fkey" FOREIGN KEY ("rescheduled_from_id") REFERENCES "appointments"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "staff_users" ADD CONSTRAINT "staff_users_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinics"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "staff_users" ADD CONSTRAINT "staff_users_provider_id_fkey" FOREIGN KEY ("provider_id") REFERENCES "providers"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "clinic_channels" ADD CONSTRAINT "clinic_channels_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinics"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinics"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "messages" ADD CONSTRAINT "messages_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
