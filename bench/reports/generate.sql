-- A year of a 50-provider clinic, generated in Postgres (set-based INSERT … SELECT, no per-row
-- round trips): ≈ 500,000 appointments, ≈ 1,000,000 reminder rows, 1,000,000 messages, 300,000 chat
-- sessions, waitlist entries and offers. :'year_start' is the first local date (America/New_York).
-- Deterministic: setseed() makes every run generate the same data.
SELECT setseed(0.42);

INSERT INTO clinics (id, slug, name, timezone) VALUES ('00000000-0000-4000-8000-00000000c11c', 'bench-reports', 'Bench Reports Clinic', 'America/New_York');

INSERT INTO locations (id, clinic_id, name, timezone, address)
SELECT ('00000000-0000-4000-8000-0000000010' || lpad(l::text, 2, '0'))::uuid, '00000000-0000-4000-8000-00000000c11c', 'Location ' || l, 'America/New_York', l || ' Bench St'
FROM generate_series(1, 5) AS l;

INSERT INTO services (id, clinic_id, code, name, duration_minutes)
SELECT ('00000000-0000-4000-8000-0000000020' || lpad(s::text, 2, '0'))::uuid, '00000000-0000-4000-8000-00000000c11c', 'svc-' || s, 'Service ' || s, 15
FROM generate_series(1, 10) AS s;

INSERT INTO providers (id, clinic_id, name, short_name, specialty)
SELECT ('00000000-0000-4000-8000-0000000030' || lpad(p::text, 2, '0'))::uuid, '00000000-0000-4000-8000-00000000c11c', 'Dr. Bench ' || p, 'Dr. ' || p, 'General'
FROM generate_series(1, 50) AS p;

-- Mon–Fri 08:00–17:30 at the provider's location (provider p works at location 1 + p % 5).
INSERT INTO availability_rules (clinic_id, provider_id, location_id, weekday, start_time, end_time)
SELECT '00000000-0000-4000-8000-00000000c11c', ('00000000-0000-4000-8000-0000000030' || lpad(p::text, 2, '0'))::uuid,
       ('00000000-0000-4000-8000-0000000010' || lpad((1 + p % 5)::text, 2, '0'))::uuid, d, '08:00', '17:30'
FROM generate_series(1, 50) AS p, generate_series(1, 5) AS d;

-- A public holiday for everybody and a staff block for a few providers.
INSERT INTO schedule_exceptions (clinic_id, kind, starts_on, ends_on, reason)
VALUES ('00000000-0000-4000-8000-00000000c11c', 'holiday', (:'year_start'::date + 150), (:'year_start'::date + 150), 'Holiday');

INSERT INTO patients (id, clinic_id, phone_hash, phone_enc)
SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid, '00000000-0000-4000-8000-00000000c11c', 'bench-' || n, 'x'
FROM generate_series(1, 20000) AS n;

-- 38 quarter-hour slots a weekday per provider (08:00–17:30), most booked: ≈ 500,000 rows.
CREATE TEMP TABLE gen AS
SELECT ('00000000-0000-4000-8000-0000000030' || lpad(p::text, 2, '0'))::uuid AS provider_id,
       ('00000000-0000-4000-8000-0000000010' || lpad((1 + p % 5)::text, 2, '0'))::uuid AS location_id,
       ('00000000-0000-4000-8000-0000000020' || lpad((1 + (p + slot) % 10)::text, 2, '0'))::uuid AS service_id,
       ('00000000-0000-4000-8000-' || lpad(to_hex(1 + floor(random() * 20000)::int), 12, '0'))::uuid AS patient_id,
       ((day + time '08:00' + slot * interval '15 minutes') AT TIME ZONE 'America/New_York') AS starts_at,
       random() AS r1, random() AS r2, random() AS r3
FROM generate_series(1, 50) AS p,
     generate_series(:'year_start'::date, :'year_start'::date + 364, interval '1 day') AS day,
     generate_series(0, 37) AS slot
WHERE extract(isodow FROM day) < 6;

INSERT INTO appointments (clinic_id, provider_id, location_id, service_id, patient_id, starts_at, ends_at, block_start, block_end,
                          status, source, created_at, confirmed_at, cancelled_at, cancel_reason, late_cancellation, created_by, updated_by)
