import { randomBytes, randomInt } from 'node:crypto';
import { PhiCipher } from '../../src/common/crypto/phi-cipher.js';
import { createPgAdapter } from '../../src/database/prisma.service.js';
import { PrismaClient } from '../../src/generated/prisma/client.js';
import type { AppointmentStatus } from '../../src/generated/prisma/enums.js';

export function prismaFor(url: string): PrismaClient {
  return new PrismaClient({ adapter: createPgAdapter(url, 4) });
}

export const testCipher = new PhiCipher(new Map([['t1', randomBytes(32)]]), 't1', randomBytes(32));

/** Factories that insert rows and return them; every argument has a sensible default. */
export function fixtures(prisma: PrismaClient) {
  let counter = 0;
  const unique = (label: string) => `${label}-${++counter}-${randomBytes(3).toString('hex')}`;
  return {
    clinic: (data: Partial<{ timezone: string; name: string }> = {}) =>
      prisma.clinic.create({ data: { slug: unique('clinic'), name: data.name ?? 'Test Clinic', timezone: data.timezone ?? 'America/New_York' } }),
    location: (clinicId: string) =>
      prisma.location.create({ data: { clinicId, name: unique('Location'), timezone: 'America/New_York', address: '1 Test St' } }),
    room: (clinicId: string, locationId: string, kind = 'treatment') =>
      prisma.room.create({ data: { clinicId, locationId, name: unique('Room'), kind } }),
    provider: (clinicId: string) =>
      prisma.provider.create({ data: { clinicId, name: unique('Dr. Test'), shortName: 'Dr. Test', specialty: 'General' } }),
    service: (clinicId: string, data: Partial<{ durationMinutes: number; bufferBeforeMinutes: number; bufferAfterMinutes: number; roomKind: string }> = {}) =>
      prisma.service.create({ data: { clinicId, code: unique('svc'), name: 'Test visit', durationMinutes: 30, ...data } }),
    patient: (clinicId: string, phone = `+1212${randomInt(2_000_000, 9_999_999)}`) =>
      prisma.patient.create({ data: { clinicId, phoneHash: testCipher.blindIndex(phone), phoneEnc: testCipher.encrypt(phone) } }),
    /** Inserts an appointment whose block is [start - before, end + after]; times as ISO strings. */
    appointment: (refs: { clinicId: string; providerId: string; serviceId: string; patientId: string; roomId?: string },
      start: string, minutes: number, opts: { before?: number; after?: number; status?: AppointmentStatus } = {}) => {
      const startsAt = new Date(start);
      const endsAt = new Date(+startsAt + minutes * 60_000);
      return prisma.appointment.create({
        data: {
          ...refs, startsAt, endsAt,
          blockStart: new Date(+startsAt - (opts.before ?? 0) * 60_000),
          blockEnd: new Date(+endsAt + (opts.after ?? 0) * 60_000),
          status: opts.status ?? 'confirmed', source: 'api', createdBy: 'test', updatedBy: 'test',
        },
      });
    },
  };
}
