import { DateTime } from 'luxon';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { prismaFor, testCipher } from '../support/fixtures.js';
import { seedDemoClinic } from '../../prisma/seed.js';
import type { PrismaClient } from '../../src/generated/prisma/client.js';

describe('demo clinic seed', () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  const now = new Date('2026-11-21T15:00:00Z');

  beforeAll(async () => {
    db = await createTestDatabase('empty');
    prisma = prismaFor(db.url);
    expect(await seedDemoClinic(prisma, testCipher, { now })).toBe('created');
  }, 60_000);
  afterAll(async () => {
    await prisma.$disconnect();
    await db.drop();
  });

  it('is idempotent: a second run changes nothing', async () => {
    const before = await Promise.all([prisma.appointment.count(), prisma.patient.count(), prisma.availabilityRule.count(), prisma.staffUser.count()]);
    expect(await seedDemoClinic(prisma, testCipher, { now })).toBe('exists');
    expect(await Promise.all([prisma.appointment.count(), prisma.patient.count(), prisma.availabilityRule.count(), prisma.staffUser.count()])).toEqual(before);
  });

  it('creates the clinic with the settings the brief specifies', async () => {
    const clinic = await prisma.clinic.findUniqueOrThrow({ where: { slug: 'riverside' } });
    expect(clinic).toMatchObject({
      name: 'Riverside Family Clinic', timezone: 'America/New_York', minNoticeMinutes: 120, maxAdvanceDays: 90, holdTtlSeconds: 300,
      cancellationCutoffHours: 24, reminderOffsetsMinutes: [4320, 1440, 120], waitlistClaimMinutes: 30, noShowThreshold: 3, noShowWindowMonths: 12,
    });
    const locations = await prisma.location.findMany({ include: { rooms: true }, orderBy: { name: 'asc' } });
    expect(locations.map((l) => [l.name, l.timezone, l.rooms.map((r) => `${r.name}/${r.kind}`).sort()])).toEqual([
      ['Downtown', 'America/New_York', []],
      ['Northside', 'America/New_York', ['Treatment Room 1/treatment', 'Treatment Room 2/treatment']],
    ]);
    const channels = await prisma.clinicChannel.findMany({ orderBy: { address: 'asc' } });
    expect(channels.map((c) => [c.channel, c.address])).toEqual([['sms', '+12125550100'], ['whatsapp', '+12125550101']]);
  });

  it('creates the services with durations, buffers and rules', async () => {
    const services = await prisma.service.findMany({ orderBy: { durationMinutes: 'desc' } });
    expect(Object.fromEntries(services.map((s) => [s.name, [s.durationMinutes, s.bufferAfterMinutes, s.roomKind, s.newPatientOnly, s.telehealth]]))).toEqual({
      'New patient visit': [60, 0, null, true, false],
      'Follow-up visit': [30, 0, null, false, false],
      'Annual physical': [45, 0, null, false, false],
      Vaccination: [15, 0, null, false, false],
      'Skin check': [30, 0, null, false, false],
      'Telehealth consult': [20, 0, null, false, true],
      'Physio session': [45, 15, 'treatment', false, false],
    });
  });

  it('gives each provider their services and weekly hours', async () => {
    const providers = await prisma.provider.findMany({
      include: { services: { include: { service: true } }, availabilityRules: { include: { location: true } } },
    });
    const summary = Object.fromEntries(providers.map((p) => [p.name, {
      services: p.services.map((s) => s.service.name).sort(),
      hours: [...new Set(p.availabilityRules.map((r) => `${r.location?.name ?? 'telehealth'} ${r.startTime.toISOString().slice(11, 16)}-${r.endTime.toISOString().slice(11, 16)}`))].sort(),
      days: [...new Set(p.availabilityRules.map((r) => r.weekday))].sort(),
    }]));
    expect(summary['Dr. Maya Patel']).toEqual({ services: ['Annual physical', 'Follow-up visit', 'New patient visit', 'Vaccination'], hours: ['Downtown 09:00-12:00', 'Downtown 13:00-17:00'], days: [1, 2, 3, 4, 5] });
    expect(summary['Dr. Luis García']).toEqual({ services: ['Follow-up visit', 'New patient visit', 'Vaccination'], hours: ['Downtown 08:00-14:00', 'Downtown 09:00-13:00', 'Northside 12:00-18:00'], days: [1, 2, 3, 4, 5, 6] });
    expect(summary['Dr. Aisha Khan']).toEqual({ services: ['Follow-up visit', 'Skin check', 'Telehealth consult'], hours: ['Northside 10:00-16:00', 'telehealth 09:00-12:00'], days: [1, 2, 3, 4, 5] });
    expect(summary['Sam Lee, PT']).toEqual({ services: ['Physio session'], hours: ['Northside 07:00-15:00'], days: [1, 2, 3, 4, 5] });
    const garcia = providers.find((p) => p.name === 'Dr. Luis García')!;
    expect(garcia.languages).toEqual(['en', 'es']);
    expect(garcia.availabilityRules.filter((r) => r.location?.name === 'Northside').map((r) => r.weekday).sort()).toEqual([2, 4]);
  });

  it('creates the five staff users with their roles and scopes', async () => {
    const staff = await prisma.staffUser.findMany({ include: { provider: true } });
    const locations = Object.fromEntries((await prisma.location.findMany()).map((l) => [l.id, l.name]));
    expect(Object.fromEntries(staff.map((s) => [s.email, [s.role, s.locationIds.map((id) => locations[id]), s.provider?.name ?? null]]))).toEqual({
      'admin@riverside.test': ['admin', [], null],
      'frontdesk@riverside.test': ['receptionist', ['Downtown'], null],
      'northdesk@riverside.test': ['receptionist', ['Northside'], null],
      'dr.patel@riverside.test': ['provider', ['Downtown'], 'Dr. Maya Patel'],
      'owner@riverside.test': ['owner', [], null],
    });
    expect(staff.every((s) => s.passwordHash.startsWith('$argon2id$'))).toBe(true);
  });

  it('stores patient phone, name and date of birth only encrypted, findable by blind index', async () => {
    const patients = await prisma.patient.findMany();
    expect(patients.length).toBeGreaterThan(100);
    for (const p of patients.slice(0, 20)) {
      expect(p.phoneEnc).not.toMatch(/\+1\d{10}/);
      const phone = testCipher.decrypt(p.phoneEnc);
      expect(phone).toMatch(/^\+1\d{10}$/);
      expect(p.phoneHash).toBe(testCipher.blindIndex(phone));
      expect(testCipher.decrypt(p.nameEnc!)).toMatch(/^\S+ \S+$/);
      expect(testCipher.decrypt(p.dobEnc!)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('has about 90 days of realistic history and booked days ahead', async () => {
    const zone = 'America/New_York';
    const first = await prisma.appointment.findFirstOrThrow({ orderBy: { startsAt: 'asc' } });
    expect(Math.round(DateTime.fromJSDate(now).diff(DateTime.fromJSDate(first.startsAt), 'days').days)).toBeGreaterThanOrEqual(89);
    const past = { startsAt: { lt: now } };
    const [completed, cancelled, noShow, total] = await Promise.all([
      prisma.appointment.count({ where: { ...past, status: 'completed' } }),
      prisma.appointment.count({ where: { ...past, status: 'cancelled' } }),
      prisma.appointment.count({ where: { ...past, status: 'no_show' } }),
      prisma.appointment.count({ where: past }),
    ]);
    expect(completed / total).toBeGreaterThan(0.7);
    expect(cancelled).toBeGreaterThan(20);
    expect(noShow).toBeGreaterThan(20);
    expect(await prisma.appointment.count({ where: { status: 'cancelled', cancelReason: null } })).toBe(0);
    expect(await prisma.appointment.count({ where: { status: 'cancelled', lateCancellation: true } })).toBeGreaterThan(0);
    expect(await prisma.appointment.count({ where: { startsAt: { gt: now }, status: 'confirmed' } })).toBeGreaterThan(50);
    // Every appointment sits inside its provider's hours in the clinic's local time.
    const sample = await prisma.appointment.findMany({ take: 300, include: { provider: { include: { availabilityRules: true } } } });
    for (const a of sample) {
      const start = DateTime.fromJSDate(a.startsAt, { zone });
      const minutes = start.hour * 60 + start.minute;
      const end = minutes + (+a.blockEnd - +a.startsAt) / 60_000;
      const fits = a.provider.availabilityRules.some((r) => r.weekday === start.weekday
        && r.startTime.getUTCHours() * 60 + r.startTime.getUTCMinutes() <= minutes && end <= r.endTime.getUTCHours() * 60 + r.endTime.getUTCMinutes());
      expect({ id: a.id, fits }).toEqual({ id: a.id, fits: true });
    }
  });

  it('has conversations that did and did not end in a booking, with encrypted messages', async () => {
    const withPatient = await prisma.conversation.count({ where: { patientId: { not: null } } });
    const anonymous = await prisma.conversation.count({ where: { patientId: null } });
    expect(withPatient).toBeGreaterThan(50);
    expect(anonymous).toBeGreaterThan(50);
    // The history is answered: nothing may be picked up as a pending turn when a seeded patient writes.
    expect(await prisma.message.count({ where: { direction: 'inbound', processedAt: null } })).toBe(0);
    const message = await prisma.message.findFirstOrThrow({ where: { direction: 'inbound' } });
    expect(message.bodyEnc.startsWith('t1.')).toBe(true);
    expect(testCipher.decrypt(message.bodyEnc).length).toBeGreaterThan(0);
  });
});
