import type { ReportName } from './report-result.js';

/**
 * What every figure means, shown in the OpenAPI docs of each route (and in docs/reports.md). Kept
 * next to each other so a definition and its query are reviewed together.
 */
const COMMON = 'Range and periods are local days of the clinic\'s time zone (clinics.timezone, e.g. America/New_York), `from` and `to` inclusive; weeks start on Monday. '
  + 'Rates are ratios 0–1 rounded to 4 decimals, null when there is nothing to divide by. Every table is also available as CSV: `?format=csv&table=<name>` or `Accept: text/csv`.';

export const REPORT_DEFINITIONS: Record<ReportName, { summary: string; description: string }> = {
  funnel: {
    summary: 'Chat-to-booking funnel per channel and language',
    description: `Population: chat **sessions** that started in the range. A session is a run of one conversation's messages with no gap over 24 hours (a conversation is one long-lived thread per patient number and channel). `
      + 'Stages, each counted when the session reached it or a later one: **started** (first message); **intent_understood** (the bot understood the patient wants a new booking; reschedules, cancellations and questions stop here); '
      + '**slots_shown** (a search returned at least one time); **slot_held** (a time was held); **details_given** (the patient\'s details were complete and the bot asked to confirm); **booked** (a new appointment was made; a reschedule is not). '
      + '`dropOff` = sessions at a stage that did not reach the next; `conversion` = booked / started; `medianMinutesToBook` = median of (first booking − session start) over booked sessions; '
      + '`bookings` = new appointments the sessions made (a session that booked twice counts once as booked and twice here). '
      + '`outcomes`: booked, opted_out (STOP), handed_off (to staff), open (active in the last 24 h) or ended_early, each with the last stage reached. '
      + '`chatBookings`/`staffBookings`: appointments booked in the range over WhatsApp/SMS vs by staff (console, walk-in, api), reschedules excluded — same as the bookings report. '
      + 'Filters: channel = chat channel; location/provider/service = those the session last searched, held or booked (sessions that never got that far do not match). ' + COMMON,
  },
  'no-shows': {
    summary: 'No-show rate by provider, service, channel, lead time, reminder response, weekday × hour',
    description: 'Population: appointments that **started** in the range and have an outcome: checked in, completed or no-show (appointments not yet marked are left out). '
      + '`noShowRate` = no-shows / that population. A no-show that staff reversed (checked in or completed afterwards) counts as attended; a rescheduled appointment counts only as its replacement; cancelled ones are not in the population. '
      + 'Channel = how it was booked (source). Lead time = start − booked: under_24h, 1_to_7_days (24 h to 7 days inclusive), over_7_days. '
      + 'Reminder response: confirmed (the patient confirmed attendance), no_answer (a reminder was sent, no confirmation), no_reminder (none was sent). '
      + '`heatmap`: by local ISO weekday (1 = Monday) and local hour of the start. ' + COMMON,
  },
  utilization: {
    summary: 'Booked minutes / available minutes per provider and location',
    description: '**Booked minutes**: the length (start to end, buffers excluded) of appointments starting in the range that hold time — requested, confirmed, payment pending, checked in, completed and no-shows (the time was taken); cancelled and rescheduled ones are excluded. '
      + '**Available minutes**: working time from the weekly rules and schedule exceptions (closures, holidays, staff blocks, extra hours), computed by the same slot engine that answers availability, in each location\'s own zone and DST-correct. '
      + '`utilization` = booked / available (it can exceed 1 when staff force-book outside hours). With a service filter, only hours where that service may be booked count as available. Telehealth hours have location "telehealth". ' + COMMON,
  },
  cancellations: {
    summary: 'Cancellations (late share, reasons, rebooked share) and reschedules',
    description: 'Population: appointments **cancelled** in the range (by cancellation time). `late` = cancelled by the patient inside the clinic\'s cutoff (appointments.late_cancellation; staff cancellations are never late). '
      + '`rebooked` = the same patient booked a new appointment (not a reschedule) within 7 days after cancelling. `cancelledBy` = patient, staff or system. '
      + '`reschedules` = appointments moved in the range, counted by the replacement\'s creation (a chain of two moves counts twice); a move is not a cancellation. ' + COMMON,
  },
  waitlist: {
    summary: 'Waitlist entries, offers, fill rate and time to fill',
    description: '`entries` = waitlist entries created in the range (by status now and by source: chat or staff); with a location or provider filter, entries open to any location/provider count too. '
      + '`offers` = offers made in the range (src/waitlist, waitlist_offers). `slotsOffered` = distinct freed slots (provider + start) offered; `slotsFilled` = those with an accepted offer; '
      + '`fillRate` = slotsFilled / slotsOffered; `medianMinutesToFill` = median of (accepted − slot freed) over accepted offers. Channel filter does not apply. ' + COMMON,
  },
  messaging: {
    summary: 'Messages sent, delivered, read and failed per channel; opt-outs',
    description: 'Messages written in the range, by each one\'s latest delivery status: `sent` = accepted by the provider (sent, delivered or read); `delivered` = delivered or read; `read`; `failed` = failed or undelivered; `pending` = still queued; `inbound` = patient messages. '
      + '`deliveryRate` = delivered / (sent + failed), the share of messages handed to a provider that arrived; `failureRate` = failed / (sent + failed). `optOuts` = conversations whose STOP fell in the range and still stands. '
      + 'Messages carry no location, provider or service: the report is clinic-wide (receptionists are refused) and only the channel filter applies. ' + COMMON,
  },
  bookings: {
    summary: 'Source mix and time to confirmation',
    description: 'Population: appointments **booked** in the range (by creation), whatever happened to them later; a reschedule\'s replacement is not a new booking. '
      + '`bySource`: whatsapp, sms (chat), console, walk_in, api (staff). `confirmed` = the patient confirmed attendance (reminder reply or chat), or staff approved a requested booking; '
      + '`medianHoursToConfirm`/`p90HoursToConfirm` = booked → confirmed over confirmed ones; `confirmedShare` = confirmed / bookings. ' + COMMON,
  },
};
