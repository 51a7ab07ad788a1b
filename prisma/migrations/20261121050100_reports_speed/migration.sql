-- Reports, speed: whether a reminder went out, kept on the appointment itself; two covering indexes.
-- The no-show report splits a year of appointments by reminder response; looking each one up in
-- notifications (≈ 2 rows per appointment) cost seconds at 500,000 appointments, this column nothing.
-- A trigger keeps it exact whatever code changes a notification: it is the earliest update time of
-- the appointment's reminders whose status is sent or delivered, null when there is none (a reminder
-- that later fails no longer counts).

ALTER TABLE "appointments" ADD COLUMN "reminder_sent_at" TIMESTAMPTZ(3);

CREATE FUNCTION appointments_reminder_sent() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    first_sent TIMESTAMPTZ(3);
BEGIN
    IF NEW.kind <> 'reminder' THEN
        RETURN NULL;
    END IF;
    SELECT min(n.updated_at) INTO first_sent FROM notifications n
     WHERE n.appointment_id = NEW.appointment_id AND n.kind = 'reminder' AND n.status IN ('sent', 'delivered');
    UPDATE appointments SET reminder_sent_at = first_sent
     WHERE id = NEW.appointment_id AND reminder_sent_at IS DISTINCT FROM first_sent;
    RETURN NULL;
END $$;

CREATE TRIGGER "notifications_reminder_sent" AFTER INSERT OR UPDATE OF "status" ON "notifications"
    FOR EACH ROW EXECUTE FUNCTION appointments_reminder_sent();

UPDATE appointments a SET reminder_sent_at = r.first_sent
  FROM (SELECT appointment_id, min(updated_at) AS first_sent FROM notifications
         WHERE kind = 'reminder' AND status IN ('sent', 'delivered') GROUP BY appointment_id) r
 WHERE r.appointment_id = a.id;

-- "Rebooked within 7 days" looks up the patient's later bookings by creation time, once per
-- cancellation: an index that answers it without visiting the table.
CREATE INDEX "appointments_patient_id_created_at_idx" ON "appointments"("patient_id", "created_at") INCLUDE ("id", "rescheduled_from_id");

-- The messaging report reads only these columns of a year of messages: cover them in the index.
DROP INDEX "messages_clinic_id_created_at_idx";
CREATE INDEX "messages_clinic_id_created_at_idx" ON "messages"("clinic_id", "created_at") INCLUDE ("channel", "direction", "status");
