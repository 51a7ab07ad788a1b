import { Card, CardContent, Grid, Typography } from '@mui/material';
import { fill, type ReportText } from './messages';
import { count, minutes, percent } from './format';
import type { ReportName, ReportResult } from './reportsApi';

interface Tile { label: string; value: string; detail?: string }

/** The headline figures, one tile each; a missing report shows a dash rather than a wrong zero. */
export function KpiTiles({ reports, text, locale }: { reports: Partial<Record<ReportName, ReportResult>>; text: ReportText; locale: string }) {
  const t = (name: ReportName) => reports[name]?.totals ?? {};
  const tiles: Tile[] = [
    { label: text.kpi.chatConversion, value: percent(t('funnel').conversion), detail: fill(text.kpi.sessions, { n: count(t('funnel').started, locale) }) },
    { label: text.kpi.medianToBook, value: minutes(t('funnel').medianMinutesToBook) },
    { label: text.kpi.bookings, value: count(t('bookings').bookings, locale), detail: fill(text.kpi.chatVsStaff, { chat: count(t('bookings').chatBookings, locale), staff: count(t('bookings').staffBookings, locale) }) },
    { label: text.kpi.noShowRate, value: percent(t('no-shows').noShowRate) },
    { label: text.kpi.utilization, value: percent(t('utilization').utilization) },
    { label: text.kpi.cancellations, value: count(t('cancellations').cancellations, locale), detail: `${percent(t('cancellations').lateShare)} ${text.kpi.lateShare}` },
    { label: text.kpi.fillRate, value: percent(t('waitlist').fillRate) },
    ...(reports.messaging ? [{ label: text.kpi.delivery, value: percent(t('messaging').deliveryRate) }] : []),
  ];
  return (
    <Grid container spacing={2}>
      {tiles.map((tile) => (
        <Grid key={tile.label} size={{ xs: 6, sm: 4, md: 3 }}>
          <Card variant="outlined" className="reports-tile">
            <CardContent>
              <Typography variant="body2" color="text.secondary">{tile.label}</Typography>
              <Typography variant="h5" component="p">{tile.value}</Typography>
              {tile.detail && <Typography variant="caption" color="text.secondary">{tile.detail}</Typography>}
            </CardContent>
          </Card>
        </Grid>
      ))}
    </Grid>
  );
}
