import { Box, Tooltip as MuiTooltip, Typography } from '@mui/material';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReportText } from './messages';
import { percent } from './format';
import type { Row } from './reportsApi';

const HEIGHT = 260;
// Charts do not animate, so a printout always shows them complete.
const still = { isAnimationActive: false } as const;

/** Sessions reaching each stage of the chat funnel. */
export function FunnelChart({ stages, text }: { stages: Row[]; text: ReportText }) {
  const data = stages.map((s) => ({ ...s, label: text.stage[s.stage as keyof ReportText['stage']] ?? String(s.stage) }));
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <BarChart data={data} layout="vertical" margin={{ left: 40 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="label" width={130} />
        <Tooltip formatter={(value, _name, item) => [`${value} (${percent((item.payload as Row).shareOfStarted as number)})`, '']} />
        <Bar dataKey="sessions" fill="#1976d2" {...still} />
      </BarChart>
    </ResponsiveContainer>
  );
}

export interface TrendLine { key: string; label: string; color: string; percent?: boolean }

/** One line per figure over the report's periods; rates on the right axis. */
export function TrendChart({ data, lines }: { data: Row[]; lines: TrendLine[] }) {
  const hasRates = lines.some((l) => l.percent);
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <LineChart data={data}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="period" />
        <YAxis yAxisId="count" allowDecimals={false} />
        {hasRates && <YAxis yAxisId="rate" orientation="right" tickFormatter={(v: number) => percent(v, 0)} domain={[0, 'auto']} />}
        <Tooltip formatter={(value, name) => {
          const line = lines.find((l) => l.label === name);
          return [line?.percent ? percent(value as number) : String(value), String(name)];
        }} />
        <Legend />
        {lines.map((l) => (
          <Line key={l.key} yAxisId={l.percent ? 'rate' : 'count'} type="monotone" dataKey={l.key} name={l.label} stroke={l.color} dot={false} {...still} />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}

/** Booked vs available hours per provider, and the share as the tooltip. */
export function UtilizationChart({ rows }: { rows: Row[] }) {
  const data = rows.map((r) => ({ name: r.provider, booked: Math.round(Number(r.bookedMinutes) / 60), free: Math.max(0, Math.round((Number(r.availableMinutes) - Number(r.bookedMinutes)) / 60)), utilization: r.utilization }));
  return (
    <ResponsiveContainer width="100%" height={Math.max(HEIGHT, data.length * 28)}>
      <BarChart data={data} layout="vertical" margin={{ left: 40 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis type="number" unit=" h" />
        <YAxis type="category" dataKey="name" width={140} />
        <Tooltip formatter={(value, name, item) => [`${value} h${name === 'booked' ? ` (${percent((item.payload as Row).utilization as number)})` : ''}`, String(name)]} />
        <Legend />
        <Bar dataKey="booked" stackId="h" fill="#1976d2" {...still} />
        <Bar dataKey="free" stackId="h" fill="#cfd8dc" {...still} />
      </BarChart>
    </ResponsiveContainer>
  );
}

/** Weekday × hour grid shaded by no-show rate; empty cells had no appointments. */
export function NoShowHeatmap({ cells, text }: { cells: Row[]; text: ReportText }) {
  const byKey = new Map(cells.map((c) => [`${c.weekday}:${c.hour}`, c]));
  const hours = cells.map((c) => Number(c.hour));
  if (hours.length === 0) return <Typography color="text.secondary">{text.noData}</Typography>;
  const first = Math.min(...hours);
  const last = Math.max(...hours);
  const columns = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const max = Math.max(0.0001, ...cells.map((c) => Number(c.noShowRate ?? 0)));
  return (
    <Box role="table" sx={{ display: 'grid', gridTemplateColumns: `48px repeat(${columns.length}, minmax(28px, 1fr))`, gap: '2px', fontSize: 12 }}>
      <Box />
      {columns.map((h) => <Box key={h} sx={{ textAlign: 'center' }}>{h}</Box>)}
      {text.weekday.map((day, i) => [
        <Box key={day} sx={{ alignSelf: 'center' }}>{day}</Box>,
        ...columns.map((h) => {
          const cell = byKey.get(`${i + 1}:${h}`);
          const rate = cell ? Number(cell.noShowRate ?? 0) : null;
          return (
            <MuiTooltip key={`${day}-${h}`} title={cell ? `${day} ${h}:00 — ${cell.noShows}/${cell.appointments} (${percent(rate)})` : ''}>
              <Box sx={{ height: 24, borderRadius: 0.5, bgcolor: rate === null ? 'action.hover' : `rgba(211, 47, 47, ${0.1 + 0.9 * (rate / max)})`, printColorAdjust: 'exact' }} />
            </MuiTooltip>
          );
        }),
      ])}
    </Box>
  );
}