SELECT '00000000-0000-4000-8000-00000000c11c', provider_id, location_id, service_id, patient_id,
       starts_at, starts_at + interval '15 minutes', starts_at, starts_at + interval '15 minutes',
       (CASE WHEN r1 < 0.10 THEN 'cancelled' WHEN r1 < 0.13 THEN 'rescheduled' WHEN r1 < 0.20 THEN 'no_show' ELSE 'completed' END)::appointment_status,
       (CASE WHEN r2 < 0.40 THEN 'whatsapp' WHEN r2 < 0.60 THEN 'sms' WHEN r2 < 0.85 THEN 'console' WHEN r2 < 0.95 THEN 'walk_in' ELSE 'api' END)::appointment_source,
       starts_at - r3 * interval '20 days',
       CASE WHEN r3 < 0.6 THEN starts_at - r3 * interval '10 days' END,
       CASE WHEN r1 < 0.10 THEN starts_at - r3 * interval '3 days' END,
       CASE WHEN r1 < 0.10 THEN (ARRAY['Feeling better', 'Work conflict', 'Childcare issue', 'Travelling', 'Illness'])[1 + floor(r3 * 5)::int] END,
       r1 < 0.10 AND r3 < 0.3,
       CASE WHEN r2 < 0.60 THEN 'patient' ELSE 'staff:bench' END, CASE WHEN r2 < 0.60 THEN 'patient' ELSE 'staff:bench' END
FROM gen;

-- Each rescheduled appointment's replacement is the same provider's appointment a day later.
UPDATE appointments n SET rescheduled_from_id = o.id
FROM appointments o
WHERE o.status = 'rescheduled' AND n.provider_id = o.provider_id AND n.starts_at = o.starts_at + interval '1 day' AND n.status <> 'rescheduled';

-- Two reminders per appointment (24 h and 2 h), mostly sent.
INSERT INTO notifications (clinic_id, appointment_id, patient_id, kind, offset_minutes, send_at, status, job_id)
SELECT a.clinic_id, a.id, a.patient_id, 'reminder', o.off, a.starts_at - o.off * interval '1 minute',
       (CASE WHEN random() < 0.9 THEN 'sent' ELSE 'skipped' END)::notification_status, 'b:' || a.id || ':' || o.off
FROM appointments a, (VALUES (1440), (120)) AS o(off)
WHERE a.clinic_id = '00000000-0000-4000-8000-00000000c11c';

INSERT INTO conversations (id, clinic_id, channel, clinic_address, address_hash, address_enc, opted_out_at, created_at)
SELECT ('00000000-0000-4000-9000-' || lpad(to_hex(n), 12, '0'))::uuid, '00000000-0000-4000-8000-00000000c11c',
       (CASE WHEN n % 3 = 0 THEN 'sms' ELSE 'whatsapp' END)::channel, '+12125550100', 'bench-c-' || n, 'x',
       CASE WHEN n % 40 = 0 THEN :'year_start'::date + (n % 365) * interval '1 day' END, :'year_start'::date
FROM generate_series(1, 30000) AS n;

INSERT INTO messages (clinic_id, conversation_id, direction, channel, provider, body_enc, status, created_at, status_updated_at)
SELECT '00000000-0000-4000-8000-00000000c11c', ('00000000-0000-4000-9000-' || lpad(to_hex(c), 12, '0'))::uuid,
       (CASE WHEN r < 0.45 THEN 'inbound' ELSE 'outbound' END)::message_direction,
       (CASE WHEN c % 3 = 0 THEN 'sms' ELSE 'whatsapp' END)::channel, 'simulator', 'x',
       CASE WHEN r < 0.45 THEN 'received' WHEN r < 0.60 THEN 'read' WHEN r < 0.90 THEN 'delivered' WHEN r < 0.96 THEN 'sent' WHEN r < 0.99 THEN 'failed' ELSE 'queued' END,
       at, at
FROM (SELECT 1 + floor(random() * 30000)::int AS c, random() AS r,
             (:'year_start'::date + random() * interval '365 days') AT TIME ZONE 'America/New_York' AS at
      FROM generate_series(1, 1000000)) AS m;

