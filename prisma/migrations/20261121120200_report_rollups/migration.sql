-- Daily report rollups (src/reports/rollups): a year-long report reads a few thousand summed rows
-- per report instead of hundreds of thousands of appointments and messages.
--
-- Exactness: a local day of the clinic is rolled up only once it ended at least 24 hours ago, and
-- the triggers below mark a rolled day dirty whenever a row with a timestamp in it changes (staff
-- reverse last month's no-show, a late delivery callback, a deleted conversation). Reports read the
-- rollup only for days that are rolled and not dirty, and the raw rows for every other day.
-- Because only days more than 24 hours old are ever rolled, the triggers' WHEN clause skips every
-- row whose timestamps are all within the last 24 hours: bookings (future starts), today's check-ins
-- and new messages never call the trigger function.

-- One row per clinic and local day (clinics.timezone): rolled up when rolled_at is set, and usable
-- only while not dirty. A trigger may insert a dirty row for a day that was never rolled.
CREATE TABLE "report_rollup_days" (
    "clinic_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "rolled_at" TIMESTAMPTZ(3),
    "dirty" BOOLEAN NOT NULL DEFAULT true,
    CONSTRAINT "report_rollup_days_pkey" PRIMARY KEY ("clinic_id", "day"),
    CONSTRAINT "report_rollup_days_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinics"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- A report's own breakdown rows for one day, as its live query returns them for that day alone:
-- location_id null = the whole clinic, otherwise that location only. `measures` are the row's
-- additive figures in the order the report defines (src/reports/rollups/rollup-specs.ts).
CREATE TABLE "report_rollups" (
    "id" BIGSERIAL NOT NULL,
    "clinic_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "report" TEXT NOT NULL,
    "location_id" UUID,
    "dim" TEXT NOT NULL,
    "key" TEXT,
    "weekday" SMALLINT,
    "hour" SMALLINT,
    "measures" NUMERIC[],
    CONSTRAINT "report_rollups_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "report_rollups_clinic_id_day_fkey" FOREIGN KEY ("clinic_id", "day") REFERENCES "report_rollup_days"("clinic_id", "day") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "report_rollups_clinic_id_report_day_idx" ON "report_rollups"("clinic_id", "report", "day");

-- Marks the clinic's local day holding this instant dirty (if the instant is older than 24 hours).
CREATE FUNCTION report_day_dirty(clinic UUID, instant TIMESTAMPTZ) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    zone TEXT;
BEGIN
    SELECT c.timezone INTO zone FROM clinics c WHERE c.id = clinic;
    IF zone IS NULL OR instant IS NULL OR instant >= now() - interval '24 hours' THEN
        RETURN;
    END IF;
    INSERT INTO report_rollup_days (clinic_id, day, dirty) VALUES (clinic, (instant AT TIME ZONE zone)::date, true)
    ON CONFLICT (clinic_id, day) DO UPDATE SET dirty = true;
END $$;

-- Trigger function for every rolled-up table; TG_ARGV[0] names the timestamp column that decides the
-- row's day (read through jsonb: this only runs for the rare rows the WHEN clause lets through).
CREATE FUNCTION report_rows_dirty() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM report_day_dirty(OLD.clinic_id, (to_jsonb(OLD) ->> TG_ARGV[0])::timestamptz);
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        PERFORM report_day_dirty(NEW.clinic_id, (to_jsonb(NEW) ->> TG_ARGV[0])::timestamptz);
    END IF;
    RETURN NULL;
END $$;

-- Appointments are rolled up by start (no-shows, utilization), messages by creation (messaging),
-- chat sessions by start (funnel).
CREATE TRIGGER "appointments_report_days_insert" AFTER INSERT ON "appointments"
    FOR EACH ROW WHEN (NEW.starts_at < now() - interval '24 hours') EXECUTE FUNCTION report_rows_dirty('starts_at');
CREATE TRIGGER "appointments_report_days_update" AFTER UPDATE ON "appointments"
    FOR EACH ROW WHEN (OLD.starts_at < now() - interval '24 hours' OR NEW.starts_at < now() - interval '24 hours') EXECUTE FUNCTION report_rows_dirty('starts_at');
CREATE TRIGGER "appointments_report_days_delete" AFTER DELETE ON "appointments"
    FOR EACH ROW WHEN (OLD.starts_at < now() - interval '24 hours') EXECUTE FUNCTION report_rows_dirty('starts_at');

CREATE TRIGGER "messages_report_days_insert" AFTER INSERT ON "messages"
    FOR EACH ROW WHEN (NEW.created_at < now() - interval '24 hours') EXECUTE FUNCTION report_rows_dirty('created_at');
CREATE TRIGGER "messages_report_days_update" AFTER UPDATE ON "messages"
    FOR EACH ROW WHEN (OLD.created_at < now() - interval '24 hours' OR NEW.created_at < now() - interval '24 hours') EXECUTE FUNCTION report_rows_dirty('created_at');
CREATE TRIGGER "messages_report_days_delete" AFTER DELETE ON "messages"
    FOR EACH ROW WHEN (OLD.created_at < now() - interval '24 hours') EXECUTE FUNCTION report_rows_dirty('created_at');

CREATE TRIGGER "conversation_funnels_report_days_insert" AFTER INSERT ON "conversation_funnels"
    FOR EACH ROW WHEN (NEW.started_at < now() - interval '24 hours') EXECUTE FUNCTION report_rows_dirty('started_at');
CREATE TRIGGER "conversation_funnels_report_days_update" AFTER UPDATE ON "conversation_funnels"
    FOR EACH ROW WHEN (OLD.started_at < now() - interval '24 hours' OR NEW.started_at < now() - interval '24 hours') EXECUTE FUNCTION report_rows_dirty('started_at');
CREATE TRIGGER "conversation_funnels_report_days_delete" AFTER DELETE ON "conversation_funnels"
    FOR EACH ROW WHEN (OLD.started_at < now() - interval '24 hours') EXECUTE FUNCTION report_rows_dirty('started_at');

-- The funnel's median time to book cannot be summed from daily rollups: it is computed from the
-- booked sessions themselves, read from this narrow index alone (no table visits).
CREATE INDEX "conversation_funnels_booked_idx" ON "conversation_funnels"("clinic_id", "started_at")
    INCLUDE ("channel", "language", "booked_at", "location_id", "provider_id", "service_id") WHERE "booked_at" IS NOT NULL;

-- Rolled-up days are the clinic's local days: a new time zone makes every stored day wrong.
CREATE FUNCTION clinics_report_rollups_reset() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM report_rollup_days WHERE clinic_id = NEW.id;
    RETURN NULL;
END $$;

CREATE TRIGGER "clinics_report_rollups_reset" AFTER UPDATE OF "timezone" ON "clinics"
    FOR EACH ROW WHEN (OLD.timezone IS DISTINCT FROM NEW.timezone) EXECUTE FUNCTION clinics_report_rollups_reset();
