import type { Row } from './csv.js';
import type { ReportCatalog } from './report-catalog.repository.js';
import type { ReportQuery } from './report-query.js';

/** What one report computes; the reports service adds the range, filters and name around it. */
export interface ReportPart {
  totals: Record<string, number | null>;
  tables: Record<string, Row[]>;
  notes: string[];
}

export interface Report {
  run(q: ReportQuery, catalog: ReportCatalog): Promise<ReportPart>;
}

/** Largest first, then by label, so tables read the same on every run. */
export function sortRows<T extends Row>(rows: T[], by: string, label: string): T[] {
  return rows.sort((a, b) => Number(b[by] ?? 0) - Number(a[by] ?? 0) || String(a[label]).localeCompare(String(b[label])));
}
