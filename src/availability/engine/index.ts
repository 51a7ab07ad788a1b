// Pure availability engine: schedule data in, bookable slots out. No I/O, no clock (`now` is an input).
export { computeSlots } from './compute-slots.js';
export { firstAvailable } from './first-available.js';
export { localDateRange } from './local-date-range.js';
export type {
  AvailabilityInput,
  Busy,
  ComputeSlotsOptions,
  Interval,
  LocalDate,
  LocalTime,
  Millis,
  ProviderSchedule,
  Room,
  RoomBusy,
  ScheduleException,
  ScheduleExceptionKind,
  ServiceSpec,
  Slot,
  WeeklyRule,
} from './types.js';
