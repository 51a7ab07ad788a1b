import { Injectable } from '@nestjs/common';
import { ACTIVE_STATUSES } from '../booking/appointment-status.js';
import { localToDateColumn } from '../common/local-time.js';
import { PrismaService } from '../database/prisma.service.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { WaitlistStatus } from '../generated/prisma/enums.js';
import type { HoursAdded } from '../outbox/hours-added.event.js';

/** A freed slot as the waitlist matches it: one provider's time for one service, on a local date. */
export interface OpenSlot {
  clinicId: string;
  serviceId: string;
  providerId: string;
  locationId: string | null;
  start: Date;
  end: Date;
  /** The slot's local date (YYYY-MM-DD) in its location's (or the clinic's) timezone. */
  localDate: string;
}

export interface EntryFilter {
  clinicId: string;
  status?: WaitlistStatus;
  serviceId?: string;
  providerId?: string;
  locationId?: string;
  patientId?: string;
  /** Staff scoped to locations see entries for those locations and for "any location". */
  locationScope?: string[];
}

export type EntrySortField = 'createdAt' | 'urgency' | 'earliestDate' | 'latestDate' | 'status';

/** Staff views show whose entry it is: the patient's (encrypted) name comes along. */
const WITH_NAME = { patient: { select: { nameEnc: true } } } as const;

