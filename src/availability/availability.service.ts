import { Injectable, Logger } from '@nestjs/common';
import { DateTime } from 'luxon';
import { HoldStore } from '../booking/hold.store.js';
import { Clock } from '../common/clock.js';
import { UnavailableError, ValidationError } from '../common/errors.js';
import { TtlCache } from '../common/ttl-cache.js';
import type { Tx } from '../database/prisma.service.js';
import { AvailabilityRepository } from './availability.repository.js';
import { type AvailabilityInput, type Busy, computeSlots, firstAvailable, localDateRange, type Slot } from './engine/index.js';
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
  /** Live holds of this holder stay visible to them (they are choosing among them). */
  holder?: string;
  /** When rescheduling: the appointment being moved does not block its own new time. */
  ignoreAppointmentId?: string;
  /** Read rules and exceptions from the database, not the few-second cache (the schedule has just changed). */
  freshSchedule?: boolean;
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

/** Why a requested time cannot be booked; staff overrides name the rule they override. */
export type SlotRefusal = 'taken' | 'outside_hours' | 'too_soon' | 'too_far' | 'new_patients_only';

export type SlotCheck =
  | { ok: true; slot: Slot; blockStart: Date; blockEnd: Date }
  | { ok: false; reason: SlotRefusal };

const MAX_RANGE_DAYS = 62;
/**
 * Rules, exceptions, rooms and locations change rarely; they are cached for a few seconds per
 * process. Booked time and holds are always read fresh, and the booking transaction re-validates
 * against the database (checkSlot, uncached), so a stale rule can only ever show a slot that is then
 * refused with alternatives.
 */
const SCHEDULE_TTL_MS = 5_000;
/** Checked against the clinic's schedule version at every booking, so it may live longer. */
const VERSIONED_TTL_MS = 60_000;
const DAY_MS = 86_400_000;

type ServiceWithClinic = NonNullable<Awaited<ReturnType<AvailabilityRepository['findServiceWithClinic']>>>;
type Schedule = Awaited<ReturnType<AvailabilityService['loadSchedule']>>;

export interface SlotCheckRequest {
  serviceId: string; providerId: string; start: Date; isNewPatient: boolean; locationId?: string | null;
  holder?: string | null; ignoreAppointmentId?: string | null;
}

interface BusyOptions {
  holder: string | null;
  ignoreAppointmentId: string | null;
  tx?: Tx;
  /** false: leave the provider's booked time to the database's EXCLUDE constraint. */
  providerBusy?: boolean;
  /** false: the booker holds this slot, and holds never overlap, so nobody else's can be in the way. */
  holds?: boolean;
}

@Injectable()
export class AvailabilityService {
  private readonly logger = new Logger(AvailabilityService.name);
  private readonly services = new TtlCache<ServiceWithClinic | null>(SCHEDULE_TTL_MS);
  private readonly schedules = new TtlCache<Schedule>(SCHEDULE_TTL_MS);
  private readonly versionedSchedules = new TtlCache<{ scheduleVersion: bigint; service: ServiceWithClinic; schedule: Schedule; from: string; to: string }>(VERSIONED_TTL_MS);

  constructor(private readonly repository: AvailabilityRepository, private readonly holds: HoldStore, private readonly clock: Clock) {}

