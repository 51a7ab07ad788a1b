import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../../common/errors.js';
import { PrismaService } from '../../database/prisma.service.js';
import type { Prisma } from '../../generated/prisma/client.js';

/**
 * "Is this id one of my clinic's?" checks. Another clinic's ids answer 404 exactly like ids that do
 * not exist, so nobody can learn what other clinics hold.
 */
@Injectable()
export class ClinicRefsRepository {
  constructor(private readonly prisma: PrismaService) {}

  async requireProvider(clinicId: string, id: string) {
    const row = await this.prisma.provider.findFirst({ where: { id, clinicId } });
    if (!row) throw new NotFoundError('Provider');
    return row;
  }

  async requireService(clinicId: string, id: string) {
    const row = await this.prisma.service.findFirst({ where: { id, clinicId } });
    if (!row) throw new NotFoundError('Service');
    return row;
  }

  async requireLocation(clinicId: string, id: string) {
    const row = await this.prisma.location.findFirst({ where: { id, clinicId } });
    if (!row) throw new NotFoundError('Location');
    return row;
  }

  async requirePatient(clinicId: string, id: string) {
    const row = await this.prisma.patient.findFirst({ where: { id, clinicId } });
    if (!row) throw new NotFoundError('Patient');
    return row;
  }

  /** Providers with weekly hours at any of these locations (all the clinic's providers for null). */
  async providerIdsAt(clinicId: string, locationIds: string[] | null): Promise<string[]> {
    const rows = await this.prisma.provider.findMany({
      where: { clinicId, active: true, ...(locationIds ? { availabilityRules: { some: { locationId: { in: locationIds } } } } : {}) },
      select: { id: true },
    });
    return rows.map((r) => r.id);
  }

  patientMatches(where: Prisma.PatientWhereInput): Promise<boolean> {
    return this.prisma.patient.count({ where }).then((n) => n > 0);
  }
}
