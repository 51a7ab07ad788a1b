import { DateTime } from 'luxon';
import type { SlotSearchResult } from './availability.service.js';
import type { AvailabilityResponseDto } from './dto/availability-response.dto.js';

/** Adds the local date and time of each slot (in its location's zone) to the UTC instants. */
export function toAvailabilityResponse(result: SlotSearchResult): AvailabilityResponseDto {
  return {
    timezone: result.timezone,
    service: result.service,
    slots: result.slots.map((s) => {
      const local = DateTime.fromMillis(s.start, { zone: s.timezone });
      return {
        start: new Date(s.start).toISOString(),
        end: new Date(s.end).toISOString(),
        localStart: local.toISO()!,
        localDate: local.toISODate()!,
        localTime: local.toFormat('HH:mm'),
        timezone: s.timezone,
        providerId: s.providerId,
        providerName: s.providerName,
        locationId: s.locationId,
        locationName: s.locationName,
        roomId: s.roomId,
      };
    }),
  };
}