  /** Resolves `service` given as an id or as a code within a clinic (by slug, or the only clinic). */
  async resolveServiceId(service: string, clinicSlug?: string): Promise<string> {
    if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(service)) return service;
    const clinic = clinicSlug ? await this.repository.findClinicBySlug(clinicSlug) : await this.repository.findOnlyClinic();
    if (!clinic) throw new ValidationError(clinicSlug ? `Unknown clinic "${clinicSlug}"` : 'Say which clinic (clinic=<slug>) or give the service id');
    const found = await this.repository.findServiceWithClinic({ clinicId: clinic.id, code: service });
    if (!found) throw new ValidationError(`Unknown service "${service}"`);
    return found.id;
  }

  async getService(serviceId: string, tx?: Tx): Promise<ServiceWithClinic> {
    const service = tx
      ? await this.repository.findServiceWithClinic({ id: serviceId }, tx)
      : await this.services.getOrLoad(serviceId, () => this.repository.findServiceWithClinic({ id: serviceId }));
    if (!service || !service.active) throw new ValidationError(`Unknown service "${serviceId}"`);
    return service;
  }

  async search(search: SlotSearch): Promise<SlotSearchResult> {
    const service = await this.getService(search.serviceId);
    const clinic = service.clinic;
    const now = this.clock.now();
    const range = this.validateRange(search.from, search.to, clinic.timezone, service.maxAdvanceDays ?? clinic.maxAdvanceDays, now);
    const schedule = search.freshSchedule ? await this.loadSchedule(service, search.from, search.to, search) : await this.searchSchedule(service, search);
    if (search.providerId && schedule.providers.length === 0) {
      throw new ValidationError(`That provider does not offer ${service.name}`);
    }
    const input = await this.buildInput(service, schedule, range, now, search.isNewPatient ?? true, {
      holder: search.holder ?? null, ignoreAppointmentId: search.ignoreAppointmentId ?? null,
    });
    const limit = search.limit ?? 500;
    const slots = search.providerId ? computeSlots(input, { limit }) : firstAvailable(input, limit);
    return this.present(service, schedule, slots);
  }

  /**
   * The server's authoritative check that one start time is bookable right now, read fresh inside
   * the caller's transaction (no cache). Returns the slot (with its room) or the rule that refuses it.
   */
  async checkSlot(request: SlotCheckRequest, tx: Tx): Promise<SlotCheck> {
    const service = await this.getService(request.serviceId, tx);
    const { from, to } = this.checkDays(request.start, service.clinic.timezone);
    const schedule = await this.loadSchedule(service, from, to, { providerId: request.providerId, locationId: request.locationId ?? undefined }, tx);
    return this.judge(service, schedule, request, { holder: request.holder ?? null, ignoreAppointmentId: request.ignoreAppointmentId ?? null, tx });
  }

  /**
   * The booking fast path's check: against a cached schedule and the clinic's schedule version it
   * was read at. Booked time is left to the database's EXCLUDE constraints (the insert refuses an
   * overlap), and other people's holds are read live unless the booker holds the slot (holds never
   * overlap). The caller must commit only while the clinic's schedule version is still
   * `scheduleVersion`, and otherwise fall back to checkSlot inside its transaction (as it must
   * when this answers null: the day lies outside the cached window).
   */
  async checkSlotCached(request: SlotCheckRequest & { holdVerified: boolean }): Promise<{ check: SlotCheck; scheduleVersion: bigint; service: ServiceWithClinic; schedule: Schedule } | null> {
    // One entry per service (and location) covers every provider and the whole bookable window, so
    // a busy clinic checks against memory; the version makes a longer life safe.
    const cached = await this.bookableWindow(request.serviceId, request.locationId ?? null);
    // Outside the cached window (far ahead, or the cache crossed midnight): the full check decides.
    if (!covers(cached, request.start)) return null;
    const schedule = forProvider(cached.schedule, request.providerId);
    const check = await this.judge(cached.service, schedule, request, {
      holder: request.holder ?? null, ignoreAppointmentId: request.ignoreAppointmentId ?? null, providerBusy: false, holds: !request.holdVerified,
    });
    return { check, scheduleVersion: cached.scheduleVersion, service: cached.service, schedule };
  }

  /**
   * A search's schedule: the service's whole bookable window, shared with the booking check and kept
   * for as long as the clinic's schedule version is the one it was read at (one small read per
   * search). Every search of a busy clinic thus answers from memory, never from a schedule older than
   * the last change, and no cache expires under load all at once. A range outside the window (far
   * ahead, or the window crossed midnight) loads its own, briefly cached.
   */
  private async searchSchedule(service: ServiceWithClinic, search: SlotSearch): Promise<Schedule> {
    const window = await this.currentWindow(service, search.locationId ?? null);
    if (window && search.from > window.from && search.to < window.to) return forProvider(window.schedule, search.providerId);
    const key = [service.id, search.providerId ?? '*', search.locationId ?? '*', search.from, search.to].join('|');
    return this.schedules.getOrLoad(key, () => this.loadSchedule(service, search.from, search.to, search));
  }

  /**
   * Whether one start time can be held right now: rules from the current bookable window (see
   * searchSchedule), booked time and other people's holds read now. Null outside the window: the
   * caller then runs the full check (checkSlot) in a transaction. A booking re-validates at commit.
   */
  async checkSlotNow(request: SlotCheckRequest): Promise<SlotCheck | null> {
    const service = await this.getService(request.serviceId);
    const window = await this.currentWindow(service, request.locationId ?? null);
    if (!window || !covers(window, request.start)) return null;
    return this.judge(window.service, forProvider(window.schedule, request.providerId), request, { holder: request.holder ?? null, ignoreAppointmentId: request.ignoreAppointmentId ?? null });
  }

  /** The bookable window if it is current: the clinic's schedule version read now is the one it was loaded at (reloaded once if not). */
  private async currentWindow(service: ServiceWithClinic, locationId: string | null) {
    const version = await this.repository.scheduleVersion(service.clinicId);
    let window = await this.bookableWindow(service.id, locationId);
    if (window.scheduleVersion !== version) {
      this.versionedSchedules.clear();
      window = await this.bookableWindow(service.id, locationId);
    }
    return window.scheduleVersion === version ? window : null;
  }

  /** The service's schedule over its whole bookable window (at a location, or all), with the schedule version it was read at. */
  private bookableWindow(serviceId: string, locationId: string | null) {
    return this.versionedSchedules.getOrLoad(['window', serviceId, locationId ?? '*'].join('|'), async () => {
      // Everything is read after the version, so a change made meanwhile leaves the entry stale (a
      // booking's commit refuses it; the next search reloads it), never wrongly current.
      const known = await this.getService(serviceId);
      const scheduleVersion = await this.repository.scheduleVersion(known.clinicId);
      const service = await this.repository.findServiceWithClinic({ id: serviceId });
      if (!service || !service.active) throw new ValidationError(`Unknown service "${serviceId}"`);
      const today = DateTime.fromJSDate(this.clock.now(), { zone: service.clinic.timezone });
      const from = today.minus({ days: 1 }).toISODate()!;
      const to = today.plus({ days: (service.maxAdvanceDays ?? service.clinic.maxAdvanceDays) + 1 }).toISODate()!;
      const schedule = await this.loadSchedule(service, from, to, { locationId: locationId ?? undefined });
      return { scheduleVersion, service, schedule, from, to };
    });
  }

  /** The booking fast path found the clinic's schedule changed: checks reload from the database. */
  forgetCheckedSchedules(): void {
    this.versionedSchedules.clear();
  }

  /** One local day either side covers locations in other zones and windows past midnight. */
  private checkDays(start: Date, zone: string) {
    const day = DateTime.fromJSDate(start, { zone });
    return { from: day.minus({ days: 1 }).toISODate()!, to: day.plus({ days: 1 }).toISODate()! };
  }

  private async judge(service: ServiceWithClinic, schedule: Schedule, request: SlotCheckRequest, options: BusyOptions): Promise<SlotCheck> {
    const now = this.clock.now();
    const range = { start: +request.start, end: +request.start + 1 };
    const input = await this.buildInput(service, schedule, range, now, request.isNewPatient, options);
    const slot = computeSlots(input).find((s) => s.start === +request.start && s.providerId === request.providerId);
    const spec = input.service;
    if (slot) {
      return {
        ok: true,
        slot,
        blockStart: new Date(slot.start - spec.bufferBeforeMinutes * 60_000),
        blockEnd: new Date(slot.end + spec.bufferAfterMinutes * 60_000),
      };
    }
    if (spec.newPatientOnly && !request.isNewPatient) return { ok: false, reason: 'new_patients_only' };
    if (+request.start < +now + spec.minNoticeMinutes * 60_000) return { ok: false, reason: 'too_soon' };
    if (+request.start > +now + spec.maxAdvanceDays * DAY_MS) return { ok: false, reason: 'too_far' };
    const free = computeSlots({ ...input, busy: [], roomBusy: [] }).some((s) => s.start === +request.start);
    return { ok: false, reason: free ? 'taken' : 'outside_hours' };
  }

  private async buildInput(
    service: ServiceWithClinic,
    schedule: Schedule,
    range: { start: number; end: number },
    now: Date,
    isNewPatient: boolean,
    options: BusyOptions,
  ): Promise<AvailabilityInput> {
    const clinic = service.clinic;
    const providerIds = schedule.providers.map((p) => p.id);
    // Blocks can start before the range (buffers), so widen the busy window by a day each side.
    const busyFrom = new Date(range.start - DAY_MS);
    const busyTo = new Date(range.end + DAY_MS);
    const [busy, roomBusy, holds] = await Promise.all([
      options.providerBusy === false ? Promise.resolve([]) : this.repository.findBusyBlocks(providerIds, busyFrom, busyTo, options.tx, options.ignoreAppointmentId),
      schedule.rooms.length
        ? this.repository.findRoomBusyBlocks(schedule.rooms.map((r) => r.id), busyFrom, busyTo, options.tx, options.ignoreAppointmentId)
        : Promise.resolve([]),
      options.holds === false ? Promise.resolve([]) : this.liveHoldsOfOthers(providerIds, +now, options.holder),
    ]);
    return {
      service: toServiceSpec(service, clinic),
      providers: toProviderSchedules(schedule.providers, clinic.timezone),
      exceptions: toExceptions(schedule.exceptions, clinic.timezone),
      busy: [...busy.map((b) => ({ providerId: b.providerId, start: +b.blockStart, end: +b.blockEnd })), ...holds],
      rooms: schedule.rooms.map((r) => ({ id: r.id, locationId: r.locationId, kind: r.kind })),
      roomBusy: roomBusy.map((b) => ({ roomId: b.roomId!, start: +b.blockStart, end: +b.blockEnd })),
      range,
      now: +now,
      isNewPatient,
    };
  }

  /**
   * Other people's live holds are busy time. If Redis is unreachable we still answer from the
   * database: a held slot may then be shown, and booking it is refused by the hold or constraint.
   */
  private async liveHoldsOfOthers(providerIds: string[], now: number, holder: string | null): Promise<Busy[]> {
    try {
      const holds = await this.holds.live(providerIds, now);
      return holds.filter((h) => h.holder !== holder).map((h) => ({ providerId: h.providerId, start: h.start, end: h.end }));
    } catch (error) {
      if (!(error instanceof UnavailableError)) throw error;
      this.logger.warn('live holds unavailable; availability computed without them');
      return [];
    }
  }

  private async loadSchedule(service: { id: string; clinicId: string; roomKind: string | null }, from: string, to: string, filter: { providerId?: string; locationId?: string }, tx?: Tx) {
    const firstDate = new Date(`${from}T00:00:00Z`);
    const lastDate = new Date(`${to}T00:00:00Z`);
    const [providers, exceptions, rooms, locations] = await Promise.all([
      this.repository.findProvidersWithRules(service.id, firstDate, lastDate, filter, tx),
      this.repository.findExceptions(service.clinicId, firstDate, lastDate, tx),
      service.roomKind ? this.repository.findRooms(service.clinicId, service.roomKind, tx) : Promise.resolve([]),
      this.repository.findLocations(service.clinicId, tx),
    ]);
    return { providers, exceptions, rooms, locations };
  }

  private present(service: ServiceWithClinic, schedule: Schedule, slots: Slot[]): SlotSearchResult {
    const clinic = service.clinic;
    const providerName = new Map(schedule.providers.map((p) => [p.id, p.name]));
    const location = new Map(schedule.locations.map((l) => [l.id, l]));
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

/** Whether a bookable window covers the clinic-local day of `start` (its first and last days are only margins). */
function covers(window: { service: ServiceWithClinic; from: string; to: string }, start: Date): boolean {
  const day = DateTime.fromJSDate(start, { zone: window.service.clinic.timezone }).toISODate()!;
  return day > window.from && day < window.to;
}

/** The schedule with only this provider (or as it is, for any provider). */
function forProvider(schedule: Schedule, providerId: string | null | undefined): Schedule {
  return providerId ? { ...schedule, providers: schedule.providers.filter((p) => p.id === providerId) } : schedule;
}
