import { Queue } from 'bullmq';
import { apiClient } from '../../support/api-client.js';
import { patientChat } from '../../support/chat.js';
import { FakeClock } from '../../support/fake-clock.js';
import { startApp } from '../../support/http-app.js';
import { useTestApp } from '../../support/test-app.js';
import { PatientService } from '../../../src/patients/patient.service.js';

/**
 * The demo clinic on real Postgres, Redis and BullMQ with a FakeClock, for waitlist tests: patients
 * who chat through the simulator, entries, and the waitlist queue to inspect and promote jobs.
 * Call it in a describe block: it registers the hooks, and the fields are there once beforeAll has run.
 */
export function useWaitlistEnv(now: string) {
  const clock = new FakeClock(new Date(now));
  let counter = 0;
  const env = Object.assign(useTestApp('demo', { app: { clock } }), {} as { waitlistQueue: Queue; notificationsQueue: Queue }, {
    clock,
    newPhone: () => `+1646${String(3_000_000 + (process.pid % 1000) * 1000 + ++counter).slice(-7)}`,
    chat: (phone: string, channel: 'whatsapp' | 'sms' = 'whatsapp') => patientChat(env.running.url, phone, channel),
    /** A known patient (name on file) who has written to the clinic on `channel`, so offers reach that chat. */
    async patient(fullName: string, channel: 'whatsapp' | 'sms' = 'whatsapp', language = 'en') {
      const phone = env.newPhone();
      const patient = await env.running.app.get(PatientService).findOrCreate(env.ids.clinicId, { phone, fullName, language });
      const chat = env.chat(phone, channel);
      await chat.send(language === 'es' ? 'hola' : 'hi');
      return { id: patient.id, phone, chat };
    },
    async entry(patientId: string, data: { serviceId?: string; providerId?: string | null; locationId?: string | null; earliest: string; latest: string; urgency?: number; createdAt: string }) {
      return env.prisma.waitlistEntry.create({
        data: {
          clinicId: env.ids.clinicId, patientId, serviceId: data.serviceId ?? env.ids.followUp, providerId: data.providerId ?? null, locationId: data.locationId ?? null,
          earliestDate: new Date(`${data.earliest}T00:00:00Z`), latestDate: new Date(`${data.latest}T00:00:00Z`), urgency: data.urgency ?? 0,
          source: 'staff', createdAt: new Date(data.createdAt),
        },
      });
    },
    /** Clinic-initiated messages in the patient's conversation (offers, notices), decrypted, oldest first. */
    async outboundTexts(phone: string, channel: 'whatsapp' | 'sms' = 'whatsapp') {
      const conversation = await env.prisma.conversation.findUnique({ where: { clinicId_channel_addressHash: { clinicId: env.ids.clinicId, channel, addressHash: env.cipher.blindIndex(phone) } } });
      if (!conversation) return [];
      const rows = await env.prisma.message.findMany({ where: { conversationId: conversation.id, direction: 'outbound', replyToId: null }, orderBy: { seq: 'asc' } });
      return rows.map((r) => ({ id: r.id, text: env.cipher.decrypt(r.bodyEnc), choices: (r.choices as { neutral?: { id: string; label: string }[] } | null)?.neutral ?? [] }));
    },
    async until<T>(fn: () => Promise<T>, ok: (value: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
      const end = Date.now() + timeoutMs;
      for (;;) {
        const value = await fn();
        if (ok(value)) return value;
        if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    /** Stops the app and starts a new one on the same database, Redis prefix and clock (delayed jobs must survive). */
    async restart() {
      await env.running.close();
      env.running = await startApp(env.config, { clock });
      env.api = apiClient(env.running.url);
    },
  });
  beforeAll(() => {
    const connection = { url: env.config.redis.url };
    env.waitlistQueue = new Queue('waitlist', { connection, prefix: `${env.config.redis.prefix}:bull` });
    env.notificationsQueue = new Queue('notifications', { connection, prefix: `${env.config.redis.prefix}:bull` });
  });
  afterAll(async () => {
    await env.waitlistQueue?.close();
    await env.notificationsQueue?.close();
  });
  return env;
}

export type WaitlistEnv = ReturnType<typeof useWaitlistEnv>;
