import { Injectable } from '@nestjs/common';
import { localToDateColumn } from '../common/local-time.js';
import { PrismaService } from '../database/prisma.service.js';

@Injectable()
export class WaitlistRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Adds the patient to the waitlist, or widens their existing waiting entry for the same request. */
  async join(entry: { clinicId: string; patientId: string; serviceId: string; providerId: string | null; locationId: string | null; earliestDate: string; latestDate: string; source: string }) {
    const existing = await this.prisma.waitlistEntry.findFirst({
      where: { patientId: entry.patientId, serviceId: entry.serviceId, providerId: entry.providerId, status: 'waiting' },
    });
    const dates = { earliestDate: localToDateColumn(entry.earliestDate), latestDate: localToDateColumn(entry.latestDate) };
    if (existing) {
      return this.prisma.waitlistEntry.update({
        where: { id: existing.id },
        data: {
          earliestDate: existing.earliestDate < dates.earliestDate ? existing.earliestDate : dates.earliestDate,
          latestDate: existing.latestDate > dates.latestDate ? existing.latestDate : dates.latestDate,
        },
      });
    }
    return this.prisma.waitlistEntry.create({ data: { ...entry, ...dates } });
  }
}
