import { DateTime } from 'luxon';
import { DEMO_CLINIC, DEMO_PROVIDERS, DEMO_SERVICES, type ServiceCode } from './demo-clinic.js';
import { createRandom, type Random } from './random.js';

/**
 * About 90 days of believable past (and three weeks of booked future) for the demo clinic: who came,
 * who cancelled and why, who did not show, and the chats behind the bookings. Pure: it returns rows
 * and leaves encryption and inserting to the caller.
 */
export interface DemoIds {
  locations: Record<string, string>;
  rooms: string[];
  providers: Record<string, string>;
  services: Record<ServiceCode, string>;
  receptionistStaffId: string;
}

export interface HistoryPatient { key: number; name: string; phone: string; dob: string; language: 'en' | 'es'; preferredChannel: 'whatsapp' | 'sms' }
export interface HistoryAppointment {
  patientKey: number; providerId: string; serviceId: string; locationId: string | null; roomId: string | null;
  startsAt: Date; endsAt: Date; blockStart: Date; blockEnd: Date;
  status: 'confirmed' | 'requested' | 'checked_in' | 'completed' | 'cancelled' | 'no_show';
  source: 'whatsapp' | 'sms' | 'console' | 'walk_in';
  createdAt: Date; confirmedAt: Date | null; checkedInAt: Date | null; cancelledAt: Date | null;
  cancelReason: string | null; lateCancellation: boolean; createdBy: string;
}
export interface HistoryMessage { direction: 'inbound' | 'outbound'; body: string; at: Date; providerMessageId: string; status: string }
export interface HistoryConversation {
  patientKey: number | null; phone: string; channel: 'whatsapp' | 'sms'; language: 'en' | 'es';
  status: 'active' | 'handoff' | 'closed'; messages: HistoryMessage[];
  /** Chat sessions with the funnel stages they reached (what the runtime records, see src/reports/funnel). */
  sessions: HistorySession[];
}
export interface HistorySession {
  intent: 'book' | null; startedAt: Date; lastActivityAt: Date; intentAt: Date | null; slotsShownAt: Date | null; slotHeldAt: Date | null;
  detailsAt: Date | null; bookedAt: Date | null; handoffAt: Date | null; bookings: number;
  serviceId: string | null; providerId: string | null; locationId: string | null;
}
export interface History { patients: HistoryPatient[]; appointments: HistoryAppointment[]; conversations: HistoryConversation[] }

const FIRST = ['Ana', 'James', 'Mia', 'Noah', 'Olivia', 'Liam', 'Emma', 'Lucas', 'Sofia', 'Ethan', 'Isabella', 'Mateo', 'Ava', 'Daniel', 'Chloe', 'Samuel', 'Grace', 'David', 'Valentina', 'Henry', 'Aaliyah', 'Omar', 'Priya', 'Wei', 'Fatima', 'Diego', 'Hannah', 'Kofi', 'Yuki', 'Elena'];
const LAST = ['Lima', 'Smith', 'Johnson', 'Williams', 'Brown', 'García', 'Martínez', 'Rodríguez', 'Lee', 'Nguyen', 'Patel', 'Kim', 'Davis', 'López', 'Wilson', 'Anderson', 'Thomas', 'Moore', 'Jackson', 'Hernández', 'Okafor', 'Cohen', 'Rossi', 'Müller', 'Silva', 'Khan', 'Ivanova', 'Tanaka', 'Murphy', 'Reyes'];
const CANCEL_REASONS = ['Feeling better', 'Work conflict', 'Childcare issue', 'Travelling', 'Booked elsewhere', 'Transport problem', 'Clinic rescheduled provider', 'Illness (patient)'];
const ABANDONED_OPENERS = ['hi', 'how much is a visit?', 'do you take my insurance?', 'what are your hours', 'hola', 'is there parking?', 'can I get a sick note', 'asdf'];

const DAY_BEFORE = 90;
const DAYS_AFTER = 21;

