import { DateTime } from 'luxon';
import { localToTimeColumn } from '../../src/common/local-time.js';
import type { PrismaClient } from '../../src/generated/prisma/client.js';

/**
 * Adds `count` follow-up providers to the demo clinic (Mon–Fri 08–12 and 13–17, alternating
 * locations), optionally with about half of the next 14 days booked, for benchmarks at scale.
 */
export async function addGeneratedProviders(prisma: PrismaClient, count: number, options: { bookHalf: boolean }) {
  const clinic = await prisma.clinic.findUniqueOrThrow({ where: { slug: 'riverside' } });
  const followUp = await prisma.service.findFirstOrThrow({ where: { clinicId: clinic.id, code: 'follow-up' } });
  const locations = await prisma.location.findMany({ where: { clinicId: clinic.id } });
  const patients = await prisma.patient.findMany({ select: { id: true }, take: 200 });
  const start = DateTime.now().setZone(clinic.timezone).startOf('day');
  const providerIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const provider = await prisma.provider.create({
      data: { clinicId: clinic.id, name: `Dr. Bench ${i}`, shortName: `Dr. Bench ${i}`, specialty: 'General', services: { create: [{ serviceId: followUp.id }] } },
    });
    providerIds.push(provider.id);
    const locationId = locations[i % locations.length]!.id;
    await prisma.availabilityRule.createMany({
      data: [1, 2, 3, 4, 5].flatMap((weekday) => [
        { clinicId: clinic.id, providerId: provider.id, locationId, weekday, startTime: localToTimeColumn('08:00'), endTime: localToTimeColumn('12:00') },
        { clinicId: clinic.id, providerId: provider.id, locationId, weekday, startTime: localToTimeColumn('13:00'), endTime: localToTimeColumn('17:00') },
      ]),
    });
    if (!options.bookHalf) continue;
    const appointments = [];
    for (let d = 0; d < 14; d++) {
      const day = start.plus({ days: d });
      if (day.weekday > 5) continue;
      for (let h = 8; h < 17; h++) {
        if (h === 12 || (h + i + d) % 2 === 0) continue;
        const at = day.set({ hour: h });
        appointments.push({
          clinicId: clinic.id, providerId: provider.id, locationId, serviceId: followUp.id, patientId: patients[(i + d + h) % patients.length]!.id,
          startsAt: at.toJSDate(), endsAt: at.plus({ minutes: 30 }).toJSDate(), blockStart: at.toJSDate(), blockEnd: at.plus({ minutes: 30 }).toJSDate(),
          status: 'confirmed' as const, source: 'api' as const, createdBy: 'bench', updatedBy: 'bench',
        });
      }
    }
    await prisma.appointment.createMany({ data: appointments });
  }
  return { clinic, followUp, providerIds };
}
