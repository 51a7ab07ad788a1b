import PrintIcon from '@mui/icons-material/Print';
import { Alert, Box, Button, Card, CardContent, GlobalStyles, Grid, LinearProgress, Stack, Typography } from '@mui/material';
import { DateTime } from 'luxon';
import { type ReactNode, useEffect, useState } from 'react';
import { Title, useLocaleState, useTranslate } from 'react-admin';
import { loadSession } from '../api/session';
import { describeError } from '../common/describeError';
import { DEFAULT_ZONE, useClinicData } from '../common/useClinicData';
import { FunnelChart, NoShowHeatmap, TrendChart, UtilizationChart } from './Charts';
import { KpiTiles } from './KpiTiles';
import { fill, useReportText } from './messages';
import { ReportFiltersBar } from './ReportFiltersBar';
import { ReportTable } from './ReportTable';
import { downloadCsv, fetchReport, type ReportFilters, type ReportName, type ReportResult, type Row } from './reportsApi';

const ALL_REPORTS: ReportName[] = ['funnel', 'no-shows', 'utilization', 'cancellations', 'waitlist', 'bookings', 'messaging'];

// Printing: only the report (no menu, app bar or buttons), charts at full width, sections unbroken.
const PRINT_CSS = {
  '@media print': {
    '.RaLayout-appFrame > header, .RaSidebar-root, .MuiAppBar-root, .reports-no-print': { display: 'none !important' },
    '.RaLayout-content': { padding: '0 !important' },
    '.reports-section': { breakInside: 'avoid', pageBreakInside: 'avoid' },
    '.reports-print-only': { display: 'block !important' },
    body: { background: 'white' },
  },
};

function defaultFilters(zone: string): ReportFilters {
  const today = DateTime.now().setZone(zone).startOf('day');
  return { from: today.minus({ days: 29 }).toISODate()!, to: today.toISODate()!, groupBy: 'day' };
}

/**
 * Owners' and admins' dashboard (receptionists see their own locations; the API enforces it): KPI
 * tiles, the chat funnel, trends, a no-show heat map, utilization per provider, every table with a
 * CSV export, and a print layout.
 */
