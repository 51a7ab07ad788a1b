import { apiClient } from '../../support/api-client.js';
import { useWaitlistEnv } from './waitlist-env.js';

/** The staff waitlist routes (react-admin simple-REST): auth, scope, validation, audit, direct offers. */
describe('staff waitlist API', () => {
  const NOW = '2027-03-11T15:00:00.000Z';
  const env = useWaitlistEnv(NOW);

  const audits = (action: string, entityId: string) => env.prisma.auditLog.count({ where: { action, entityId, actorType: 'staff' } });

  it('needs a signed-in receptionist or admin', async () => {
    expect((await apiClient(env.running.url, '')('GET', '/api/v1/waitlist')).status).toBe(401);
    const owner = await apiClient(env.running.url, 'owner@riverside.test')('GET', '/api/v1/waitlist');
    expect(owner.status).toBe(403);
    expect(owner.body.code).toBe('FORBIDDEN');
  });

  it('adds, lists (urgency first, filters, Content-Range), opens, changes and removes entries — every step audited', async () => {
    const patient = await env.patient('Lia Lopez');
    const other = await env.patient('Max Moss');
    const created = await env.api('POST', '/api/v1/waitlist', {
      patientId: patient.id, serviceId: env.ids.followUp, providerId: env.ids.patel, earliestDate: '2027-03-15', latestDate: '2027-03-26', urgency: 2, notes: 'prefers mornings',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ patientId: patient.id, patientName: 'Lia Lopez', status: 'waiting', source: 'staff', urgency: 2, earliestDate: '2027-03-15', latestDate: '2027-03-26' });
    const second = await env.api('POST', '/api/v1/waitlist', { patientId: other.id, serviceId: env.ids.followUp, earliestDate: '2027-03-15', latestDate: '2027-03-20', urgency: 7 });
    expect(second.status).toBe(201);
    expect(await audits('waitlist_entry.created', created.body.id)).toBe(1);

    const list = await env.api('GET', `/api/v1/waitlist?filter=${encodeURIComponent(JSON.stringify({ status: 'waiting', serviceId: env.ids.followUp }))}&range=[0,9]`);
    expect(list.status).toBe(200);
    expect(list.body.map((e: { id: string }) => e.id)).toEqual([second.body.id, created.body.id]);
    expect(list.headers.get('content-range')).toBe('waitlist 0-1/2');
    expect(list.headers.get('access-control-expose-headers')).toBe('Content-Range');
    expect(await audits('waitlist_entry.listed', created.body.id)).toBe(1);
    const byProvider = await env.api('GET', `/api/v1/waitlist?filter=${encodeURIComponent(JSON.stringify({ providerId: env.ids.patel }))}`);
    expect(byProvider.body.map((e: { id: string }) => e.id)).toEqual([created.body.id]);

    const updated = await env.api('PUT', `/api/v1/waitlist/${created.body.id}`, { urgency: 9, latestDate: '2027-03-19' });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ urgency: 9, latestDate: '2027-03-19' });
    expect(await audits('waitlist_entry.updated', created.body.id)).toBe(1);
    const reordered = await env.api('GET', `/api/v1/waitlist?filter=${encodeURIComponent(JSON.stringify({ status: 'waiting' }))}`);
    expect(reordered.body.map((e: { id: string }) => e.id).slice(0, 2)).toEqual([created.body.id, second.body.id]);

    const opened = await env.api('GET', `/api/v1/waitlist/${created.body.id}`);
    expect(opened.status).toBe(200);
    expect(opened.body.offers).toEqual([]);
    expect(await audits('waitlist_entry.viewed', created.body.id)).toBe(1);

    const removed = await env.api('DELETE', `/api/v1/waitlist/${second.body.id}`);
    expect(removed.status).toBe(200);
    expect(removed.body.status).toBe('removed');
    expect(await audits('waitlist_entry.removed', second.body.id)).toBe(1);
  }, 30_000);

  it('refuses bad input with clear 4xx answers', async () => {
    const patient = await env.patient('Ned Nash');
    const base = { patientId: patient.id, serviceId: env.ids.followUp, earliestDate: '2027-03-15', latestDate: '2027-03-20' };
    const backwards = await env.api('POST', '/api/v1/waitlist', { ...base, earliestDate: '2027-03-21' });
    expect(backwards.status).toBe(400);
    expect(backwards.body.message).toMatch(/earliestDate must not be after latestDate/);
    expect((await env.api('POST', '/api/v1/waitlist', { ...base, latestDate: 'next week' })).status).toBe(400);
    expect((await env.api('POST', '/api/v1/waitlist', { ...base, urgency: 1000 })).status).toBe(400);
    expect((await env.api('POST', '/api/v1/waitlist', { ...base, serviceId: '00000000-0000-4000-8000-000000000000' })).status).toBe(404);
    expect((await env.api('GET', '/api/v1/waitlist/not-a-uuid')).status).toBe(400);
    expect((await env.api('GET', '/api/v1/waitlist/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await env.api('GET', '/api/v1/waitlist?sort=["phone","ASC"]')).status).toBe(400);
    expect((await env.api('GET', `/api/v1/waitlist?filter=${encodeURIComponent('{"status":"lost"}')}`)).status).toBe(400);
  });

  it('offers a chosen slot to a chosen patient: held, recorded, said in their chat; a held slot cannot be offered twice', async () => {
    const SLOT = '2027-03-16T19:00:00.000Z'; // Tue 16 Mar, 3:00 pm EDT with Dr. Patel
    const patient = await env.patient('Ola Olsen');
    const rival = await env.patient('Pia Park');
    const entry = (await env.api('POST', '/api/v1/waitlist', { patientId: patient.id, serviceId: env.ids.followUp, earliestDate: '2027-03-15', latestDate: '2027-03-19' })).body;
    // The most urgent on the list, so the slot is hers once Ola's offer goes.
    const rivalEntry = (await env.api('POST', '/api/v1/waitlist', { patientId: rival.id, serviceId: env.ids.followUp, earliestDate: '2027-03-15', latestDate: '2027-03-19', urgency: 50 })).body;

    const offered = await env.api('POST', `/api/v1/waitlist/${entry.id}/offer`, { providerId: env.ids.patel, start: SLOT });
    expect(offered.status).toBe(201);
    expect(offered.body).toMatchObject({ entryId: entry.id, patientId: patient.id, outcome: 'pending', slotStart: SLOT, trigger: 'staff', expiresAt: '2027-03-11T15:30:00.000Z' });
    expect(offered.body.offeredBy).toMatch(/^staff:/);
    expect((await env.outboundTexts(patient.phone))[0]!.text).toMatch(/^Good news — a time opened up: Tue 16 Mar, 3:00 pm with Dr\. Maya Patel/);
    expect(await audits('waitlist_entry.offered', entry.id)).toBe(1);
    expect((await env.api('GET', `/api/v1/waitlist/${entry.id}`)).body).toMatchObject({ status: 'offered', offers: [{ id: offered.body.id, outcome: 'pending' }] });

    const twice = await env.api('POST', `/api/v1/waitlist/${rivalEntry.id}/offer`, { providerId: env.ids.patel, start: SLOT });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('SLOT_TAKEN');
    const notWaiting = await env.api('POST', `/api/v1/waitlist/${entry.id}/offer`, { providerId: env.ids.patel, start: '2027-03-16T19:30:00.000Z' });
    expect(notWaiting.status).toBe(409);
    expect(notWaiting.body.code).toBe('ENTRY_NOT_WAITING');
    const closed = await env.api('POST', `/api/v1/waitlist/${rivalEntry.id}/offer`, { providerId: env.ids.patel, start: '2027-03-14T15:00:00.000Z' });
    expect(closed.status).toBe(422);

    // Removing the entry withdraws the offer and frees the slot for the next patient (the rival).
    expect((await env.api('DELETE', `/api/v1/waitlist/${entry.id}`)).status).toBe(200);
    const next = await env.until(() => env.prisma.waitlistOffer.findFirst({ where: { entryId: rivalEntry.id, outcome: 'pending', messageId: { not: null } } }), (o) => o !== null, 'the rival offer');
    expect(next!.slotStart.toISOString()).toBe(SLOT);
    expect(await env.prisma.waitlistOffer.findUniqueOrThrow({ where: { id: offered.body.id } })).toMatchObject({ outcome: 'withdrawn' });
  }, 30_000);
});
