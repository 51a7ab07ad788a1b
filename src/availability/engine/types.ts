/** Epoch milliseconds. Every instant inside the engine is one of these. */
export type Millis = number;

/** Half-open `[start, end)`. */
export interface Interval {
  start: Millis;
  end: Millis;
}

/** Local calendar date, `YYYY-MM-DD`. */
export type LocalDate = string;

/** Local wall-clock time, `HH:mm` (24 h). `24:00` is accepted as an end time meaning "end of the day". */
export type LocalTime = string;

export interface WeeklyRule {
  providerId: string;
  /** null = telehealth hours, not tied to a location. */
  locationId: string | null;
  /** IANA zone of the location (or of the clinic for telehealth). */
  timezone: string;
  /** ISO weekday, 1 = Monday … 7 = Sunday, of the local date on which the window starts. */
  weekday: number;
  startTime: LocalTime;
  /** An end earlier than the start means the window runs past midnight into the next local date. */
  endTime: LocalTime;
  /** Inclusive local dates; null = unbounded. */
  validFrom: LocalDate | null;
  validTo: LocalDate | null;
  /** Empty = every service the provider offers. */
  serviceIds: string[];
  stepMinutes: number;
}

export type ScheduleExceptionKind = 'closed' | 'holiday' | 'extra_hours' | 'staff_block';

export interface ScheduleException {
  kind: ScheduleExceptionKind;
  /** null = all providers (in scope of locationId). */
  providerId: string | null;
  /** Removals: null = every location, telehealth included. extra_hours: where the time is added, null = telehealth. */
  locationId: string | null;
  /** Zone in which startsOn/endsOn/startTime/endTime are read. */
  timezone: string;
  /** Inclusive local dates. */
  startsOn: LocalDate;
  endsOn: LocalDate;
  /** Applied on each date of the span; null start = 00:00, null end = 24:00 (both null = the whole day). */
  startTime: LocalTime | null;
  endTime: LocalTime | null;
  /** extra_hours only: services allowed in the added time (empty = all). Ignored by removals. */
  serviceIds: string[];
  /** extra_hours only. */
  stepMinutes: number;
}

/** Provider time that is taken: an appointment block (buffers included) or a live hold. */
export interface Busy {
  providerId: string;
  start: Millis;
  end: Millis;
}

export interface RoomBusy {
  roomId: string;
  start: Millis;
  end: Millis;
}

export interface Room {
  id: string;
  locationId: string;
  kind: string;
}

export interface ServiceSpec {
  id: string;
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  /** Needs a free room of this kind at the slot's location for the whole block. */
  roomKind: string | null;
  /** Already resolved (service override or clinic default). */
  minNoticeMinutes: number;
  /** Already resolved; counted in elapsed 24 h days from `now`. */
  maxAdvanceDays: number;
  newPatientOnly: boolean;
}

/** One provider's rules — only those that allow the service (or have empty serviceIds). */
export interface ProviderSchedule {
  providerId: string;
  rules: WeeklyRule[];
}

export interface AvailabilityInput {
  service: ServiceSpec;
  providers: ProviderSchedule[];
  exceptions: ScheduleException[];
  busy: Busy[];
  rooms: Room[];
  roomBusy: RoomBusy[];
  /** Slot starts are searched in `[range.start, range.end)`; see `localDateRange` to build it from dates. */
  range: Interval;
  now: Millis;
  isNewPatient: boolean;
}

/** `[start, end)` is the appointment itself, without buffers. */
export interface Slot {
  start: Millis;
  end: Millis;
  providerId: string;
  locationId: string | null;
  roomId: string | null;
}

export interface ComputeSlotsOptions {
  /** Keep only the first `limit` slots of the sorted result. */
  limit?: number;
}
