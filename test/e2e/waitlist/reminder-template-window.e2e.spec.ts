import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { PatientService } from '../../../src/patients/patient.service.js';
import { SendNotificationJob } from '../../../src/notifications/send-notification.job.js';
import { META, PUBLIC_BASE_URL, TWILIO, randomPatient, settled, sid, until } from '../../channels/support/channel-app.js';
import { metaMessageValidator, twilioValidators } from '../../channels/support/openapi.js';
import { contract } from '../../support/fakes/contracts-dir.js';
import { type FakeGraph, startFakeGraph } from '../../support/fakes/fake-meta-graph-api.js';
import { type FakeTwilio, startFakeTwilio } from '../../support/fakes/fake-twilio-api.js';
import { postMeta, postTwilio } from '../../support/fakes/provider-signatures.js';
import { useTestApp } from '../../support/test-app.js';

/**
 * Reminders over WhatsApp (Meta Cloud API and Twilio fakes): inside the 24-hour customer-service
 * window the reminder itself goes out as an interactive message; outside it every reminder goes as
 * the number's approved `appointment_reminder` template, filled with that appointment's details and
 * answering with the reminder's own choices; a purpose with no template is skipped, and so is its
 * notification.
 */
const NUMBER = '+15550783882';
const PHONE_NUMBER_ID = '106540352242933';
const TWILIO_NUMBER = '+15550783883';
const CONTENT_SID = `HX${'c'.repeat(32)}`;
/** Body {{1}}…{{5}} of the reminder template, as registered (docs/channels.md). */
const REMINDER_VARIABLES = ['{patientFirstName}', '{providerName}', '{serviceName}', '{localDateTime}', '{locationName}'];