export function generateHistory(ids: DemoIds, now: Date, seed = 20261121): History {
  const rnd = createRandom(seed);
  const zone = DEMO_CLINIC.timezone;
  const nowDt = DateTime.fromJSDate(now, { zone });
  const patients = makePatients(rnd, 260);
  const appointmentCount = new Map<number, number>();
  const appointments: HistoryAppointment[] = [];
  const serviceByCode = new Map(DEMO_SERVICES.map((s) => [s.code, s]));

  for (let offset = -DAY_BEFORE; offset <= DAYS_AFTER; offset++) {
    const day = nowDt.startOf('day').plus({ days: offset });
    // The future thins out: most booking happens in the last week or two before a visit.
    const fill = offset <= 0 ? 0.68 : Math.max(0.12, 0.6 - offset * 0.025);
    for (const provider of DEMO_PROVIDERS) {
      for (const rule of provider.rules.filter((r) => r.weekdays.includes(day.weekday))) {
        const allowed = (rule.services ?? provider.services) as ServiceCode[];
        let cursor = day.set(parseTime(rule.start));
        const end = day.set(parseTime(rule.end));
        while (cursor < end) {
          let code = rnd.pick(allowed);
          const service = serviceByCode.get(code)!;
          const blockEnd = cursor.plus({ minutes: service.durationMinutes + ('bufferAfterMinutes' in service ? service.bufferAfterMinutes : 0) });
          if (blockEnd > end) break;
          if (!rnd.chance(fill)) {
            cursor = cursor.plus({ minutes: 15 });
            continue;
          }
          let patientKey = pickPatient(rnd, patients, appointmentCount, code === 'new-patient');
          if (patientKey === null) {
            code = allowed.includes('follow-up') ? 'follow-up' : code;
            patientKey = pickPatient(rnd, patients, appointmentCount, false)!;
          }
          const chosen = serviceByCode.get(code)!;
          const startsAt = cursor;
          const endsAt = cursor.plus({ minutes: chosen.durationMinutes });
          const block = endsAt.plus({ minutes: 'bufferAfterMinutes' in chosen ? chosen.bufferAfterMinutes : 0 });
          appointments.push(makeAppointment(rnd, ids, {
            patientKey, providerKey: provider.key, code, locationKey: rule.location, startsAt, endsAt, blockEnd: block, now: nowDt,
          }));
          appointmentCount.set(patientKey, (appointmentCount.get(patientKey) ?? 0) + 1);
          cursor = block;
        }
      }
    }
  }
  return { patients, appointments, conversations: makeConversations(rnd, patients, appointments, ids, nowDt) };
}

function parseTime(hhmm: string) {
  const [hour, minute] = hhmm.split(':').map(Number);
  return { hour, minute, second: 0, millisecond: 0 };
}

function makePatients(rnd: Random, count: number): HistoryPatient[] {
  return Array.from({ length: count }, (_, key) => {
    const language = rnd.chance(0.18) ? 'es' : 'en';
    return {
      key,
      name: `${rnd.pick(FIRST)} ${rnd.pick(LAST)}`,
      // 555-01xx numbers are reserved for fiction; use 555-2000.. for demo patients.
      phone: `+1212555${String(2000 + key).padStart(4, '0')}`,
      dob: `${rnd.int(1945, 2021)}-${String(rnd.int(1, 12)).padStart(2, '0')}-${String(rnd.int(1, 28)).padStart(2, '0')}`,
      language,
      preferredChannel: rnd.chance(0.65) ? 'whatsapp' : 'sms',
    };
  });
}

function pickPatient(rnd: Random, patients: HistoryPatient[], counts: Map<number, number>, mustBeNew: boolean): number | null {
  if (!mustBeNew) return rnd.pick(patients).key;
  const fresh = patients.filter((p) => !counts.has(p.key));
  return fresh.length ? rnd.pick(fresh).key : null;
}

function makeAppointment(rnd: Random, ids: DemoIds, a: {
  patientKey: number; providerKey: string; code: ServiceCode; locationKey: string | null;
  startsAt: DateTime; endsAt: DateTime; blockEnd: DateTime; now: DateTime;
}): HistoryAppointment {
  const past = a.endsAt < a.now;
  const started = a.startsAt <= a.now;
  const source = past && rnd.chance(0.1) ? 'walk_in' : rnd.weighted([['whatsapp', 45], ['sms', 25], ['console', 30]] as const);
  const leadDays = source === 'walk_in' ? 0 : rnd.weighted([[0, 10], [1, 20], [3, 25], [7, 25], [14, 20]] as const);
  let createdAt = source === 'walk_in' ? a.startsAt.minus({ minutes: rnd.int(5, 40) }) : a.startsAt.minus({ days: leadDays, hours: rnd.int(2, 10) });
  if (createdAt > a.now) createdAt = a.now.minus({ hours: rnd.int(1, 48) });

  let status: HistoryAppointment['status'];
  if (past) status = rnd.weighted([['completed', 84], ['cancelled', 9], ['no_show', 7]] as const);
  else if (started) status = 'checked_in';
  else status = rnd.weighted([['confirmed', 86], ['requested', 4], ['cancelled', 10]] as const);
  if (source === 'walk_in' && status === 'cancelled') status = 'completed';

  let cancelledAt: DateTime | null = null;
  let late = false;
  if (status === 'cancelled') {
    const window = Math.max(1, a.startsAt.diff(createdAt, 'hours').hours);
    cancelledAt = createdAt.plus({ hours: rnd.next() * window * 0.95 });
    if (cancelledAt > a.now) cancelledAt = a.now.minus({ minutes: rnd.int(5, 600) });
    late = a.startsAt.diff(cancelledAt, 'hours').hours < DEMO_CLINIC.cancellationCutoffHours;
  }
  const confirmed = status !== 'requested' && status !== 'cancelled' && rnd.chance(0.8);
  const chat = source === 'whatsapp' || source === 'sms';
  const service = DEMO_SERVICES.find((s) => s.code === a.code)!;
  return {
    patientKey: a.patientKey,
    providerId: ids.providers[a.providerKey]!,
    serviceId: ids.services[a.code],
    locationId: a.locationKey ? ids.locations[a.locationKey]! : null,
    roomId: 'roomKind' in service ? ids.rooms[rnd.int(0, ids.rooms.length - 1)]! : null,
    startsAt: a.startsAt.toJSDate(),
    endsAt: a.endsAt.toJSDate(),
    blockStart: a.startsAt.toJSDate(),
    blockEnd: a.blockEnd.toJSDate(),
    status,
    source,
    createdAt: createdAt.toJSDate(),
    confirmedAt: confirmed ? DateTime.min(a.startsAt.minus({ hours: rnd.int(2, 70) }), a.now).toJSDate() : null,
    checkedInAt: status === 'completed' || status === 'checked_in' ? a.startsAt.minus({ minutes: rnd.int(0, 15) }).toJSDate() : null,
    cancelledAt: cancelledAt?.toJSDate() ?? null,
    cancelReason: status === 'cancelled' ? rnd.pick(CANCEL_REASONS) : null,
    lateCancellation: late,
    createdBy: chat ? 'patient' : `staff:${ids.receptionistStaffId}`,
  };
}

