import { DIALOG_MACHINE_VERSION, step } from './index.js';
import { appointment, NOW, PROVIDERS, SERVICES, slot, turn } from './testing/clinic-fixture.js';
import { Conversation, type Exchange, fakeClinic } from './testing/conversation.js';
import { statePath } from './testing/state-path.js';
import type { Effect } from './types.js';

/**
 * Whole conversations driven through `step`, with a scripted clinic answering the effects the way
 * the runtime would. Each reads like the exchange it checks.
 */

const texts = (x: Exchange) => x.replies.map((r) => r.text);
const labels = (x: Exchange) => x.replies.flatMap((r) => r.choices ?? []).map((c) => c.label);
const kinds = (x: Exchange) => x.effects.map((e) => e.kind);
const thursdayPatel = (cr: { fromDate: string; toDate: string }) =>
  cr.fromDate <= '2026-11-26' && cr.toDate >= '2026-11-26' ? [slot('2026-11-26T14:00'), slot('2026-11-26T14:30'), slot('2026-11-26T15:30')] : [];

describe('scripted conversations', () => {
  it('returning patient books in exactly three messages (request, pick, yes)', () => {
    const c = new Conversation(turn({ patient: 'returning' }), fakeClinic({ now: NOW, slots: thursdayPatel }));
    const offer = c.say('Hi, can I see Dr Patel for a follow-up Thursday after 2?');
    expect(texts(offer)).toEqual(['Hi Ana! Dr. Patel has these follow-up visit times on Thu 26 Nov (Downtown):']);
    expect(labels(offer)).toEqual(['2:00 pm', '2:30 pm', '3:30 pm', 'Other times', 'Another day']);

    const summary = c.tap('2:30 pm', offer);
    expect(kinds(summary)).toEqual(['placeHold']);
    expect(texts(summary)).toEqual(['Holding Thu 26 Nov, 2:30 pm with Dr. Maya Patel — Follow-up visit (30 min), Downtown, 120 Main St. Shall I book it?']);
    expect(labels(summary)).toEqual(['Yes, book it', 'No']);

    const done = c.say('yes');
    expect(kinds(done)).toEqual(['book']);
    expect(texts(done)).toEqual([
      "You're booked ✅ Thu 26 Nov, 2:30–3:00 pm with Dr. Patel at Downtown, 120 Main St.\nAdd to calendar: https://clinic.example/ics/appt-new\nReply any time to change it.",
    ]);
    expect(statePath(done.persisted)).toBe('active.idle');
  });

  it('new patient on SMS, one question at a time', () => {
    const c = new Conversation(turn({ patient: 'new', channel: 'sms' }), fakeClinic({
      now: NOW,
      slots: () => [slot('2026-11-24T09:00', 'patel', 'vaccination'), slot('2026-11-24T09:15', 'patel', 'vaccination'), slot('2026-11-24T10:00', 'garcia', 'vaccination')],
    }));
    const service = c.say('need an appointment');
    expect(texts(service)).toEqual(['What is it for?']);
    expect(labels(service)).toEqual(['New patient visit', 'Follow-up visit', 'Annual physical', 'Vaccination', 'Skin check', 'Telehealth consult', 'Physio session', 'Something else']);
    const provider = c.say('4');
    expect(labels(provider)).toEqual(['First available', 'Dr. Patel', 'Dr. García']);
    const day = c.say('1');
    expect(texts(day)).toEqual(['Which day suits you? You can write things like "tomorrow morning" or "Mon 30 Nov".']);
    const slots = c.say('tmrw morning');
    const search = slots.effects.find((e) => e.kind === 'searchSlots') as Extract<Effect, { kind: 'searchSlots' }>;
    expect(search.criteria).toMatchObject({ serviceId: SERVICES.vaccination.id, providerId: null, fromDate: '2026-11-24', toDate: '2026-11-24', partOfDay: 'morning' });
    expect(texts(slots)).toEqual(['Vaccination times tomorrow, Tue 24 Nov:']);
    expect(labels(slots)).toEqual(['9:00 am Dr. Patel (Downtown)', '9:15 am Dr. Patel (Downtown)', '10:00 am Dr. García (Northside)', 'Other times', 'Another day']);
    expect(texts(c.say('2'))).toEqual(["I'm holding 9:15 am for 5 minutes. What's your full name?"]);
    expect(texts(c.say('42'))[0]).toContain("doesn't look like a name");
    expect(texts(c.say('Ana López'))[0]).toContain('date of birth');
    expect(texts(c.say('31/31/1985'))[0]).toContain("doesn't exist");
    const summary = c.say('03/12/1985');
    expect(texts(summary)[0]).toBe('Holding Tue 24 Nov, 9:15 am with Dr. Maya Patel — Vaccination (15 min), Downtown, 120 Main St for Ana López (born 12 Mar 1985). Shall I book it?');
    const done = c.say('y');
    const book = done.effects[0] as Extract<Effect, { kind: 'book' }>;
    expect(book.patient).toEqual({ fullName: 'Ana López', dateOfBirth: '1985-03-12' });
    expect(texts(done)[0]).toContain("You're booked ✅ Tue 24 Nov, 9:15–9:30 am with Dr. Patel");
  });

  it('Spanish request, answered in Spanish with 24-hour times', () => {
    const c = new Conversation(turn({ patient: 'new' }), fakeClinic({
      now: NOW,
      slots: () => [slot('2026-11-26T12:00', 'garcia', 'vaccination'), slot('2026-11-26T12:15', 'garcia', 'vaccination'), slot('2026-11-26T13:30', 'garcia', 'vaccination')],
    }));
    const offer = c.say('Hola, quiero una cita para vacunar a mi hijo con el Dr. García el jueves');
    expect(offer.effects[0]).toMatchObject({ kind: 'setLanguage', language: 'es' });
    expect(offer.effects[1]).toMatchObject({ kind: 'searchSlots', criteria: { serviceId: SERVICES.vaccination.id, providerId: PROVIDERS.garcia.id, fromDate: '2026-11-26' } });
    expect(texts(offer)).toEqual(['¡Hola! El Dr. García tiene estos horarios el jue 26 nov en Northside:']);
    expect(labels(offer)).toEqual(['12:00', '12:15', '13:30', 'Más horarios', 'Otro día']);
    expect(texts(c.say('2'))).toEqual(['Te guardo las 12:15 durante 5 minutos. ¿Cuál es tu nombre completo?']);
    c.say('Lucía Fernández');
    const summary = c.say('12 marzo 1985');
    expect(texts(summary)[0]).toContain('Te guardo el jue 26 nov, 12:15 con el Dr. Luis García — Vacunación (15 min)');
    expect(texts(c.say('sí'))[0]).toContain('Cita reservada ✅ jue 26 nov, 12:15–12:30 con el Dr. García');
  });

  it('understands typos in services and providers', () => {
    const c = new Conversation(turn({ patient: 'returning' }), fakeClinic({ now: NOW, slots: (cr) => [slot(`${cr.fromDate}T10:00`, 'garcia')] }));
    const offer = c.say('folow up with dr garsia tmrw');
    expect(offer.effects[0]).toMatchObject({ kind: 'searchSlots', criteria: { serviceId: SERVICES.followUp.id, providerId: PROVIDERS.garcia.id, fromDate: '2026-11-24' } });
    const k = new Conversation(turn({ patient: 'returning' }), fakeClinic({ now: NOW }));
    expect(labels(k.say('Dra. Khan please'))).toContain('Skin check');
    const physio = new Conversation(turn({ patient: 'returning' }), fakeClinic({ now: NOW }));
    // Only Sam Lee does physio, so the provider question is skipped.
    expect(texts(physio.say('fisio'))).toEqual(['Which day suits you? You can write things like "tomorrow morning" or "Mon 30 Nov".']);
    const skin = new Conversation(turn({ patient: 'spanish' }), fakeClinic({ now: NOW }));
    expect(texts(skin.say('un lunar en la piel'))[0]).toContain('¿Qué día te viene bien?');
    expect(skin.persisted && (skin.persisted.state as { context: { booking: { serviceId: string } } }).context.booking.serviceId).toBe(SERVICES.skin.id);
  });

  it('a correction mid-flow updates the wish and searches again', () => {
    const c = new Conversation(turn({ patient: 'returning' }), fakeClinic({ now: NOW, slots: (cr) => [slot(`${cr.fromDate}T10:00`, cr.fromDate === '2026-11-27' ? 'garcia' : 'patel')] }));
    c.say('follow-up with Dr Patel tomorrow');
    const thursday = c.say('actually make it Thursday');
    expect(thursday.effects[0]).toMatchObject({ kind: 'searchSlots', criteria: { fromDate: '2026-11-26', providerId: PROVIDERS.patel.id } });
    const garcia = c.say('better Dr García');
    expect(garcia.effects[0]).toMatchObject({ kind: 'searchSlots', criteria: { fromDate: '2026-11-26', providerId: PROVIDERS.garcia.id } });
    c.say('1');
    // A correction while a hold is placed releases it before searching again.
    const friday = c.say('mejor el viernes');
    expect(friday.effects.map((e) => e.kind)).toEqual(['releaseHold', 'searchSlots']);
    expect(friday.effects[1]).toMatchObject({ criteria: { fromDate: '2026-11-27', providerId: PROVIDERS.garcia.id } });
  });

  it('no availability: nearest days, then the waitlist', () => {
    const c = new Conversation(turn({ patient: 'returning' }), fakeClinic({ now: NOW }));
    const offer = c.say('skin check next Tuesday');
    expect(kinds(offer)).toEqual(['searchSlots', 'searchSlots']);
    expect(offer.effects[1]).toMatchObject({ criteria: { fromDate: '2026-12-01', toDate: '2026-12-08' } });
    expect(texts(offer)[0]).toBe("Sorry, nothing is free for a skin check with Dr. Khan between Tue 1 Dec and Tue 8 Dec. Shall I add you to the waitlist? I'll message you if a time opens up.");
    const joined = c.tap('Yes, add me', offer);
    expect(joined.effects[0]).toMatchObject({ kind: 'joinWaitlist', serviceId: SERVICES.skin.id, providerId: PROVIDERS.khan.id, fromDate: '2026-12-01', toDate: '2026-12-08' });
    expect(texts(joined)[0]).toContain("You're on the waitlist ✅");
  });

  it('the hold lapses while a new patient types details; "yes" takes it again', () => {
    const c = new Conversation(turn({ patient: 'new' }), fakeClinic({ now: NOW, slots: thursdayPatel }));
    c.say('follow-up with Dr Patel Thursday');
    c.say('2');
    expect(texts(c.send({ type: 'HOLD_EXPIRED' }))).toEqual(["Heads up: the hold on 2:30 pm has lapsed. Carry on and I'll try to get it again when you confirm."]);
    c.say('Ana López');
    const summary = c.say('03/12/1985');
    expect(texts(summary)[0]).toMatch(/^Your hold has lapsed, but the time may still be free: Thu 26 Nov, 2:30 pm/);
    const done = c.say('yes');
    expect(kinds(done)).toEqual(['placeHold', 'book']);
    expect(done.effects[0]).toMatchObject({ slot: slot('2026-11-26T14:30'), releaseToken: null });
    expect(done.effects[1]).toMatchObject({ holdToken: 'hold-2' });
    expect(texts(done)[0]).toContain("You're booked ✅");
  });

  it('slot taken at booking: sorry and the alternatives', () => {
    const c = new Conversation(turn({ patient: 'returning' }), fakeClinic({
      now: NOW, slots: thursdayPatel,
      book: (_e, attempt) => (attempt === 1 ? { id: '', kind: 'book', ok: false, error: 'slot_taken', alternatives: [slot('2026-11-26T16:00'), slot('2026-11-26T16:30')] } : null),
    }));
    c.say('follow-up with Dr Patel Thursday');
    const firstHold = c.say('2');
    const taken = c.say('yes');
    expect(texts(taken)).toEqual(['Sorry, that time was just taken. These are still free with Dr. Patel:']);
    expect(labels(taken)).toEqual(['4:00 pm', '4:30 pm', 'Other times', 'Another day']);
    void firstHold;
    const again = c.say('1');
    expect(again.effects[0]).toMatchObject({ kind: 'placeHold', slot: slot('2026-11-26T16:00') });
    expect(texts(c.say('yes'))[0]).toContain('4:00–4:30 pm');
  });

  it('changing the chosen time releases the previous hold in the new placeHold', () => {
    const c = new Conversation(turn({ patient: 'returning' }), fakeClinic({ now: NOW, slots: thursdayPatel }));
    c.say('follow-up with Dr Patel Thursday');
    c.say('1');
    c.say('No');
    const other = c.say('3');
    expect(other.effects[0]).toMatchObject({ kind: 'placeHold', slot: slot('2026-11-26T15:30'), releaseToken: 'hold-1' });
  });

  it('cancel: choose, confirm, late-cancellation note, offer to rebook', () => {
    const appts = [appointment('a1', '2026-11-24T14:30'), appointment('a2', '2026-11-30T10:00', 'khan', 'skin')];
    const c = new Conversation(turn({ patient: 'returning', channel: 'sms' }), fakeClinic({
      now: NOW, appointments: appts, cancel: (e) => ({ id: e.id, kind: 'cancelAppointment', ok: true, lateCancellation: true }),
    }));
    const which = c.say('I need to cancel my appointment');
    expect(texts(which)).toEqual(['Which appointment would you like to cancel?']);
    expect(labels(which)).toEqual(['Tue 24 Nov, 2:30 pm Dr. Patel', 'Mon 30 Nov, 10:00 am Dr. Khan']);
    const confirm = c.say('1');
    expect(texts(confirm)).toEqual(['Cancel Tue 24 Nov, 2:30 pm with Dr. Patel?']);
    expect(labels(confirm)).toEqual(['Yes, cancel', 'No, keep it']);
    const done = c.say('1');
    expect(done.effects[0]).toMatchObject({ kind: 'cancelAppointment', appointmentId: 'a1' });
    expect(texts(done)[0]).toBe('Done — your appointment on Tue 24 Nov, 2:30 pm with Dr. Patel is cancelled. As it was less than a day away, our late-cancellation policy may apply. Would you like to book another time?');
    const rebook = c.say('yes');
    expect(statePath(rebook.persisted)).toBe('active.booking.day');
  });

  it('cancel the only appointment, keep it after all', () => {
    const c = new Conversation(turn({ patient: 'returning' }), fakeClinic({ now: NOW, appointments: [appointment('a1', '2026-11-24T14:30')] }));
    expect(texts(c.say('cancel my appointment'))).toEqual(['Cancel Tue 24 Nov, 2:30 pm with Dr. Patel?']);
    const kept = c.say('No, keep it');
    expect(kinds(kept)).toEqual([]);
    expect(texts(kept)).toEqual(["Okay, I've kept your appointment."]);
  });

  it('reschedule: one message with the new day, pick, confirm the move', () => {
    const c = new Conversation(turn({ patient: 'returning' }), fakeClinic({
      now: NOW, appointments: [appointment('a1', '2026-11-24T14:30')], slots: (cr) => [slot(`${cr.fromDate}T14:00`), slot(`${cr.fromDate}T15:00`)],
    }));
    const offer = c.say('can I move my appointment to Friday?');
    expect(kinds(offer)).toEqual(['listAppointments', 'searchSlots']);
    expect(offer.effects[1]).toMatchObject({ criteria: { serviceId: SERVICES.followUp.id, providerId: PROVIDERS.patel.id, fromDate: '2026-11-27' } });
    const summary = c.say('1');
    expect(texts(summary)[0]).toContain('Shall I move your appointment from Tue 24 Nov, 2:30 pm to this time?');
    const done = c.say('yes');
    expect(done.effects[0]).toMatchObject({ kind: 'book', rescheduleOf: 'a1', patient: { fullName: null, dateOfBirth: null } });
    expect(texts(done)[0]).toContain('Done ✅ Your appointment is now Fri 27 Nov, 2:00–2:30 pm with Dr. Patel');
  });

  it('my appointments: list, or none with a Book choice', () => {
    const c = new Conversation(turn({ patient: 'returning' }), fakeClinic({ now: NOW, appointments: [appointment('a1', '2026-11-24T14:30'), appointment('a2', '2026-11-30T10:00', 'khan', 'skin')] }));
    const list = c.say('what are my appointments?');
    expect(texts(list)).toEqual(['Your upcoming appointments:\n• Tue 24 Nov, 2:30 pm — Follow-up visit with Dr. Patel (Downtown)\n• Mon 30 Nov, 10:00 am — Skin check with Dr. Khan (Northside)']);
    expect(labels(list)).toEqual(['Book', 'Reschedule', 'Cancel appointment']);
    const none = new Conversation(turn({ patient: 'returning' }), fakeClinic({ now: NOW }));
    const empty = none.say('My appointments');
    expect(texts(empty)).toEqual(['You have no upcoming appointments.']);
    expect(labels(empty)).toEqual(['Book']);
  });

  it('two misses hand off to staff; the bot is quiet until handed back', () => {
    const c = new Conversation(turn({ patient: 'returning' }), fakeClinic({ now: NOW }));
    const first = c.say('asdf');
    expect(texts(first)).toEqual(["Sorry, I didn't catch that. I can book, change or cancel appointments."]);
    expect(labels(first)).toEqual(['Book', 'My appointments', 'Talk to staff']);
    const second = c.say('qwerty');
    expect(second.effects[0]).toMatchObject({ kind: 'handOff', reason: 'not_understood' });
    expect(texts(second)).toEqual(["Let me get someone from the front desk to help — they'll reply here shortly. You can also call us on (212) 555-0100."]);
    expect(second.status).toBe('handoff');
    const quiet = c.say('hello? anyone?');
    expect(quiet.replies).toEqual([]);
    expect(quiet.status).toBe('handoff');
    const back = c.send({ type: 'STAFF_HANDBACK' });
    expect(texts(back)).toEqual(["Hi Ana, I'm back! What can I do for you?"]);
    expect(back.status).toBe('active');
  });

  it('a miss between understood messages does not count twice', () => {
    const c = new Conversation(turn({ patient: 'returning' }), fakeClinic({ now: NOW }));
    c.say('asdf');
    c.say('hi');
    expect(c.say('qwerty').status).toBe('active');
  });

  it('STOP, then silence, then START', () => {
    const c = new Conversation(turn({ patient: 'returning', channel: 'sms' }), fakeClinic({ now: NOW }));
    const stop = c.say('STOP');
    expect(kinds(stop)).toEqual(['optOut']);
    expect(texts(stop)).toEqual(["You won't get more messages from Riverside Family Clinic. Reply START to resume."]);
    for (const text of ['hello', 'book a vaccination', 'HELP', 'yes please', '']) {
      const ignored = c.say(text);
      expect(ignored.replies).toEqual([]);
      expect(ignored.status).toBe('opted_out');
    }
    const start = c.say('START');
    expect(kinds(start)).toEqual(['optIn']);
    expect(texts(start)[0]).toContain('Welcome back!');
    expect(start.status).toBe('active');
  });

  it('Spanish opt-out keywords work too', () => {
    const c = new Conversation(turn({ patient: 'spanish', channel: 'sms' }), fakeClinic({ now: NOW }));
    const stop = c.say('BAJA');
    expect(texts(stop)).toEqual(['No recibirás más mensajes de Riverside Family Clinic. Responde START o INICIO para volver a recibirlos.']);
    expect(kinds(c.say('INICIO'))).toEqual(['optIn']);
  });

  it('a bare "cancel" on SMS is an opt-out, but not on WhatsApp', () => {
    const sms = new Conversation(turn({ patient: 'returning', channel: 'sms' }), fakeClinic({ now: NOW }));
    expect(kinds(sms.say('cancel'))).toEqual(['optOut']);
    const wa = new Conversation(turn({ patient: 'returning' }), fakeClinic({ now: NOW, appointments: [appointment('a1', '2026-11-24T14:30')] }));
    const cancel = wa.say('cancel');
    expect(kinds(cancel)).toEqual(['listAppointments']);
    expect(texts(cancel)).toEqual(['Cancel Tue 24 Nov, 2:30 pm with Dr. Patel?']);
  });

  it('reminder replies 1, 2 and 3', () => {
    const reminded = appointment('a1', '2026-11-24T14:30');
    const one = new Conversation(turn({ patient: 'returning', channel: 'sms' }), fakeClinic({ now: NOW }));
    expect(one.send({ type: 'REMINDER_SENT', appointment: reminded }).replies).toEqual([]);
    const confirmed = one.say('1');
    expect(confirmed.effects[0]).toMatchObject({ kind: 'confirmAppointment', appointmentId: 'a1' });
    expect(texts(confirmed)).toEqual(["Thanks, you're confirmed for Tue 24 Nov, 2:30 pm with Dr. Patel. See you then!"]);

    const two = new Conversation(turn({ patient: 'returning', channel: 'sms' }), fakeClinic({ now: NOW, slots: thursdayPatel }));
    two.send({ type: 'REMINDER_SENT', appointment: reminded });
    expect(texts(two.say('2'))[0]).toContain('Your appointment is Tue 24 Nov, 2:30 pm with Dr. Patel. Which day would you like instead?');
    two.say('Thursday');
    two.say('1');
    expect(two.say('yes').effects[0]).toMatchObject({ kind: 'book', rescheduleOf: 'a1' });

    const three = new Conversation(turn({ patient: 'returning', channel: 'sms' }), fakeClinic({ now: NOW }));
    three.send({ type: 'REMINDER_SENT', appointment: reminded });
    expect(texts(three.say('3'))).toEqual(['Cancel Tue 24 Nov, 2:30 pm with Dr. Patel?']);
    expect(three.say('Yes, cancel').effects[0]).toMatchObject({ kind: 'cancelAppointment', appointmentId: 'a1' });

    const si = new Conversation(turn({ patient: 'spanish', channel: 'sms' }), fakeClinic({ now: NOW }));
    si.send({ type: 'REMINDER_SENT', appointment: reminded });
    expect(kinds(si.say('sí'))).toEqual(['confirmAppointment']);
  });

  it('reminder free text: "can\'t make it" asks change or cancel; "running late" goes to staff', () => {
    const reminded = appointment('a1', '2026-11-24T14:30');
    const c = new Conversation(turn({ patient: 'returning' }), fakeClinic({ now: NOW }));
    c.send({ type: 'REMINDER_SENT', appointment: reminded });
    const unsure = c.say("I can't make it");
    expect(texts(unsure)).toEqual(['No problem. Would you like to change the time of Tue 24 Nov, 2:30 pm with Dr. Patel, or cancel it?']);
    expect(labels(unsure)).toEqual(['Change the time', 'Cancel appointment']);
    const late = new Conversation(turn({ patient: 'returning' }), fakeClinic({ now: NOW }));
    late.send({ type: 'REMINDER_SENT', appointment: reminded });
    const staff = late.say("I'll be 10 min late");
    expect(kinds(staff)).toEqual(['handOff']);
    expect(staff.status).toBe('handoff');
  });

  it('a returning patient asking for a new-patient-only service is offered the follow-up', () => {
    const c = new Conversation(turn({ patient: 'returning' }), fakeClinic({ now: NOW }));
    const offer = c.say('I want to book a new patient visit');
    expect(texts(offer)).toEqual(["New patient visit is for first-time patients, and you've been with us before. Shall I look for a follow-up visit instead?"]);
    expect(labels(offer)).toEqual(['Yes, follow-up visit', 'Something else']);
    const next = c.tap('Yes, follow-up', offer);
    expect(statePath(next.persisted)).toBe('active.booking.provider');
    expect(labels(next)).not.toContain('New patient visit');
  });

  it('a provider who does not offer the service: say so and offer who does', () => {
    const c = new Conversation(turn({ patient: 'returning' }), fakeClinic({ now: NOW, slots: (cr) => [slot(`${cr.fromDate}T10:00`, 'patel', 'physical')] }));
    const offer = c.say('annual physical with Dr Khan');
    expect(texts(offer)).toEqual(["Dr. Khan doesn't do annual physicals. Dr. Patel does — shall I look for a time with Dr. Patel?"]);
    expect(labels(offer)).toEqual(['Yes, Dr. Patel', 'Something else']);
    expect(statePath(c.tap('Yes, Dr. Patel', offer).persisted)).toBe('active.booking.day');
    const slots = c.say('tomorrow');
    expect(slots.effects[0]).toMatchObject({ criteria: { serviceId: SERVICES.physical.id, providerId: PROVIDERS.patel.id } });
  });

  it('stale and duplicate effect results are ignored', () => {
    const t = turn({ patient: 'returning' });
    const first = step(null, { type: 'INBOUND', text: 'follow-up with Dr Patel Thursday', turn: t });
    const search = first.effects[0]!;
    const wrong = step(first.persisted, { type: 'EFFECT_RESULT', result: { id: 'other-1', kind: 'searchSlots', ok: true, slots: [] } });
    expect(wrong.replies).toEqual([]);
    expect(wrong.effects).toEqual([]);
    const right = step(wrong.persisted, { type: 'EFFECT_RESULT', result: { id: search.id, kind: 'searchSlots', ok: true, slots: thursdayPatel({ fromDate: '2026-11-26', toDate: '2026-11-26' }) } });
    expect(right.replies).toHaveLength(1);
    const again = step(right.persisted, { type: 'EFFECT_RESULT', result: { id: search.id, kind: 'searchSlots', ok: true, slots: [] } });
    expect(again.replies).toEqual([]);
    expect(statePath(again.persisted)).toBe('active.booking.slots');
  });

  it('an older persisted dialog restarts politely in the patient\'s language', () => {
    const old = { version: DIALOG_MACHINE_VERSION - 1, state: { value: { active: 'somewhere' }, context: { lang: 'es', seq: 7 } } };
    const result = step(old, { type: 'INBOUND', text: 'sí', turn: turn({ patient: 'spanish' }) });
    expect(result.replies[0]!.text).toBe('Perdona, perdí el hilo de nuestra conversación — empecemos de nuevo. ¿En qué puedo ayudarte hoy?');
    expect(result.persisted.version).toBe(DIALOG_MACHINE_VERSION);
    const withIntent = step(old, { type: 'INBOUND', text: 'I want a vaccination', turn: turn({ patient: 'returning' }) });
    expect(withIntent.replies[0]!.text).toMatch(/^Sorry, I lost track of our conversation — let's start again\. Any doctor is fine/);
    // Effect ids continue from the old counter, so they never repeat.
    expect(step(old, { type: 'INBOUND', text: 'my appointments', turn: turn() }).effects[0]!.id).toMatch(/-8$/);
  });

  it('a damaged persisted dialog restarts; an opted-out one stays opted out', () => {
    const damaged = step({ version: DIALOG_MACHINE_VERSION, state: { value: 'nonsense', context: {} } }, { type: 'INBOUND', text: 'hi', turn: turn() });
    expect(damaged.replies[0]!.text).toContain('lost track');
    const optedOut = step({ version: 0, state: { value: 'optedOut', context: {} } }, { type: 'INBOUND', text: 'hello', turn: turn() });
    expect(optedOut.replies).toEqual([]);
    expect(optedOut.status).toBe('opted_out');
  });

  it('switches language on request and re-asks the question', () => {
    const c = new Conversation(turn({ patient: 'returning' }), fakeClinic({ now: NOW }));
    c.say('book a vaccination');
    const es = c.say('español');
    expect(es.effects[0]).toMatchObject({ kind: 'setLanguage', language: 'es' });
    expect(texts(es)).toEqual(['Claro, seguimos en español. ¿Te vale cualquier médico para vacunación, o prefieres a alguien en concreto?']);
    expect(labels(es)[0]).toBe('El primero disponible');
  });

  it('the runtime\'s opt-out flag silences the bot', () => {
    const c = new Conversation(turn({ patient: { optedOut: true } }), fakeClinic({ now: NOW }));
    expect(c.say('hi').replies).toEqual([]);
    expect(c.status).toBe('opted_out');
  });

  it('telehealth: the summary says video and the confirmation carries the link', () => {
    const c = new Conversation(turn({ patient: 'returning' }), fakeClinic({ now: NOW, slots: () => [slot('2026-11-27T09:00', 'khan', 'telehealth')] }));
    expect(texts(c.say('video consult friday'))).toEqual(['Dr. Khan has these telehealth consult times on Fri 27 Nov (video):']);
    expect(texts(c.say('1'))[0]).toBe('Holding Fri 27 Nov, 9:00 am with Dr. Aisha Khan — Telehealth consult (20 min), by video. Shall I book it?');
    expect(texts(c.say('yes'))[0]).toBe(
      "You're booked ✅ Fri 27 Nov, 9:00–9:20 am with Dr. Khan by video.\nJoin here: https://video.example/room/1\nAdd to calendar: https://clinic.example/ics/appt-new\nReply any time to change it.",
    );
  });

  it('"Other times" pages locally, then searches later days, and says when there are no more', () => {
    const c = new Conversation(turn({ patient: 'returning' }), fakeClinic({ now: NOW, slots: (cr) => (cr.fromDate === '2026-11-24' ? [slot('2026-11-24T09:00', 'patel', 'vaccination')] : []) }));
    c.say('vaccination with Dr Patel tomorrow');
    const more = c.say('other times');
    expect(more.effects[0]).toMatchObject({ kind: 'searchSlots', criteria: { fromDate: '2026-11-25', toDate: '2026-12-01' } });
    expect(texts(more)).toEqual(["I couldn't find more times in the following week. Dr. Patel has these vaccination times tomorrow, Tue 24 Nov (Downtown):"]);
    expect(labels(more)).toEqual(['9:00 am', 'Other times', 'Another day']);
  });

  it('a first "hola" from an unknown number: Spanish menu, language saved', () => {
    const c = new Conversation(turn({ patient: 'new' }), fakeClinic({ now: NOW }));
    const hola = c.say('hola');
    expect(hola.effects).toEqual([expect.objectContaining({ kind: 'setLanguage', language: 'es' })]);
    expect(texts(hola)).toEqual(['¡Hola! ¿En qué puedo ayudarte hoy?']);
    expect(labels(hola)).toEqual(['Pedir cita', 'Mis citas', 'Cambiar cita', 'Cancelar cita', 'Hablar con recepción']);
  });

  it('asking for staff mid-booking releases the hold and hands off', () => {
    const c = new Conversation(turn({ patient: 'returning' }), fakeClinic({ now: NOW, slots: thursdayPatel }));
    c.say('follow-up with Dr Patel Thursday');
    c.say('1');
    const staff = c.say('can I talk to a person');
    expect(staff.effects.map((e) => e.kind)).toEqual(['releaseHold', 'handOff']);
    expect(staff.status).toBe('handoff');
  });

  it('help mid-flow answers and asks the same question again', () => {
    const c = new Conversation(turn({ patient: 'returning' }), fakeClinic({ now: NOW }));
    c.say('vaccination');
    const help = c.say('HELP');
    expect(texts(help)[0]).toMatch(/^I'm the Riverside Family Clinic assistant\..*call \(212\) 555-0100\. Reply STOP to opt out\. Any doctor is fine for the vaccination/);
    expect(statePath(help.persisted)).toBe('active.booking.provider');
  });

  it('an exception inside step becomes an apology and keeps the stored dialog', () => {
    const t = turn({ patient: 'returning' });
    const first = step(null, { type: 'INBOUND', text: 'hi', turn: t });
    const broken = { ...t, services: 42 } as unknown as typeof t;
    const result = step(first.persisted, { type: 'INBOUND', text: 'vaccination please', turn: broken });
    expect(result.replies).toEqual([{ text: 'Sorry, something went wrong on my side. Could you say that again?' }]);
    expect(result.effects).toEqual([]);
    expect(result.persisted).toBe(first.persisted);
    expect(result.status).toBe('active');
  });
});
