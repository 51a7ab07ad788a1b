import { HoldStore } from '../../../src/booking/hold.store.js';
import { WaitlistOfferService } from '../../../src/waitlist/waitlist-offer.service.js';
import { OfferExpiryJob } from '../../../src/waitlist/jobs/offer-expiry.job.js';
import { useWaitlistEnv, type WaitlistEnv } from './waitlist-env.js';

/**
 * Waitlist offers end to end on real Postgres, Redis and BullMQ: a staff cancellation goes through the
 * outbox and the appointment-events worker to the waitlist queue; the offer is held in Redis and said
 * in the patient's simulator chat; the FakeClock moves past the claim window and the real expiry job
 * is promoted; patients answer in the chat.
 */
describe('waitlist offers', () => {
  // Thu 11 Mar 2027, 10:00 EST. Dr. Patel works Downtown on Tuesdays.
  const NOW = '2027-03-11T15:00:00.000Z';
  const env = useWaitlistEnv(NOW);

  const bookFor = async (fullName: string, start: string, providerId = env.ids.patel) => {
    const res = await env.api('POST', '/api/v1/appointments', { serviceId: env.ids.followUp, providerId, start, source: 'console', patient: { phone: env.newPhone(), fullName } });
    if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; patientId: string };
  };
  const cancel = async (appointmentId: string) => {
    expect((await env.api('POST', `/api/v1/appointments/${appointmentId}/cancel`, { reason: 'Patient called to cancel' })).status).toBe(200);
  };
  /** The pending offer of a slot, once its message is in the patient's chat. */
  const pendingOffer = (slotStart: string) =>
    env.until(() => env.prisma.waitlistOffer.findFirst({ where: { slotStart: new Date(slotStart), outcome: 'pending', messageId: { not: null } } }), (o) => o !== null, `a pending offer at ${slotStart}`);
  const freeStarts = async (day: string) => {
    const res = await env.api('GET', `/api/v1/availability?service=${env.ids.followUp}&provider=${env.ids.patel}&from=${day}&to=${day}`);
    return (res.body.slots as { start: string }[]).map((s) => s.start);
  };

  describe('a cancelled slot', () => {
    const SLOT = '2027-03-16T15:00:00.000Z'; // Tue 16 Mar, 11:00 am EDT
    let a: Awaited<ReturnType<WaitlistEnv['patient']>>;
    let b: typeof a;
    let c: typeof a;
    const entries: Record<string, string> = {};

    beforeAll(async () => {
      [a, b, c] = [await env.patient('Ana Alvarez'), await env.patient('Ben Brown'), await env.patient('Cleo Chen')];
      const d = await env.patient('Dev Dorsey');
      const e = await env.patient('Eve Evans');
      const f = await env.patient('Fay Fox');
      const g = await env.patient('Gus Green');
      entries.a = (await env.entry(a.id, { earliest: '2027-03-15', latest: '2027-03-19', createdAt: '2027-03-01T12:00:00Z' })).id;
      entries.aLater = (await env.entry(a.id, { earliest: '2027-03-17', latest: '2027-03-25', createdAt: '2027-03-02T12:00:00Z' })).id;
      entries.aVaccination = (await env.entry(a.id, { serviceId: env.ids.vaccination, earliest: '2027-03-15', latest: '2027-03-19', createdAt: '2027-03-02T12:00:00Z' })).id;
      entries.b = (await env.entry(b.id, { providerId: env.ids.patel, earliest: '2027-03-16', latest: '2027-03-16', urgency: 5, createdAt: '2027-03-05T12:00:00Z' })).id;
      entries.c = (await env.entry(c.id, { locationId: env.ids.downtown, earliest: '2027-03-10', latest: '2027-03-20', urgency: 5, createdAt: '2027-03-06T12:00:00Z' })).id;
      // More urgent, but each unsuitable: wrong days, another provider, opted out everywhere, busy then.
      await env.entry(d.id, { earliest: '2027-03-17', latest: '2027-03-20', urgency: 9, createdAt: '2027-03-01T00:00:00Z' });
      await env.entry(e.id, { providerId: env.ids.garcia, earliest: '2027-03-15', latest: '2027-03-19', urgency: 9, createdAt: '2027-03-01T00:00:00Z' });
      await env.entry(f.id, { earliest: '2027-03-15', latest: '2027-03-19', urgency: 9, createdAt: '2027-03-01T00:00:00Z' });
      await env.prisma.patient.update({ where: { id: f.id }, data: { smsOptedOutAt: new Date(NOW), whatsappOptedOutAt: new Date(NOW) } });
      await env.entry(g.id, { earliest: '2027-03-15', latest: '2027-03-19', urgency: 9, createdAt: '2027-03-01T00:00:00Z' });
      await env.prisma.appointment.create({
        data: {
          clinicId: env.ids.clinicId, providerId: env.ids.khan, serviceId: env.ids.followUp, patientId: g.id, startsAt: new Date(SLOT), endsAt: new Date('2027-03-16T15:30:00Z'),
          blockStart: new Date(SLOT), blockEnd: new Date('2027-03-16T15:30:00Z'), status: 'confirmed', source: 'console', createdBy: 'system', updatedBy: 'system',
        },
      });
    }, 60_000);

    it('a cancellation offers the slot to the most urgent, earliest suitable patient, held for the claim window', async () => {
      const taken = await bookFor('Xavier Xu', SLOT);
      expect(await freeStarts('2027-03-16')).not.toContain(SLOT);
      await cancel(taken.id);

      const offer = await pendingOffer(SLOT);
      expect(offer).toMatchObject({ patientId: b.id, entryId: entries.b, providerId: env.ids.patel, trigger: 'cancellation', freedByAppointmentId: taken.id, offeredBy: 'system' });
      expect(offer!.offeredAt.toISOString()).toBe(NOW);
      expect(offer!.expiresAt.toISOString()).toBe('2027-03-11T15:30:00.000Z');
      expect((await env.prisma.waitlistEntry.findUniqueOrThrow({ where: { id: entries.b } })).status).toBe('offered');

      const [message] = await env.outboundTexts(b.phone);
      expect(message!.text).toBe("Good news — a time opened up: Tue 16 Mar, 11:00 am with Dr. Maya Patel — Follow-up visit, Downtown, 120 Main St. I'm holding it for you for 30 minutes. Would you like it?");
      expect(message!.choices.map((choice) => choice.id)).toEqual(['offer:yes', 'offer:no']);
      expect(await env.outboundTexts(c.phone)).toEqual([]);

      // Held for Ben: nobody else sees it or can book it meanwhile.
      expect(await freeStarts('2027-03-16')).not.toContain(SLOT);
      const intruder = await env.api('POST', '/api/v1/appointments', { serviceId: env.ids.followUp, providerId: env.ids.patel, start: SLOT, source: 'console', patient: { phone: env.newPhone(), fullName: 'Ida Intruder' } });
      expect(intruder.status).toBe(409);

      const job = await env.waitlistQueue.getJob(`waitlist-offer-expiry-${offer!.id}`);
      expect(await job?.getState()).toBe('delayed');
      expect(job!.opts.delay).toBe(30 * 60_000);
    }, 30_000);

    it('silence: at the end of the claim window the offer expires and passes to the next patient; a late "yes" gets nothing', async () => {
      const first = (await env.prisma.waitlistOffer.findFirstOrThrow({ where: { slotStart: new Date(SLOT), patientId: b.id } }));
      env.clock.set('2027-03-11T15:30:01.000Z');
      await (await env.waitlistQueue.getJob(`waitlist-offer-expiry-${first.id}`))!.promote();

      await env.until(() => env.prisma.waitlistOffer.findUniqueOrThrow({ where: { id: first.id } }), (o) => o.outcome !== 'pending', 'the first offer to close');
      const next = await pendingOffer(SLOT);
      expect(next).toMatchObject({ patientId: c.id, entryId: entries.c });
      expect(await env.prisma.waitlistOffer.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ outcome: 'expired' });
      expect((await env.prisma.waitlistEntry.findUniqueOrThrow({ where: { id: entries.b } })).status).toBe('waiting');
      expect((await env.outboundTexts(c.phone))[0]!.text).toMatch(/^Good news — a time opened up: Tue 16 Mar, 11:00 am/);

      const late = await b.chat.send('yes');
      expect(b.chat.text(late)).toBe("Sorry, that time is no longer available. You're still on the waitlist — I'll message you if another opens up.");
      expect(await env.prisma.appointment.count({ where: { patientId: b.id } })).toBe(0);
    }, 30_000);

    it('"no" declines and passes the slot on at once', async () => {
      // Tapping the offer's "No, thanks" button.
      const declined = await c.chat.send('No, thanks', 'offer:no');
      expect(c.chat.text(declined)).toBe("No problem — you're still on the waitlist, and I'll message you if another time opens up.");
      const next = await pendingOffer(SLOT);
      expect(next).toMatchObject({ patientId: a.id, entryId: entries.a });
      const closed = await env.prisma.waitlistOffer.findFirstOrThrow({ where: { slotStart: new Date(SLOT), patientId: c.id } });
      expect(closed).toMatchObject({ outcome: 'declined' });
      expect(closed.respondedAt?.toISOString()).toBe('2027-03-11T15:30:01.000Z');
    }, 30_000);

    it('"yes" books it through the hold and removes the patient\'s other entries for that service and window', async () => {
      const offer = await pendingOffer(SLOT);
      const replies = await a.chat.send('yes');
      expect(a.chat.text(replies)).toBe("You're booked ✅ Tue 16 Mar, 11:00–11:30 am with Dr. Patel at Downtown, 120 Main St.\nReply any time to change it.");

      const booked = await env.prisma.appointment.findFirstOrThrow({ where: { patientId: a.id } });
      expect(booked).toMatchObject({ providerId: env.ids.patel, serviceId: env.ids.followUp, status: 'confirmed', source: 'whatsapp' });
      expect(booked.startsAt.toISOString()).toBe(SLOT);
      expect(await env.prisma.waitlistOffer.findUniqueOrThrow({ where: { id: offer!.id } })).toMatchObject({ outcome: 'accepted', appointmentId: booked.id });
      const statuses = Object.fromEntries(await Promise.all(['a', 'aLater', 'aVaccination'].map(async (key) => [key, (await env.prisma.waitlistEntry.findUniqueOrThrow({ where: { id: entries[key]! } })).status])));
      expect(statuses).toEqual({ a: 'booked', aLater: 'removed', aVaccination: 'waiting' });
      // Nobody else is offered it, and it is no longer free.
      expect(await env.prisma.waitlistOffer.count({ where: { slotStart: new Date(SLOT), outcome: 'pending' } })).toBe(0);
      expect(await env.prisma.appointment.count({ where: { providerId: env.ids.patel, startsAt: new Date(SLOT), status: 'confirmed' } })).toBe(1);
    }, 30_000);
  });

  describe('two patients can never both get a slot', () => {
    const SLOT = '2027-03-16T14:00:00.000Z'; // Tue 16 Mar, 10:00 am EDT

    it('concurrent openings make one offer; the offered patient, a staff booking and a direct offer race — one booking', async () => {
      env.clock.set(NOW);
      const patients = [];
      for (const [i, name] of ['Rae Ruiz', 'Sam Soto', 'Tia Tran', 'Uma Ueda'].entries()) {
        const p = await env.patient(name);
        // More urgent than anyone from the other tests, so they are the candidates for this slot.
        patients.push({ ...p, entryId: (await env.entry(p.id, { earliest: '2027-03-16', latest: '2027-03-16', urgency: 50, createdAt: `2027-03-0${i + 1}T12:00:00Z` })).id });
      }
      const taken = await bookFor('Yul Yates', SLOT);
      await cancel(taken.id);
      // The worker handles the cancellation while six more attempts to offer the same opening run at once.
      const service = env.running.app.get(WaitlistOfferService);
      const opening = {
        clinicId: env.ids.clinicId, serviceId: env.ids.followUp, providerId: env.ids.patel, locationId: env.ids.downtown, start: new Date(SLOT),
        freedAt: new Date(NOW), trigger: 'cancellation' as const, freedByAppointmentId: taken.id,
      };
      await Promise.all(Array.from({ length: 6 }, () => service.offerOpening(opening)));
      const offer = await pendingOffer(SLOT);
      await new Promise((r) => setTimeout(r, 500)); // let the worker's own attempt finish too
      const offers = await env.prisma.waitlistOffer.findMany({ where: { slotStart: new Date(SLOT) } });
      expect(offers.filter((o) => o.outcome === 'pending')).toHaveLength(1);
      expect(offer!.patientId).toBe(patients[0]!.id);
      const messaged = await Promise.all(patients.map(async (p) => (await env.outboundTexts(p.phone)).length));
      expect(messaged).toEqual([1, 0, 0, 0]);

      const [accepted, staffBooking, directOffer, expiry] = await Promise.all([
        patients[0]!.chat.send('yes'),
        env.api('POST', '/api/v1/appointments', { serviceId: env.ids.followUp, providerId: env.ids.patel, start: SLOT, source: 'console', patient: { phone: patients[1]!.phone, fullName: 'Sam Soto' } }),
        env.api('POST', `/api/v1/waitlist/${patients[2]!.entryId}/offer`, { providerId: env.ids.patel, start: SLOT }),
        env.running.app.get(OfferExpiryJob).run({ offerId: offer!.id }),
      ]);
      expect(patients[0]!.chat.text(accepted)).toMatch(/^You're booked ✅ Tue 16 Mar, 10:00–10:30 am/);
      expect(staffBooking.status).toBe(409);
      expect(directOffer.status).toBe(409);
      expect(expiry.kind === 'not_due' || expiry.kind === 'answered').toBe(true);
      const active = await env.prisma.appointment.findMany({ where: { providerId: env.ids.patel, startsAt: new Date(SLOT), status: { notIn: ['cancelled', 'rescheduled'] } } });
      expect(active.map((x) => x.patientId)).toEqual([patients[0]!.id]);
    }, 30_000);

    it('"yes" at the very end of the window loses to the expiry: the next patient gets it, and only they can book it', async () => {
      const SLOT2 = '2027-03-16T18:00:00.000Z'; // 2:00 pm EDT
      env.clock.set(NOW);
      const first = await env.patient('Vic Vance');
      const second = await env.patient('Wes Wong');
      await env.entry(first.id, { earliest: '2027-03-16', latest: '2027-03-16', urgency: 90, createdAt: '2027-03-01T12:00:00Z' });
      await env.entry(second.id, { earliest: '2027-03-16', latest: '2027-03-16', urgency: 90, createdAt: '2027-03-02T12:00:00Z' });
      await cancel((await bookFor('Zed Zane', SLOT2)).id);
      const offer = await pendingOffer(SLOT2);
      expect(offer!.patientId).toBe(first.id);

      env.clock.set(offer!.expiresAt);
      const [late, expired] = await Promise.all([first.chat.send('yes'), env.running.app.get(OfferExpiryJob).run({ offerId: offer!.id })]);
      expect(first.chat.text(late)).toMatch(/^Sorry, that time is no longer available/);
      expect(expired.kind).toBe('passed_on');
      const next = await pendingOffer(SLOT2);
      expect(next!.patientId).toBe(second.id);
      expect(second.chat.text(await second.chat.send('1'))).toMatch(/^You're booked ✅/);
      const active = await env.prisma.appointment.findMany({ where: { providerId: env.ids.patel, startsAt: new Date(SLOT2), status: { notIn: ['cancelled', 'rescheduled'] } } });
      expect(active.map((x) => x.patientId)).toEqual([second.id]);
    }, 30_000);
  });

  describe('new hours', () => {
    // Sam Lee, PT works Northside on weekdays only (physio: 45 min + 15 min after). Nobody else here waits for physio.
    const SAT = '2027-03-20';
    const NINE = '2027-03-20T13:00:00.000Z'; // 9:00 am EDT
    const TEN = '2027-03-20T14:00:00.000Z';
    let low: Awaited<ReturnType<WaitlistEnv['patient']>>;
    let high: typeof low;
    const entries: Record<string, string> = {};
    let saturday: { id: string };

    const leeStarts = async (day: string) => {
      const res = await env.api('GET', `/api/v1/availability?service=${env.ids.physio}&provider=${env.ids.lee}&from=${day}&to=${day}`);
      return (res.body.slots as { start: string }[]).map((slot) => slot.start);
    };
    const hoursEvents = () => env.prisma.outboxEvent.findMany({ where: { eventType: 'schedule.hours_added' }, orderBy: { id: 'asc' } });
    /** The waitlist job of the newest hours-added event, once it has run: how many offers it made. */
    const lastNewHoursJob = async () => {
      const event = (await hoursEvents()).at(-1)!;
      const job = await env.until(() => env.waitlistQueue.getJob(`waitlist-new-hours-${event.id}`), (j) => j !== undefined, 'the new-hours job');
      await env.until(() => job!.getState(), (state) => state === 'completed', 'the new-hours job to finish');
      return { event, offers: ((await env.waitlistQueue.getJob(job!.id!))!.returnvalue as { offers: number }).offers };
    };
    const saturdayHours = (endTime: string, reason: string) => ({
      kind: 'extra_hours', providerId: env.ids.lee, locationId: env.ids.northside, startsOn: SAT, endsOn: SAT, startTime: '09:00', endTime, reason,
    });

    beforeAll(async () => {
      env.clock.set(NOW);
      [low, high] = [await env.patient('Hal Hughes'), await env.patient('Ivy Ito')];
      entries.low = (await env.entry(low.id, { serviceId: env.ids.physio, earliest: SAT, latest: SAT, urgency: 2, createdAt: '2027-03-01T12:00:00Z' })).id;
      entries.high = (await env.entry(high.id, { serviceId: env.ids.physio, providerId: env.ids.lee, earliest: SAT, latest: SAT, urgency: 8, createdAt: '2027-03-05T12:00:00Z' })).id;
    }, 30_000);

    it('extra hours on a day the provider does not work: the more urgent patient is offered the first new time, held, and "yes" books it', async () => {
      expect(await leeStarts(SAT)).toEqual([]);
      const created = await env.api('POST', '/api/v1/schedule-exceptions', saturdayHours('10:00', 'Saturday clinic'));
      expect(created.status).toBe(201);
      saturday = created.body;

      const offer = await pendingOffer(NINE);
      const { event, offers } = await lastNewHoursJob();
      expect(offers).toBe(1);
      expect(offer).toMatchObject({
        patientId: high.id, entryId: entries.high, providerId: env.ids.lee, serviceId: env.ids.physio, locationId: env.ids.northside,
        trigger: 'new_hours', freedByAppointmentId: null, offeredBy: 'system',
      });
      expect(offer!.slotFreedAt).toEqual(event.createdAt);
      expect(offer!.expiresAt.toISOString()).toBe('2027-03-11T15:30:00.000Z');
      const holds = await env.running.app.get(HoldStore).live([env.ids.lee], +env.clock.now());
      expect(holds.map((h) => ({ holder: h.holder, start: new Date(h.start).toISOString() }))).toEqual([{ holder: `waitlist-${entries.high}`, start: NINE }]);
      expect(await leeStarts(SAT)).toEqual([]);
      const [message] = await env.outboundTexts(high.phone);
      expect(message!.text).toBe("Good news — a time opened up: Sat 20 Mar, 9:00 am with Sam Lee, PT — Physio session, Northside, 45 North Ave. I'm holding it for you for 30 minutes. Would you like it?");
      // The less urgent patient waits: the only new time is held for the other.
      expect(await env.prisma.waitlistOffer.count({ where: { patientId: low.id } })).toBe(0);
      expect(await env.outboundTexts(low.phone)).toEqual([]);

      expect(high.chat.text(await high.chat.send('yes'))).toMatch(/^You're booked ✅ Sat 20 Mar, 9:00–9:45 am with Sam Lee at Northside/);
      const booked = await env.prisma.appointment.findFirstOrThrow({ where: { patientId: high.id } });
      expect(booked).toMatchObject({ providerId: env.ids.lee, serviceId: env.ids.physio, status: 'confirmed' });
      expect(booked.startsAt.toISOString()).toBe(NINE);
      expect(await env.prisma.waitlistOffer.findUniqueOrThrow({ where: { id: offer!.id } })).toMatchObject({ outcome: 'accepted', appointmentId: booked.id });
    }, 30_000);

    it('removing hours, or edits that add none, offer nothing; widening the extra hours offers the next patient the new time', async () => {
      // Extra hours on a day nobody waits for: announced, and nobody is offered anything.
      const sunday = await env.api('POST', '/api/v1/schedule-exceptions', { ...saturdayHours('12:00', 'Sunday clinic'), startsOn: '2027-03-21', endsOn: '2027-03-21' });
      expect(sunday.status).toBe(201);
      expect((await lastNewHoursJob()).offers).toBe(0);
      const announced = (await hoursEvents()).length;

      const rules = (await env.api('GET', `/api/v1/availability-rules?filter=${encodeURIComponent(JSON.stringify({ providerId: env.ids.lee }))}`)).body as { id: string; weekday: number }[];
      const monday = rules.find((r) => r.weekday === 1)!;
      const friday = rules.find((r) => r.weekday === 5)!;
      const noTimeAdded = [
        await env.api('PUT', `/api/v1/schedule-exceptions/${saturday.id}`, saturdayHours('10:00', 'Saturday clinic (Sam covering)')),
        await env.api('POST', '/api/v1/schedule-exceptions', { kind: 'staff_block', providerId: env.ids.lee, locationId: env.ids.northside, startsOn: SAT, endsOn: SAT, startTime: '09:00', endTime: '09:45' }),
        await env.api('PUT', `/api/v1/availability-rules/${monday.id}`, { providerId: env.ids.lee, locationId: env.ids.northside, weekday: 1, startTime: '08:00', endTime: '15:00' }),
        await env.api('DELETE', `/api/v1/availability-rules/${friday.id}`),
        await env.api('DELETE', `/api/v1/schedule-exceptions/${sunday.body.id}`),
      ];
      expect(noTimeAdded.map((res) => res.status)).toEqual([200, 201, 200, 200, 200]);
      expect((await hoursEvents()).length).toBe(announced);

      // Until hours are added: the next free time after Ivy's booking (9:00–9:45, 15 min after) is 10:00.
      expect((await env.api('PUT', `/api/v1/schedule-exceptions/${saturday.id}`, saturdayHours('11:00', 'Saturday clinic (longer)'))).status).toBe(200);
      const offer = await pendingOffer(TEN);
      expect(offer).toMatchObject({ patientId: low.id, entryId: entries.low, providerId: env.ids.lee, trigger: 'new_hours' });
      expect((await lastNewHoursJob()).offers).toBe(1);
      expect(await env.prisma.waitlistOffer.count({ where: { patientId: { in: [low.id, high.id] } } })).toBe(2);
      expect((await env.outboundTexts(low.phone))[0]!.text).toMatch(/^Good news — a time opened up: Sat 20 Mar, 10:00 am with Sam Lee, PT/);
    }, 30_000);
  });
});