function makeConversations(rnd: Random, patients: HistoryPatient[], appointments: HistoryAppointment[], ids: DemoIds, now: DateTime): HistoryConversation[] {
  const byThread = new Map<string, HistoryConversation>();
  const serviceName = new Map(DEMO_SERVICES.map((s) => [ids.services[s.code], s]));
  const providerName = new Map(DEMO_PROVIDERS.map((p) => [ids.providers[p.key], p.shortName]));
  const messageId = () => `SM${rnd.hex(32)}`;
  for (const appt of appointments.filter((a) => a.source === 'whatsapp' || a.source === 'sms').sort((x, y) => +x.createdAt - +y.createdAt)) {
    const patient = patients[appt.patientKey]!;
    const channel = appt.source as 'whatsapp' | 'sms';
    const key = `${patient.key}:${channel}`;
    const thread = byThread.get(key) ?? { patientKey: patient.key, phone: patient.phone, channel, language: patient.language, status: 'closed' as const, messages: [], sessions: [] };
    byThread.set(key, thread);
    const service = serviceName.get(appt.serviceId)!;
    const when = DateTime.fromJSDate(appt.startsAt, { zone: DEMO_CLINIC.timezone });
    const at = (minutes: number) => new Date(+appt.createdAt - (4 - minutes) * 60_000);
    const es = patient.language === 'es';
    const day = when.setLocale(es ? 'es' : 'en-US').toFormat(es ? 'ccc d LLL, HH:mm' : 'ccc d LLL, h:mm a');
    const provider = providerName.get(appt.providerId)!;
    thread.messages.push(
      { direction: 'inbound', body: es ? `Hola, quiero una cita: ${service.nameEs.toLowerCase()}` : `Hi, I'd like a ${service.name.toLowerCase()}`, at: at(0), providerMessageId: messageId(), status: 'received' },
      { direction: 'outbound', body: es ? `${provider} tiene estos horarios: 1 ${day} …` : `${provider} has these times: 1 ${day} …`, at: at(1), providerMessageId: messageId(), status: 'read' },
      { direction: 'inbound', body: '1', at: at(2), providerMessageId: messageId(), status: 'received' },
      { direction: 'outbound', body: es ? `Reservado ✅ ${day} con ${provider}.` : `You're booked ✅ ${day} with ${provider}.`, at: at(3), providerMessageId: messageId(), status: rnd.chance(0.97) ? 'delivered' : 'failed' },
    );
    addBookedSession(thread, appt, at);
  }
  // People who wrote in and did not book: the other half of the conversion funnel.
  for (let i = 0; i < 90; i++) {
    const es = rnd.chance(0.2);
    const startedAt = now.minus({ days: rnd.int(0, 89), hours: rnd.int(0, 12) }).toJSDate();
    const opener = rnd.pick(ABANDONED_OPENERS);
    const handoff = rnd.chance(0.15);
    byThread.set(`anon:${i}`, {
      patientKey: null,
      phone: `+1646555${String(3000 + i).padStart(4, '0')}`,
      channel: rnd.chance(0.6) ? 'whatsapp' : 'sms',
      language: es ? 'es' : 'en',
      status: handoff ? 'handoff' : 'closed',
      sessions: [emptySession(startedAt, new Date(+startedAt + 2_000), handoff)],
      messages: [
        { direction: 'inbound', body: opener, at: startedAt, providerMessageId: messageId(), status: 'received' },
        {
          direction: 'outbound',
          body: handoff ? 'Let me get someone from the front desk to help — they will reply here shortly.' : 'Hi! I can book, change or cancel appointments. What would you like to do?',
          at: new Date(+startedAt + 2_000), providerMessageId: messageId(), status: 'delivered',
        },
      ],
    });
  }
  addDroppedBookings(rnd, byThread, ids, now, messageId);
  return [...byThread.values()];
}

