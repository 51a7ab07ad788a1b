/** What the calendar draws, normalised from GET /api/v1/calendar (see normalise.ts). */
export interface CalendarAppointment {
  id: string;
  start: number;
  end: number;
  status: string;
  providerId: string;
  providerName: string;
  patientId: string;
  patientName: string;
  serviceName: string;
  locationId: string | null;
  locationName: string | null;
  source: string;
  raw: Record<string, unknown>;
}

export interface CalendarHold {
  id: string;
  start: number;
  end: number;
  providerId: string;
}

export interface CalendarData {
  appointments: CalendarAppointment[];
  holds: CalendarHold[];
  /** false when the API could not read live holds (Redis down): held time may look free. */
  holdsAvailable: boolean;
}

export interface Location { id: string; name: string; timezone: string }
export interface Provider { id: string; name: string; shortName?: string }
export interface Rule { id: string; providerId: string; locationId: string | null; weekday: number; startTime: string; endTime: string; validFrom?: string | null; validTo?: string | null }

export type ViewKind = 'day' | 'week';
export type Scope = { kind: 'location'; id: string } | { kind: 'provider'; id: string };

/** A column of the grid: one provider on one day (day view) or one day (week view). */
export interface Column {
  key: string;
  label: string;
  sublabel?: string;
  day: import('luxon').DateTime;
  providerId: string | null;
  appointments: CalendarAppointment[];
  holds: CalendarHold[];
  /** Working time of this column as epoch-ms intervals (from the weekly rules). */
  working: { start: number; end: number }[];
}