INSERT INTO conversation_funnels (clinic_id, conversation_id, channel, language, intent, started_at, last_activity_at,
                                  intent_at, slots_shown_at, slot_held_at, details_at, booked_at, bookings, location_id, provider_id, service_id)
SELECT '00000000-0000-4000-8000-00000000c11c', ('00000000-0000-4000-9000-' || lpad(to_hex(c), 12, '0'))::uuid,
       (CASE WHEN c % 3 = 0 THEN 'sms' ELSE 'whatsapp' END)::channel, CASE WHEN c % 4 = 0 THEN 'es' ELSE 'en' END, 'book',
       s, s + interval '20 minutes',
       CASE WHEN r < 0.85 THEN s + interval '1 minute' END, CASE WHEN r < 0.75 THEN s + interval '2 minutes' END,
       CASE WHEN r < 0.65 THEN s + interval '4 minutes' END, CASE WHEN r < 0.58 THEN s + interval '7 minutes' END,
       CASE WHEN r < 0.55 THEN s + r * interval '20 minutes' END, CASE WHEN r < 0.55 THEN 1 ELSE 0 END,
       ('00000000-0000-4000-8000-0000000010' || lpad((1 + c % 5)::text, 2, '0'))::uuid, NULL, NULL
FROM (SELECT 1 + floor(random() * 30000)::int AS c, random() AS r,
             (:'year_start'::date + (n % 365) * interval '1 day' + random() * interval '1 day') AT TIME ZONE 'America/New_York' AS s
      FROM generate_series(1, 300000) AS n) AS f
ON CONFLICT DO NOTHING;

INSERT INTO waitlist_entries (id, clinic_id, patient_id, service_id, earliest_date, latest_date, status, source, created_at)
SELECT ('00000000-0000-4000-a000-' || lpad(to_hex(n), 12, '0'))::uuid, '00000000-0000-4000-8000-00000000c11c',
       ('00000000-0000-4000-8000-' || lpad(to_hex(1 + n % 20000), 12, '0'))::uuid,
       ('00000000-0000-4000-8000-0000000020' || lpad((1 + n % 10)::text, 2, '0'))::uuid,
       :'year_start'::date + (n % 365), :'year_start'::date + (n % 365) + 14,
       (CASE WHEN n % 3 = 0 THEN 'booked' WHEN n % 3 = 1 THEN 'expired' ELSE 'waiting' END)::waitlist_status,
       CASE WHEN n % 2 = 0 THEN 'chat' ELSE 'staff' END, (:'year_start'::date + (n % 365)) + interval '10 hours'
FROM generate_series(1, 20000) AS n;

INSERT INTO waitlist_offers (clinic_id, entry_id, patient_id, service_id, provider_id, location_id, slot_start, slot_end, slot_freed_at,
                             "trigger", offered_at, expires_at, outcome, responded_at, offered_by)
SELECT '00000000-0000-4000-8000-00000000c11c', ('00000000-0000-4000-a000-' || lpad(to_hex(n), 12, '0'))::uuid,
       ('00000000-0000-4000-8000-' || lpad(to_hex(1 + n % 20000), 12, '0'))::uuid,
       ('00000000-0000-4000-8000-0000000020' || lpad((1 + n % 10)::text, 2, '0'))::uuid,
       ('00000000-0000-4000-8000-0000000030' || lpad((1 + n % 50)::text, 2, '0'))::uuid,
       ('00000000-0000-4000-8000-0000000010' || lpad((1 + (1 + n % 50) % 5)::text, 2, '0'))::uuid,
       freed + interval '2 days', freed + interval '2 days 15 minutes', freed, 'cancellation', freed + interval '1 minute', freed + interval '31 minutes',
       (CASE WHEN n % 3 = 0 THEN 'accepted' WHEN n % 3 = 1 THEN 'expired' ELSE 'declined' END)::waitlist_offer_outcome,
       freed + (n % 30 + 2) * interval '1 minute', 'system'
FROM (SELECT n, (:'year_start'::date + (n % 365) * interval '1 day' + interval '14 hours') AT TIME ZONE 'America/New_York' + (n / 365) * interval '15 minutes' AS freed
      FROM generate_series(1, 20000) AS n) AS o;
