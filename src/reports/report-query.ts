import type { ReportRange } from './report-range.js';

/** Booking sources and chat channels share one filter: `channel` (appointments.source, conversations.channel, messages.channel). */
export const REPORT_CHANNELS = ['whatsapp', 'sms', 'console', 'walk_in', 'api'] as const;
export type ReportChannel = (typeof REPORT_CHANNELS)[number];

/** A report request after validation and scoping: what every report query receives. */
export interface ReportQuery {
  clinicId: string;
  range: ReportRange;
  /** null: the whole clinic; otherwise only these locations (a receptionist's, or the filter's). */
  locationIds: string[] | null;
  providerId: string | null;
  serviceId: string | null;
  channel: ReportChannel | null;
  /** For "still open" decisions (a chat session idle less than 24 h has not ended yet). */
  now: Date;
}
