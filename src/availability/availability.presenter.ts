import { LocalClockFormat } from '../common/local-clock-format.js';
import type { SlotSearchResult } from './availability.service.js';
import type { AvailabilityResponseDto } from './dto/availability-response.dto.js';

/** Adds the local date and time of each slot (in its location's zone) to the UTC instants. */
export function toAvailabilityResponse(result: SlotSearchResult): AvailabilityResponseDto {
  return {
    timezone: result.timezone,
    service: result.service,
    slots: result.slots.map((s) => {
      const local = LocalClockFormat.for(s.timezone).parts(s.start);
      return {
        start: new Date(s.start).toISOString(),
        end: new Date(s.end).toISOString(),
        localStart: local.iso,
        localDate: local.date,
        localTime: local.time,
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