function emptySession(startedAt: Date, lastActivityAt: Date, handoff: boolean): HistorySession {
  return {
    intent: null, startedAt, lastActivityAt, intentAt: null, slotsShownAt: null, slotHeldAt: null, detailsAt: null, bookedAt: null,
    handoffAt: handoff ? lastActivityAt : null, bookings: 0, serviceId: null, providerId: null, locationId: null,
  };
}

/** A chat booking: the session its four messages belong to (a second booking within 24 hours joins it). */
function addBookedSession(thread: HistoryConversation, appt: HistoryAppointment, at: (minutes: number) => Date): void {
  const last = thread.sessions.at(-1);
  if (last && +at(0) - +last.lastActivityAt <= 24 * 3_600_000) {
    last.bookings += 1;
    last.lastActivityAt = at(3);
    return;
  }
  thread.sessions.push({
    intent: 'book', startedAt: at(0), lastActivityAt: at(3), intentAt: at(0.1), slotsShownAt: at(1), slotHeldAt: at(2), detailsAt: at(2.5),
    bookedAt: appt.createdAt, handoffAt: null, bookings: 1, serviceId: appt.serviceId, providerId: appt.providerId, locationId: appt.locationId,
  });
}

/** People who started booking and stopped: after the bot understood, after seeing times, or while holding one. */
function addDroppedBookings(rnd: Random, byThread: Map<string, HistoryConversation>, ids: DemoIds, now: DateTime, messageId: () => string): void {
  for (let i = 0; i < 600; i++) {
    const es = rnd.chance(0.2);
    const service = rnd.pick(DEMO_SERVICES);
    const provider = rnd.pick(DEMO_PROVIDERS.filter((p) => (p.services as readonly string[]).includes(service.code)));
    const startedAt = now.minus({ days: rnd.int(1, 89), hours: rnd.int(0, 10) }).toJSDate();
    const at = (minutes: number) => new Date(+startedAt + minutes * 60_000);
    const stop = rnd.weighted([['intent', 35], ['slots', 40], ['held', 25]] as const);
    const messages: HistoryMessage[] = [
      { direction: 'inbound', body: es ? `Quiero una cita: ${service.nameEs.toLowerCase()}` : `Can I book a ${service.name.toLowerCase()}?`, at: at(0), providerMessageId: messageId(), status: 'received' },
      { direction: 'outbound', body: es ? '¿Qué día le viene bien?' : 'Which day suits you?', at: at(0.1), providerMessageId: messageId(), status: 'read' },
    ];
    if (stop !== 'intent') {
      messages.push(
        { direction: 'inbound', body: es ? 'el jueves' : 'thursday', at: at(1), providerMessageId: messageId(), status: 'received' },
        { direction: 'outbound', body: es ? `${provider.shortName} tiene estos horarios: 1 …` : `${provider.shortName} has these times: 1 …`, at: at(1.1), providerMessageId: messageId(), status: 'read' },
      );
    }
    if (stop === 'held') {
      messages.push(
        { direction: 'inbound', body: '2', at: at(3), providerMessageId: messageId(), status: 'received' },
        { direction: 'outbound', body: es ? 'Le guardo ese horario 5 minutos. ¿Cómo se llama?' : "I'm holding that time for 5 minutes. What's your full name?", at: at(3.1), providerMessageId: messageId(), status: 'delivered' },
      );
    }
    const location = provider.rules[0]?.location ?? null;
    byThread.set(`dropped:${i}`, {
      patientKey: null, phone: `+1646556${String(i).padStart(4, '0')}`, channel: rnd.chance(0.6) ? 'whatsapp' : 'sms', language: es ? 'es' : 'en',
      status: 'closed', messages,
      sessions: [{
        ...emptySession(at(0), messages.at(-1)!.at, false),
        intent: 'book', intentAt: at(0.1), slotsShownAt: stop === 'intent' ? null : at(1.1), slotHeldAt: stop === 'held' ? at(3.1) : null,
        serviceId: ids.services[service.code], providerId: stop === 'intent' ? null : ids.providers[provider.key]!,
        locationId: stop === 'intent' || !location ? null : ids.locations[location]!,
      }],
    });
  }
}
