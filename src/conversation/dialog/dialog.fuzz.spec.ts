import fc from 'fast-check';
import { en } from './messages/en.js';
import { es } from './messages/es.js';
import { restore } from './persistence.js';
import { step } from './step.js';
import { renderForChannel } from '../render/render-for-channel.js';
import { WHATSAPP_LIMITS } from '../render/rendered-message.js';
import { appointment, NOW, slot, turn, type PatientKind } from './testing/clinic-fixture.js';
import type { DialogEvent, Effect, EffectResult, PersistedDialog, Reply } from './types.js';

/**
 * Random conversations: steering messages that reach deep states mixed with junk (empty, emoji,
 * 4 KB, digits, markup, other scripts, random choice ids), timers and reminders, with random but
 * well-formed results for every requested effect (and some stale or duplicated ones).
 */

const SEED = 20261123;
const RUNS = 200;
const EVENTS_PER_RUN = 12;

const steering = fc.constantFrom(
  'hi', 'book', 'follow up', 'vaccination', 'skin check with Dr Khan', 'Dr Patel', 'dr garsia', '1', '2', '3', '7', 'tomorrow',
  'Thursday after 2', 'next week', 'yes', 'no', 'Ana López', '03/12/1985', 'cancel my appointment', 'my appointments', 'reschedule',
  'other times', 'another day', 'back', 'menu', 'español', 'english', 'STOP', 'START', 'help', 'human', 'cancel', 'cancel that',
  '1.', '#2', 'the second one', 'Feb 30', 'mañana por la tarde', "can't make it", "I'll be 10 min late", 'new patient visit',
  'annual physical with Dr Khan', 'waitlist', 'Yes, cancel', 'Yes, book it', '2:30 pm', 'sí', 'quiero una cita el jueves',
);

/** Openers that lead deep into a flow, so the random steps that follow land in interesting states. */
const opener = fc.constantFrom(
  'Hi, can I see Dr Patel for a follow-up Thursday after 2?', 'vaccination tomorrow morning', 'quiero una cita para vacunar a mi hijo el jueves',
  'cancel my appointment', 'reschedule my appointment', 'skin check next week', 'hi', 'book',
);

const arabic = fc.string({ unit: fc.integer({ min: 0x0621, max: 0x064a }).map((c) => String.fromCodePoint(c)), maxLength: 40 });
const chinese = fc.string({ unit: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCodePoint(c)), maxLength: 20 });
const emoji = fc.constantFrom('👍', '😀😀😀', '🙏🏽', '❤️', '👎', '🤷‍♀️', '✅', '🗓️ ⏰');
const markup = fc.constantFrom('<b>book</b>', '**yes**', '<script>alert(1)</script>', '[menu](http://x)', '_cancel_', '<<<>>>', '```2```');
const big = fc.tuple(fc.string({ maxLength: 20 }), fc.constantFrom(' book tomorrow ', ' asdf ', ' 1 ', ' Dr Patel ', ' ñ ')).map(([s, filler]) => (s + filler).repeat(400).slice(0, 4096));
const junk = fc.oneof(
  fc.constant(''), fc.constant('   \n\t '), fc.string({ maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 30 }), emoji, big,
  fc.integer({ min: -5, max: 100_000 }).map(String), markup, arabic, chinese,
);
const choiceId = fc.oneof(
  fc.constant(undefined), fc.string({ maxLength: 12 }),
  fc.constantFrom('menu:book', 'menu:staff', 'menu:cancel', 'slot:zzz:prov-patel', 'svc:svc-fu', 'prov:any', 'confirm:yes', 'cancel:yes', 'rem:confirm', 'wl:yes', 'appt:a1', 'x'.repeat(300)),
);

type Step =
  | { kind: 'inbound'; text: string; choiceId: string | undefined }
  | { kind: 'timer' } | { kind: 'handback' } | { kind: 'reminder' } | { kind: 'offer' } | { kind: 'stale' };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('inbound' as const), text: steering, choiceId: fc.constant(undefined) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('inbound' as const), text: junk, choiceId }) },
  { weight: 1, arbitrary: fc.constantFrom<Step>({ kind: 'timer' }, { kind: 'handback' }, { kind: 'reminder' }, { kind: 'offer' }, { kind: 'stale' }) },
);

