import { step } from './step.js';
import { appointment, NOW, PROVIDERS, SERVICES, slot, turn, type PatientKind } from './testing/clinic-fixture.js';
import { Conversation, fakeClinic, type ClinicScript } from './testing/conversation.js';
import { statePath } from './testing/state-path.js';
import type { DialogEvent, Effect, PersistedDialog, StepResult, TurnContext } from './types.js';

/**
 * Table-driven machine tests: a state reached by replaying a few real events (no mocks: a scripted
 * clinic answers the effects), then one event → the state it lands in, the effects it asks for and
 * the key words of its replies.
 */

type Input = string | { tap: string } | { event: DialogEvent } | ((previous: StepResult, t: TurnContext) => DialogEvent);

interface Row {
  name: string;
  patient?: PatientKind;
  channel?: 'whatsapp' | 'sms';
  clinic?: ClinicScript;
  /** Replayed with the clinic answering every effect. */
  given?: Input[];
  /** Replayed without executing its effects, to stop in a state that waits for a result. */
  pending?: Input;
  when: Input;
  state: string;
  effects?: Partial<Effect>[] | Record<string, unknown>[];
  replies?: string[];
  noReplies?: boolean;
  status?: StepResult['status'];
}

const thursday = (cr: { fromDate: string }) =>
  cr.fromDate <= '2026-11-26' ? [slot('2026-11-26T14:00'), slot('2026-11-26T14:30'), slot('2026-11-26T15:30')] : [];
const manySlots = () => ['09:00', '09:30', '10:00', '10:30', '11:00', '13:00', '13:30'].map((t) => slot(`2026-11-26T${t}`));
const alternatives = [slot('2026-11-26T16:00'), slot('2026-11-26T16:30')];
const ONE_SHOT = 'Hi, can I see Dr Patel for a follow-up Thursday after 2?';
const OFFER: DialogEvent = {
  type: 'WAITLIST_OFFER', language: 'en', offer: { ...slot('2026-11-25T10:00'), offerId: 'offer-1', expiresAt: NOW + 30 * 60_000, claimMinutes: 30 },
};

function toEvent(input: Input, previous: StepResult, t: TurnContext, lastReply: StepResult): DialogEvent {
  if (typeof input === 'string') return { type: 'INBOUND', text: input, turn: t };
  if (typeof input === 'function') return input(previous, t);
  if ('event' in input) return input.event;
  const choice = lastReply.replies.flatMap((r) => r.choices ?? []).find((c) => c.label.includes(input.tap));
  if (!choice) throw new Error(`no choice ${input.tap}`);
  return { type: 'INBOUND', text: choice.label, choiceId: choice.id, turn: t };
}

/** The result for the last effect of `kind`, as the clinic would send it. */
const result = (kind: Effect['kind'], body: Record<string, unknown>) => (previous: StepResult): DialogEvent => {
  const effect = [...previous.effects].reverse().find((e) => e.kind === kind);
  if (!effect) throw new Error(`no ${kind} effect in ${JSON.stringify(previous.effects)}`);
  return { type: 'EFFECT_RESULT', result: { id: effect.id, kind, ...body } as never };
};

function run(row: Row): { before: StepResult; after: StepResult } {
  const t = turn({ patient: row.patient ?? 'returning', channel: row.channel ?? 'whatsapp' });
  const conversation = new Conversation(t, fakeClinic({ now: NOW, slots: thursday, ...row.clinic }));
  let last: StepResult = { persisted: null as unknown as PersistedDialog, replies: [], effects: [], status: 'active' };
  let lastWithChoices = last;
  for (const input of row.given ?? []) {
    const exchange = conversation.send(toEvent(input, last, t, lastWithChoices));
    last = { ...exchange };
    if (exchange.replies.some((r) => r.choices)) lastWithChoices = last;
  }
  if (row.pending) {
    last = step(conversation.persisted, toEvent(row.pending, last, t, lastWithChoices));
    if (last.replies.some((r) => r.choices)) lastWithChoices = last;
  }
  const persisted = row.pending ? last.persisted : conversation.persisted;
  const after = step(persisted, toEvent(row.when, last, t, lastWithChoices));
  return { before: last, after };
}

