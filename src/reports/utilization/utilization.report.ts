import { Injectable } from '@nestjs/common';
import { toExceptions, toProviderSchedules } from '../../availability/schedule-input.js';
import type { Row } from '../csv.js';
import type { ReportCatalog } from '../report-catalog.repository.js';
import { type Report, type ReportPart, sortRows } from '../report-part.js';
import type { ReportQuery } from '../report-query.js';
import { localDays, periodOf, ratio } from '../report-range.js';
import { num } from '../report-sql.js';
import { ReportRollups } from '../rollups/report-rollups.js';
import { BOOKED_TIME_ROLLUP } from '../rollups/rollup-specs.js';
import { availableMinutes } from './available-minutes.js';
import { UtilizationReportRepository } from './utilization-report.repository.js';

const TELEHEALTH = 'telehealth';

/** Booked minutes / available minutes, per provider, location and period. */
@Injectable()
export class UtilizationReport implements Report {
  constructor(
    private readonly repository: UtilizationReportRepository,
    private readonly rollups: ReportRollups,
  ) {}

  async run(q: ReportQuery, catalog: ReportCatalog): Promise<ReportPart> {
    const days = localDays(q.range);
    const [booked, providers, exceptions] = await Promise.all([
      this.rollups.rows(BOOKED_TIME_ROLLUP, q),
      this.repository.providersWithRules(q),
      this.repository.exceptions(q.clinicId, new Date(`${q.range.from}T00:00:00Z`), new Date(`${q.range.to}T00:00:00Z`)),
    ]);
    const available = availableMinutes({
      providers: toProviderSchedules(providers, catalog.timezone),
      exceptions: toExceptions(exceptions, catalog.timezone),
      days, serviceId: q.serviceId,
    });
    const dayStart = new Map(days.map((d) => [d.date, d.start]));

    const byProvider = new Tally();
    const byLocation = new Tally();
    const byPeriod = new Tally();
    const total = new Tally();
    for (const row of available) {
      const location = row.locationId ?? TELEHEALTH;
      const period = periodOf(dayStart.get(row.date)!, q.range);
      for (const [tally, key] of [[byProvider, row.providerId], [byLocation, location], [byPeriod, period], [total, '']] as const) tally.add(key, 0, row.minutes, 0);
    }
    for (const row of booked) {
      const minutes = Number(row.seconds) / 60;
      const count = num(row.appointments);
      for (const [tally, key] of [[byProvider, row.provider_id], [byLocation, row.location_id ?? TELEHEALTH], [byPeriod, row.period], [total, '']] as const) tally.add(key, minutes, 0, count);
    }
    const all = total.get('');
    return {
      totals: { bookedMinutes: all.booked, availableMinutes: all.available, utilization: ratio(all.booked, all.available), appointments: all.appointments },
      tables: {
        series: byPeriod.rows('period').sort((a, b) => String(a.period).localeCompare(String(b.period))),
        byProvider: sortRows(byProvider.rows('providerId').map((r) => ({ providerId: r.providerId, provider: catalog.providers.get(String(r.providerId)) ?? r.providerId, ...rest(r, 'providerId') })), 'utilization', 'provider'),
        byLocation: sortRows(byLocation.rows('locationId').map((r) => ({
          locationId: r.locationId, location: r.locationId === TELEHEALTH ? 'Telehealth' : catalog.locations.get(String(r.locationId)) ?? r.locationId, ...rest(r, 'locationId'),
        })), 'utilization', 'location'),
      },
      notes: [],
    };
  }
}

function rest(row: Row, key: string): Row {
  const { [key]: _omitted, ...others } = row;
  return others;
}

class Tally {
  private readonly map = new Map<string, { booked: number; available: number; appointments: number }>();

  add(key: string, booked: number, available: number, appointments: number): void {
    const entry = this.get(key);
    entry.booked += booked;
    entry.available += available;
    entry.appointments += appointments;
    this.map.set(key, entry);
  }

  get(key: string) {
    return this.map.get(key) ?? { booked: 0, available: 0, appointments: 0 };
  }

  rows(keyName: string): Row[] {
    return [...this.map].map(([key, v]) => ({
      [keyName]: key, appointments: v.appointments, bookedMinutes: round(v.booked), availableMinutes: round(v.available), utilization: ratio(v.booked, v.available),
    }));
  }
}

function round(minutes: number): number {
  return Math.round(minutes * 100) / 100;
}
