import { Queue } from 'bullmq';
import { APPOINTMENT_EVENT_BATCH_JOB } from '../../src/queue/queues.js';
import { FakeClock } from '../support/fake-clock.js';
import { patientChat } from '../support/chat.js';
import { useTestApp } from '../support/test-app.js';
import { NoShowCheckJob } from '../../src/notifications/no-show-check.job.js';
import { ReminderReconciler } from '../../src/notifications/reminder-reconciler.js';
import { SendNotificationJob } from '../../src/notifications/send-notification.job.js';

/**
 * Reminders, notices and no-shows from booking events, on real Redis/BullMQ and Postgres, with an
 * injected clock: jobs are checked by their scheduled instants and run by hand at a later "now".
 */
describe('notifications', () => {
  let queue: Queue;
  const clock = new FakeClock(new Date('2027-03-11T15:00:00Z')); // Thu 11 Mar 2027, 10:00 EST — DST starts Sun 14 Mar
  const prefix = `t:notif${process.pid}`;
  let phone = 4_000_000;
  const env = useTestApp('demo', { overrides: { REDIS_PREFIX: prefix }, app: { clock } });
  beforeAll(() => { queue = new Queue('notifications', { connection: { url: env.config.redis.url }, prefix: `${prefix}:bull` }); });
  afterAll(() => queue?.close());

  const book = async (start: string, serviceId = env.ids.followUp, providerId = env.ids.patel, patientPhone = `+1718${++phone}`) => {
    const res = await env.api('POST', '/api/v1/appointments', { serviceId, providerId, start, source: 'console', patient: { phone: patientPhone, fullName: 'Rem Inder' } });
    if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; patientId: string };
  };
  const scheduled = async (appointmentId: string, count: number) => {
    for (let i = 0; i < 100; i++) {
      const rows = await env.prisma.notification.findMany({ where: { appointmentId }, orderBy: { sendAt: 'asc' } });
      if (rows.length >= count) return rows;
      await new Promise((r) => setTimeout(r, 100));
    }
    return env.prisma.notification.findMany({ where: { appointmentId }, orderBy: { sendAt: 'asc' } });
  };

  /** A booking event's job data for the appointment-events queue, as the relay builds it from an outbox row. */
  const bookedEventJob = (row: { id: bigint; payload: unknown }, appointmentId: string, outboxId = String(row.id)) =>
    ({ outboxId, clinicId: env.ids.clinicId, appointmentId, eventType: 'appointment.booked' as const, payload: row.payload as never, occurredAt: new Date().toISOString() });
  const waitUntil = async (done: () => Promise<boolean>) => {
    for (let i = 0; i < 100 && !(await done()); i++) await new Promise((r) => setTimeout(r, 100));
    expect(await done()).toBe(true);
  };

  it('booking 4 days ahead: confirmation now and reminders 72 h, 24 h, 2 h before — exact instants across the DST change', async () => {
    // Mon 15 Mar 2027 10:00 EDT = 14:00Z, the day after clocks went forward.
    const appointment = await book('2027-03-15T14:00:00.000Z');
    const rows = await scheduled(appointment.id, 4);
    expect(rows.map((r) => [r.kind, r.offsetMinutes, r.sendAt.toISOString()])).toEqual([
      ['confirmation', null, '2027-03-11T15:00:00.000Z'],
      ['reminder', 4320, '2027-03-12T14:00:00.000Z'],
      ['reminder', 1440, '2027-03-14T14:00:00.000Z'],
      ['reminder', 120, '2027-03-15T12:00:00.000Z'],
    ]);
    for (const row of rows.filter((r) => r.kind === 'reminder')) {
      const job = await queue.getJob(row.jobId);
      expect(job?.opts.delay).toBe(+row.sendAt - +clock.now());
      expect(await job?.getState()).toBe('delayed');
    }
    const noShow = await queue.getJob(`no-show-${appointment.id}`);
    expect(noShow?.opts.delay).toBe(Date.parse('2027-03-15T14:15:00Z') - +clock.now());
  });

  it('booking 3 hours ahead schedules only the 2-hour reminder', async () => {
    const appointment = await book('2027-03-11T18:00:00.000Z', env.ids.vaccination, env.ids.patel);
    const rows = await scheduled(appointment.id, 2);
    expect(rows.map((r) => [r.kind, r.offsetMinutes])).toEqual([['confirmation', null], ['reminder', 120]]);
  });

  it('cancelling removes pending reminders (recorded as skipped) and sends a cancellation notice', async () => {
    const appointment = await book('2027-03-16T15:00:00.000Z');
    await scheduled(appointment.id, 4);
    expect((await env.api('POST', `/api/v1/appointments/${appointment.id}/cancel`, { reason: 'Patient called' })).status).toBe(200);
    for (let i = 0; i < 50 && (await env.prisma.notification.count({ where: { appointmentId: appointment.id, kind: 'cancellation_notice' } })) === 0; i++) await new Promise((r) => setTimeout(r, 100));
    const rows = await env.prisma.notification.findMany({ where: { appointmentId: appointment.id } });
    const reminders = rows.filter((r) => r.kind === 'reminder');
    expect(reminders.every((r) => r.status === 'skipped' && r.skipReason === 'appointment cancelled')).toBe(true);
    for (const r of reminders) expect(await queue.getJob(r.jobId)).toBeUndefined();
    expect(rows.some((r) => r.kind === 'cancellation_notice')).toBe(true);
    expect(await queue.getJob(`no-show-${appointment.id}`)).toBeUndefined();
  });

  it('rescheduling moves the reminders to the new time', async () => {
    const appointment = await book('2027-03-17T15:00:00.000Z');
    await scheduled(appointment.id, 4);
    const moved = await env.api('POST', `/api/v1/appointments/${appointment.id}/reschedule`, { start: '2027-03-18T15:00:00.000Z' });
    expect(moved.status).toBe(201);
    const fresh = await scheduled(moved.body.id, 4);
    expect(fresh.filter((r) => r.kind === 'reminder').map((r) => r.sendAt.toISOString())).toEqual([
      '2027-03-15T15:00:00.000Z', '2027-03-17T15:00:00.000Z', '2027-03-18T13:00:00.000Z',
    ]);
    const old = await env.prisma.notification.findMany({ where: { appointmentId: appointment.id, kind: 'reminder' } });
    expect(old.every((r) => r.status === 'skipped' && r.skipReason === 'appointment moved')).toBe(true);
  });

  it('the same booking event delivered twice schedules once (in a later relay pass, or as a single-event job of an earlier version)', async () => {
    const appointment = await book('2027-03-19T15:00:00.000Z');
    await scheduled(appointment.id, 4);
    const event = await env.prisma.outboxEvent.findFirstOrThrow({ where: { aggregateId: appointment.id } });
    const again = bookedEventJob(event, appointment.id);
    const events = new Queue('appointment-events', { connection: { url: process.env.REDIS_URL! }, prefix: `${prefix}:bull` });
    try {
      const batch = await events.add(APPOINTMENT_EVENT_BATCH_JOB, { events: [again] }, { jobId: `again-${event.id}` });
      const single = await events.add('appointment.booked', again, { jobId: `again-single-${event.id}` });
      await waitUntil(async () => (await batch.getState()) === 'completed' && (await single.getState()) === 'completed');
    } finally {
      await events.close();
    }
    expect(await env.prisma.notification.count({ where: { appointmentId: appointment.id } })).toBe(4);
    const jobs = await queue.getJobs(['delayed', 'waiting', 'active', 'completed', 'failed']);
    expect(jobs.filter((j) => j.id?.includes(appointment.id) && j.id.startsWith('notify-reminder')).length).toBe(3);
  });

  it('an event that cannot be applied is retried alone: the rest of its relay pass is applied at once', async () => {
    const appointment = await book('2027-03-19T15:30:00.000Z');
    await scheduled(appointment.id, 4);
    // Forget what its booking event did, so applying the event again shows.
    await Promise.all((await queue.getJobs(['delayed', 'waiting'])).filter((j) => j.id?.includes(appointment.id)).map((j) => j.remove()));
    await env.prisma.notification.deleteMany({ where: { appointmentId: appointment.id } });
    const booked = await env.prisma.outboxEvent.findFirstOrThrow({ where: { aggregateId: appointment.id } });
    const events = new Queue('appointment-events', { connection: { url: process.env.REDIS_URL! }, prefix: `${prefix}:bull` });
    try {
      // First an event that fails (its appointment id is not an id), then a good one of another appointment.
      const job = await events.add(APPOINTMENT_EVENT_BATCH_JOB, { events: [bookedEventJob(booked, 'not-an-id', 'broken'), bookedEventJob(booked, appointment.id)] }, { jobId: `partial-${booked.id}`, attempts: 3, backoff: { type: 'fixed', delay: 60_000 } });
      await waitUntil(async () => (await job.getState()) === 'delayed');
      const retry = await events.getJob(job.id!);
      expect(retry!.data.events.map((e: { outboxId: string }) => e.outboxId)).toEqual(['broken']);
      expect(retry!.failedReason).toMatch(/1 of 2 booking events not applied yet/);
      await retry!.remove();
    } finally {
      await events.close();
    }
    expect(await env.prisma.notification.count({ where: { appointmentId: appointment.id } })).toBe(4);
  });

  it('a reminder whose appointment was cancelled after scheduling sends nothing and records why', async () => {
    const appointment = await book('2027-03-22T15:00:00.000Z');
    const rows = await scheduled(appointment.id, 4);
    // The cancellation happens behind the scheduler's back (say, the event is still in flight).
    await env.prisma.appointment.update({ where: { id: appointment.id }, data: { status: 'cancelled' } });
    const reminder = rows.find((r) => r.offsetMinutes === 1440)!;
    clock.set(reminder.sendAt);
    try {
      expect(await env.running.app.get(SendNotificationJob).run({ notificationId: reminder.id })).toBe('skipped');
    } finally {
      clock.set('2027-03-11T15:00:00Z');
    }
    expect(await env.prisma.notification.findUniqueOrThrow({ where: { id: reminder.id } })).toMatchObject({ status: 'skipped', skipReason: 'appointment is cancelled', messageId: null });
  });

  it('jobs Redis lost are put back from Postgres with their ids and times; existing ones are left alone', async () => {
    const appointment = await book('2027-03-12T16:30:00.000Z'); // tomorrow: reminders 24 h and 2 h before, no-show check
    const rows = await scheduled(appointment.id, 3);
    const reminders = rows.filter((r) => r.kind === 'reminder');
    expect(reminders.map((r) => r.offsetMinutes)).toEqual([1440, 120]);
    const reconciler = env.running.app.get(ReminderReconciler);
    // Nothing lost yet: a pass changes nothing (other tests' appointments are far ahead or settled).
    await reconciler.reconcileOnce();
    const before = await queue.getJob(reminders[1]!.jobId);
    // Redis loses the 24-h reminder and the no-show check (no persistence, a failover…).
    await queue.remove(reminders[0]!.jobId);
    await queue.remove(`no-show-${appointment.id}`);
    expect(await queue.getJob(reminders[0]!.jobId)).toBeUndefined();

    expect(await reconciler.reconcileOnce()).toEqual({ notifications: 1, noShowChecks: 1 });
    const restored = await queue.getJob(reminders[0]!.jobId);
    expect(restored?.data).toEqual({ notificationId: reminders[0]!.id });
    expect(restored?.opts.delay).toBe(+reminders[0]!.sendAt - +clock.now());
    expect(await restored?.getState()).toBe('delayed');
    expect((await queue.getJob(`no-show-${appointment.id}`))?.opts.delay).toBe(Date.parse('2027-03-12T16:45:00Z') - +clock.now());
    // The job that was never lost is the same job, and a second pass adds nothing.
    expect((await queue.getJob(reminders[1]!.jobId))?.timestamp).toBe(before?.timestamp);
    expect(await reconciler.reconcileOnce()).toEqual({ notifications: 0, noShowChecks: 0 });
  });

  it('a reminder that could not go before the appointment started is skipped, not sent late', async () => {
    const appointment = await book('2027-03-24T15:00:00.000Z');
    const rows = await scheduled(appointment.id, 4);
    const reminder = rows.find((r) => r.offsetMinutes === 120)!;
    clock.set('2027-03-24T15:05:00Z');
    try {
      expect(await env.running.app.get(SendNotificationJob).run({ notificationId: reminder.id })).toBe('skipped');
    } finally {
      clock.set('2027-03-11T15:00:00Z');
    }
    expect(await env.prisma.notification.findUniqueOrThrow({ where: { id: reminder.id } })).toMatchObject({ status: 'skipped', skipReason: 'the appointment has already started', messageId: null });
  });

  it('a due reminder goes into the patient\'s conversation with numbered answers', async () => {
    const appointment = await book('2027-03-23T15:00:00.000Z');
    const rows = await scheduled(appointment.id, 4);
    const reminder = rows.find((r) => r.offsetMinutes === 120)!;
    clock.set(reminder.sendAt);
    try {
      expect(await env.running.app.get(SendNotificationJob).run({ notificationId: reminder.id })).toBe('sent');
    } finally {
      clock.set('2027-03-11T15:00:00Z');
    }
    const sent = await env.prisma.notification.findUniqueOrThrow({ where: { id: reminder.id } });
    expect(sent.status).toBe('sent');
    const message = await env.prisma.message.findUniqueOrThrow({ where: { id: sent.messageId! } });
    expect(message).toMatchObject({ direction: 'outbound', channel: 'sms' });
    expect((message.choices as { neutral: { id: string }[] }).neutral.map((c) => c.id)).toEqual(['rem:confirm', 'rem:change', 'rem:cancel']);
  });

  it('no-show: 15 minutes after an unattended start the appointment is a no-show; above the threshold the patient is flagged and chat bookings wait for approval', async () => {
    const patientPhone = `+1718${++phone}`;
    const starts = ['2027-03-12T15:00:00.000Z', '2027-03-12T16:00:00.000Z', '2027-03-12T18:00:00.000Z', '2027-03-12T19:00:00.000Z'];
    const booked = [];
    for (const start of starts) booked.push(await book(start, env.ids.followUp, env.ids.patel, patientPhone));
    const attended = await book('2027-03-12T20:00:00.000Z');
    const job = env.running.app.get(NoShowCheckJob);
    try {
      for (const [i, appointment] of booked.entries()) {
        clock.set(new Date(Date.parse(starts[i]!) + 16 * 60_000));
        expect(await job.run({ appointmentId: appointment.id })).toBe('no_show');
        const patient = await env.prisma.patient.findUniqueOrThrow({ where: { id: appointment.patientId } });
        expect(patient.noShowCount).toBe(i + 1);
        expect(patient.flaggedAt !== null).toBe(i + 1 > 3);
      }
      expect((await env.prisma.appointment.findUniqueOrThrow({ where: { id: booked[0]!.id } })).status).toBe('no_show');
      expect(await env.prisma.auditLog.count({ where: { entityId: booked[0]!.id, action: 'appointment.no_show', actorType: 'system' } })).toBe(1);
      // An appointment that was checked in is left alone.
      clock.set('2027-03-12T19:55:00Z');
      await env.api('POST', `/api/v1/appointments/${attended.id}/status`, { status: 'checked_in' });
      clock.set('2027-03-12T20:20:00Z');
      expect(await job.run({ appointmentId: attended.id })).toBe('attended');

      // The flagged patient books over chat: the booking waits for staff approval.
      clock.set('2027-03-13T15:00:00Z');
      const chat = patientChat(env.running.url, patientPhone, 'sms');
      await chat.send('follow-up with Dr Patel on Tuesday 16 March');
      await chat.send('1');
      await chat.send('yes');
      const latest = await env.prisma.appointment.findFirstOrThrow({ where: { patientId: booked[0]!.patientId, source: 'sms' } });
      expect(latest.status).toBe('requested');
    } finally {
      clock.set('2027-03-11T15:00:00Z');
    }
  }, 30_000);

  describe('replies to a reminder', () => {
    // Dr. García works Downtown on Wednesdays 08:00–14:00 EDT (12:00–18:00Z): one half hour per case.
    let slot = 0;
    const nextSlot = () => new Date(Date.parse('2027-03-24T12:00:00Z') + 30 * 60_000 * slot++).toISOString();
    async function remindedPatient(_day: string, channel: 'sms' | 'whatsapp') {
      const start = nextSlot();
      const patientPhone = `+1718${++phone}`;
      const appointment = await book(start, env.ids.followUp, env.ids.garcia, patientPhone);
      if (channel === 'whatsapp') await env.prisma.patient.update({ where: { id: appointment.patientId }, data: { preferredChannel: 'whatsapp' } });
      const rows = await scheduled(appointment.id, 4);
      const reminder = rows.find((r) => r.offsetMinutes === 1440)!;
      clock.set(reminder.sendAt);
      expect(await env.running.app.get(SendNotificationJob).run({ notificationId: reminder.id })).toBe('sent');
      return { appointment, chat: patientChat(env.running.url, patientPhone, channel) };
    }
    afterEach(() => clock.set('2027-03-11T15:00:00Z'));

    it.each([
      ['sms', '1'], ['whatsapp', 'yes'], ['sms', 'sí'],
    ] as const)('over %s, "%s" confirms the appointment', async (channel, answer) => {
      const { appointment, chat } = await remindedPatient('2027-03-24T15:00:00.000Z', channel);
      const replies = await chat.send(answer);
      expect(chat.text(replies)).toMatch(/confirm|confirmad|✅/i);
      expect((await env.prisma.appointment.findUniqueOrThrow({ where: { id: appointment.id } })).confirmedAt).not.toBeNull();
    });

    it.each([['sms', '3'], ['whatsapp', 'cancel my appointment']] as const)('over %s, "%s" cancels the right appointment after a confirmation', async (channel, answer) => {
      const { appointment, chat } = await remindedPatient('2027-03-25T15:00:00.000Z', channel);
      expect(chat.text(await chat.send(answer))).toMatch(/Cancel .*\?/);
      await chat.choose(/Yes, cancel/);
      expect((await env.prisma.appointment.findUniqueOrThrow({ where: { id: appointment.id } })).status).toBe('cancelled');
    });

    it.each([['sms', '2'], ['whatsapp', 'reschedule']] as const)('over %s, "%s" starts rescheduling that appointment', async (channel, answer) => {
      const { chat } = await remindedPatient('2027-03-26T15:00:00.000Z', channel);
      expect(chat.text(await chat.send(answer))).toMatch(/Which day would you like instead/);
    });
  });
});
