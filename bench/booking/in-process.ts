// Booking throughput without HTTP, for bench (b): the real BookingService in a Nest application
// context of the compiled app (APP_ROLE=api: no workers in this process), driven by a closed loop,
// alternating with the bare single-row INSERT it is compared with (SEGMENTS turns of each, so a
// machine that speeds up or slows down during the run affects both alike).
// Run by booking.bench.ts after `tsc -p bench/tsconfig.json`; prints one JSON line with the result.
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../../src/app.module.js';
import { randomUUID } from 'node:crypto';
import { AppointmentRepository, type FastBookingInsert } from '../../src/booking/appointment.repository.js';
import { BookingService } from '../../src/booking/booking.service.js';
import { AvailabilityService } from '../../src/availability/availability.service.js';
import { PHI_CIPHER } from '../../src/patients/phi.module.js';
import type { PhiCipher } from '../../src/common/crypto/phi-cipher.js';
import { loadConfig } from '../../src/config/app-config.js';
import { PrismaService } from '../../src/database/prisma.service.js';
import pg from 'pg';
import { type CpuSplit, cpuMeter } from '../lib/cpu.js';

interface Job { serviceId: string; clinicId: string; slots: { providerId: string; start: string }[]; seconds: number; concurrency: number }

const SEGMENTS = 3;

interface Turn { cpu: CpuSplit; seconds: number }

/**
 * Runs `concurrency` closed loops until `seconds` have passed (or `more` says stop); returns the CPU
 * split and the time actually taken, which is shorter when `more` ran out first.
 */
async function loopFor(seconds: number, concurrency: number, more: () => boolean, once: () => Promise<void>): Promise<Turn> {
  const meter = cpuMeter();
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (performance.now() < deadline && more()) await once();
  }));
  return { cpu: meter(), seconds: (performance.now() - started) / 1000 };
}

function addTurn(a: Turn, b: Turn): Turn {
  return {
    cpu: { processMs: a.cpu.processMs + b.cpu.processMs, machineMs: a.cpu.machineMs === null || b.cpu.machineMs === null ? null : a.cpu.machineMs + b.cpu.machineMs },
    seconds: a.seconds + b.seconds,
  };
}

const NO_TURN: Turn = { cpu: { processMs: 0, machineMs: 0 }, seconds: 0 };

async function main(): Promise<void> {
  const job = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as Job;
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(loadConfig({ ...process.env, APP_ROLE: 'api' })), { logger: ['error'] });
  const booking = app.get(BookingService);
  const prisma = app.get(PrismaService);
  const cipher = app.get<PhiCipher>(PHI_CIPHER);
  // One new patient per booking, inserted before the clock starts.
  const count = job.slots.length;
  const phones = Array.from({ length: count }, (_, i) => `+1646${String(1_000_000 + i)}`);
  for (let i = 0; i < count; i += 2_000) {
    await prisma.patient.createMany({
      data: phones.slice(i, i + 2_000).map((phone) => ({ clinicId: job.clinicId, phoneHash: cipher.blindIndex(phone), phoneEnc: cipher.encrypt(phone) })),
      skipDuplicates: true,
    });
  }
  const patients = (await prisma.patient.findMany({ where: { clinicId: job.clinicId, createdAt: { gte: new Date(Date.now() - 3_600_000) } }, select: { id: true } })).map((p) => p.id);
  const latencies: number[] = [];
  let refused = 0;
  let next = 0;
  let bookingTurns = NO_TURN;
  // The bare INSERT from this same Node process, same database and concurrency.
  const bare = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: job.concurrency });
  await bare.query('CREATE TABLE IF NOT EXISTS bench_bare_insert (id bigserial PRIMARY KEY, provider_id uuid, starts_at timestamptz, payload text)');
  let inserts = 0;
  let bareTurns = NO_TURN;
  const segment = job.seconds / SEGMENTS;
  for (let s = 0; s < SEGMENTS; s++) {
    bookingTurns = addTurn(bookingTurns, await loopFor(segment, job.concurrency, () => next < job.slots.length && next < patients.length, async () => {
      const i = next++;
      const slot = job.slots[i]!;
      const started = performance.now();
      try {
        await booking.book({ serviceId: job.serviceId, providerId: slot.providerId, start: new Date(slot.start), patientId: patients[i]!, source: 'api', actor: { type: 'api', id: 'bench' } });
        latencies.push(performance.now() - started);
      } catch {
        refused++;
      }
    }));
    bareTurns = addTurn(bareTurns, await loopFor(segment, job.concurrency, () => true, async () => {
      await bare.query('INSERT INTO bench_bare_insert (provider_id, starts_at, payload) VALUES ($1, $2, $3)', [job.slots[0]!.providerId, new Date(), 'x']);
      inserts++;
    }));
  }
  await bare.end();

  // The database's share: the same one booking statement (appointment + audit row + outbox event,
  // guarded by the schedule version, checked by the EXCLUDE constraint) for the slots not used yet,
  // prepared beforehand — no availability check, hold, relay or HTTP in the timed part.
  const availability = app.get(AvailabilityService);
  const appointments = app.get(AppointmentRepository);
  const prepared: FastBookingInsert[] = [];
  for (let i = next; i < job.slots.length && i < patients.length && prepared.length < 200_000; i++) {
    const slot = job.slots[i]!;
    const cached = await availability.checkSlotCached({
      serviceId: job.serviceId, providerId: slot.providerId, start: new Date(slot.start), isNewPatient: true, locationId: null, holder: null, ignoreAppointmentId: null, holdVerified: true,
    });
    if (!cached?.check.ok) continue;
    const { check, scheduleVersion, service } = cached;
    const appointment = {
      id: randomUUID(), clinicId: service.clinicId, providerId: slot.providerId, serviceId: service.id, patientId: patients[i]!,
      locationId: check.slot.locationId, roomId: check.slot.roomId, startsAt: new Date(slot.start), endsAt: new Date(check.slot.end),
      blockStart: check.blockStart, blockEnd: check.blockEnd, source: 'api' as const, idempotencyKey: null, notes: null, createdBy: 'api:bench',
    };
    prepared.push({
      appointment, scheduleVersion, newPatientOnly: service.newPatientOnly,
      audit: { actor: { type: 'api', id: 'bench' }, action: 'appointment.booked', reason: null, ip: null, details: { source: 'api' } },
      outbox: { eventType: 'appointment.booked', payload: { clinicId: service.clinicId, appointmentId: appointment.id } },
    });
  }
  let statements = 0;
  let cursor = 0;
  const statementTurn = await loopFor(segment, job.concurrency, () => cursor < prepared.length, async () => {
    if ((await appointments.insertIfScheduleCurrent(prepared[cursor++]!)).kind === 'booked') statements++;
  });
  await app.close();
  console.log(JSON.stringify({
    booked: latencies.length, refused, latencies, cpu: bookingTurns.cpu, bookingSeconds: bookingTurns.seconds,
    bare: { inserts, seconds: bareTurns.seconds, cpu: bareTurns.cpu },
    statementOnly: { inserted: statements, prepared: prepared.length, seconds: statementTurn.seconds, cpu: statementTurn.cpu },
  }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
