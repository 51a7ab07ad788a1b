import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';

/** What the bot needs to know about a clinic to understand and answer patients. */
@Injectable()
export class ClinicCatalogRepository {
  constructor(private readonly prisma: PrismaService) {}

  async load(clinicId: string) {
    const [clinic, services, providers, locations] = await Promise.all([
      this.prisma.clinic.findUniqueOrThrow({ where: { id: clinicId } }),
      this.prisma.service.findMany({ where: { clinicId, active: true }, orderBy: { createdAt: 'asc' } }),
      this.prisma.provider.findMany({ where: { clinicId, active: true }, include: { services: { select: { serviceId: true } } }, orderBy: { name: 'asc' } }),
      this.prisma.location.findMany({ where: { clinicId }, orderBy: { name: 'asc' } }),
    ]);
    return { clinic, services, providers, locations };
  }
}