const rows: Row[] = [
  {
    name: 'greeting a returning patient shows the menu by first name',
    when: 'hi', state: 'active.idle', effects: [],
    replies: ['Hi Ana! What can I do for you today?'],
  },
  {
    name: 'one message with service, provider, day and time searches straight away',
    when: ONE_SHOT, state: 'active.booking.searching',
    effects: [{ kind: 'searchSlots', criteria: { serviceId: SERVICES.followUp.id, providerId: PROVIDERS.patel.id, locationId: null, fromDate: '2026-11-26', toDate: '2026-11-26', partOfDay: null, notBeforeMinutes: 840 } }],
    noReplies: true,
  },
  {
    name: 'search results are offered nearest first with other-times and another-day',
    pending: ONE_SHOT, when: result('searchSlots', { ok: true, slots: thursday({ fromDate: '2026-11-26' }) }),
    state: 'active.booking.slots', effects: [],
    replies: ['Hi Ana! Dr. Patel has these follow-up visit times on Thu 26 Nov (Downtown):'],
  },
  {
    name: 'nothing on the asked day widens to the next 7 days without the time limit',
    pending: ONE_SHOT, when: result('searchSlots', { ok: true, slots: [] }), state: 'active.booking.searching',
    effects: [{ kind: 'searchSlots', criteria: { fromDate: '2026-11-26', toDate: '2026-12-03', notBeforeMinutes: null, partOfDay: null } }],
    noReplies: true,
  },
  {
    name: 'a slot choice places a hold on that slot',
    given: [ONE_SHOT], when: '2', state: 'active.booking.holding',
    effects: [{ kind: 'placeHold', slot: slot('2026-11-26T14:30'), releaseToken: null }], noReplies: true,
  },
  {
    name: 'a typed time picks the offered slot',
    given: [ONE_SHOT], when: '3:30 pm', state: 'active.booking.holding',
    effects: [{ kind: 'placeHold', slot: slot('2026-11-26T15:30') }],
  },
  {
    name: '"Other times" shows the next page of the same search',
    clinic: { slots: manySlots }, given: ['follow-up with Dr Patel on Thursday'], when: { tap: 'Other times' },
    state: 'active.booking.slots', effects: [], replies: ['More follow-up visit times with Dr. Patel', '1:00 pm'],
  },
  {
    name: '"Another day" asks for the day again',
    given: [ONE_SHOT], when: { tap: 'Another day' }, state: 'active.booking.day', replies: ['Which day suits you?'],
  },
  {
    name: 'a correction in the slot list re-searches with the new day',
    given: [ONE_SHOT], when: 'actually make it Friday', state: 'active.booking.searching',
    effects: [{ kind: 'searchSlots', criteria: { fromDate: '2026-11-27', toDate: '2026-11-27', providerId: PROVIDERS.patel.id } }],
  },
  {
    name: 'a returning patient goes from the hold straight to the summary',
    given: [ONE_SHOT], pending: '2', when: result('placeHold', { ok: true, holdToken: 'h1', expiresAt: NOW + 300_000 }),
    state: 'active.booking.confirm',
    replies: ['Holding Thu 26 Nov, 2:30 pm with Dr. Maya Patel — Follow-up visit (30 min), Downtown, 120 Main St. Shall I book it?'],
  },
  {
    name: 'a new patient is told about the hold and asked for a name',
    patient: 'new', given: [ONE_SHOT], pending: '2', when: result('placeHold', { ok: true, holdToken: 'h1', expiresAt: NOW + 300_000 }),
    state: 'active.booking.name', replies: ["I'm holding 2:30 pm for 5 minutes. What's your full name?"],
  },
  {
    name: 'digits are not a name',
    patient: 'new', given: [ONE_SHOT, '2'], when: '12345', state: 'active.booking.name', replies: ["doesn't look like a name"],
  },
  {
    name: 'a name moves on to the date of birth',
    patient: 'new', given: [ONE_SHOT, '2'], when: 'my name is Ana López', state: 'active.booking.dob', replies: ['date of birth'],
  },
  {
    name: 'an impossible date of birth is re-asked',
    patient: 'new', given: [ONE_SHOT, '2', 'Ana López'], when: '02/30/1985', state: 'active.booking.dob', replies: ["That date doesn't exist"],
  },
  {
    name: 'a future date of birth is re-asked',
    patient: 'new', given: [ONE_SHOT, '2', 'Ana López'], when: '12/03/2099', state: 'active.booking.dob', replies: ['in the future'],
  },
  {
    name: 'a date of birth leads to the summary with name and date read back',
    patient: 'new', given: [ONE_SHOT, '2', 'Ana López'], when: 'March 12 1985', state: 'active.booking.confirm',
    replies: ['for Ana López (born 12 Mar 1985). Shall I book it?'],
  },
  {
    name: '"yes" books with the hold, details and a key derived from the hold',
    patient: 'new', given: [ONE_SHOT, '2', 'Ana López', '03/12/1985'], when: 'yes', state: 'active.booking.submitting',
    effects: [{ kind: 'book', holdToken: 'hold-1', patient: { fullName: 'Ana López', dateOfBirth: '1985-03-12' }, rescheduleOf: null }],
  },
  {
    name: 'returning patients book without details',
    given: [ONE_SHOT, '2'], when: { tap: 'Yes, book it' }, state: 'active.booking.submitting',
    effects: [{ kind: 'book', holdToken: 'hold-1', patient: { fullName: null, dateOfBirth: null } }],
  },
  {
    name: '"no" at the summary goes back to the offered times, keeping the hold for release on the next pick',
    given: [ONE_SHOT, '2'], when: 'no', state: 'active.booking.slots', effects: [], replies: ['Dr. Patel has these'],
  },
  {
    name: 'a successful booking confirms with time range, place and calendar link',
    given: [ONE_SHOT, '2'], pending: 'yes',
    when: result('book', { ok: true, appointment: { ...slot('2026-11-26T14:30'), appointmentId: 'a9', status: 'booked' }, videoLink: null, calendarLink: 'https://c/ics/a9' }),
    state: 'active.idle',
    replies: ["You're booked ✅ Thu 26 Nov, 2:30–3:00 pm with Dr. Patel at Downtown, 120 Main St.\nAdd to calendar: https://c/ics/a9\nReply any time to change it."],
  },
  {
    name: 'slot taken at booking offers the alternatives',
    given: [ONE_SHOT, '2'], pending: 'yes', when: result('book', { ok: false, error: 'slot_taken', alternatives }),
    state: 'active.booking.slots', replies: ['Sorry, that time was just taken.', '4:00 pm'],
  },
  {
    name: 'hold expired at booking re-holds the same slot',
    given: [ONE_SHOT, '2'], pending: 'yes', when: result('book', { ok: false, error: 'hold_expired' }),
    state: 'active.booking.reholding', effects: [{ kind: 'placeHold', slot: slot('2026-11-26T14:30'), releaseToken: null }],
  },
  {
    name: 'the hold lapsing at the summary is said, and the summary asked again',
    given: [ONE_SHOT, '2'], when: { event: { type: 'HOLD_EXPIRED' } }, state: 'active.booking.confirm',
    replies: ['Your hold has lapsed, but the time may still be free'],
  },
  {
    name: 'a result nobody waits for is ignored',
    given: ['hi'], when: { event: { type: 'EFFECT_RESULT', result: { id: 'zzz-9', kind: 'searchSlots', ok: true, slots: [] } } },
    state: 'active.idle', effects: [], noReplies: true,
  },
  {
    name: 'STOP opts out with one confirmation',
    given: [ONE_SHOT], when: 'STOP', state: 'optedOut', status: 'opted_out', effects: [{ kind: 'optOut' }],
    replies: ["You won't get more messages from Riverside Family Clinic. Reply START to resume."],
  },
  {
    name: 'opted out: messages get no reply',
    given: ['STOP'], when: 'can I book?', state: 'optedOut', status: 'opted_out', effects: [], noReplies: true,
  },
  {
    name: 'opted out: "yes" opts back in',
    given: ['STOP'], when: 'yes', state: 'active.idle', status: 'active', effects: [{ kind: 'optIn' }], replies: ['Welcome back!'],
  },
  {
    name: 'a bare "cancel" on SMS is an opt-out',
    channel: 'sms', given: ['hi'], when: 'cancel', state: 'optedOut', effects: [{ kind: 'optOut' }],
  },
  {
    name: 'a bare "cancel" on WhatsApp mid-booking drops the booking and its hold',
    given: [ONE_SHOT, '2'], when: 'cancel', state: 'active.idle',
    effects: [{ kind: 'releaseHold', holdToken: 'hold-1' }], replies: ["Okay, I've dropped that."],
  },
  {
    name: '"menu" at the summary releases the hold',
    given: [ONE_SHOT, '2'], when: 'menu', state: 'active.idle', effects: [{ kind: 'releaseHold', holdToken: 'hold-1' }],
  },
  {
    name: '"back" from the day question returns to the provider question',
    given: ['vaccination', 'First available'], when: 'back', state: 'active.booking.provider', replies: ['Any doctor is fine'],
  },
  {
    name: 'a bare "yes" in the slot list is a miss that repeats the question, not a way out',
    given: [ONE_SHOT], when: 'yes', state: 'active.booking.slots', effects: [],
    replies: ["Sorry, I didn't catch that. Dr. Patel has these follow-up visit times on Thu 26 Nov (Downtown):"],
  },
  {
    name: 'a bare "no" with nothing pending is fine',
    given: ['hi'], when: 'no', state: 'active.idle', replies: ['Okay! Message me any time.'],
  },
  {
    name: 'a first miss re-prompts with the short menu',
    when: 'asdf', state: 'active.idle', effects: [],
    replies: ["Sorry, I didn't catch that. I can book, change or cancel appointments."],
  },
  {
    name: 'a second miss in a row hands off',
    given: ['asdf'], when: 'qwerty', state: 'handoff', status: 'handoff', effects: [{ kind: 'handOff', reason: 'not_understood' }],
    replies: ['Let me get someone from the front desk to help'],
  },
  {
    name: 'staff handing back greets and shows the menu',
    given: ['talk to someone'], when: { event: { type: 'STAFF_HANDBACK' } }, state: 'active.idle', status: 'active',
    replies: ["Hi Ana, I'm back!"],
  },
  {
    name: 'a reminder makes "1" a confirmation',
    given: [{ event: { type: 'REMINDER_SENT', appointment: appointment('a1', '2026-11-24T14:30') } }], when: '1',
    state: 'active.reminder.confirming', effects: [{ kind: 'confirmAppointment', appointmentId: 'a1' }],
  },
  {
    name: 'an impossible day is re-asked clearly',
    given: ['follow-up with Dr Patel'], when: 'Feb 30', state: 'active.booking.day', replies: ["That date doesn't exist. Which day suits you?"],
  },
  {
    name: 'a returning patient asking for a new-patient visit is offered a follow-up',
    when: 'new patient visit please', state: 'active.booking.suggestService', replies: ['is for first-time patients', 'follow-up visit instead?'],
  },
  {
    name: 'a provider who does not offer the service is named along with who does',
    when: 'annual physical with Dr Khan', state: 'active.booking.suggestProvider',
    replies: ["Dr. Khan doesn't do annual physicals. Dr. Patel does — shall I look for a time with Dr. Patel?"],
  },
  {
    name: 'cancel with one appointment asks to confirm it',
    clinic: { appointments: [appointment('a1', '2026-11-24T14:30')] }, pending: 'cancel my appointment',
    when: result('listAppointments', { ok: true, appointments: [appointment('a1', '2026-11-24T14:30')] }),
    state: 'active.cancel.confirm', replies: ['Cancel Tue 24 Nov, 2:30 pm with Dr. Patel?'],
  },
  {
    name: 'a lapsed-hold notice about an older hold is ignored',
    given: [ONE_SHOT, '2'], when: { event: { type: 'HOLD_EXPIRED', holdToken: 'hold-0' } }, state: 'active.booking.confirm', noReplies: true,
  },
  {
    name: 'a lapsed-hold notice about the current hold says so and asks again',
    given: [ONE_SHOT, '2'], when: { event: { type: 'HOLD_EXPIRED', holdToken: 'hold-1' } }, state: 'active.booking.confirm',
    replies: ['Your hold has lapsed, but the time may still be free: Thu 26 Nov, 2:30 pm', 'Shall I try to book it? [Yes, book it] [No]'],
  },
  {
    name: 'a waitlist offer names the held time and asks yes or no',
    when: { event: OFFER }, state: 'active.waitlistOffer.waiting', effects: [],
    replies: ["Good news — a time opened up: Wed 25 Nov, 10:00 am with Dr. Maya Patel — Follow-up visit, Downtown, 120 Main St. I'm holding it for you for 30 minutes. Would you like it? [Yes, book it] [No, thanks]"],
  },
  {
    name: 'a waitlist offer to a patient mid-booking drops their own hold',
    given: [ONE_SHOT, '2'], when: { event: OFFER }, state: 'active.waitlistOffer.waiting', effects: [{ kind: 'releaseHold', holdToken: 'hold-1' }],
  },
  {
    name: 'a waitlist offer in Spanish to a new conversation',
    // A conversation the clinic starts has no clinic catalog yet: the offer carries the service's name in the patient's language.
    when: { event: { type: 'WAITLIST_OFFER', language: 'es', offer: { ...(OFFER as Extract<DialogEvent, { type: 'WAITLIST_OFFER' }>).offer, serviceName: 'Consulta de seguimiento' } } },
    state: 'active.waitlistOffer.waiting',
    replies: ['¡Buenas noticias! Se liberó un horario: el mié 25 nov, 10:00 con el Dr. Maya Patel — Consulta de seguimiento, Downtown', 'Te lo guardo durante 30 minutos. ¿Lo quieres? [Sí, resérvala] [No, gracias]'],
  },
  {
    name: '"yes" accepts the waitlist offer',
    given: [{ event: OFFER }], when: 'yes', state: 'active.waitlistOffer.accepting', effects: [{ kind: 'acceptWaitlistOffer', offerId: 'offer-1' }],
  },
  {
    name: 'over SMS "1" accepts the waitlist offer',
    channel: 'sms', given: [{ event: OFFER }], when: '1', state: 'active.waitlistOffer.accepting', effects: [{ kind: 'acceptWaitlistOffer', offerId: 'offer-1' }],
  },
  {
    name: 'tapping "No, thanks" declines the waitlist offer',
    given: [{ event: OFFER }], when: { tap: 'No, thanks' }, state: 'active.waitlistOffer.declining', effects: [{ kind: 'declineWaitlistOffer', offerId: 'offer-1' }],
  },
  {
    name: 'over SMS "2" declines the waitlist offer',
    channel: 'sms', given: [{ event: OFFER }], when: '2', state: 'active.waitlistOffer.declining', effects: [{ kind: 'declineWaitlistOffer', offerId: 'offer-1' }],
  },
  {
    name: 'an accepted offer that booked says so',
    given: [{ event: OFFER }], pending: 'yes',
    when: result('acceptWaitlistOffer', { ok: true, appointment: { ...slot('2026-11-25T10:00'), appointmentId: 'a7', status: 'confirmed' } }),
    state: 'active.idle', replies: ["You're booked ✅ Wed 25 Nov, 10:00–10:30 am with Dr. Patel at Downtown, 120 Main St."],
  },
  {
    name: 'an offer accepted too late says the time has gone and the waitlist stands',
    given: [{ event: OFFER }], pending: 'yes', when: result('acceptWaitlistOffer', { ok: false, error: 'not_found' }),
    state: 'active.idle', replies: ["Sorry, that time is no longer available. You're still on the waitlist"],
  },
  {
    name: 'a declined offer keeps the patient on the waitlist',
    given: [{ event: OFFER }], pending: 'no', when: result('declineWaitlistOffer', { ok: true }),
    state: 'active.idle', replies: ["No problem — you're still on the waitlist"],
  },
  {
    name: 'a waitlist offer while staff have the conversation is not said',
    given: ['talk to someone'], when: { event: OFFER }, state: 'handoff', noReplies: true,
  },
  {
    name: 'a message while a result is still awaited is handled afresh',
    pending: ONE_SHOT, when: 'my appointments', state: 'active.appointments.loading', effects: [{ kind: 'listAppointments' }],
  },
];

