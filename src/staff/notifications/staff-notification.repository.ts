import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service.js';
import type { Prisma } from '../../generated/prisma/client.js';

@Injectable()
export class StaffNotificationRepository {
  constructor(private readonly prisma: PrismaService) {}

  async page(where: Prisma.NotificationWhereInput, orderBy: Prisma.NotificationOrderByWithRelationInput, skip: number, take: number) {
    const [rows, total] = await Promise.all([
      this.prisma.notification.findMany({ where, orderBy: [orderBy, { id: 'asc' }], skip, take }),
      this.prisma.notification.count({ where }),
    ]);
    return { rows, total };
  }
}
