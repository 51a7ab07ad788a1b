import { conversationEnv, type ConversationEnv, nextWeekday } from '../../support/conversation-env.js';

/**
 * The conversation runtime records each chat session's funnel stages as the real dialog reaches
 * them (simulator channel, the same pipeline as WhatsApp and SMS).
 */
describe('funnel stages recorded from real chats', () => {
  let env: ConversationEnv;
  beforeAll(async () => { env = await conversationEnv(); }, 30_000);
  afterAll(() => env?.close(), 30_000);

  const sessionsOf = async (phone: string, channel: 'whatsapp' | 'sms') => {
    const conversation = (await env.conversationOf(phone, channel))!;
    return env.prisma.conversationFunnel.findMany({ where: { conversationId: conversation.id }, orderBy: { startedAt: 'asc' } });
  };

  it('a new patient who books twice in one session: every stage in order, one session, two bookings', async () => {
    const phone = env.newPhone();
    const chat = env.chat(phone, 'sms');
    await chat.send('need an appointment');
    let [session] = await sessionsOf(phone, 'sms');
    expect(session).toMatchObject({ channel: 'sms', language: 'en', intent: 'book', slotsShownAt: null, bookedAt: null, bookings: 0 });
    expect(session!.intentAt).not.toBeNull();

    await chat.choose(/^Vaccination/);
    await chat.choose(/First available/);
    await chat.send(`${nextWeekday(2, 2).toFormat('ccc d LLL')} morning`);
    [session] = await sessionsOf(phone, 'sms');
    expect(session!.slotsShownAt).not.toBeNull();
    expect(session!.slotHeldAt).toBeNull();
    await chat.choose(0);
    await chat.send('Maria Lopez');
    [session] = await sessionsOf(phone, 'sms');
    expect(session!.slotHeldAt).not.toBeNull();
    expect(session!.detailsAt).toBeNull();
    await chat.send('03/12/1985');
    [session] = await sessionsOf(phone, 'sms');
    expect(session!.detailsAt).not.toBeNull();
    expect(chat.text(await chat.send('1'))).toMatch(/You're booked ✅/);

    await chat.send('I want to book another appointment');
    await chat.choose(/^Vaccination/);
    await chat.choose(/First available/);
    await chat.send(`${nextWeekday(4, 2).toFormat('ccc d LLL')} morning`);
    await chat.choose(0);
    expect(chat.text(await chat.send('yes'))).toMatch(/You're booked ✅/);

    const sessions = await sessionsOf(phone, 'sms');
    expect(sessions).toHaveLength(1);
    const [only] = sessions;
    const patient = (await env.patientByPhone(phone))!;
    const appointments = await env.appointmentsOf(patient.id);
    expect(appointments).toHaveLength(2);
    expect(only).toMatchObject({ bookings: 2, appointmentId: appointments[0]!.id, serviceId: appointments[1]!.serviceId, providerId: appointments[1]!.providerId });
    const order = [only!.startedAt, only!.intentAt, only!.slotsShownAt, only!.slotHeldAt, only!.detailsAt, only!.bookedAt].map((d) => +d!);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(+only!.bookedAt!).toBeLessThan(+appointments[1]!.createdAt);
  }, 60_000);

  it('a chat that never asks to book stays at "started"; STOP is recorded', async () => {
    const phone = env.newPhone();
    const chat = env.chat(phone, 'sms');
    await chat.send('hello');
    await chat.send('STOP');
    const [session] = await sessionsOf(phone, 'sms');
    expect(session).toMatchObject({ intent: null, intentAt: null, slotsShownAt: null, bookedAt: null, bookings: 0 });
    expect(session!.optedOutAt).not.toBeNull();
  }, 30_000);

  it('a reschedule in chat is not a new booking', async () => {
    const phone = env.newPhone();
    const day = nextWeekday(2, 3);
    const [slot] = await env.freeSlots(env.ids.followUp, env.ids.patel, day);
    await env.bookFor(phone, 'Rita Gomez', env.ids.followUp, env.ids.patel, slot!.start);
    const chat = env.chat(phone);
    await chat.send('I need to reschedule');
    await chat.send(`${nextWeekday(4, 5).toFormat('cccc d LLL')} afternoon`);
    await chat.choose(0);
    expect(chat.text(await chat.send('yes'))).toMatch(/✅/);
    const [session] = await sessionsOf(phone, 'whatsapp');
    expect(session).toMatchObject({ intent: 'reschedule', intentAt: null, bookedAt: null, bookings: 0, appointmentId: null });
  }, 30_000);
});
