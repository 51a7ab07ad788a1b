import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../database/prisma.service.js';

/** Staff accounts as sign-in needs them: look-up, failed-attempt bookkeeping, password changes. */
@Injectable()
export class StaffUserRepository {
  constructor(private readonly prisma: PrismaService) {}

  findByEmail(email: string) {
    return this.prisma.staffUser.findUnique({ where: { email } });
  }

  findById(id: string, tx: Tx = this.prisma) {
    return tx.staffUser.findUnique({ where: { id } });
  }

  /** Counts a wrong password; at the threshold the account locks and the count starts again. */
  async recordFailure(id: string, lockAfter: number, lockUntil: Date): Promise<{ locked: boolean }> {
    return this.prisma.$transaction(async (tx) => {
      const user = await tx.staffUser.update({ where: { id }, data: { failedLogins: { increment: 1 } } });
      if (user.failedLogins < lockAfter) return { locked: false };
      await tx.staffUser.update({ where: { id }, data: { failedLogins: 0, lockedUntil: lockUntil } });
      return { locked: true };
    });
  }

  async recordSuccess(id: string): Promise<void> {
    await this.prisma.staffUser.update({ where: { id }, data: { failedLogins: 0, lockedUntil: null } });
  }

  async setPassword(id: string, passwordHash: string, at: Date, tx: Tx = this.prisma): Promise<void> {
    await tx.staffUser.update({ where: { id }, data: { passwordHash, passwordChangedAt: at } });
  }
}
