import { conversationEnv, type ConversationEnv, nextWeekday } from '../../support/conversation-env.js';

/** Handoff, STOP/START/HELP, global words, waitlist, holds and races. */
describe('conversations: rules and edges', () => {
  let env: ConversationEnv;
  beforeAll(async () => { env = await conversationEnv(); }, 30_000);
  afterAll(() => env?.close());

  it('hands over to staff on request; the bot then stays quiet', async () => {
    const chat = env.chat(env.newPhone());
    expect(chat.text(await chat.send('can I talk to a human please'))).toMatch(/someone from the front desk .*\(212\) 555-0100/);
    expect((await env.conversationOf(chat.phone))!.status).toBe('handoff');
    expect(await chat.send('hello?')).toEqual([]);
    expect(await env.prisma.message.count({ where: { conversationId: (await env.conversationOf(chat.phone))!.id, direction: 'inbound' } })).toBe(2);
  });

  it('hands over after two misunderstandings in a row', async () => {
    const chat = env.chat(env.newPhone());
    expect(chat.text(await chat.send('asdf'))).toMatch(/didn't catch that/);
    expect(chat.text(await chat.send('qwerty zxcv'))).toMatch(/front desk/);
    expect((await env.conversationOf(chat.phone))!.status).toBe('handoff');
  });

  it('STOP opts out (nothing more is answered) and START opts back in', async () => {
    const chat = env.chat(env.newPhone(), 'sms');
    await chat.send('hi');
    expect(chat.text(await chat.send('STOP'))).toMatch(/won't get more messages from Riverside Family Clinic\. Reply START/);
    expect((await env.conversationOf(chat.phone, 'sms'))!.optedOutAt).not.toBeNull();
    expect(await chat.send('book a follow-up')).toEqual([]);
    expect(chat.text(await chat.send('START'))).toMatch(/Welcome back/);
    expect((await env.conversationOf(chat.phone, 'sms'))!.optedOutAt).toBeNull();
  });

  it('a bare CANCEL on SMS is an opt-out, as Twilio treats it', async () => {
    const chat = env.chat(env.newPhone(), 'sms');
    expect(chat.text(await chat.send('CANCEL'))).toMatch(/won't get more messages/);
    expect((await env.conversationOf(chat.phone, 'sms'))!.optedOutAt).not.toBeNull();
  });

  it('HELP explains what the bot does and how to reach a person', async () => {
    const chat = env.chat(env.newPhone(), 'sms');
    expect(chat.text(await chat.send('HELP'))).toMatch(/book, change or cancel .*\(212\) 555-0100/);
  });

  it('"menu" mid-flow releases the hold, so the time is free for others again', async () => {
    const chat = env.chat(env.newPhone());
    const day = nextWeekday(3, 6);
    const before = (await env.freeSlots(env.ids.skinCheck, env.ids.khan, day)).map((s) => s.start);
    await chat.send(`skin check with Dr Khan ${day.toFormat('cccc d LLL')}`);
    await chat.choose(0);
    const held = (await env.freeSlots(env.ids.skinCheck, env.ids.khan, day)).map((s) => s.start);
    expect(held.length).toBeLessThan(before.length);
    await chat.send('menu');
    expect((await env.freeSlots(env.ids.skinCheck, env.ids.khan, day)).map((s) => s.start)).toEqual(before);
  });

  it('"cancel that" abandons the flow and shows the menu', async () => {
    const chat = env.chat(env.newPhone());
    await chat.send('vaccination please');
    const replies = await chat.send('cancel that');
    expect(chat.choices.map((c) => c.label)).toContain('Book');
    expect(chat.text(replies)).toMatch(/dropped|What can I do/);
  });

  it('"back" returns to the previous question', async () => {
    const chat = env.chat(env.newPhone());
    await chat.send('follow-up');
    await chat.choose(/First available/);
    expect(chat.text(await chat.send('back'))).toMatch(/Any doctor is fine/);
  });

  it('when nothing fits, offers the waitlist and adds the patient to it', async () => {
    // Dr. Khan is away for three weeks: no skin checks at all.
    const from = nextWeekday(1, 1);
    await env.prisma.scheduleException.create({
      data: { clinicId: env.ids.clinicId, providerId: env.ids.khan, kind: 'closed', startsOn: new Date(`${from.minus({ days: 1 }).toISODate()}T00:00:00Z`), endsOn: new Date(`${from.plus({ days: 21 }).toISODate()}T00:00:00Z`), reason: 'test: conference' },
    });
    await new Promise((r) => setTimeout(r, 5_200)); // schedule cache
    const chat = env.chat(env.newPhone());
    const offer = await chat.send(`skin check ${from.plus({ days: 1 }).toFormat('cccc d LLL')}`);
    expect(chat.text(offer)).toMatch(/nothing is free for a skin check .*waitlist/i);
    const joined = await chat.choose(/Yes, add me/i);
    expect(chat.text(joined)).toMatch(/on the waitlist ✅/);
    const patient = (await env.patientByPhone(chat.phone))!;
    const entry = await env.prisma.waitlistEntry.findFirstOrThrow({ where: { patientId: patient.id } });
    expect(entry).toMatchObject({ serviceId: env.ids.skinCheck, status: 'waiting', source: 'chat' });
    await env.prisma.scheduleException.deleteMany({ where: { reason: 'test: conference' } });
  }, 20_000);

  it('two patients race for the same last slot: one books, the other is offered alternatives', async () => {
    const day = nextWeekday(2, 9);
    const a = env.chat(env.newPhone());
    const b = env.chat(env.newPhone());
    await Promise.all([a.send(`vaccination with Dr Garcia ${day.toFormat('cccc d LLL')}`), b.send(`vaccination with Dr Garcia ${day.toFormat('cccc d LLL')}`)]);
    expect(a.choices[0]).toEqual(b.choices[0]);
    const [ra, rb] = await Promise.all([a.choose(0), b.choose(0)]);
    const texts = [a.text(ra), b.text(rb)];
    expect(texts.filter((t) => /holding/i.test(t))).toHaveLength(1);
    expect(texts.filter((t) => /just taken/i.test(t))).toHaveLength(1);
  });

  it('a hold that expired mid-flow is re-placed on "yes" when the time is still free', async () => {
    await env.prisma.clinic.updateMany({ data: { holdTtlSeconds: 1 } });
    await new Promise((r) => setTimeout(r, 5_200));
    try {
      const chat = env.chat(env.newPhone());
      await chat.send(`follow-up with Dr Patel ${nextWeekday(5, 9).toFormat('cccc d LLL')}`);
      await chat.choose(0);
      await chat.send('Ines Duarte');
      await chat.send('1966-06-06');
      await new Promise((r) => setTimeout(r, 1_500));
      expect(chat.text(await chat.send('yes'))).toMatch(/You're booked ✅/);
      const patient = (await env.patientByPhone(chat.phone))!;
      expect(await env.appointmentsOf(patient.id)).toHaveLength(1);
    } finally {
      await env.prisma.clinic.updateMany({ data: { holdTtlSeconds: 300 } });
    }
  }, 20_000);
});
