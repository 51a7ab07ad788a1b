import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../../database/prisma.service.js';
import type { Prisma } from '../../generated/prisma/client.js';

@Injectable()
export class SchedulesRepository {
  constructor(private readonly prisma: PrismaService) {}

  async rules(where: Prisma.AvailabilityRuleWhereInput, skip: number, take: number) {
    const [rows, total] = await Promise.all([
      this.prisma.availabilityRule.findMany({ where, orderBy: [{ providerId: 'asc' }, { weekday: 'asc' }, { startTime: 'asc' }, { id: 'asc' }], skip, take }),
      this.prisma.availabilityRule.count({ where }),
    ]);
    return { rows, total };
  }

  findRule(where: Prisma.AvailabilityRuleWhereInput) {
    return this.prisma.availabilityRule.findFirst({ where });
  }

  createRule(data: Prisma.AvailabilityRuleUncheckedCreateInput, tx: Tx = this.prisma) {
    return tx.availabilityRule.create({ data });
  }

  updateRule(id: string, data: Prisma.AvailabilityRuleUncheckedUpdateInput, tx: Tx = this.prisma) {
    return tx.availabilityRule.update({ where: { id }, data });
  }

  deleteRule(id: string, tx: Tx = this.prisma) {
    return tx.availabilityRule.delete({ where: { id } });
  }

  async exceptions(where: Prisma.ScheduleExceptionWhereInput, skip: number, take: number) {
    const [rows, total] = await Promise.all([
      this.prisma.scheduleException.findMany({ where, orderBy: [{ startsOn: 'asc' }, { id: 'asc' }], skip, take }),
      this.prisma.scheduleException.count({ where }),
    ]);
    return { rows, total };
  }

  findException(where: Prisma.ScheduleExceptionWhereInput) {
    return this.prisma.scheduleException.findFirst({ where });
  }

  createException(data: Prisma.ScheduleExceptionUncheckedCreateInput, tx: Tx = this.prisma) {
    return tx.scheduleException.create({ data });
  }

  updateException(id: string, data: Prisma.ScheduleExceptionUncheckedUpdateInput, tx: Tx = this.prisma) {
    return tx.scheduleException.update({ where: { id }, data });
  }

  deleteException(id: string, tx: Tx = this.prisma) {
    return tx.scheduleException.delete({ where: { id } });
  }

  providerServiceIds(providerId: string): Promise<string[]> {
    return this.prisma.providerService.findMany({ where: { providerId }, select: { serviceId: true } }).then((rows) => rows.map((r) => r.serviceId));
  }
}
