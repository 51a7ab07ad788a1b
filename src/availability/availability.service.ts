import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { Clock } from '../common/clock.js';
import { ValidationError } from '../common/errors.js';
import { TtlCache } from '../common/ttl-cache.js';
import { AvailabilityRepository } from './availability.repository.js';
import { type Busy, computeSlots, firstAvailable, localDateRange, type Slot } from './engine/index.js';
import { toExceptions, toProviderSchedules, toServiceSpec } from './schedule-input.js';

export interface SlotSearch {
  serviceId: string;
  providerId?: string;
  locationId?: string;
  /** Local dates in the clinic's timezone, inclusive. */
  from: string;
  to: string;
  limit?: number;
  /** Whether the patient counts as new (new-patient-only services); unknown patients are new. */
  isNewPatient?: boolean;
  /** Time to treat as taken in addition to booked appointments (e.g. other patients' live holds). */
  extraBusy?: Busy[];
}

export interface AvailableSlot extends Slot {
  providerName: string;
  locationName: string | null;
  /** IANA zone the slot's local time is shown in (the location's, or the clinic's for telehealth). */
  timezone: string;
}

export interface SlotSearchResult {
  clinicId: string;
  timezone: string;
  service: { id: string; name: string; durationMinutes: number };
  slots: AvailableSlot[];
}

const MAX_RANGE_DAYS = 62;
/**
 * Rules, exceptions, rooms and locations change rarely; they are cached for a few seconds per
 * process. Booked time is always read fresh, and the booking transaction re-validates against the
 * database, so a stale rule can only ever show a slot that is then refused with alternatives.
 */
const SCHEDULE_TTL_MS = 5_000;

@Injectable()
export class AvailabilityService {
  private readonly services = new TtlCache<Awaited<ReturnType<AvailabilityRepository['findServiceWithClinic']>>>(SCHEDULE_TTL_MS);
  private readonly schedules = new TtlCache<Awaited<ReturnType<AvailabilityService['loadSchedule']>>>(SCHEDULE_TTL_MS);

  constructor(private readonly repository: AvailabilityRepository, private readonly clock: Clock) {}

  /** Resolves `service` given as an id or as a code within a clinic (by slug, or the only clinic). */
  async resolveServiceId(service: string, clinicSlug?: string): Promise<string> {
    if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(service)) return service;
    const clinic = clinicSlug ? await this.repository.findClinicBySlug(clinicSlug) : await this.repository.findOnlyClinic();
    if (!clinic) throw new ValidationError(clinicSlug ? `Unknown clinic "${clinicSlug}"` : 'Say which clinic (clinic=<slug>) or give the service id');
    const found = await this.repository.findServiceWithClinic({ clinicId: clinic.id, code: service });
    if (!found) throw new ValidationError(`Unknown service "${service}"`);
    return found.id;
  }

  async search(search: SlotSearch): Promise<SlotSearchResult> {
    const service = await this.services.getOrLoad(search.serviceId, () => this.repository.findServiceWithClinic({ id: search.serviceId }));
    if (!service || !service.active) throw new ValidationError(`Unknown service "${search.serviceId}"`);
    const clinic = service.clinic;
    const now = this.clock.now();
    const range = this.validateRange(search.from, search.to, clinic.timezone, service.maxAdvanceDays ?? clinic.maxAdvanceDays, now);
    const key = [service.id, search.providerId ?? '*', search.locationId ?? '*', search.from, search.to].join('|');
    const { providers, exceptions, rooms, locations } = await this.schedules.getOrLoad(key, () => this.loadSchedule(service, search));
    if (search.providerId && providers.length === 0) {
      throw new ValidationError(`That provider does not offer ${service.name}`);
    }
    // Blocks can start before the range (buffers), so widen the busy window by a day each side.
    const busyFrom = new Date(range.start - 86_400_000);
    const busyTo = new Date(range.end + 86_400_000);
    const [busy, roomBusy] = await Promise.all([
      this.repository.findBusyBlocks(providers.map((p) => p.id), busyFrom, busyTo),
      rooms.length ? this.repository.findRoomBusyBlocks(rooms.map((r) => r.id), busyFrom, busyTo) : Promise.resolve([]),
    ]);

    const input = {
      service: toServiceSpec(service, clinic),
      providers: toProviderSchedules(providers, clinic.timezone),
      exceptions: toExceptions(exceptions, clinic.timezone),
      busy: [
        ...busy.map((b) => ({ providerId: b.providerId, start: +b.blockStart, end: +b.blockEnd })),
        ...(search.extraBusy ?? []),
      ],
      rooms: rooms.map((r) => ({ id: r.id, locationId: r.locationId, kind: r.kind })),
      roomBusy: roomBusy.map((b) => ({ roomId: b.roomId!, start: +b.blockStart, end: +b.blockEnd })),
      range,
      now: +now,
      isNewPatient: search.isNewPatient ?? true,
    };
    const limit = search.limit ?? 500;
    const slots = search.providerId ? computeSlots(input, { limit }) : firstAvailable(input, limit);

    const providerName = new Map(providers.map((p) => [p.id, p.name]));
    const location = new Map(locations.map((l) => [l.id, l]));
    return {
      clinicId: clinic.id,
      timezone: clinic.timezone,
      service: { id: service.id, name: service.name, durationMinutes: service.durationMinutes },
      slots: slots.map((s) => ({
        ...s,
        providerName: providerName.get(s.providerId)!,
        locationName: s.locationId ? location.get(s.locationId)?.name ?? null : null,
        timezone: s.locationId ? location.get(s.locationId)?.timezone ?? clinic.timezone : clinic.timezone,
      })),
    };
  }

  private async loadSchedule(service: { id: string; clinicId: string; roomKind: string | null }, search: SlotSearch) {
    const firstDate = new Date(`${search.from}T00:00:00Z`);
    const lastDate = new Date(`${search.to}T00:00:00Z`);
    const [providers, exceptions, rooms, locations] = await Promise.all([
      this.repository.findProvidersWithRules(service.id, firstDate, lastDate, search),
      this.repository.findExceptions(service.clinicId, firstDate, lastDate),
      service.roomKind ? this.repository.findRooms(service.clinicId, service.roomKind) : Promise.resolve([]),
      this.repository.findLocations(service.clinicId),
    ]);
    return { providers, exceptions, rooms, locations };
  }

  private validateRange(from: string, to: string, zone: string, maxAdvanceDays: number, now: Date) {
    const first = DateTime.fromISO(from, { zone });
    const last = DateTime.fromISO(to, { zone });
    if (!first.isValid) throw new ValidationError(`"from" is not a valid date: ${from}`);
    if (!last.isValid) throw new ValidationError(`"to" is not a valid date: ${to}`);
    if (last < first) throw new ValidationError('"from" must not be after "to"');
    if (last.diff(first, 'days').days >= MAX_RANGE_DAYS) throw new ValidationError(`Ask for at most ${MAX_RANGE_DAYS} days at a time`);
    const lastBookable = DateTime.fromJSDate(now, { zone }).plus({ days: maxAdvanceDays }).toISODate()!;
    if (to > lastBookable) {
      throw new ValidationError(`Bookings open at most ${maxAdvanceDays} days ahead: "to" must be on or before ${lastBookable}`, { lastBookableDate: lastBookable });
    }
    return localDateRange(from, to, zone);
  }
}

