import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../database/prisma.service.js';

/** Sessions and their refresh tokens (stored as SHA-256 hashes only). */
@Injectable()
export class StaffSessionRepository {
  constructor(private readonly prisma: PrismaService) {}

  async create(data: { staffUserId: string; now: Date; expiresAt: Date; ip: string | null; userAgent: string | null; tokenHash: string }): Promise<{ id: string }> {
    return this.prisma.staffSession.create({
      data: {
        staffUserId: data.staffUserId, createdAt: data.now, lastRefreshedAt: data.now, expiresAt: data.expiresAt,
        ip: data.ip, userAgent: data.userAgent, refreshTokens: { create: { tokenHash: data.tokenHash, createdAt: data.now } },
      },
      select: { id: true },
    });
  }

  /** The session with its staff member, for checking an access token on every request. */
  findWithStaff(sessionId: string) {
    return this.prisma.staffSession.findUnique({ where: { id: sessionId }, include: { staffUser: true } });
  }

  findToken(tokenHash: string, tx: Tx = this.prisma) {
    return tx.staffRefreshToken.findUnique({ where: { tokenHash }, include: { session: { include: { staffUser: true } } } });
  }

  /** Marks the token used; false when it was already rotated (a replay), atomically under concurrency. */
  async markRotated(tokenHash: string, at: Date, tx: Tx): Promise<boolean> {
    const { count } = await tx.staffRefreshToken.updateMany({ where: { tokenHash, rotatedAt: null }, data: { rotatedAt: at } });
    return count === 1;
  }

  async addToken(sessionId: string, tokenHash: string, at: Date, tx: Tx): Promise<void> {
    await tx.staffRefreshToken.create({ data: { sessionId, tokenHash, createdAt: at } });
    await tx.staffSession.update({ where: { id: sessionId }, data: { lastRefreshedAt: at } });
  }

  async revoke(sessionId: string, reason: string, at: Date, tx: Tx = this.prisma): Promise<void> {
    await tx.staffSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: at, revokedReason: reason } });
  }

  /** Ends every session of a staff member except (optionally) one. */
  async revokeAllFor(staffUserId: string, reason: string, at: Date, exceptSessionId: string | null, tx: Tx = this.prisma): Promise<number> {
    const { count } = await tx.staffSession.updateMany({
      where: { staffUserId, revokedAt: null, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) },
      data: { revokedAt: at, revokedReason: reason },
    });
    return count;
  }
}