describe('dialog machine', () => {
  it.each(rows.map((r) => [r.name, r] as const))('%s', (_name, row) => {
    const { after } = run(row);
    expect(statePath(after.persisted)).toBe(row.state);
    if (row.status) expect(after.status).toBe(row.status);
    if (row.effects) {
      expect(after.effects).toHaveLength(row.effects.length);
      row.effects.forEach((effect, i) => expect(after.effects[i]).toMatchObject(effect));
    }
    const text = after.replies.map((r) => [r.text, ...(r.choices ?? []).map((c) => `[${c.label}]`)].join(' ')).join('\n');
    for (const fragment of row.replies ?? []) expect(text).toContain(fragment);
    if (row.noReplies) expect(after.replies).toEqual([]);
  });

  it('the widened search offers the nearest times with the waitlist', () => {
    const t = turn({ patient: 'returning' });
    const first = step(null, { type: 'INBOUND', text: ONE_SHOT, turn: t });
    const widened = step(first.persisted, result('searchSlots', { ok: true, slots: [] })(first));
    const shown = step(widened.persisted, result('searchSlots', { ok: true, slots: [slot('2026-11-27T09:00'), slot('2026-11-30T14:30')] })(widened));
    expect(statePath(shown.persisted)).toBe('active.booking.slots');
    expect(shown.replies[0]!.text).toBe('Hi Ana! Nothing free on Thu 26 Nov after 2:00 pm. The nearest times with Dr. Patel are:');
    expect(shown.replies[0]!.choices!.map((c) => c.label)).toEqual(['Fri 27 Nov, 9:00 am', 'Mon 30 Nov, 2:30 pm', 'Other times', 'Another day', 'Join waitlist']);
  });

  it('a duplicate result is ignored the second time', () => {
    const t = turn({ patient: 'returning' });
    const first = step(null, { type: 'INBOUND', text: ONE_SHOT, turn: t });
    const answer = result('searchSlots', { ok: true, slots: thursday({ fromDate: '2026-11-26' }) })(first);
    const once = step(first.persisted, answer);
    const twice = step(once.persisted, answer);
    expect(once.replies).toHaveLength(1);
    expect(twice.replies).toEqual([]);
    expect(twice.effects).toEqual([]);
    expect(twice.persisted).toEqual(once.persisted);
  });

  it('the idempotency key is stable for the same hold and differs for another', () => {
    const t = turn({ patient: 'returning' });
    const c = new Conversation(t, fakeClinic({ now: NOW, slots: thursday }));
    c.say(ONE_SHOT);
    c.say('2');
    const beforeYes = c.persisted;
    const a = step(beforeYes, { type: 'INBOUND', text: 'yes', turn: t });
    const b = step(beforeYes, { type: 'INBOUND', text: 'yes', turn: t });
    const keyA = (a.effects[0] as Extract<Effect, { kind: 'book' }>).idempotencyKey;
    expect((b.effects[0] as Extract<Effect, { kind: 'book' }>).idempotencyKey).toBe(keyA);
    expect(a.effects[0]!.id).toBe(b.effects[0]!.id);
    c.say('no');
    c.say('3');
    const other = step(c.persisted, { type: 'INBOUND', text: 'yes', turn: t });
    const keyOther = (other.effects[0] as Extract<Effect, { kind: 'book' }>).idempotencyKey;
    expect(keyOther).not.toBe(keyA);
  });
});