const SLOTS = [slot('2026-11-24T09:00'), slot('2026-11-24T09:30', 'garcia'), slot('2026-11-26T14:30'), slot('2026-11-27T10:00', 'khan', 'skin'), slot('2026-11-30T11:00')];
const APPOINTMENTS = [appointment('a1', '2026-11-24T14:30'), appointment('a2', '2026-11-30T10:00', 'khan', 'skin'), appointment('a3', '2026-12-02T09:00', 'lee', 'physio')];

/** A random but well-formed answer to `effect`, driven by `die` (0–99). */
function answer(effect: Effect, die: number): EffectResult {
  const id = effect.id;
  const fail = (error: 'slot_taken' | 'hold_expired' | 'not_allowed' | 'not_found' | 'internal', alternatives?: typeof SLOTS): EffectResult =>
    ({ id, kind: effect.kind, ok: false, error, ...(alternatives ? { alternatives } : {}) });
  switch (effect.kind) {
    case 'searchSlots':
      if (die < 25) return { id, kind: 'searchSlots', ok: true, slots: [] };
      if (die < 90) return { id, kind: 'searchSlots', ok: true, slots: SLOTS.slice(0, 1 + (die % SLOTS.length)) };
      return fail('internal');
    case 'placeHold':
      if (die < 70) return { id, kind: 'placeHold', ok: true, holdToken: `h${die}`, expiresAt: Date.UTC(2026, 10, 23, 14, 5) };
      if (die < 80) return fail('slot_taken', SLOTS.slice(2, 4));
      if (die < 90) return fail('slot_taken');
      return fail('internal');
    case 'book':
      if (die < 60) return { id, kind: 'book', ok: true, appointment: { ...effect.slot, appointmentId: 'new', status: 'booked' }, videoLink: null, calendarLink: die % 2 ? 'https://c/ics' : null };
      if (die < 70) return fail('slot_taken', SLOTS.slice(0, 2));
      if (die < 80) return fail('hold_expired');
      if (die < 90) return fail('not_allowed');
      return fail('internal');
    case 'listAppointments':
      if (die < 90) return { id, kind: 'listAppointments', ok: true, appointments: APPOINTMENTS.slice(0, die % 4) };
      return fail('internal');
    case 'cancelAppointment':
      if (die < 70) return { id, kind: 'cancelAppointment', ok: true, lateCancellation: die % 2 === 0 };
      return die < 85 ? fail('not_found') : fail('internal');
    case 'confirmAppointment':
      return die < 80 ? { id, kind: 'confirmAppointment', ok: true } : fail('not_found');
    default:
      return { id, kind: effect.kind, ok: true } as EffectResult;
  }
}

const apologies = new Set([en.apology, es.apology]);

/** Plain checks (not `expect`) in the hot loop: thousands of steps, and the suite must stay fast. */
function check(condition: boolean, message: string, detail?: unknown): void {
  if (!condition) throw new Error(`${message}: ${JSON.stringify(detail)?.slice(0, 500)}`);
}

function checkReply(reply: Reply): void {
  check(typeof reply.text === 'string' && reply.text.trim().length > 0, 'empty reply', reply);
  check(!apologies.has(reply.text), 'step hit an internal error', reply);
  const ids = (reply.choices ?? []).map((c) => c.id);
  check(new Set(ids).size === ids.length, 'duplicate choice ids', reply);
  for (const channel of ['whatsapp', 'sms'] as const) {
    const rendered = renderForChannel(reply, channel);
    if (rendered.kind === 'buttons') {
      check(rendered.buttons.length <= WHATSAPP_LIMITS.buttons, 'too many buttons', rendered);
      for (const b of rendered.buttons) check(Array.from(b.title).length <= WHATSAPP_LIMITS.buttonTitle, 'button title too long', b);
    }
    if (rendered.kind === 'list') {
      check(rendered.rows.length <= WHATSAPP_LIMITS.rows, 'too many rows', rendered);
      for (const r of rendered.rows) check(Array.from(r.title).length <= WHATSAPP_LIMITS.rowTitle, 'row title too long', r);
    }
  }
}

function checkPersisted(persisted: PersistedDialog): void {
  const json = JSON.stringify(persisted);
  const copy = JSON.parse(json) as PersistedDialog;
  check(JSON.stringify(copy) === json, 'persisted state does not round-trip', persisted);
  check(!restore(copy).restarted, 'persisted state does not restore', persisted);
}

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}

