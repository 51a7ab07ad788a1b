// `npm run db:seed`: creates the demo clinic with its history. Safe to run again: a clinic that is
// already there is left as it is.
import { hash } from '@node-rs/argon2';
import { loadConfig } from '../src/config/app-config.js';
import { PhiCipher } from '../src/common/crypto/phi-cipher.js';
import { localToTimeColumn } from '../src/common/local-time.js';
import { createPgAdapter } from '../src/database/prisma.service.js';
import { PrismaClient } from '../src/generated/prisma/client.js';
import {
  DEFAULT_DEMO_PASSWORD, DEMO_CHANNELS, DEMO_CLINIC, DEMO_NORTHSIDE_PATIENT, DEMO_LOCATIONS, DEMO_PROVIDERS, DEMO_ROOMS, DEMO_SERVICES, DEMO_STAFF,
  type ServiceCode,
} from './seed/demo-clinic.js';
import { generateHistory, type DemoIds } from './seed/history.js';

export async function seedDemoClinic(prisma: PrismaClient, cipher: PhiCipher, options: { now?: Date; password?: string } = {}): Promise<'created' | 'exists'> {
  const now = options.now ?? new Date();
  if (await prisma.clinic.findUnique({ where: { slug: DEMO_CLINIC.slug } })) return 'exists';
  const passwordHash = await hash(options.password ?? DEFAULT_DEMO_PASSWORD);

  await prisma.$transaction(async (tx) => {
    const clinic = await tx.clinic.create({ data: { ...DEMO_CLINIC, reminderOffsetsMinutes: [...DEMO_CLINIC.reminderOffsetsMinutes] } });
    const locations: Record<string, string> = {};
    for (const { key, ...location } of DEMO_LOCATIONS) {
      locations[key] = (await tx.location.create({ data: { ...location, clinicId: clinic.id } })).id;
    }
    const rooms: string[] = [];
    for (const room of DEMO_ROOMS) {
      rooms.push((await tx.room.create({ data: { clinicId: clinic.id, locationId: locations[room.location]!, name: room.name, kind: room.kind } })).id);
    }
    const services = {} as Record<ServiceCode, string>;
    for (const service of DEMO_SERVICES) {
      services[service.code] = (await tx.service.create({ data: { ...service, clinicId: clinic.id } })).id;
    }
    const providers: Record<string, string> = {};
    for (const p of DEMO_PROVIDERS) {
      const provider = await tx.provider.create({
        data: {
          clinicId: clinic.id, name: p.name, shortName: p.shortName, specialty: p.specialty, languages: p.languages, telehealth: p.telehealth,
          services: { create: p.services.map((code) => ({ serviceId: services[code] })) },
        },
      });
      providers[p.key] = provider.id;
      await tx.availabilityRule.createMany({
        data: p.rules.flatMap((rule) => rule.weekdays.map((weekday) => ({
          clinicId: clinic.id,
          providerId: provider.id,
          locationId: rule.location ? locations[rule.location]! : null,
          weekday,
          startTime: localToTimeColumn(rule.start),
          endTime: localToTimeColumn(rule.end),
          serviceIds: (rule.services ?? []).map((code) => services[code]),
        }))),
      });
    }
    await tx.clinicChannel.createMany({ data: DEMO_CHANNELS.map((c) => ({ ...c, clinicId: clinic.id })) });
    const staffIds: Record<string, string> = {};
    for (const s of DEMO_STAFF) {
      const user = await tx.staffUser.create({
        data: {
          clinicId: clinic.id, email: s.email, displayName: s.displayName, role: s.role, passwordHash,
          locationIds: s.locations.map((l) => locations[l]!), providerId: s.provider ? providers[s.provider]! : null,
        },
      });
      staffIds[s.email] = user.id;
    }

    const ids: DemoIds = { locations, rooms, providers, services, receptionistStaffId: staffIds['frontdesk@riverside.test']! };
    const history = generateHistory(ids, now);
    const patientIds = new Map<number, string>();
    for (const p of history.patients) {
      const patient = await tx.patient.create({
        data: {
          clinicId: clinic.id, phoneHash: cipher.blindIndex(p.phone), phoneEnc: cipher.encrypt(p.phone),
          nameEnc: cipher.encrypt(p.name), dobEnc: cipher.encrypt(p.dob), language: p.language, preferredChannel: p.preferredChannel,
        },
      });
      patientIds.set(p.key, patient.id);
    }
    await tx.appointment.createMany({
      data: history.appointments.map(({ patientKey, ...a }) => ({ ...a, clinicId: clinic.id, patientId: patientIds.get(patientKey)!, updatedBy: a.createdBy, updatedAt: a.cancelledAt ?? a.createdAt })),
    });
    const noShows = new Map<string, number>();
    for (const a of history.appointments.filter((x) => x.status === 'no_show')) {
      const id = patientIds.get(a.patientKey)!;
      noShows.set(id, (noShows.get(id) ?? 0) + 1);
    }
    for (const [id, count] of noShows) {
      await tx.patient.update({ where: { id }, data: { noShowCount: count, flaggedAt: count > DEMO_CLINIC.noShowThreshold ? now : null } });
    }
    const nora = await tx.patient.create({
      data: {
        clinicId: clinic.id, phoneHash: cipher.blindIndex(DEMO_NORTHSIDE_PATIENT.phone), phoneEnc: cipher.encrypt(DEMO_NORTHSIDE_PATIENT.phone),
        nameEnc: cipher.encrypt(DEMO_NORTHSIDE_PATIENT.name), dobEnc: cipher.encrypt(DEMO_NORTHSIDE_PATIENT.dob), language: 'en', preferredChannel: 'sms',
      },
    });
    const noraStart = new Date(Math.floor(+now / 3_600_000) * 3_600_000 - DEMO_NORTHSIDE_PATIENT.daysAgo * 86_400_000);
    await tx.appointment.create({
      data: {
        clinicId: clinic.id, providerId: providers['lee']!, serviceId: services['physio'], patientId: nora.id, locationId: locations['northside']!,
        startsAt: noraStart, endsAt: new Date(+noraStart + 45 * 60_000), blockStart: noraStart, blockEnd: new Date(+noraStart + 60 * 60_000),
        status: 'cancelled', source: 'console', cancelledAt: new Date(+noraStart - 2 * 86_400_000), cancelReason: 'Patient called: feeling better',
        createdBy: `staff:${staffIds['northdesk@riverside.test']!}`, updatedBy: `staff:${staffIds['northdesk@riverside.test']!}`, createdAt: new Date(+noraStart - 9 * 86_400_000),
      },
    });
    for (const c of history.conversations) {
      const channelAddress = DEMO_CHANNELS.find((x) => x.channel === c.channel)!;
      const conversation = await tx.conversation.create({
        data: {
          clinicId: clinic.id, channel: c.channel, clinicAddress: channelAddress.address, addressHash: cipher.blindIndex(c.phone),
          addressEnc: cipher.encrypt(c.phone), patientId: c.patientKey === null ? null : patientIds.get(c.patientKey)!, status: c.status,
          language: c.language, lastInboundAt: c.messages.filter((m) => m.direction === 'inbound').at(-1)?.at ?? null,
          createdAt: c.messages[0]!.at, updatedAt: c.messages.at(-1)!.at,
        },
      });
      await tx.message.createMany({
        data: c.messages.map((m) => ({
          clinicId: clinic.id, conversationId: conversation.id, direction: m.direction, channel: c.channel, provider: channelAddress.provider,
          providerMessageId: m.providerMessageId, bodyEnc: cipher.encrypt(m.body), status: m.status, createdAt: m.at, statusUpdatedAt: m.at,
          // History is already answered: the runtime must never pick these up as pending turns.
          processedAt: m.direction === 'inbound' ? m.at : null,
        })),
      });
      await tx.conversationFunnel.createMany({
        data: c.sessions.map((session) => ({ ...session, clinicId: clinic.id, conversationId: conversation.id, channel: c.channel, language: c.language })),
      });
    }
    await tx.auditLog.create({
      data: {
        clinicId: clinic.id, actorType: 'system', action: 'clinic.seeded', entityType: 'clinic', entityId: clinic.id,
        details: { patients: history.patients.length, appointments: history.appointments.length, conversations: history.conversations.length },
        prevHash: '', hash: '',
      },
    });
  }, { timeout: 300_000, maxWait: 10_000 });
  return 'created';
}

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const prisma = new PrismaClient({ adapter: createPgAdapter(config.database.url, 2) });
  try {
    const cipher = new PhiCipher(config.phi.keys, config.phi.activeKeyId, config.phi.blindIndexKey);
    const password = process.env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD;
    const outcome = await seedDemoClinic(prisma, cipher, { password });
    console.log(outcome === 'created' ? `Seeded ${DEMO_CLINIC.name}.` : `${DEMO_CLINIC.name} is already seeded; left as it is.`);
    console.log(`Staff log in with one of ${DEMO_STAFF.map((s) => s.email).join(', ')}`);
    console.log(process.env.DEMO_PASSWORD ? 'and the password in DEMO_PASSWORD.' : `and the password "${DEFAULT_DEMO_PASSWORD}" (set DEMO_PASSWORD to change it before seeding).`);
  } finally {
    await prisma.$disconnect();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
}
