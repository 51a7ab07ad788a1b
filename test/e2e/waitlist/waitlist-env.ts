import { Queue } from 'bullmq';
import { apiClient } from '../../support/api-client.js';
import { patientChat } from '../../support/chat.js';
import { createTestDatabase, testConfig, type TestDatabase } from '../../support/databases.js';
import { demoIds } from '../../support/demo-ids.js';
import { FakeClock } from '../../support/fake-clock.js';
import { prismaFor } from '../../support/fixtures.js';
import { startApp, type RunningApp } from '../../support/http-app.js';
import { PhiCipher } from '../../../src/common/crypto/phi-cipher.js';
import type { PrismaClient } from '../../../src/generated/prisma/client.js';
import { PatientService } from '../../../src/patients/patient.service.js';

/**
 * The demo clinic on real Postgres, Redis and BullMQ with a FakeClock, for waitlist tests: patients
 * who chat through the simulator, entries, and the waitlist queue to inspect and promote jobs.
 */
export async function waitlistEnv(now: string) {
  const db: TestDatabase = await createTestDatabase('demo');
  const prisma: PrismaClient = prismaFor(db.url);
  const ids = await demoIds(prisma);
  const clock = new FakeClock(new Date(now));
  const config = testConfig(db.url);
  let running: RunningApp = await startApp(config, { clock });
  const cipher = new PhiCipher(config.phi.keys, config.phi.activeKeyId, config.phi.blindIndexKey);
  const connection = { url: config.redis.url };
  const waitlistQueue = new Queue('waitlist', { connection, prefix: `${config.redis.prefix}:bull` });
  const notificationsQueue = new Queue('notifications', { connection, prefix: `${config.redis.prefix}:bull` });
  let api = apiClient(running.url);
  let counter = 0;
  const env = {
    db, prisma, ids, clock, config, cipher, waitlistQueue, notificationsQueue,
    get running() { return running; },
    get api() { return api; },
    newPhone: () => `+1646${String(3_000_000 + (process.pid % 1000) * 1000 + ++counter).slice(-7)}`,
    chat: (phone: string, channel: 'whatsapp' | 'sms' = 'whatsapp') => patientChat(running.url, phone, channel),
    /** A known patient (name on file) who has written to the clinic on `channel`, so offers reach that chat. */
    async patient(fullName: string, channel: 'whatsapp' | 'sms' = 'whatsapp', language = 'en') {
      const phone = env.newPhone();
      const patient = await running.app.get(PatientService).findOrCreate(ids.clinicId, { phone, fullName, language });
      const chat = env.chat(phone, channel);
      await chat.send(language === 'es' ? 'hola' : 'hi');
      return { id: patient.id, phone, chat };
    },
    async entry(patientId: string, data: { serviceId?: string; providerId?: string | null; locationId?: string | null; earliest: string; latest: string; urgency?: number; createdAt: string }) {
      return prisma.waitlistEntry.create({
        data: {
          clinicId: ids.clinicId, patientId, serviceId: data.serviceId ?? ids.followUp, providerId: data.providerId ?? null, locationId: data.locationId ?? null,
          earliestDate: new Date(`${data.earliest}T00:00:00Z`), latestDate: new Date(`${data.latest}T00:00:00Z`), urgency: data.urgency ?? 0,
          source: 'staff', createdAt: new Date(data.createdAt),
        },
      });
    },
    /** Clinic-initiated messages in the patient's conversation (offers, notices), decrypted, oldest first. */
    async outboundTexts(phone: string, channel: 'whatsapp' | 'sms' = 'whatsapp') {
      const conversation = await prisma.conversation.findUnique({ where: { clinicId_channel_addressHash: { clinicId: ids.clinicId, channel, addressHash: cipher.blindIndex(phone) } } });
      if (!conversation) return [];
      const rows = await prisma.message.findMany({ where: { conversationId: conversation.id, direction: 'outbound', replyToId: null }, orderBy: { seq: 'asc' } });
      return rows.map((r) => ({ id: r.id, text: cipher.decrypt(r.bodyEnc), choices: (r.choices as { neutral?: { id: string; label: string }[] } | null)?.neutral ?? [] }));
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
      await running.close();
      running = await startApp(config, { clock });
      api = apiClient(running.url);
    },
    async close() {
      await waitlistQueue.close();
      await notificationsQueue.close();
      await running.close();
      await prisma.$disconnect();
      await db.drop();
    },
  };
  return env;
}

export type WaitlistEnv = Awaited<ReturnType<typeof waitlistEnv>>;
