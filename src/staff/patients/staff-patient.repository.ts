import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service.js';
import type { Prisma } from '../../generated/prisma/client.js';

/** Patient reads for the staff API; callers pass conditions that already include the caller's scope. */
@Injectable()
export class StaffPatientRepository {
  constructor(private readonly prisma: PrismaService) {}

  async page(where: Prisma.PatientWhereInput, orderBy: Prisma.PatientOrderByWithRelationInput, skip: number, take: number) {
    const [rows, total] = await Promise.all([
      this.prisma.patient.findMany({ where, orderBy: [orderBy, { id: 'asc' }], skip, take }),
      this.prisma.patient.count({ where }),
    ]);
    return { rows, total };
  }

  /** Ids and encrypted names for a decrypt-and-match name search, newest first, at most `limit`. */
  namesForSearch(where: Prisma.PatientWhereInput, limit: number) {
    return this.prisma.patient.findMany({ where: { AND: [where, { nameEnc: { not: null } }] }, select: { id: true, nameEnc: true }, orderBy: { createdAt: 'desc' }, take: limit });
  }

  findMany(where: Prisma.PatientWhereInput) {
    return this.prisma.patient.findMany({ where });
  }

  clearNoShowFlag(id: string) {
    return this.prisma.patient.update({ where: { id }, data: { flaggedAt: null } });
  }

  update(id: string, data: { nameEnc?: string; dobEnc?: string; language?: string }) {
    return this.prisma.patient.update({ where: { id }, data });
  }
}
