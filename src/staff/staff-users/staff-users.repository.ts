import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service.js';
import type { Prisma } from '../../generated/prisma/client.js';

@Injectable()
export class StaffUsersRepository {
  constructor(private readonly prisma: PrismaService) {}

  async page(where: Prisma.StaffUserWhereInput, orderBy: Prisma.StaffUserOrderByWithRelationInput, skip: number, take: number) {
    const [rows, total] = await Promise.all([
      this.prisma.staffUser.findMany({ where, orderBy: [orderBy, { id: 'asc' }], skip, take }),
      this.prisma.staffUser.count({ where }),
    ]);
    return { rows, total };
  }

  findOne(where: Prisma.StaffUserWhereInput) {
    return this.prisma.staffUser.findFirst({ where });
  }

  create(data: Prisma.StaffUserUncheckedCreateInput) {
    return this.prisma.staffUser.create({ data });
  }

  update(id: string, data: Prisma.StaffUserUncheckedUpdateInput) {
    return this.prisma.staffUser.update({ where: { id }, data });
  }

  countLocations(clinicId: string, ids: string[]): Promise<number> {
    return this.prisma.location.count({ where: { clinicId, id: { in: ids } } });
  }
}
