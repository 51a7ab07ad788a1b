import { conversationEnv, type ConversationEnv, local, nextWeekday } from '../../support/conversation-env.js';

/** Spanish conversations: detected from the first message, dates in Spanish, 24-hour times. */
describe('conversations: en español', () => {
  let env: ConversationEnv;
  beforeAll(async () => { env = await conversationEnv(); }, 30_000);
  afterAll(() => env?.close());

  it('books a vaccination with Dr. García in one request, answered in Spanish', async () => {
    const chat = env.chat(env.newPhone());
    const first = await chat.send('Hola, quiero una cita para vacunar a mi hijo con el Dr. García el jueves');
    expect(chat.text(first)).toMatch(/^¡Hola! El Dr\. García tiene estos horarios .*jue/i);
    expect(chat.choices[0]!.label).toMatch(/^\d{1,2}:\d{2}$/);
    expect(chat.text(await chat.choose(0))).toMatch(/nombre completo/i);
    await chat.send('Lucía Fernández');
    expect(chat.text(await chat.send('12/03/2019'))).toMatch(/¿Lo reservo\?|reservo/i);
    expect(chat.text(await chat.send('sí'))).toMatch(/Reservado|reservada|✅/);
    const patient = (await env.patientByPhone(chat.phone))!;
    expect(patient.language).toBe('es');
    expect(env.cipher.decrypt(patient.dobEnc!)).toBe('2019-03-12');
    const [appointment] = await env.appointmentsOf(patient.id);
    expect(appointment!.service.code).toBe('vaccination');
    expect(local(appointment!.startsAt).weekday).toBe(4);
  });

  it('step by step on SMS in Spanish', async () => {
    const chat = env.chat(env.newPhone(), 'sms');
    expect(chat.text(await chat.send('hola, necesito una cita'))).toMatch(/¿Para qué es\?|Responde con un número/);
    await chat.choose(/Consulta de seguimiento/);
    await chat.choose(/Dr\. García/);
    const day = nextWeekday(1, 2);
    await chat.send(`el ${['', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes'][day.weekday]} por la mañana`);
    await chat.choose(0);
    await chat.send('Pedro Ruiz');
    await chat.send('05/06/1990');
    expect(chat.text(await chat.send('1'))).toMatch(/✅/);
    const patient = (await env.patientByPhone(chat.phone))!;
    const [appointment] = await env.appointmentsOf(patient.id);
    expect(appointment!.provider.name).toBe('Dr. Luis García');
    expect(local(appointment!.startsAt).hour).toBeLessThan(12);
  });

  it('switches language on request and keeps it', async () => {
    const chat = env.chat(env.newPhone());
    await chat.send('hi');
    expect(chat.text(await chat.send('español'))).toMatch(/español/i);
    expect(chat.text(await chat.send('quiero una cita'))).toMatch(/¿Para qué|Qué/);
    expect((await env.conversationOf(chat.phone))!.language).toBe('es');
  });

  it('understands Spanish yes/no and cancels in Spanish', async () => {
    const phone = env.newPhone();
    const day = nextWeekday(3, 4);
    const [slot] = await env.freeSlots(env.ids.followUp, env.ids.garcia, day);
    const booked = await env.bookFor(phone, 'Ana López', env.ids.followUp, env.ids.garcia, slot!.start);
    await env.prisma.patient.updateMany({ where: { id: booked.patientId }, data: { language: 'es' } });
    const chat = env.chat(phone);
    expect(chat.text(await chat.send('quiero cancelar mi cita'))).toMatch(/¿Cancelo|Cancelar/i);
    await chat.send('sí');
    expect((await env.prisma.appointment.findUniqueOrThrow({ where: { id: booked.id } })).status).toBe('cancelled');
  });

  it('STOP words in Spanish opt out', async () => {
    const chat = env.chat(env.newPhone(), 'sms');
    await chat.send('hola');
    expect(chat.text(await chat.send('BAJA'))).toMatch(/No recibirás|START|INICIO/i);
    expect((await env.conversationOf(chat.phone, 'sms'))!.optedOutAt).not.toBeNull();
  });
});
