import type { Redis } from 'ioredis';
import type pg from 'pg';
import type { FakeGraph } from '../../support/fakes/fake-meta-graph-api.js';
import type { FakeTwilio } from '../../support/fakes/fake-twilio-api.js';

const ACTIVE = `('held', 'requested', 'confirmed', 'payment_pending', 'checked_in', 'completed')`;

export interface Figure { check: string; value: number; expected: string; ok: boolean; details?: string[] }

export interface RunFacts {
  /** Every distinct webhook the load generator delivered, with its patient's phone; `afterStop` = sent after that patient's STOP. */
  sent: { providerMessageId: string; phone: string; afterStop: boolean }[];
  /** Phones (E.164) whose patient sent STOP. */
  stoppers: string[];
  runStart: Date;
  redisPrefix: string;
  /** Conversations that did not answer the liveness probe after the drain. */
  probeUnanswered: number;
  probed: number;
}

const figure = (check: string, value: number, expected: string, ok: boolean): Figure => ({ check, value, expected, ok });

/**
 * The checks after the run, from the database (read directly, not through the faulty proxy), the
 * provider fakes' logs and the queues in Redis.
 */
export async function checkInvariants(db: pg.Client, redis: Redis, twilio: FakeTwilio, graph: FakeGraph, facts: RunFacts): Promise<Figure[]> {
  const figures: Figure[] = [];

  // 1. No double booking: overlapping active appointments per provider and per room (buffers included).
  for (const column of ['provider_id', 'room_id']) {
    const { rows: [o] } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM appointments a JOIN appointments b ON a.id < b.id AND a.${column} = b.${column}
        AND tstzrange(a.block_start, a.block_end, '[)') && tstzrange(b.block_start, b.block_end, '[)')
        WHERE a.status IN ${ACTIVE} AND b.status IN ${ACTIVE}`);
    figures.push(figure(`overlapping active appointments (same ${column === 'provider_id' ? 'provider' : 'room'})`, o!.n, '0', o!.n === 0));
  }

  // 2. Every inbound message stored once.
  const ids = [...new Set(facts.sent.map((s) => s.providerMessageId))];
  const { rows: stored } = await db.query<{ pmid: string; n: number }>(
    `SELECT provider_message_id AS pmid, count(*)::int AS n FROM messages WHERE direction = 'inbound' AND provider_message_id = ANY($1) GROUP BY 1`, [ids]);
  const storedOnce = stored.filter((r) => r.n === 1).length;
  figures.push(figure('distinct inbound webhooks delivered', ids.length, '—', true));
  figures.push(figure('inbound messages stored exactly once', storedOnce, String(ids.length), storedOnce === ids.length));

  // 3. Answered exactly once: each inbound (not sent after a STOP) has replies from one turn only (a
  // turn saves its replies with one timestamp), each reply reached the provider exactly once, and the
  // fakes received nothing the database does not know (a send repeated after a crash would show there).
  const answerable = facts.sent.filter((s) => !s.afterStop).map((s) => s.providerMessageId);
  const { rows: replies } = await db.query<{ pmid: string; turns: number; replies: number; sids: string[]; unsent: number }>(
    `SELECT i.provider_message_id AS pmid, count(DISTINCT r.created_at)::int AS turns, count(r.id)::int AS replies,
            coalesce(array_agg(r.provider_message_id) FILTER (WHERE r.provider_message_id IS NOT NULL), '{}') AS sids,
            count(r.id) FILTER (WHERE r.status NOT IN ('sent', 'delivered', 'read'))::int AS unsent
       FROM messages i LEFT JOIN messages r ON r.reply_to_id = i.id
      WHERE i.direction = 'inbound' AND i.provider_message_id = ANY($1) GROUP BY 1`, [answerable]);
  const atFakes = new Map<string, number>();
  for (const s of twilio.sends) if (s.sid) atFakes.set(s.sid, (atFakes.get(s.sid) ?? 0) + 1);
  for (const s of graph.sends) if (s.id) atFakes.set(s.id, (atFakes.get(s.id) ?? 0) + 1);
  const exactlyOnce = replies.filter((r) => r.turns === 1 && r.unsent === 0 && r.sids.length === r.replies && r.sids.every((sid) => atFakes.get(sid) === 1)).length;
  figures.push(figure('inbound messages answered exactly once (one turn, each reply sent once)', exactlyOnce, String(answerable.length), exactlyOnce === answerable.length));
  figures.push(figure('inbound messages answered by more than one turn', replies.filter((r) => r.turns > 1).length, '0', replies.every((r) => r.turns <= 1)));
  const unanswered = answerable.length - replies.filter((r) => r.replies > 0).length;
  figures.push(figure('inbound messages without a reply', unanswered, '0', unanswered === 0));
  const { rows: known } = await db.query<{ sid: string }>(
    `SELECT provider_message_id AS sid FROM messages WHERE direction = 'outbound' AND provider_message_id = ANY($1)`, [[...atFakes.keys()]]);
  const knownSids = new Set(known.map((k) => k.sid));
  const untracked = [...atFakes.keys()].filter((sid) => !knownSids.has(sid)).length;
  const repeated = [...atFakes.values()].filter((n) => n > 1).length;
  const sendTimes = new Map<string, number>([...twilio.sends.map((s) => [s.sid ?? '', s.at] as const), ...graph.sends.map((s) => [s.id ?? '', s.at] as const)]);
  figures.push({
    ...figure('sends at the fakes unknown to the database (duplicates after a crash)', untracked, '0', untracked === 0),
    details: [...atFakes.keys()].filter((sid) => !knownSids.has(sid)).map((sid) => `untracked send ${sid} at ${new Date(sendTimes.get(sid) ?? 0).toISOString()}`),
  });
  figures.push(figure('provider message ids received twice by the fakes', repeated, '0', repeated === 0));
  figures.push(figure('outbound replies delivered to the fakes', twilio.sends.filter((s) => s.sid).length + graph.sends.filter((s) => s.id).length, '—', true));

  // 4. No reply to an opted-out patient: after the STOP's own confirmation nothing reaches them.
  const { rows: optedOut } = await db.query<{ id: string; opted_out_at: Date }>(
    `SELECT c.id, c.opted_out_at FROM conversations c WHERE c.opted_out_at IS NOT NULL AND c.created_at >= $1`, [facts.runStart]);
  const stopSids = new Set<string>();
  const stopPhones = new Set(facts.stoppers);
  for (const s of twilio.sends) if (s.sid && stopPhones.has(s.params.To ?? '')) stopSids.add(s.sid);
  for (const s of graph.sends) if (s.id && stopPhones.has(`+${s.body.to}`)) stopSids.add(s.id);
  const { rows: [late] } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM messages m JOIN conversations c ON c.id = m.conversation_id
      WHERE m.provider_message_id = ANY($1) AND (c.opted_out_at IS NULL OR m.created_at > c.opted_out_at)`, [[...stopSids]]);
  const afterStopIds = facts.sent.filter((s) => s.afterStop).map((s) => s.providerMessageId);
  const { rows: [answeredAfterStop] } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM messages i JOIN messages r ON r.reply_to_id = i.id
      WHERE i.provider_message_id = ANY($1) AND r.status IN ('sent', 'delivered', 'read')`, [afterStopIds]);
  figures.push(figure('patients who sent STOP / conversations opted out', facts.stoppers.length, String(facts.stoppers.length), optedOut.length >= facts.stoppers.length));
  figures.push(figure('messages sent to opted-out patients after their STOP confirmation', late!.n + answeredAfterStop!.n, '0', late!.n + answeredAfterStop!.n === 0));

  // 5. Every committed chat booking has its reminders (rows and queued jobs) and no-show check.
  const { rows: bookings } = await db.query<{ id: string; starts_at: Date; created_at: Date; offsets: number[]; rows: { offset: number | null; kind: string; status: string; job: string }[] }>(
    `SELECT a.id, a.starts_at, a.created_at, cl.reminder_offsets_minutes AS offsets,
            coalesce(json_agg(json_build_object('offset', n.offset_minutes, 'kind', n.kind, 'status', n.status, 'job', n.job_id)) FILTER (WHERE n.id IS NOT NULL), '[]') AS rows
       FROM appointments a JOIN clinics cl ON cl.id = a.clinic_id LEFT JOIN notifications n ON n.appointment_id = a.id
      WHERE a.created_at >= $1 AND a.source IN ('sms', 'whatsapp') AND a.status IN ('confirmed', 'requested', 'payment_pending')
      GROUP BY a.id, cl.reminder_offsets_minutes`, [facts.runStart]);
  let missingRows = 0;
  let missingJobs = 0;
  for (const b of bookings) {
    // A reminder is due when its time was still ahead when the booking was scheduled (a minute's slack at the boundary).
    const expected = b.offsets.filter((o) => +b.starts_at - o * 60_000 > +b.created_at + 60_000);
    const reminders = b.rows.filter((r) => r.kind === 'reminder');
    if (expected.some((o) => !reminders.some((r) => r.offset === o))) missingRows++;
    const jobs = [...reminders.filter((r) => r.status === 'scheduled').map((r) => r.job), `no-show-${b.id}`];
    const exists = await Promise.all(jobs.map((j) => redis.exists(`${facts.redisPrefix}:bull:notifications:${j}`)));
    if (exists.some((e) => e === 0)) missingJobs++;
  }
  figures.push(figure('chat bookings committed during the run (active)', bookings.length, '—', true));
  figures.push(figure('bookings missing reminder rows', missingRows, '0', missingRows === 0));
  figures.push(figure('bookings missing a queued reminder / no-show job in Redis', missingJobs, '0', missingJobs === 0));
  const { rows: [outbox] } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`);
  figures.push(figure('outbox events not relayed', outbox!.n, '0', outbox!.n === 0));
  const { rows: [stale] } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM notifications n JOIN appointments a ON a.id = n.appointment_id
      WHERE a.created_at >= $1 AND n.status = 'scheduled' AND a.status IN ('cancelled', 'rescheduled')`, [facts.runStart]);
  figures.push(figure('reminders still scheduled for cancelled / moved appointments', stale!.n, '0', stale!.n === 0));

  // 6. Nothing stuck: no inbound left unprocessed, no reply left queued, and every active
  // conversation answered a "menu" probe after the drain (a conversation that cannot leave its state would not).
  const { rows: [pending] } = await db.query<{ inbound: number; outbound: number }>(
    `SELECT count(*) FILTER (WHERE direction = 'inbound' AND processed_at IS NULL)::int AS inbound,
            count(*) FILTER (WHERE direction = 'outbound' AND status = 'queued')::int AS outbound
       FROM messages WHERE created_at >= $1`, [facts.runStart]);
  figures.push(figure('inbound messages left unprocessed after the drain', pending!.inbound, '0', pending!.inbound === 0));
  figures.push(figure('replies left queued after the drain', pending!.outbound, '0', pending!.outbound === 0));
  figures.push(figure(`active conversations not answering a probe (of ${facts.probed})`, facts.probeUnanswered, '0', facts.probeUnanswered === 0));
  return figures;
}

export function figuresTable(figures: Figure[]): string {
  return [
    '| check | value | expected | |',
    '|---|---:|---:|---|',
    ...figures.map((f) => `| ${f.check} | ${f.value} | ${f.expected} | ${f.expected === '—' ? '' : f.ok ? 'ok' : '**FAIL**'} |`),
  ].join('\n');
}