describe('reminders and the WhatsApp 24-hour window', () => {
  let graph: FakeGraph;
  let twilio: FakeTwilio;
  const validateMeta = metaMessageValidator();
  const specErrors = (body: unknown) => (validateMeta(body) ? [] : validateMeta.errors);
  const { createMessage } = twilioValidators();
  let freeStarts: string[] = [];

  const env = useTestApp('demo', {
    beforeStart: async ({ prisma, ids }) => {
      graph = await startFakeGraph(META.accessToken);
      twilio = await startFakeTwilio(TWILIO);
      // The clinic's WhatsApp number is on Meta, with an approved reminder template (three quick replies)
      // and a re-engagement template, but none for booking confirmations. A Twilio WhatsApp number
      // with the same reminder template waits, inactive, for the Twilio case.
      await prisma.clinicChannel.updateMany({ where: { clinicId: ids.clinicId, channel: 'whatsapp' }, data: { active: false } });
      await prisma.clinicChannel.create({
        data: {
          clinicId: ids.clinicId, channel: 'whatsapp', provider: 'meta', address: NUMBER, externalId: PHONE_NUMBER_ID,
          settings: {
            templates: {
              appointment_reminder: { name: 'appointment_reminder', language: 'en_US', variables: REMINDER_VARIABLES, quickReplyButtons: 3 },
              reengagement: { name: 'appointment_update', language: 'en_US', variables: ['{clinicName}'] },
            },
          },
        },
      });
      await prisma.clinicChannel.create({
        data: {
          clinicId: ids.clinicId, channel: 'whatsapp', provider: 'twilio', address: TWILIO_NUMBER, active: false,
          settings: { templates: { appointment_reminder: { name: 'appointment_reminder', contentSid: CONTENT_SID, variables: REMINDER_VARIABLES, quickReplyButtons: 3 } } },
        },
      });
    },
    overrides: () => ({
      META_WHATSAPP_TOKEN: META.accessToken, META_APP_SECRET: META.appSecret, META_VERIFY_TOKEN: META.verifyToken, META_GRAPH_BASE_URL: graph.url,
      TWILIO_ACCOUNT_SID: TWILIO.accountSid, TWILIO_AUTH_TOKEN: TWILIO.authToken, TWILIO_API_BASE_URL: twilio.url,
      PUBLIC_BASE_URL, OUTBOUND_WHATSAPP_RATE_PER_SECOND: '200',
    }),
  });
  beforeAll(async () => {
    // Free times with Dr. Patel about six weeks ahead (clear of the seeded bookings).
    const day = new Date(Date.now() + 42 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date(Date.now() + 49 * 86_400_000).toISOString().slice(0, 10);
    const res = await env.api('GET', `/api/v1/availability?service=${env.ids.followUp}&provider=${env.ids.patel}&from=${day}&to=${to}`);
    freeStarts = (res.body.slots as { start: string }[]).map((s) => s.start);
  }, 60_000);
  afterAll(async () => {
    await graph?.close();
    await twilio?.close();
  });

  /** A WhatsApp patient with a booking in six weeks; returns the 24-hour reminder's row. */
  async function bookedWhatsappPatient(phone: string) {
    // Free times an hour apart, so one booking never overlaps the next.
    const start = freeStarts.shift()!;
    freeStarts = freeStarts.filter((s) => Date.parse(s) >= Date.parse(start) + 3_600_000);
    // On file with WhatsApp preferred before the booking, so its confirmation goes there too.
    const patient = await env.running.app.get(PatientService).findOrCreate(env.ids.clinicId, { phone, fullName: 'Wanda Window', language: 'en' });
    await env.prisma.patient.update({ where: { id: patient.id }, data: { preferredChannel: 'whatsapp' } });
    const res = await env.api('POST', '/api/v1/appointments', { serviceId: env.ids.followUp, providerId: env.ids.patel, start, source: 'console', patient: { phone, fullName: 'Wanda Window' } });
    if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return until(() => env.prisma.notification.findFirst({ where: { appointmentId: res.body.id, kind: 'reminder', offsetMinutes: 1440 } }), (n) => n !== null, 20_000, 'the reminder row');
  }
  /** "Thu 7 Jan, 2:00 pm" in the Downtown location's zone, the way the chat words a time (worked out here with luxon, not the app's formatter). */
  const newYorkWhen = (at: Date) => {
    const local = DateTime.fromJSDate(at, { zone: 'America/New_York' }).setLocale('en');
    return `${local.toFormat('ccc d LLL, h:mm')} ${local.hour < 12 ? 'am' : 'pm'}`;
  };
  const sendsTo = (phone: string) => graph.sends.filter((s) => s.body.to === phone.slice(1));
  /** A notification's stored message and what the Graph API fake received for it. */
  const delivered = async (notificationId: string) => {
    const row = await env.prisma.notification.findUniqueOrThrow({ where: { id: notificationId } });
    const message = await env.prisma.message.findUniqueOrThrow({ where: { id: row.messageId! } });
    return { message, sent: graph.sends.find((s) => s.id !== null && s.id === message.providerMessageId) };
  };

  it('inside the window (the patient wrote today): the reminder itself, with its three answers', async () => {
    const phone = randomPatient();
    const payload = JSON.parse(readFileSync(contract('meta', 'webhooks', 'openapi_text_message.json'), 'utf8'));
    const value = payload.entry[0].changes[0].value;
    value.metadata = { display_phone_number: NUMBER.slice(1), phone_number_id: PHONE_NUMBER_ID };
    value.contacts[0].wa_id = phone.slice(1);
    Object.assign(value.messages[0], { from: phone.slice(1), id: `wamid.${randomBytes(12).toString('hex')}`, timestamp: String(Math.floor(Date.now() / 1000)), text: { body: 'hi' } });
    expect((await postMeta(env.running.url, META.appSecret, payload)).status).toBe(200);
    await settled(env.prisma);

    const reminder = await bookedWhatsappPatient(phone);
    expect(await env.running.app.get(SendNotificationJob).run({ notificationId: reminder!.id })).toBe('sent');
    await settled(env.prisma);
    const { message, sent } = await delivered(reminder!.id);
    expect(message).toMatchObject({ status: 'sent', sentAs: 'interactive', templateName: null });
    expect(sent!.body.type).toBe('interactive');
    expect(sent!.body.interactive.body.text).toMatch(/^Reminder: Dr\. Patel, \w{3} \d+ \w+ at \d+:\d\d (am|pm), Downtown \(120 Main St\)\.$/);
    expect(sent!.body.interactive.action.buttons.map((b: { reply: { id: string } }) => b.reply.id)).toEqual(['rem:confirm', 'rem:change', 'rem:cancel']);
  }, 60_000);

  it('outside the window (the patient never wrote): each reminder goes as the appointment_reminder template with its details and buttons; the confirmation, with no template, is skipped and its row says so', async () => {
    const phone = randomPatient();
    const reminder = (await bookedWhatsappPatient(phone))!;
    const appointment = await env.prisma.appointment.findUniqueOrThrow({ where: { id: reminder.appointmentId } });
    // The booking's confirmation goes first (notifications worker); the number has no appointment_confirmation template.
    const confirmation = await until(() => env.prisma.notification.findFirst({ where: { appointmentId: appointment.id, kind: 'confirmation' } }), (n) => n?.status === 'skipped', 20_000, 'the confirmation skipped');
    expect(confirmation).toMatchObject({ channel: 'whatsapp', skipReason: 'Outside the 24-hour WhatsApp window and no appointment_confirmation template is configured for this number' });
    expect(await env.prisma.message.findUniqueOrThrow({ where: { id: confirmation!.messageId! } })).toMatchObject({ status: 'skipped', errorCode: 'outside_window' });

    // Two reminders of the one appointment (72 h and 24 h before): each goes as the template on its own.
    const earlier = (await env.prisma.notification.findFirst({ where: { appointmentId: appointment.id, kind: 'reminder', offsetMinutes: 4320 } }))!;
    for (const n of [earlier, reminder]) expect(await env.running.app.get(SendNotificationJob).run({ notificationId: n.id })).toBe('sent');
    await settled(env.prisma);
    const template = {
      name: 'appointment_reminder', language: { policy: 'deterministic', code: 'en_US' },
      components: [
        { type: 'body', parameters: ['Wanda', 'Dr. Maya Patel', 'Follow-up visit', newYorkWhen(appointment.startsAt), 'Downtown'].map((text) => ({ type: 'text', text })) },
        ...['rem:confirm', 'rem:change', 'rem:cancel'].map((payload, index) => ({ type: 'button', sub_type: 'quick_reply', index: String(index), parameters: [{ type: 'payload', payload }] })),
      ],
    };
    for (const n of [earlier, reminder]) {
      const { message, sent } = await delivered(n.id);
      expect(message).toMatchObject({ status: 'sent', sentAs: 'template', templateName: 'appointment_reminder' });
      expect(sent!.body.template).toEqual(template);
      expect(specErrors(sent!.body)).toEqual([]);
      expect(await env.prisma.notification.findUniqueOrThrow({ where: { id: n.id } })).toMatchObject({ status: 'sent' });
    }
    expect(sendsTo(phone).map((s) => s.body.type)).toEqual(['template', 'template']);

    // The patient taps the template's "Confirm": the same answer as "1" to the reminder in the chat.
    expect(appointment.confirmedAt).toBeNull();
    const tap = JSON.parse(readFileSync(contract('meta', 'webhooks', 'openapi_button_message.json'), 'utf8'));
    const value = tap.entry[0].changes[0].value;
    value.metadata = { display_phone_number: NUMBER.slice(1), phone_number_id: PHONE_NUMBER_ID };
    value.contacts[0].wa_id = phone.slice(1);
    Object.assign(value.messages[0], {
      from: phone.slice(1), id: `wamid.${randomBytes(12).toString('hex')}`, timestamp: String(Math.floor(Date.now() / 1000)),
      context: { from: NUMBER.slice(1), id: (await delivered(reminder.id)).sent!.id }, button: { payload: 'rem:confirm', text: 'Confirm' },
    });
    expect((await postMeta(env.running.url, META.appSecret, tap)).status).toBe(200);
    await settled(env.prisma);
    expect((await env.prisma.appointment.findUniqueOrThrow({ where: { id: appointment.id } })).confirmedAt).not.toBeNull();
    const answer = sendsTo(phone).at(-1)!.body;
    expect(answer.type).toBe('text');
    expect(answer.text.body).toBe(`Thanks, you're confirmed for ${newYorkWhen(appointment.startsAt)} with Dr. Patel. See you then!`);
  }, 60_000);

  it('a Twilio WhatsApp number sends the reminder template by ContentSid + ContentVariables, and its ButtonPayload confirms', async () => {
    await env.prisma.clinicChannel.updateMany({ where: { clinicId: env.ids.clinicId, channel: 'whatsapp' }, data: { active: false } });
    await env.prisma.clinicChannel.updateMany({ where: { address: TWILIO_NUMBER }, data: { active: true } });
    try {
      const phone = randomPatient();
      const reminder = (await bookedWhatsappPatient(phone))!;
      const appointment = await env.prisma.appointment.findUniqueOrThrow({ where: { id: reminder.appointmentId } });
      await until(() => env.prisma.notification.findFirst({ where: { appointmentId: appointment.id, kind: 'confirmation' } }), (n) => n?.status === 'skipped', 20_000, 'the confirmation skipped');
      expect(await env.running.app.get(SendNotificationJob).run({ notificationId: reminder.id })).toBe('sent');
      await settled(env.prisma);
      const sent = twilio.sends.filter((s) => s.params.To === `whatsapp:${phone}`);
      expect(sent).toHaveLength(1);
      expect(sent[0]!.params).toMatchObject({ From: `whatsapp:${TWILIO_NUMBER}`, ContentSid: CONTENT_SID });
      expect(sent[0]!.params.Body).toBeUndefined();
      expect(JSON.parse(sent[0]!.params.ContentVariables!)).toEqual({ 1: 'Wanda', 2: 'Dr. Maya Patel', 3: 'Follow-up visit', 4: newYorkWhen(appointment.startsAt), 5: 'Downtown' });
      expect(createMessage(sent[0]!.params) ? [] : createMessage.errors).toEqual([]);

      // The Content template's quick reply "Confirm" has id rem:confirm; Twilio posts it as ButtonPayload.
      const tap = { AccountSid: TWILIO.accountSid, From: `whatsapp:${phone}`, To: `whatsapp:${TWILIO_NUMBER}`, Body: 'Confirm', ButtonText: 'Confirm', ButtonPayload: 'rem:confirm', MessageSid: sid(), NumMedia: '0', ApiVersion: '2010-04-01' };
      expect((await postTwilio(env.running.url, PUBLIC_BASE_URL, TWILIO.authToken, '/webhooks/twilio/messages', tap)).status).toBe(200);
      await settled(env.prisma);
      expect((await env.prisma.appointment.findUniqueOrThrow({ where: { id: appointment.id } })).confirmedAt).not.toBeNull();
    } finally {
      await env.prisma.clinicChannel.updateMany({ where: { address: TWILIO_NUMBER }, data: { active: false } });
      await env.prisma.clinicChannel.updateMany({ where: { address: NUMBER }, data: { active: true } });
    }
  }, 60_000);
});

