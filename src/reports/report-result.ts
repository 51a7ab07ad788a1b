import type { Row } from './csv.js';
import type { GroupBy } from './report-range.js';

export const REPORT_NAMES = ['funnel', 'no-shows', 'utilization', 'cancellations', 'waitlist', 'messaging', 'bookings'] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

/** Every report answers in this shape; each table can also be had as CSV (?format=csv&table=<name>). */
export interface ReportResult {
  report: ReportName;
  from: string;
  to: string;
  /** The zone whose local days the range and the periods are (the clinic's). */
  timezone: string;
  groupBy: GroupBy;
  filters: { locationIds: string[] | null; providerId: string | null; serviceId: string | null; channel: string | null };
  totals: Record<string, number | null>;
  tables: Record<string, Row[]>;
  /** Figures that cannot be computed (yet), and why. */
  notes: string[];
}

/** Rows of one GROUPING SETS answer, split by the `dim` column. */
export function byDim<R extends { dim: string }>(rows: readonly R[]): Map<string, R[]> {
  const out = new Map<string, R[]>();
  for (const row of rows) {
    const list = out.get(row.dim);
    if (list) list.push(row);
    else out.set(row.dim, [row]);
  }
  return out;
}
