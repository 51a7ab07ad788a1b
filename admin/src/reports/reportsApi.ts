import { api, buildUrl, request } from '../api/http';

export type ReportName = 'funnel' | 'no-shows' | 'utilization' | 'cancellations' | 'waitlist' | 'messaging' | 'bookings';
export type Row = Record<string, string | number | boolean | null>;

export interface ReportResult {
  report: ReportName;
  from: string;
  to: string;
  timezone: string;
  groupBy: 'day' | 'week' | 'month';
  totals: Record<string, number | null>;
  tables: Record<string, Row[]>;
  notes: string[];
}

export interface ReportFilters {
  from: string;
  to: string;
  groupBy: 'day' | 'week' | 'month';
  locationId?: string;
  providerId?: string;
  serviceId?: string;
  channel?: string;
}

export function fetchReport(name: ReportName, filters: ReportFilters, signal?: AbortSignal): Promise<ReportResult> {
  return api<ReportResult>(`/reports/${name}`, { query: { ...filters }, signal });
}

/** Downloads one table as the CSV the API renders (with the session's token, hence fetch + blob, not a link). */
export async function downloadCsv(name: ReportName, table: string, filters: ReportFilters): Promise<void> {
  const res = await request(buildUrl(`/reports/${name}`, { ...filters, format: 'csv', table }));
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([res.body], { type: 'text/csv' }));
  link.download = `${name}-${table}-${filters.from}-${filters.to}.csv`;
  link.click();
  URL.revokeObjectURL(link.href);
}
