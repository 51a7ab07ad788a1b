import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service.js';

export type CatalogResource = 'providers' | 'services' | 'locations' | 'rooms';

/** The clinic's reference data (no patient data): providers, services, locations, rooms. */
@Injectable()
export class ClinicCatalogReadRepository {
  constructor(private readonly prisma: PrismaService) {}

  async page(resource: CatalogResource, clinicId: string, ids: string[] | undefined, order: 'asc' | 'desc', skip: number, take: number): Promise<{ rows: object[]; total: number }> {
    const where = { clinicId, ...(ids ? { id: { in: ids } } : {}) };
    const args = { where, orderBy: [{ name: order }, { id: 'asc' as const }], skip, take };
    switch (resource) {
      case 'providers': {
        const [rows, total] = await Promise.all([this.prisma.provider.findMany({ ...args, include: { services: { select: { serviceId: true } } } }), this.prisma.provider.count({ where })]);
        return { rows: rows.map(({ services, ...p }) => ({ ...p, serviceIds: services.map((s) => s.serviceId) })), total };
      }
      case 'services':
        return Promise.all([this.prisma.service.findMany(args), this.prisma.service.count({ where })]).then(([rows, total]) => ({ rows, total }));
      case 'locations':
        return Promise.all([this.prisma.location.findMany(args), this.prisma.location.count({ where })]).then(([rows, total]) => ({ rows, total }));
      case 'rooms':
        return Promise.all([this.prisma.room.findMany(args), this.prisma.room.count({ where })]).then(([rows, total]) => ({ rows, total }));
    }
  }
}
