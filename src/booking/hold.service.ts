import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AvailabilityService } from '../availability/availability.service.js';
import { Clock } from '../common/clock.js';
import { PrismaService } from '../database/prisma.service.js';
import { PolicyViolationError, SlotTakenError } from './booking.errors.js';
import { BookingService } from './booking.service.js';
import { type Hold, HoldStore } from './hold.store.js';

export interface PlaceHoldCommand {
  serviceId: string;
  providerId: string;
  start: Date;
  /** Who holds it (a conversation or API client id); their own holds stay visible to them. */
  holder: string;
  isNewPatient?: boolean;
  /** When rescheduling, the appointment being moved does not count as busy. */
  ignoreAppointmentId?: string | null;
  /** Overrides the clinic's hold TTL (a waitlist offer holds the slot for the claim window). */
  ttlSeconds?: number;
}

/** A placed hold and where the held slot is (null for video visits). */
export type PlacedHold = Hold & { locationId: string | null };

/**
 * A short hold on a slot while the patient confirms. The slot is checked against the rules first
 * (only bookable times can be held), then the atomic Redis script refuses overlaps with anyone
 * else's live hold. The TTL is the clinic's setting.
 */
@Injectable()
export class HoldService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly availability: AvailabilityService,
    private readonly holds: HoldStore,
    private readonly booking: BookingService,
    private readonly clock: Clock,
  ) {}

  async place(cmd: PlaceHoldCommand): Promise<PlacedHold> {
    const service = await this.availability.getService(cmd.serviceId);
    const request = {
      serviceId: cmd.serviceId, providerId: cmd.providerId, start: cmd.start, isNewPatient: cmd.isNewPatient ?? true,
      holder: cmd.holder, ignoreAppointmentId: cmd.ignoreAppointmentId ?? null,
    };
    // Outside the cached bookable window: everything read fresh, in a transaction only so the check
    // sees one consistent snapshot.
    const check = await this.availability.checkSlotNow(request) ?? await this.prisma.$transaction((tx) => this.availability.checkSlot(request, tx));
    if (!check.ok) {
      if (check.reason === 'taken') throw new SlotTakenError(await this.booking.alternatives(cmd.serviceId, cmd.start));
      throw new PolicyViolationError(check.reason, `That time cannot be held: ${check.reason.replace(/_/g, ' ')}.`);
    }
    const now = +this.clock.now();
    const hold: Hold = {
      // The provider id rides in the token so a holder can release it with the token alone.
      token: `${cmd.providerId}.${randomBytes(18).toString('base64url')}`,
      providerId: cmd.providerId,
      start: +check.blockStart,
      end: +check.blockEnd,
      expiresAt: now + (cmd.ttlSeconds ?? service.clinic.holdTtlSeconds) * 1000,
      holder: cmd.holder,
    };
    if (!(await this.holds.place(hold, now))) throw new SlotTakenError(await this.booking.alternatives(cmd.serviceId, cmd.start));
    return { ...hold, locationId: check.slot.locationId };
  }

  release(providerId: string, token: string): Promise<void> {
    return this.holds.release(providerId, token);
  }

  releaseToken(token: string): Promise<void> {
    const providerId = token.split('.')[0] ?? '';
    return /^[0-9a-f-]{36}$/.test(providerId) ? this.holds.release(providerId, token) : Promise.resolve();
  }
}