export function ReportsPage() {
  const text = useReportText();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { locations, providers, services } = useClinicData();
  const role = loadSession()?.staff.role;
  const zone = locations[0]?.timezone ?? DEFAULT_ZONE;
  // Not persisted: coming back another day should show the last 30 days, not a stale range.
  const [filters, setFilters] = useState<ReportFilters>(() => defaultFilters(zone));
  const [reports, setReports] = useState<Partial<Record<ReportName, ReportResult>>>({});
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Messages carry no location: the API refuses the messaging report to receptionists.
  const names = role === 'receptionist' ? ALL_REPORTS.filter((n) => n !== 'messaging') : ALL_REPORTS;

  const filtersKey = JSON.stringify(filters);
  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    Promise.all(names.map((name) => fetchReport(name, filters, controller.signal).then((r) => [name, r] as const)))
      .then((pairs) => setReports(Object.fromEntries(pairs)))
      .catch((e: unknown) => { if ((e as Error).name !== 'AbortError') setError(describeError(e, translate)); })
      .finally(() => { if (!controller.signal.aborted) setLoading(false); });
    return () => controller.abort();
    // Keyed by the filters' value: the stored object is a new one on every render.
  }, [filtersKey, role]);

  const csv = (name: ReportName, table: string) => () => { downloadCsv(name, table, filters).catch((e: unknown) => setError(describeError(e, translate))); };
  const tablesOf = (name: ReportName, titles: Record<string, string> = {}) => Object.entries(reports[name]?.tables ?? {}).map(([table, rows]) => (
    <ReportTable key={`${name}-${table}`} title={titles[table] ?? table} rows={rows} onCsv={csv(name, table)} text={text} locale={locale} />
  ));
  const trend = mergeSeries(reports.funnel?.tables.series, reports['no-shows']?.tables.series, reports.utilization?.tables.series, reports.bookings?.tables.series);

  return (
    <Box sx={{ p: 2 }}>
      <GlobalStyles styles={PRINT_CSS} />
      <Title title={text.title} />
      <Stack spacing={2}>
        <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
          <Typography variant="h5" component="h1">{text.title}</Typography>
          <Button variant="outlined" startIcon={<PrintIcon />} onClick={() => window.print()} className="reports-no-print">{text.print}</Button>
        </Stack>
        <ReportFiltersBar value={filters} onChange={setFilters} locations={locations} providers={providers} services={services} text={text} />
        <Typography variant="caption" color="text.secondary">
          {filters.from} – {filters.to} · {fill(text.timesIn, { zone: reports.funnel?.timezone ?? zone })}
        </Typography>
        {loading && <LinearProgress aria-label={text.loading} className="reports-no-print" />}
        {error && <Alert severity="error">{error}</Alert>}
        <KpiTiles reports={reports} text={text} locale={locale} />
        <Grid container spacing={2}>
          <Section title={text.section.funnel} md={6}>{reports.funnel && <FunnelChart stages={reports.funnel.tables.stages ?? []} text={text} />}</Section>
          <Section title={text.section.trends} md={6}>
            <TrendChart data={trend} lines={[
              { key: 'started', label: text.series.started, color: '#1976d2' },
              { key: 'booked', label: text.series.booked, color: '#2e7d32' },
              { key: 'noShowRate', label: text.series.noShowRate, color: '#d32f2f', percent: true },
              { key: 'utilization', label: text.series.utilization, color: '#ed6c02', percent: true },
            ]} />
          </Section>
          <Section title={text.section.heatmap} md={6}>{reports['no-shows'] && <NoShowHeatmap cells={reports['no-shows'].tables.heatmap ?? []} text={text} />}</Section>
          <Section title={text.section.utilization} md={6}>{reports.utilization && <UtilizationChart rows={reports.utilization.tables.byProvider ?? []} />}</Section>
        </Grid>
        <Section title={text.section.funnel}>{tablesOf('funnel')}</Section>
        <Section title={text.section.noShows}>{tablesOf('no-shows')}</Section>
        <Section title={text.section.utilization}>{tablesOf('utilization')}</Section>
        <Section title={text.section.cancellations}>{tablesOf('cancellations')}</Section>
        <Section title={text.section.bookings}>{tablesOf('bookings')}</Section>
        <Section title={text.section.waitlist}>{tablesOf('waitlist')}</Section>
        {role === 'receptionist'
          ? <Alert severity="info">{text.clinicWideOnly}</Alert>
          : <Section title={text.section.messaging}>{tablesOf('messaging')}</Section>}
        {Object.values(reports).flatMap((r) => r?.notes ?? []).map((note) => <Alert key={note} severity="info">{note}</Alert>)}
      </Stack>
    </Box>
  );
}

function Section({ title, children, md }: { title: string; children: ReactNode; md?: number }) {
  const card = (
    <Card variant="outlined" className="reports-section">
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>{title}</Typography>
        <Stack spacing={2}>{children}</Stack>
      </CardContent>
    </Card>
  );
  return md ? <Grid size={{ xs: 12, md }}>{card}</Grid> : card;
}

/** One row per period with the figures of several reports' series side by side. */
function mergeSeries(funnel?: Row[], noShows?: Row[], utilization?: Row[], bookings?: Row[]): Row[] {
  const rows = new Map<string, Row>();
  const add = (series: Row[] | undefined, pick: (r: Row) => Row) => {
    for (const r of series ?? []) {
      const period = String(r.period);
      rows.set(period, { ...(rows.get(period) ?? { period }), ...pick(r) });
    }
  };
  add(funnel, (r) => ({ started: r.started, booked: r.booked }));
  add(noShows, (r) => ({ noShowRate: r.noShowRate }));
  add(utilization, (r) => ({ utilization: r.utilization }));
  add(bookings, (r) => ({ bookings: r.bookings }));
  return [...rows.values()].sort((a, b) => String(a.period).localeCompare(String(b.period)));
}