describe('dialog fuzz', () => {
  it('never breaks, never goes silent, always persists cleanly, never repeats an effect id', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<PatientKind>('returning', 'new', 'spanish'),
        fc.constantFrom<'whatsapp' | 'sms'>('whatsapp', 'sms'),
        opener,
        fc.array(stepArb, { minLength: EVENTS_PER_RUN - 1, maxLength: EVENTS_PER_RUN - 1 }),
        fc.array(fc.nat({ max: 99 }), { minLength: 64, maxLength: 64 }),
        (patient, channel, first, rest, dice) => {
          const steps: Step[] = [{ kind: 'inbound', text: first, choiceId: undefined }, ...rest];
          const t = turn({ patient, channel });
          let persisted: PersistedDialog | null = null;
          let status = 'active';
          let roll = 0;
          const seen = new Set<string>();
          const run = (event: DialogEvent): Reply[] => {
            const replies: Reply[] = [];
            let queue: DialogEvent[] = [event];
            for (let round = 0; queue.length > 0; round++) {
              check(round < 20, 'effect loop did not settle');
              const next: DialogEvent[] = [];
              for (const e of queue) {
                const result = step(persisted, e);
                persisted = result.persisted;
                status = result.status;
                checkPersisted(result.persisted);
                // persist() does not copy: a later step that changed the stored dialog in place would throw here (and apologise).
                deepFreeze(result.persisted);
                result.replies.forEach(checkReply);
                replies.push(...result.replies);
                for (const effect of result.effects) {
                  check(!seen.has(effect.id), 'effect id repeated', effect);
                  seen.add(effect.id);
                  const die = dice[roll++ % dice.length]!;
                  const answered: DialogEvent = { type: 'EFFECT_RESULT', result: answer(effect, die) };
                  next.push(answered);
                  if (die % 17 === 0) next.push(answered); // a duplicate delivery
                }
              }
              queue = next;
            }
            return replies;
          };
          for (const s of steps) {
            // Staff hand back (and patients opt back in) often enough that runs do not end parked there.
            if (status === 'handoff' && dice[roll % dice.length]! < 60) run({ type: 'STAFF_HANDBACK' });
            if (status === 'opted_out' && dice[roll % dice.length]! < 40) run({ type: 'INBOUND', text: 'START', turn: t });
            if (s.kind === 'inbound') {
              const replies = run({ type: 'INBOUND', text: s.text, turn: t, ...(s.choiceId === undefined ? {} : { choiceId: s.choiceId }) });
              if (status === 'active') check(replies.length >= 1, 'silent in an active conversation', s);
              else check(replies.length <= 1, 'chatty while handed off or opted out', { s, replies });
            } else if (s.kind === 'timer') {
              run({ type: 'HOLD_EXPIRED' });
            } else if (s.kind === 'handback') {
              run({ type: 'STAFF_HANDBACK' });
            } else if (s.kind === 'reminder') {
              run({ type: 'REMINDER_SENT', appointment: APPOINTMENTS[0]! });
            } else if (s.kind === 'offer') {
              const replies = run({ type: 'WAITLIST_OFFER', language: 'en', offer: { ...APPOINTMENTS[0]!, offerId: 'offer-1', expiresAt: NOW + 1_800_000, claimMinutes: 30 } });
              if (status === 'active') check(replies.length >= 1, 'a waitlist offer was not said', replies);
            } else {
              const replies = run({ type: 'EFFECT_RESULT', result: { id: 'stale-1', kind: 'book', ok: false, error: 'internal' } });
              check(replies.length === 0, 'a stale result produced replies', replies);
            }
          }
        },
      ),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
  });

  it('survives hostile inputs in every top-level situation', () => {
    const t = turn({ patient: 'new', channel: 'sms' });
    const hostile: unknown[] = [undefined, null, 42, { a: 1 }, '\u0000\u0001', '\uD800', 'a'.repeat(10_000), '٣', '𝟐'];
    for (const text of hostile) {
      const result = step(null, { type: 'INBOUND', text: text as string, choiceId: text as string, turn: t });
      expect(result.replies.length).toBeGreaterThanOrEqual(1);
      checkPersisted(result.persisted);
    }
    const garbage = step({ version: 1, state: 'x' }, { type: 'INBOUND', text: 'hi', turn: t });
    expect(garbage.replies.length).toBeGreaterThanOrEqual(1);
    const noTurn = step(null, { type: 'INBOUND', text: 'hi', turn: undefined as unknown as typeof t });
    expect(noTurn.replies.length).toBeGreaterThanOrEqual(1);
    expect(step(null, { type: 'NONSENSE' } as unknown as DialogEvent).replies).toEqual([]);
  });
});
