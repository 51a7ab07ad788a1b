import { conversationEnv, type ConversationEnv, local, nextWeekday } from '../../support/conversation-env.js';

/** My appointments, cancel, reschedule: scripted through the simulator, checked in the database. */
describe('conversations: managing appointments', () => {
  let env: ConversationEnv;
  beforeAll(async () => { env = await conversationEnv(); }, 30_000);
  afterAll(() => env?.close());

  async function patientWithAppointment(weekday: number, minDays = 3) {
    const phone = env.newPhone();
    const day = nextWeekday(weekday, minDays);
    const [slot] = await env.freeSlots(env.ids.followUp, env.ids.patel, day);
    const appointment = await env.bookFor(phone, 'Rita Gomez', env.ids.followUp, env.ids.patel, slot!.start);
    return { phone, appointment };
  }

  it('lists my upcoming appointments', async () => {
    const { phone, appointment } = await patientWithAppointment(2);
    const replies = await env.chat(phone).send('my appointments');
    const day = local(appointment.start).toFormat('ccc d LLL');
    expect(replies.map((r) => r.text).join('\n')).toContain(day);
    expect(replies.map((r) => r.text).join('\n')).toMatch(/Dr\. Patel/);
  });

  it('says so when there are no upcoming appointments, and offers to book', async () => {
    const chat = env.chat(env.newPhone());
    const replies = await chat.send('do i have any appointments?');
    expect(chat.text(replies)).toMatch(/no upcoming appointments/i);
    expect(chat.choices.map((c) => c.label)).toContain('Book');
  });

  it('cancels after confirmation, then offers to rebook', async () => {
    const { phone, appointment } = await patientWithAppointment(3);
    const chat = env.chat(phone);
    expect(chat.text(await chat.send('cancel my appointment'))).toMatch(/Cancel .* with Dr\. Patel\?/);
    const done = await chat.choose(/Yes, cancel/);
    expect(chat.text(done)).toMatch(/cancelled/i);
    const row = await env.prisma.appointment.findUniqueOrThrow({ where: { id: appointment.id } });
    expect(row).toMatchObject({ status: 'cancelled', lateCancellation: false });
    expect((await env.prisma.auditLog.findFirstOrThrow({ where: { entityId: appointment.id, action: 'appointment.cancelled' } })).actorType).toBe('patient');
  });

  it('"No, keep it" keeps the appointment', async () => {
    const { phone, appointment } = await patientWithAppointment(4);
    const chat = env.chat(phone);
    await chat.send('cancel my appointment');
    await chat.choose(/keep/i);
    expect((await env.prisma.appointment.findUniqueOrThrow({ where: { id: appointment.id } })).status).toBe('confirmed');
  });

  it('a cancellation inside the 24-hour cutoff is marked late and the patient told', async () => {
    const phone = env.newPhone();
    // Staff book a time in the next few hours (inside the notice window, so it needs an override).
    const start = new Date(Math.ceil((Date.now() + 5 * 3_600_000) / 900_000) * 900_000).toISOString();
    const res = await env.api('POST', '/api/v1/appointments', {
      serviceId: env.ids.telehealth, providerId: env.ids.khan, start, source: 'console',
      patient: { phone, fullName: 'Late Larry', dateOfBirth: '1970-01-01' }, override: { reason: 'test: same-day visit' },
    });
    expect(res.status).toBe(201);
    const chat = env.chat(phone);
    await chat.send('cancel my appointment');
    const done = await chat.choose(/Yes, cancel/);
    expect(chat.text(done)).toMatch(/less than 24 hours|late/i);
    expect(await env.prisma.appointment.findUniqueOrThrow({ where: { id: res.body.id } })).toMatchObject({ status: 'cancelled', lateCancellation: true });
  });

  it('reschedules atomically: the old one is rescheduled, the new one linked', async () => {
    const { phone, appointment } = await patientWithAppointment(2, 4);
    const chat = env.chat(phone);
    expect(chat.text(await chat.send('I need to reschedule'))).toMatch(/Which day would you like instead/);
    const target = nextWeekday(4, 5);
    await chat.send(`${target.toFormat('cccc d LLL')} afternoon`);
    await chat.choose(0);
    const done = await chat.send('yes');
    expect(chat.text(done)).toMatch(/✅/);
    const old = await env.prisma.appointment.findUniqueOrThrow({ where: { id: appointment.id } });
    const moved = await env.prisma.appointment.findUniqueOrThrow({ where: { rescheduledFromId: appointment.id } });
    expect(old.status).toBe('rescheduled');
    expect(moved.status).toBe('confirmed');
    expect(local(moved.startsAt).toISODate()).toBe(target.toISODate());
    expect(local(moved.startsAt).hour).toBeGreaterThanOrEqual(12);
  });

  it('with several appointments, asks which one to cancel', async () => {
    const { phone } = await patientWithAppointment(2, 8);
    const day = nextWeekday(5, 8);
    const [slot] = await env.freeSlots(env.ids.followUp, env.ids.patel, day);
    await env.bookFor(phone, 'Rita Gomez', env.ids.followUp, env.ids.patel, slot!.start);
    const chat = env.chat(phone);
    await chat.send('cancel');
    expect(chat.choices.length).toBeGreaterThanOrEqual(2);
    await chat.choose(1);
    await chat.choose(/Yes, cancel/);
    const patient = (await env.patientByPhone(phone))!;
    const statuses = (await env.appointmentsOf(patient.id)).map((a) => a.status).sort();
    expect(statuses).toEqual(['cancelled', 'confirmed']);
  });
});
