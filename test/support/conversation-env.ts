import { DateTime } from 'luxon';
import { apiClient } from './api-client.js';
import { createTestDatabase, testConfig, type TestDatabase } from './databases.js';
import { demoIds } from './demo-ids.js';
import { prismaFor } from './fixtures.js';
import { startApp, type RunningApp } from './http-app.js';
import { patientChat } from './chat.js';
import type { PrismaClient } from '../../src/generated/prisma/client.js';
import { PhiCipher } from '../../src/common/crypto/phi-cipher.js';

export const ZONE = 'America/New_York';

/** A demo-clinic app for one conversation test file: database, HTTP app, API client and helpers. */
export async function conversationEnv(overrides: Record<string, string> = {}) {
  const db: TestDatabase = await createTestDatabase('demo');
  const prisma: PrismaClient = prismaFor(db.url);
  const ids = await demoIds(prisma);
  const config = testConfig(db.url, overrides);
  const running: RunningApp = await startApp(config);
  const cipher = new PhiCipher(config.phi.keys, config.phi.activeKeyId, config.phi.blindIndexKey);
  const api = apiClient(running.url);
  let counter = 0;
  const env = {
    db, prisma, ids, running, api,
    /** A phone number no other test uses. */
    newPhone: () => `+1646${String(7_000_000 + process.pid % 1000 * 1000 + ++counter).slice(-7)}`,
    chat: (phone: string, channel: 'whatsapp' | 'sms' = 'whatsapp') => patientChat(running.url, phone, channel),
    /** Books through the staff API, creating the patient (with a name: a returning patient). */
    async bookFor(phone: string, fullName: string, serviceId: string, providerId: string, start: string) {
      const res = await api('POST', '/api/v1/appointments', { serviceId, providerId, start, patient: { phone, fullName, dateOfBirth: '1980-05-05' }, source: 'console' });
      if (res.status !== 201) throw new Error(`setup booking failed: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body as { id: string; start: string; patientId: string };
    },
    async freeSlots(serviceId: string, providerId: string, day: DateTime) {
      const d = day.toISODate();
      const res = await api('GET', `/api/v1/availability?service=${serviceId}&provider=${providerId}&from=${d}&to=${d}`);
      return res.body.slots as { start: string; localTime: string }[];
    },
    /** The patient row for a phone number, found the way the app finds it (blind index). */
    patientByPhone: (phone: string) => prisma.patient.findUnique({ where: { clinicId_phoneHash: { clinicId: ids.clinicId, phoneHash: cipher.blindIndex(phone) } } }),
    conversationOf: (phone: string, channel: 'whatsapp' | 'sms' = 'whatsapp') =>
      prisma.conversation.findUnique({ where: { clinicId_channel_addressHash: { clinicId: ids.clinicId, channel, addressHash: cipher.blindIndex(phone) } } }),
    cipher,
    appointmentsOf: (patientId: string) => prisma.appointment.findMany({ where: { patientId }, orderBy: { createdAt: 'asc' }, include: { service: true, provider: true } }),
    /** Closes whichever app instance the test left running (a test may restart it). */
    async close() {
      await env.running.close();
      await prisma.$disconnect();
      await db.drop();
    },
  };
  return env;
}

export type ConversationEnv = Awaited<ReturnType<typeof conversationEnv>>;

/** The local weekday/time of an instant in the clinic's zone. */
export function local(at: Date | string) {
  return DateTime.fromJSDate(typeof at === 'string' ? new Date(at) : at, { zone: ZONE });
}

/** Next occurrence (after today) of an ISO weekday in the clinic's zone, at least `minDays` ahead. */
export function nextWeekday(weekday: number, minDays = 1): DateTime {
  let day = DateTime.now().setZone(ZONE).startOf('day').plus({ days: minDays });
  while (day.weekday !== weekday) day = day.plus({ days: 1 });
  return day;
}
