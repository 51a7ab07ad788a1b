// Booking throughput without HTTP, for bench (b): the real BookingService in a Nest application
// context of the compiled app (APP_ROLE=api: no workers in this process), driven by closed loops at
// each concurrency in turn, alternating with the bare single-row INSERT it is compared with at the
// same concurrency (SEGMENTS turns of each, so a machine that speeds up or slows down during the
// run affects both alike).
// Run by booking.bench.ts after `tsc -p bench/tsconfig.json`; prints one JSON line with the result.
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import pg from 'pg';
import { AppModule } from '../../src/app.module.js';
import { AppointmentRepository, type FastBookingInsert } from '../../src/booking/appointment.repository.js';
import { BookingService } from '../../src/booking/booking.service.js';
import { AvailabilityService } from '../../src/availability/availability.service.js';
import { PHI_CIPHER } from '../../src/patients/phi.module.js';
import type { PhiCipher } from '../../src/common/crypto/phi-cipher.js';
import { loadConfig } from '../../src/config/app-config.js';
import { PrismaService } from '../../src/database/prisma.service.js';
import { type CpuSplit, cpuMeter } from '../lib/cpu.js';
import { summarize } from '../lib/results.js';
import { distinctSlots } from './slots.js';

export interface InProcessJob {
  serviceId: string; clinicId: string; timezone: string; providerIds: string[]; monday: string;
  /** Slots from the front of distinctSlots() already taken (the HTTP part), and the contended one at the end. */
  skip: number;
  seconds: number;
  concurrencies: number[];
}

export interface Turn { cpu: CpuSplit; seconds: number }
export interface AtConcurrency {
  concurrency: number;
  booked: number; refused: number; bookingTurns: Turn; latency: { p50: number; p99: number };
  inserts: number; bareTurns: Turn;
}
export interface InProcessResult {
  runs: AtConcurrency[];
  statementOnly: { concurrency: number; inserted: number; prepared: number; turn: Turn };
}

const SEGMENTS = 3;
/** Patients booking in turn (a patient may hold several appointments); enough that two bookings of one patient rarely meet in flight. */
const PATIENTS = 50_000;

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
  const job = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as InProcessJob;
  const slots = distinctSlots(job.providerIds, job.timezone, job.monday).slice(job.skip, -1);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(loadConfig({ ...process.env, APP_ROLE: 'api' })), { logger: ['error'] });
  const booking = app.get(BookingService);
  const prisma = app.get(PrismaService);
  const cipher = app.get<PhiCipher>(PHI_CIPHER);
  // The patients, inserted before the clock starts (or found, when an earlier run on this database made them).
  const patients: string[] = [];
  for (let i = 0; i < PATIENTS; i += 2_000) {
    const hashes = Array.from({ length: Math.min(2_000, PATIENTS - i) }, (_, k) => `+1646${String(1_000_000 + i + k)}`).map((phone) => ({ phone, hash: cipher.blindIndex(phone) }));
    await prisma.patient.createMany({ data: hashes.map(({ phone, hash }) => ({ clinicId: job.clinicId, phoneHash: hash, phoneEnc: cipher.encrypt(phone) })), skipDuplicates: true });
    const rows = await prisma.patient.findMany({ where: { clinicId: job.clinicId, phoneHash: { in: hashes.map((h) => h.hash) } }, select: { id: true } });
    patients.push(...rows.map((p) => p.id));
  }
  const bare = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Math.max(...job.concurrencies) });
  await bare.query('CREATE TABLE IF NOT EXISTS bench_bare_insert (id bigserial PRIMARY KEY, provider_id uuid, starts_at timestamptz, payload text)');
  let next = 0;
  const runs: AtConcurrency[] = [];
  const segment = job.seconds / SEGMENTS;
  for (const concurrency of job.concurrencies) {
    const latencies: number[] = [];
    let refused = 0;
    let inserts = 0;
    let bookingTurns = NO_TURN;
    let bareTurns = NO_TURN;
    for (let s = 0; s < SEGMENTS; s++) {
      bookingTurns = addTurn(bookingTurns, await loopFor(segment, concurrency, () => next < slots.length, async () => {
        const i = next++;
        const slot = slots[i]!;
        const started = performance.now();
        try {
          await booking.book({ serviceId: job.serviceId, providerId: slot.providerId, start: new Date(slot.start), patientId: patients[i % patients.length]!, source: 'api', actor: { type: 'api', id: 'bench' } });
          latencies.push(performance.now() - started);
        } catch {
          refused++;
        }
      }));
      bareTurns = addTurn(bareTurns, await loopFor(segment, concurrency, () => true, async () => {
        await bare.query('INSERT INTO bench_bare_insert (provider_id, starts_at, payload) VALUES ($1, $2, $3)', [slots[0]!.providerId, new Date(), 'x']);
        inserts++;
      }));
    }
    const { p50, p99 } = summarize(latencies);
    runs.push({ concurrency, booked: latencies.length, refused, bookingTurns, latency: { p50, p99 }, inserts, bareTurns });
  }
  await bare.end();

  // The database's share: the same one booking statement (appointment + audit row + outbox event,
  // guarded by the schedule version, checked by the EXCLUDE constraint) for slots not used yet,
  // prepared beforehand — no availability check, hold, relay or HTTP in the timed part — at the
  // largest concurrency.
  const availability = app.get(AvailabilityService);
  const appointments = app.get(AppointmentRepository);
  const prepared: FastBookingInsert[] = [];
  for (let i = next; i < slots.length && prepared.length < 200_000; i++) {
    const slot = slots[i]!;
    const cached = await availability.checkSlotCached({
      serviceId: job.serviceId, providerId: slot.providerId, start: new Date(slot.start), isNewPatient: true, locationId: null, holder: null, ignoreAppointmentId: null, holdVerified: true,
    });
    if (!cached?.check.ok) continue;
    const { check, scheduleVersion, service } = cached;
    const appointment = {
      id: randomUUID(), clinicId: service.clinicId, providerId: slot.providerId, serviceId: service.id, patientId: patients[i % patients.length]!,
      locationId: check.slot.locationId, roomId: check.slot.roomId, startsAt: new Date(slot.start), endsAt: new Date(check.slot.end),
      blockStart: check.blockStart, blockEnd: check.blockEnd, source: 'api' as const, idempotencyKey: null, notes: null, createdBy: 'api:bench',
    };
    prepared.push({
      appointment, scheduleVersion, newPatientOnly: service.newPatientOnly,
      audit: { actor: { type: 'api', id: 'bench' }, action: 'appointment.booked', reason: null, ip: null, details: { source: 'api' } },
      outbox: { eventType: 'appointment.booked', payload: { clinicId: service.clinicId, appointmentId: appointment.id } },
    });
  }
  const concurrency = Math.max(...job.concurrencies);
  let inserted = 0;
  let cursor = 0;
  const turn = await loopFor(segment, concurrency, () => cursor < prepared.length, async () => {
    if ((await appointments.insertIfScheduleCurrent(prepared[cursor++]!)).kind === 'booked') inserted++;
  });
  await app.close();
  const result: InProcessResult = { runs, statementOnly: { concurrency, inserted, prepared: prepared.length, turn } };
  console.log(JSON.stringify(result));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
