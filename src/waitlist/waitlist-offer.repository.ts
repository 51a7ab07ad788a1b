import { Injectable } from '@nestjs/common';
import { PG, pgErrorCode } from '../database/pg-errors.js';
import { PrismaService, type Tx } from '../database/prisma.service.js';
import type { WaitlistOfferOutcome } from '../generated/prisma/enums.js';

/** What freed the time: a cancellation, the old time of a move, a receptionist's direct offer, or new hours (schedule edits). */
export type OfferTrigger = 'cancellation' | 'reschedule' | 'staff' | 'new_hours';

export interface NewOffer {
  clinicId: string; entryId: string; patientId: string; serviceId: string; providerId: string; locationId: string | null;
  slotStart: Date; slotEnd: Date; slotFreedAt: Date; trigger: OfferTrigger; freedByAppointmentId: string | null;
  offeredAt: Date; expiresAt: Date; holdToken: string; offeredBy: string;
}

/** Outcomes after which the slot goes to the next patient. */
export const PASSED_ON: WaitlistOfferOutcome[] = ['declined', 'expired', 'booking_failed', 'withdrawn'];

/**
 * Offers of freed slots. Every change of outcome is a conditional update from `pending`, so an
 * acceptance and the claim window's end can race and exactly one of them wins.
 */
@Injectable()
export class WaitlistOfferRepository {
  constructor(private readonly prisma: PrismaService) {}

  findById(id: string) {
    return this.prisma.waitlistOffer.findUnique({ where: { id } });
  }

  /**
   * Records a pending offer and marks its entry offered. Null when the slot or the entry already
   * has a pending offer (the partial unique indexes): someone else got there first.
   */
  async create(offer: NewOffer) {
    try {
      return await this.prisma.$transaction(async (tx) => {
        const row = await tx.waitlistOffer.create({ data: { ...offer, outcome: 'pending' } });
        await tx.waitlistEntry.update({ where: { id: offer.entryId }, data: { status: 'offered' } });
        return row;
      });
    } catch (error) {
      if (pgErrorCode(error) === PG.uniqueViolation) return null;
      throw error;
    }
  }

  setDelivery(id: string, conversationId: string, messageId: string | null) {
    return this.prisma.waitlistOffer.update({ where: { id }, data: { conversationId, messageId } });
  }

  /** The patient said yes in time: true when this call moved the offer out of `pending`. */
  async claim(id: string, now: Date): Promise<boolean> {
    const { count } = await this.prisma.waitlistOffer.updateMany({
      where: { id, outcome: 'pending', expiresAt: { gt: now } }, data: { outcome: 'accepted', respondedAt: now },
    });
    return count === 1;
  }

  /**
   * Closes a pending offer (declined, expired, withdrawn) or an accepted one whose booking failed,
   * and puts the entry back to waiting. True when this call changed it.
   */
  async close(id: string, from: WaitlistOfferOutcome, outcome: WaitlistOfferOutcome, now: Date, tx?: Tx): Promise<boolean> {
    const run = async (t: Tx) => {
      const { count } = await t.waitlistOffer.updateMany({ where: { id, outcome: from }, data: { outcome, respondedAt: now } });
      if (count !== 1) return false;
      const offer = await t.waitlistOffer.findUniqueOrThrow({ where: { id } });
      await t.waitlistEntry.updateMany({ where: { id: offer.entryId, status: 'offered' }, data: { status: 'waiting' } });
      return true;
    };
    return tx ? run(tx) : this.prisma.$transaction(run);
  }

  /**
   * After the booking: links the appointment, marks the entry booked, and removes the patient's other
   * live entries for the same service whose dates overlap it. Returns the pending offers of those
   * removed entries (withdrawn here), whose slots must go to someone else.
   */
  async recordBooked(id: string, appointmentId: string, now: Date) {
    return this.prisma.$transaction(async (tx) => {
      const offer = await tx.waitlistOffer.update({ where: { id }, data: { appointmentId }, include: { entry: true } });
      const entry = offer.entry;
      await tx.waitlistEntry.update({ where: { id: entry.id }, data: { status: 'booked' } });
      const others = await tx.waitlistEntry.findMany({
        where: {
          id: { not: entry.id }, patientId: entry.patientId, serviceId: entry.serviceId, status: { in: ['waiting', 'offered'] },
          earliestDate: { lte: entry.latestDate }, latestDate: { gte: entry.earliestDate },
        },
        select: { id: true },
      });
      const otherIds = others.map((o) => o.id);
      const withdrawn = await tx.waitlistOffer.findMany({ where: { entryId: { in: otherIds }, outcome: 'pending' } });
      await tx.waitlistOffer.updateMany({ where: { id: { in: withdrawn.map((w) => w.id) }, outcome: 'pending' }, data: { outcome: 'withdrawn', respondedAt: now } });
      await tx.waitlistEntry.updateMany({ where: { id: { in: otherIds } }, data: { status: 'removed' } });
      return { removedEntryIds: otherIds, withdrawnOffers: withdrawn };
    });
  }

  /** Pending offers of one entry (staff removing the entry withdraws them). */
  pendingForEntry(entryId: string) {
    return this.prisma.waitlistOffer.findMany({ where: { entryId, outcome: 'pending' } });
  }

  /** Offers of one entry, newest first (the staff API shows them with the entry). */
  forEntry(entryId: string) {
    return this.prisma.waitlistOffer.findMany({ where: { entryId }, orderBy: { offeredAt: 'desc' } });
  }
}
