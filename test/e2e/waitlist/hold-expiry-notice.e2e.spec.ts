import type { Job } from 'bullmq';
import { holdExpiryJobId } from '../../../src/conversation/hold-expiry-notices.js';
import { openSnapshot } from '../../../src/conversation/sealed-snapshot.js';
import { useWaitlistEnv } from './waitlist-env.js';

/**
 * When a patient's hold lapses before they confirm, a BullMQ delayed job (in Redis, so it survives a
 * restart) tells them in the chat and offers to try again; it says nothing if they booked or moved on.
 */
describe('hold expiry notice in the chat', () => {
  const NOW = '2027-03-11T15:00:00.000Z';
  const env = useWaitlistEnv(NOW);
  afterEach(() => env.clock.set(NOW));

  /** A returning patient who has chosen a time and is looking at "Shall I book it?". */
  async function holding(name: string) {
    const patient = await env.patient(name);
    await patient.chat.send('follow-up with Dr Patel on Tuesday 16 March');
    const held = await patient.chat.choose(0);
    expect(patient.chat.text(held)).toMatch(/^Holding Tue 16 Mar, .* Shall I book it\?$/);
    const conversation = await env.prisma.conversation.findFirstOrThrow({ where: { patientId: patient.id, channel: 'whatsapp' } });
    const dialog = openSnapshot(conversation.snapshot, env.cipher) as { state: { context: { booking: { hold: { token: string } } } } };
    const token = dialog.state.context.booking.hold.token;
    const job = (await env.notificationsQueue.getJob(holdExpiryJobId(token))) as Job;
    return { ...patient, token, job };
  }
  const finished = (job: Job) => env.until(() => job.getState(), (state) => state === 'completed' || state === 'failed', `job ${job.id}`);

  it('the lapse is told politely after a restart, and "yes" then books the same time if it is still free', async () => {
    const patient = await holding('Hana Holt');
    expect(await patient.job.getState()).toBe('delayed');
    expect(patient.job.opts.delay).toBe(5 * 60_000);

    await env.restart();
    env.clock.set('2027-03-11T15:05:01.000Z');
    const job = (await env.notificationsQueue.getJob(patient.job.id!))!;
    expect(await job.getState()).toBe('delayed');
    await job.promote();
    await finished(job);

    const notices = await env.outboundTexts(patient.phone);
    expect(notices.map((n) => n.text)).toEqual([
      expect.stringMatching(/^Your hold has lapsed, but the time may still be free: Tue 16 Mar, \d+:\d\d (am|pm) with Dr\. Maya Patel — Follow-up visit \(30 min\), Downtown, 120 Main St\. Shall I try to book it\?$/),
    ]);
    expect(notices[0]!.choices.map((c) => c.id)).toEqual(['confirm:yes', 'confirm:no']);

    const chat = env.chat(patient.phone);
    expect(chat.text(await chat.send('yes'))).toMatch(/^You're booked ✅ Tue 16 Mar/);
    expect(await env.prisma.appointment.count({ where: { patientId: patient.id, status: 'confirmed' } })).toBe(1);
  }, 30_000);

  it('says nothing when the patient booked before the hold lapsed', async () => {
    const patient = await holding('Ivo Ivanov');
    expect(patient.chat.text(await patient.chat.send('yes'))).toMatch(/^You're booked ✅/);
    env.clock.set('2027-03-11T15:05:01.000Z');
    await patient.job.promote();
    await finished(patient.job);
    expect(await env.outboundTexts(patient.phone)).toEqual([]);
  }, 30_000);

  it('says nothing when the patient moved on to something else', async () => {
    const patient = await holding('Jo Jensen');
    await patient.chat.send('my appointments');
    env.clock.set('2027-03-11T15:05:01.000Z');
    await patient.job.promote();
    await finished(patient.job);
    expect(await env.outboundTexts(patient.phone)).toEqual([]);
  }, 30_000);
});
