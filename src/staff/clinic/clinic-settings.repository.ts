import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service.js';
import type { Prisma } from '../../generated/prisma/client.js';

/** Writes of the clinic's reference data (providers with their services, services, rooms). */
@Injectable()
export class ClinicSettingsRepository {
  constructor(private readonly prisma: PrismaService) {}

  findProvider(clinicId: string, id: string) {
    return this.prisma.provider.findFirst({ where: { clinicId, id }, include: { services: { select: { serviceId: true } } } });
  }

  /** Creates the provider and its provider_services rows in one transaction. */
  createProvider(data: Prisma.ProviderUncheckedCreateInput, serviceIds: string[]) {
    return this.prisma.provider.create({ data: { ...data, services: { create: serviceIds.map((serviceId) => ({ serviceId })) } } });
  }

  /** Updates the provider and, when given, replaces its services, in one transaction. */
  updateProvider(id: string, data: Prisma.ProviderUncheckedUpdateInput, serviceIds: string[] | undefined) {
    return this.prisma.provider.update({
      where: { id },
      data: { ...data, ...(serviceIds ? { services: { deleteMany: {}, create: serviceIds.map((serviceId) => ({ serviceId })) } } : {}) },
    });
  }

  /** How many of these ids are services of the clinic (to refuse other clinics' ids). */
  countServices(clinicId: string, ids: string[]): Promise<number> {
    return this.prisma.service.count({ where: { clinicId, id: { in: ids } } });
  }

  findService(clinicId: string, id: string) {
    return this.prisma.service.findFirst({ where: { clinicId, id } });
  }

  /** Another service of the clinic with this name, ignoring case (names are what patients pick from). */
  otherServiceNamed(clinicId: string, name: string, exceptId: string | null) {
    return this.prisma.service.findFirst({ where: { clinicId, name: { equals: name, mode: 'insensitive' }, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
  }

  createService(data: Prisma.ServiceUncheckedCreateInput) {
    return this.prisma.service.create({ data });
  }

  updateService(id: string, data: Prisma.ServiceUncheckedUpdateInput) {
    return this.prisma.service.update({ where: { id }, data });
  }

  findRoom(clinicId: string, id: string) {
    return this.prisma.room.findFirst({ where: { clinicId, id } });
  }

  createRoom(data: Prisma.RoomUncheckedCreateInput) {
    return this.prisma.room.create({ data });
  }

  updateRoom(id: string, data: Prisma.RoomUncheckedUpdateInput) {
    return this.prisma.room.update({ where: { id }, data });
  }
}
