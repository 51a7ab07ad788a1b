import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { PrismaClient } from '../../../src/generated/prisma/client.js';
import { SendNotificationJob } from '../../../src/notifications/send-notification.job.js';
import { META, PUBLIC_BASE_URL, randomPatient, settled, until } from '../../channels/support/channel-app.js';
import { apiClient } from '../../support/api-client.js';
import { createTestDatabase, testConfig, type TestDatabase } from '../../support/databases.js';
import { demoIds } from '../../support/demo-ids.js';
import { contract } from '../../support/fakes/contracts-dir.js';
import { type FakeGraph, startFakeGraph } from '../../support/fakes/fake-meta-graph-api.js';
import { postMeta } from '../../support/fakes/provider-signatures.js';
import { prismaFor } from '../../support/fixtures.js';
import { startApp, type RunningApp } from '../../support/http-app.js';

/**
 * Reminders over WhatsApp (Meta Cloud API fake): inside the 24-hour customer-service window the
 * reminder itself goes out as an interactive message; outside it only the number's approved template
 * may be sent, and it is.
 */
const NUMBER = '+15550783882';
const PHONE_NUMBER_ID = '106540352242933';

describe('reminders and the WhatsApp 24-hour window', () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let graph: FakeGraph;
  let running: RunningApp;
  let api: ReturnType<typeof apiClient>;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let freeStarts: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('demo');
    prisma = prismaFor(db.url);
    ids = await demoIds(prisma);
    graph = await startFakeGraph(META.accessToken);
    // The clinic's WhatsApp number is on Meta, with an approved re-engagement template.
    await prisma.clinicChannel.updateMany({ where: { clinicId: ids.clinicId, channel: 'whatsapp' }, data: { active: false } });
    await prisma.clinicChannel.create({
      data: {
        clinicId: ids.clinicId, channel: 'whatsapp', provider: 'meta', address: NUMBER, externalId: PHONE_NUMBER_ID,
        settings: { reengagementTemplate: { name: 'appointment_update', language: 'en_US', variables: ['{clinicName}'] } },
      },
    });
    running = await startApp(testConfig(db.url, {
      META_WHATSAPP_TOKEN: META.accessToken, META_APP_SECRET: META.appSecret, META_VERIFY_TOKEN: META.verifyToken, META_GRAPH_BASE_URL: graph.url,
      PUBLIC_BASE_URL, OUTBOUND_WHATSAPP_RATE_PER_SECOND: '200',
    }));
    api = apiClient(running.url);
    // Free times with Dr. Patel about six weeks ahead (clear of the seeded bookings).
    const day = new Date(Date.now() + 42 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date(Date.now() + 49 * 86_400_000).toISOString().slice(0, 10);
    const res = await api('GET', `/api/v1/availability?service=${ids.followUp}&provider=${ids.patel}&from=${day}&to=${to}`);
    freeStarts = (res.body.slots as { start: string }[]).map((s) => s.start);
  }, 60_000);
  afterAll(async () => {
    await running?.close();
    await graph?.close();
    await prisma?.$disconnect();
    await db?.drop();
  }, 30_000);

  /** A WhatsApp patient with a booking next week; returns the 24-hour reminder's row. */
  async function bookedWhatsappPatient(phone: string) {
    // Free times an hour apart, so one booking never overlaps the next.
    const start = freeStarts.shift()!;
    freeStarts = freeStarts.filter((s) => Date.parse(s) >= Date.parse(start) + 3_600_000);
    const res = await api('POST', '/api/v1/appointments', { serviceId: ids.followUp, providerId: ids.patel, start, source: 'console', patient: { phone, fullName: 'Wanda Window' } });
    if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    await prisma.patient.update({ where: { id: res.body.patientId }, data: { preferredChannel: 'whatsapp' } });
    return until(() => prisma.notification.findFirst({ where: { appointmentId: res.body.id, kind: 'reminder', offsetMinutes: 1440 } }), (n) => n !== null, 20_000, 'the reminder row');
  }
  const sendsTo = (phone: string) => graph.sends.filter((s) => s.body.to === phone.slice(1));
  /** A notification's stored message and what the Graph API fake received for it. */
  const delivered = async (notificationId: string) => {
    const row = await prisma.notification.findUniqueOrThrow({ where: { id: notificationId } });
    const message = await prisma.message.findUniqueOrThrow({ where: { id: row.messageId! } });
    return { message, sent: graph.sends.find((s) => s.id !== null && s.id === message.providerMessageId) };
  };

  it('inside the window (the patient wrote today): the reminder itself, with its three answers', async () => {
    const phone = randomPatient();
    const payload = JSON.parse(readFileSync(contract('meta', 'webhooks', 'openapi_text_message.json'), 'utf8'));
    const value = payload.entry[0].changes[0].value;
    value.metadata = { display_phone_number: NUMBER.slice(1), phone_number_id: PHONE_NUMBER_ID };
    value.contacts[0].wa_id = phone.slice(1);
    Object.assign(value.messages[0], { from: phone.slice(1), id: `wamid.${randomBytes(12).toString('hex')}`, timestamp: String(Math.floor(Date.now() / 1000)), text: { body: 'hi' } });
    expect((await postMeta(running.url, META.appSecret, payload)).status).toBe(200);
    await settled(prisma);

    const reminder = await bookedWhatsappPatient(phone);
    expect(await running.app.get(SendNotificationJob).run({ notificationId: reminder!.id })).toBe('sent');
    await settled(prisma);
    const { message, sent } = await delivered(reminder!.id);
    expect(message).toMatchObject({ status: 'sent', sentAs: 'interactive', templateName: null });
    expect(sent!.body.type).toBe('interactive');
    expect(sent!.body.interactive.body.text).toMatch(/^Reminder: Dr\. Patel, \w{3} \d+ \w+ at \d+:\d\d (am|pm), Downtown \(120 Main St\)\.$/);
    expect(sent!.body.interactive.action.buttons.map((b: { reply: { id: string } }) => b.reply.id)).toEqual(['rem:confirm', 'rem:change', 'rem:cancel']);
  }, 60_000);

  it('outside the window (the patient never wrote): only the approved template goes out — never free text', async () => {
    const phone = randomPatient();
    const reminder = await bookedWhatsappPatient(phone);
    // The booking's confirmation goes first (by the notifications worker): outside the window, as the template.
    const confirmation = await until(() => prisma.notification.findFirst({ where: { appointmentId: reminder!.appointmentId, kind: 'confirmation', status: 'sent' } }), (n) => n !== null, 20_000, 'the confirmation');
    await settled(prisma);
    const first = await delivered(confirmation!.id);
    expect(first.message).toMatchObject({ status: 'sent', sentAs: 'template', templateName: 'appointment_update' });
    expect(first.sent!.body).toMatchObject({
      type: 'template',
      template: { name: 'appointment_update', language: { code: 'en_US' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'Riverside Family Clinic' }] }] },
    });

    // The reminder while that template is unanswered: not sent as free text, skipped with the reason.
    expect(await running.app.get(SendNotificationJob).run({ notificationId: reminder!.id })).toBe('sent');
    await settled(prisma);
    const row = await prisma.notification.findUniqueOrThrow({ where: { id: reminder!.id } });
    expect(await prisma.message.findUniqueOrThrow({ where: { id: row.messageId! } })).toMatchObject({ status: 'skipped', errorCode: 'outside_window' });
    expect(sendsTo(phone).map((s) => s.body.type)).toEqual(['template']);
  }, 60_000);
});