@Injectable()
export class WaitlistRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Adds the patient to the waitlist, or widens their existing waiting entry for the same request. */
  async join(entry: { clinicId: string; patientId: string; serviceId: string; providerId: string | null; locationId: string | null; earliestDate: string; latestDate: string; source: string }) {
    const existing = await this.prisma.waitlistEntry.findFirst({
      where: { patientId: entry.patientId, serviceId: entry.serviceId, providerId: entry.providerId, status: 'waiting' },
    });
    const dates = { earliestDate: localToDateColumn(entry.earliestDate), latestDate: localToDateColumn(entry.latestDate) };
    if (existing) {
      return this.prisma.waitlistEntry.update({
        where: { id: existing.id },
        data: {
          earliestDate: existing.earliestDate < dates.earliestDate ? existing.earliestDate : dates.earliestDate,
          latestDate: existing.latestDate > dates.latestDate ? existing.latestDate : dates.latestDate,
        },
      });
    }
    return this.prisma.waitlistEntry.create({ data: { ...entry, ...dates } });
  }

  /**
   * The next patient to offer a freed slot to: a waiting entry for the service, with this provider or
   * anyone, at this location or anywhere, whose dates include the slot's day; the patient still
   * reachable (not opted out of both channels), free at that time, without another live offer, and
   * never offered this very slot before. Highest urgency first, then who joined first.
   */
  nextCandidate(slot: OpenSlot, skipEntryIds: string[]) {
    const day = localToDateColumn(slot.localDate);
    return this.prisma.waitlistEntry.findFirst({
      where: {
        clinicId: slot.clinicId, serviceId: slot.serviceId, status: 'waiting', id: { notIn: skipEntryIds },
        earliestDate: { lte: day }, latestDate: { gte: day },
        AND: [
          { OR: [{ providerId: null }, { providerId: slot.providerId }] },
          { OR: [{ locationId: null }, ...(slot.locationId ? [{ locationId: slot.locationId }] : [])] },
        ],
        patient: {
          NOT: { smsOptedOutAt: { not: null }, whatsappOptedOutAt: { not: null } },
          appointments: { none: { status: { in: [...ACTIVE_STATUSES] }, startsAt: { lt: slot.end }, endsAt: { gt: slot.start } } },
          waitlistEntries: { none: { offers: { some: { OR: [{ outcome: 'pending' }, { providerId: slot.providerId, slotStart: slot.start }] } } } },
        },
      },
      orderBy: [{ urgency: 'desc' }, { createdAt: 'asc' }, { id: 'asc' }],
    });
  }

  /**
   * The most urgent (then earliest) waiting entry that could use hours a schedule edit added: for a
   * service those hours allow (and the provider offers), with that provider or anyone, at that
   * location or anywhere, with dates reaching `notBefore` and the hours' dates; the patient without
   * another live offer. Which slot, and whether this patient may have it, the caller decides.
   */
  async nextWaitingForHours(clinicId: string, hours: HoursAdded, notBefore: string, skipEntryIds: string[]) {
    const from = hours.from && hours.from > notBefore ? hours.from : notBefore;
    const offered = hours.providerId
      ? (await this.prisma.providerService.findMany({ where: { providerId: hours.providerId }, select: { serviceId: true } })).map((r) => r.serviceId)
      : null;
    const services = hours.serviceIds.length ? hours.serviceIds.filter((id) => !offered || offered.includes(id)) : offered;
    return this.prisma.waitlistEntry.findFirst({
      where: {
        clinicId, status: 'waiting', id: { notIn: skipEntryIds },
        latestDate: { gte: localToDateColumn(from) }, ...(hours.to ? { earliestDate: { lte: localToDateColumn(hours.to) } } : {}),
        ...(services ? { serviceId: { in: services } } : {}),
        AND: [
          hours.providerId ? { OR: [{ providerId: null }, { providerId: hours.providerId }] } : {},
          hours.locationId ? { OR: [{ locationId: null }, { locationId: hours.locationId }] } : {},
        ],
        patient: { waitlistEntries: { none: { offers: { some: { outcome: 'pending' } } } } },
      },
      orderBy: [{ urgency: 'desc' }, { createdAt: 'asc' }, { id: 'asc' }],
    });
  }

  findById(id: string) {
    return this.prisma.waitlistEntry.findUnique({ where: { id }, include: WITH_NAME });
  }

  async list(filter: EntryFilter, sort: { field: EntrySortField; order: 'asc' | 'desc' }, range: { skip: number; take: number }) {
    const where = entryWhere(filter);
    // The waitlist's own order breaks ties: urgency, then who joined first.
    const orderBy: Prisma.WaitlistEntryOrderByWithRelationInput[] = [{ [sort.field]: sort.order }, { urgency: 'desc' }, { createdAt: 'asc' }, { id: 'asc' }];
    const [rows, total] = await Promise.all([
      this.prisma.waitlistEntry.findMany({ where, orderBy, skip: range.skip, take: range.take, include: WITH_NAME }),
      this.prisma.waitlistEntry.count({ where }),
    ]);
    return { rows, total };
  }

  create(data: Prisma.WaitlistEntryUncheckedCreateInput) {
    return this.prisma.waitlistEntry.create({ data, include: WITH_NAME });
  }

  update(id: string, data: Prisma.WaitlistEntryUncheckedUpdateInput) {
    return this.prisma.waitlistEntry.update({ where: { id }, data, include: WITH_NAME });
  }

  /** Names the offer message needs: provider, service (both languages) and place. */
  async slotNames(providerId: string, serviceId: string, locationId: string | null) {
    const [provider, service, location] = await Promise.all([
      this.prisma.provider.findUniqueOrThrow({ where: { id: providerId }, include: { clinic: true } }),
      this.prisma.service.findUniqueOrThrow({ where: { id: serviceId } }),
      locationId ? this.prisma.location.findUnique({ where: { id: locationId } }) : Promise.resolve(null),
    ]);
    return { provider, service, location, clinic: provider.clinic };
  }
}

function entryWhere(filter: EntryFilter): Prisma.WaitlistEntryWhereInput {
  return {
    clinicId: filter.clinicId,
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.serviceId ? { serviceId: filter.serviceId } : {}),
    ...(filter.providerId ? { providerId: filter.providerId } : {}),
    ...(filter.locationId ? { locationId: filter.locationId } : {}),
    ...(filter.patientId ? { patientId: filter.patientId } : {}),
    ...(filter.locationScope ? { OR: [{ locationId: null }, { locationId: { in: filter.locationScope } }] } : {}),
  };
}
