import { conversationEnv, type ConversationEnv, local, nextWeekday } from '../../support/conversation-env.js';

/**
 * Scripted booking conversations through the simulator (the same pipeline as real channels), each
 * checked against the database, not just the text.
 */
describe('conversations: booking', () => {
  let env: ConversationEnv;
  beforeAll(async () => { env = await conversationEnv(); }, 30_000);
  afterAll(() => env?.close());

  it('a returning patient books a one-shot request in 3 messages (request, pick, yes)', async () => {
    const phone = '+12125552001'; // a seeded patient (returning, with a name)
    const chat = env.chat(phone);
    const first = await chat.send('Hi, can I see Dr Patel for a follow-up Thursday after 2?');
    expect(chat.text(first)).toMatch(/^Hi \w+! Dr\. Patel has these follow-up visit times on Thu/);
    expect(chat.choices.length).toBeGreaterThan(0);
    const picked = await chat.choose(0);
    expect(chat.text(picked)).toMatch(/Holding Thu .* with Dr\. Maya Patel — Follow-up visit \(30 min\), Downtown, 120 Main St/);
    const done = await chat.send('yes');
    expect(chat.text(done)).toMatch(/You're booked ✅ Thu .* with Dr\. Patel at Downtown, 120 Main St/);

    const patient = (await env.patientByPhone(phone))!;
    const booked = (await env.appointmentsOf(patient.id)).filter((a) => a.source === 'whatsapp' && +a.createdAt > Date.now() - 60_000);
    expect(booked).toHaveLength(1);
    const when = local(booked[0]!.startsAt);
    expect([when.weekday, booked[0]!.provider.name, booked[0]!.service.code, booked[0]!.status]).toEqual([4, 'Dr. Maya Patel', 'follow-up', 'confirmed']);
    expect(when.hour).toBeGreaterThanOrEqual(14);
  });

  it('greets a returning patient by name', async () => {
    const replies = await env.chat('+12125552001').send('hello');
    expect(replies[0]!.text).toMatch(/^Hi \w+!/);
  });

  it('a new patient books step by step on SMS, giving name and date of birth (stored encrypted)', async () => {
    const phone = env.newPhone();
    const chat = env.chat(phone, 'sms');
    expect(chat.text(await chat.send('need an appointment'))).toMatch(/What is it for\? Reply with a number:\n1 New patient visit/);
    await chat.choose(/^Vaccination/);
    expect(chat.text(await chat.choose(/First available/))).toMatch(/Which day suits you/);
    const day = nextWeekday(2, 2);
    const slots = await chat.send(`${day.toFormat('ccc d LLL')} morning`);
    expect(chat.text(slots)).toMatch(/am/);
    expect(chat.text(await chat.choose(0))).toMatch(/I'm holding .* for 5 minutes\. What's your full name\?/);
    expect(chat.text(await chat.send('Maria Lopez'))).toMatch(/date of birth/);
    expect(chat.text(await chat.send('03/12/1985'))).toMatch(/for Maria Lopez \(born 12 Mar 1985\)\. Shall I book it\?/);
    expect(chat.text(await chat.send('1'))).toMatch(/You're booked ✅/);

    const patient = (await env.patientByPhone(phone))!;
    expect(env.cipher.decrypt(patient.nameEnc!)).toBe('Maria Lopez');
    expect(env.cipher.decrypt(patient.dobEnc!)).toBe('1985-03-12');
    expect(patient.nameEnc).not.toContain('Maria');
    const [appointment] = await env.appointmentsOf(patient.id);
    expect(appointment).toMatchObject({ status: 'confirmed', source: 'sms' });
    expect(appointment!.service.code).toBe('vaccination');
    expect(local(appointment!.startsAt).toISODate()).toBe(day.toISODate());
  });

  it('understands typos in service and provider names', async () => {
    const chat = env.chat(env.newPhone());
    const day = nextWeekday(3, 2);
    const replies = await chat.send(`folow up with dr garsia ${day.toFormat('cccc')}`);
    expect(chat.text(replies)).toMatch(/Dr\. García has these follow-up visit times/);
  });

  it('takes a correction mid-flow ("actually make it Thursday") and searches again', async () => {
    const chat = env.chat(env.newPhone());
    await chat.send('vaccination with Dr Garcia on Monday');
    const corrected = await chat.send('actually make it Thursday');
    expect(chat.text(corrected)).toMatch(/Thu/);
    await chat.choose(0);
    await chat.send('Sam Carter');
    await chat.send('1990-07-21');
    await chat.send('yes');
    const patient = (await env.patientByPhone(chat.phone))!;
    const [appointment] = await env.appointmentsOf(patient.id);
    expect(local(appointment!.startsAt).weekday).toBe(4);
  });

  it('a new-patient-only service asked by a returning patient is explained, and the follow-up offered', async () => {
    const chat = env.chat('+12125552002');
    const replies = await chat.send('I want a new patient visit with Dr Patel');
    expect(chat.text(replies)).toMatch(/New patient visit is for first-time patients/);
    expect(chat.choices.map((c) => c.label).join(' ')).toMatch(/follow-up/i);
  });

  it('when the provider does not offer the service, says who does', async () => {
    const chat = env.chat(env.newPhone());
    const replies = await chat.send('annual physical with Dr Khan');
    expect(chat.text(replies)).toMatch(/Dr\. Khan doesn't do annual physicals\. Dr\. Patel does/);
  });

  it('books a telehealth consult with no location', async () => {
    const chat = env.chat(env.newPhone());
    await chat.send(`video consult with Dr Khan ${nextWeekday(5, 2).toFormat('cccc')}`);
    await chat.choose(0);
    await chat.send('Lee Park');
    await chat.send('02/02/1992');
    const done = await chat.send('yes');
    expect(chat.text(done)).toMatch(/You're booked ✅/);
    const patient = (await env.patientByPhone(chat.phone))!;
    const [appointment] = await env.appointmentsOf(patient.id);
    expect(appointment).toMatchObject({ locationId: null });
    expect(appointment!.service.code).toBe('telehealth');
  });

  it('books physio in a treatment room', async () => {
    const chat = env.chat(env.newPhone());
    await chat.send(`physio ${nextWeekday(2, 3).toFormat('cccc')} morning`);
    await chat.choose(0);
    await chat.send('Ola Berg');
    await chat.send('1975-11-30');
    await chat.send('yes');
    const patient = (await env.patientByPhone(chat.phone))!;
    const [appointment] = await env.appointmentsOf(patient.id);
    expect(appointment!.roomId).toEqual(expect.any(String));
    expect(+appointment!.blockEnd - +appointment!.endsAt).toBe(15 * 60_000);
  });

  it('"yes" sent twice at once books once', async () => {
    const chat = env.chat(env.newPhone());
    await chat.send(`skin check ${nextWeekday(1, 3).toFormat('cccc')} afternoon`);
    await chat.choose(0);
    await chat.send('Noor Haddad');
    await chat.send('1988-08-08');
    await Promise.all([chat.send('yes'), chat.send('yes')]);
    const patient = (await env.patientByPhone(chat.phone))!;
    expect(await env.appointmentsOf(patient.id)).toHaveLength(1);
  });

  it('asking for a Sunday explains the clinic is closed and offers the nearest times', async () => {
    const chat = env.chat(env.newPhone());
    expect(chat.text(await chat.send('book me a follow-up for Sunday'))).toMatch(/Any doctor is fine/);
    const replies = await chat.choose(/First available/);
    expect(chat.text(replies)).toMatch(/Nothing free .*Sun|closed on Sundays/);
    expect(chat.choices.length).toBeGreaterThan(0);
  });

  it('"Other times" and "Another day" move through the calendar', async () => {
    const chat = env.chat(env.newPhone());
    await chat.send(`follow-up with Dr Patel ${nextWeekday(2, 2).toFormat('cccc')} morning`);
    const more = await chat.choose(/Other times/);
    expect(chat.text(more)).toMatch(/times|Nothing/);
    const another = await chat.choose(/Another day/);
    expect(chat.text(another)).toMatch(/Which day/);
  });

  it('an impossible date is re-asked clearly', async () => {
    const chat = env.chat(env.newPhone());
    await chat.send('follow-up with Dr Patel');
    const replies = await chat.send('February 30');
    expect(chat.text(replies)).toMatch(/doesn't exist/);
  });

  it('an implausible date of birth is re-asked politely', async () => {
    const chat = env.chat(env.newPhone());
    await chat.send(`vaccination with Dr Patel ${nextWeekday(3, 2).toFormat('cccc')}`);
    await chat.choose(0);
    await chat.send('Tom Reed');
    expect(chat.text(await chat.send('01/01/2090'))).toMatch(/in the future/);
    expect(chat.text(await chat.send('01/01/1850'))).toMatch(/check the year/);
    expect(chat.text(await chat.send('01/01/1970'))).toMatch(/Shall I book it/);
  });
});
