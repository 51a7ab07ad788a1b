import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';

/** Names to label report rows with, and the clinic's zone. */
export interface ReportCatalog {
  timezone: string;
  providers: Map<string, string>;
  services: Map<string, string>;
  locations: Map<string, string>;
}

@Injectable()
export class ReportCatalogRepository {
  constructor(private readonly prisma: PrismaService) {}

  async load(clinicId: string): Promise<ReportCatalog | null> {
    const clinic = await this.prisma.clinic.findUnique({
      where: { id: clinicId },
      select: {
        timezone: true,
        providers: { select: { id: true, name: true } },
        services: { select: { id: true, name: true } },
        locations: { select: { id: true, name: true } },
      },
    });
    if (!clinic) return null;
    const names = (rows: { id: string; name: string }[]) => new Map(rows.map((r) => [r.id, r.name]));
    return { timezone: clinic.timezone, providers: names(clinic.providers), services: names(clinic.services), locations: names(clinic.locations) };
  }
}
