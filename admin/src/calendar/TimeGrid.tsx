import { Box } from '@mui/material';
import { DateTime } from 'luxon';
import { type KeyboardEvent, useRef } from 'react';
import { useTranslate } from 'react-admin';
import { placeInLanes } from './lanes';
import { ACTIVE_STATUSES, statusStyle } from './statusStyles';
import type { CalendarAppointment, Column } from './types';

const SLOT_MINUTES = 15;
const ROW = 22;
const SLOT_MS = SLOT_MINUTES * 60_000;

interface Props {
  columns: Column[];
  zone: string;
  locale: string;
  startHour: number;
  endHour: number;
  now: number;
  showProvider: boolean;
  onFreeSlot: (column: Column, start: number) => void;
  onAppointment: (appointment: CalendarAppointment) => void;
}

/**
 * The day/week grid: 15-minute rows in the location's zone, one column per provider or day. Free
 * rows are buttons (Enter books); arrow keys move between them, Tab moves between columns and
 * appointments, so the whole calendar works from the keyboard.
 */
export function TimeGrid({ columns, zone, locale, startHour, endHour, now, showProvider, onFreeSlot, onAppointment }: Props) {
  const translate = useTranslate();
  const grid = useRef<HTMLDivElement>(null);
  const rows = (endHour - startHour) * (60 / SLOT_MINUTES);
  const height = rows * ROW;

  const move = (event: KeyboardEvent<HTMLButtonElement>, col: number, row: number) => {
    const delta: Record<string, [number, number]> = { ArrowUp: [0, -1], ArrowDown: [0, 1], ArrowLeft: [-1, 0], ArrowRight: [1, 0] };
    const d = delta[event.key];
    if (!d) return;
    event.preventDefault();
    const target = grid.current?.querySelector<HTMLButtonElement>(`[data-cell="${col + d[0]}:${row + d[1]}"]`);
    target?.focus();
  };

  return (
    <Box ref={grid} role="grid" aria-label={translate('app.calendar.title')}
      sx={{ display: 'grid', gridTemplateColumns: `64px repeat(${columns.length}, minmax(150px, 1fr))`, border: '1px solid #d6dde3', borderRadius: 2, overflow: 'auto', maxHeight: 'calc(100vh - 230px)', background: '#fff' }}>
      <Box sx={{ position: 'sticky', top: 0, left: 0, zIndex: 4, background: '#f8fafb', borderBottom: '1px solid #d6dde3' }} />
      {columns.map((c) => {
        const today = c.day.hasSame(DateTime.fromMillis(now, { zone }), 'day');
        return (
        <Box key={c.key} role="columnheader" aria-current={today ? 'date' : undefined}
          sx={{ position: 'sticky', top: 0, zIndex: 3, background: today ? '#e3f1f6' : '#f8fafb', borderBottom: today ? '3px solid #176b87' : '1px solid #d6dde3', borderLeft: '1px solid #e3e8ec', px: 1, py: 0.75, textAlign: 'center' }}>
          <Box sx={{ fontWeight: today ? 700 : 600, fontSize: 14, color: today ? 'primary.main' : 'inherit' }}>{c.label}</Box>
          {c.sublabel && <Box sx={{ fontSize: 12, color: 'text.secondary' }}>{c.sublabel}</Box>}
        </Box>
        );
      })}
      <Box sx={{ position: 'sticky', left: 0, zIndex: 2, background: '#fff', height }}>
        {Array.from({ length: endHour - startHour }, (_, i) => (
          <Box key={i} sx={{ height: ROW * 4, fontSize: 11, color: 'text.secondary', textAlign: 'right', pr: 1, pt: '2px', borderTop: i ? '1px solid #e3e8ec' : 'none' }}>
            {DateTime.fromObject({ hour: startHour + i }, { zone }).setLocale(locale).toLocaleString(DateTime.TIME_SIMPLE)}
          </Box>
        ))}
      </Box>
      {columns.map((column, colIndex) => (
        <GridColumn key={column.key} column={column} colIndex={colIndex} rows={rows} height={height} startHour={startHour} zone={zone} locale={locale}
          now={now} showProvider={showProvider} onFreeSlot={onFreeSlot} onAppointment={onAppointment} onKey={move} />
      ))}
    </Box>
  );
}

interface ColumnProps {
  column: Column; colIndex: number; rows: number; height: number; startHour: number; zone: string; locale: string; now: number; showProvider: boolean;
  onFreeSlot: Props['onFreeSlot']; onAppointment: Props['onAppointment']; onKey: (e: KeyboardEvent<HTMLButtonElement>, col: number, row: number) => void;
}

function GridColumn({ column, colIndex, rows, height, startHour, zone, locale, now, showProvider, onFreeSlot, onAppointment, onKey }: ColumnProps) {
  const translate = useTranslate();
  const top = column.day.set({ hour: startHour }).toMillis();
  const y = (ms: number) => ((ms - top) / SLOT_MS) * ROW;
  const busy = [...column.appointments.filter((a) => ACTIVE_STATUSES.has(a.status)), ...column.holds];
  const cells = Array.from({ length: rows }, (_, row) => {
    const start = column.day.set({ hour: startHour }).plus({ minutes: row * SLOT_MINUTES }).toMillis();
    const working = column.working.some((w) => start >= w.start && start < w.end);
    const taken = busy.some((b) => start < b.end && start + SLOT_MS > b.start);
    return { row, start, working, taken };
  });
  const firstFocusable = cells.find((c) => c.working && !c.taken)?.row ?? 0;
  const placed = placeInLanes(column.appointments.map((a) => ({ ...a, start: a.start, end: a.end })));
  const nowVisible = now >= top && now < top + rows * SLOT_MS;

  return (
    <Box role="gridcell" sx={{ position: 'relative', height, borderLeft: '1px solid #e3e8ec' }} data-column={column.key}>
      {cells.map(({ row, start, working }) => {
        const label = DateTime.fromMillis(start, { zone }).setLocale(locale).toLocaleString(DateTime.TIME_SIMPLE);
        return (
          <Box component="button" type="button" key={row} data-cell={`${colIndex}:${row}`} data-time={DateTime.fromMillis(start, { zone }).toFormat('HH:mm')} tabIndex={row === firstFocusable ? 0 : -1}
            aria-label={`${translate('app.calendar.book_here', { time: label })} ${column.label}${working ? '' : ` (${translate('app.calendar.outside_hours')})`}`}
            title={working ? translate('app.calendar.free_slot', { time: label }) : translate('app.calendar.outside_hours')}
            onClick={() => onFreeSlot(column, start)} onKeyDown={(e: KeyboardEvent<HTMLButtonElement>) => onKey(e, colIndex, row)}
            sx={{
              display: 'block', width: '100%', height: ROW, p: 0, m: 0, border: 0, cursor: 'pointer',
              borderTop: row % 4 === 0 ? '1px solid #e3e8ec' : '1px dotted #eef1f4',
              background: working ? '#ffffff' : 'repeating-linear-gradient(135deg, #f3f5f7 0 6px, #eceff2 6px 12px)',
              '&:hover': { background: '#e8f3f7' },
              '&:focus-visible': { outline: '3px solid #f4a261', outlineOffset: -3, background: '#e8f3f7' },
            }} />
        );
      })}
      {column.holds.map((h) => (
        <Box key={h.id} aria-label={translate('app.calendar.held_slot')} title={translate('app.calendar.held_slot')}
          sx={{ position: 'absolute', left: 2, right: 2, top: y(h.start), height: Math.max(ROW - 2, y(h.end) - y(h.start) - 2), zIndex: 1, pointerEvents: 'none',
            border: '2px dashed #6d28d9', borderRadius: 1, background: 'repeating-linear-gradient(45deg, #ede9fe 0 8px, #f5f3ff 8px 16px)', color: '#3b1a7a', fontSize: 12, px: 0.5, overflow: 'hidden' }}>
          {translate('app.status.held')}
        </Box>
      ))}
      {placed.map(({ item: a, lane, lanes }) => {
        const style = statusStyle(a.status);
        const time = DateTime.fromMillis(a.start, { zone }).setLocale(locale).toLocaleString(DateTime.TIME_SIMPLE);
        const status = translate(`app.status.${a.status}`, { _: a.status });
        const h = Math.max(ROW - 2, y(a.end) - y(a.start) - 2);
        return (
          <Box component="button" type="button" key={a.id} onClick={() => onAppointment(a)} data-appointment={a.id} data-status={a.status}
            aria-label={translate('app.calendar.appointment_label', { time, patient: a.patientName, service: a.serviceName, status })}
            title={`${time} ${a.patientName} · ${a.serviceName} · ${a.providerName} · ${status}`}
            sx={{
              position: 'absolute', top: y(a.start) + 1, height: h, left: `calc(${(lane / lanes) * 100}% + 2px)`, width: `calc(${100 / lanes}% - 4px)`,
              zIndex: ACTIVE_STATUSES.has(a.status) ? 2 : 1, opacity: ACTIVE_STATUSES.has(a.status) ? 1 : 0.75,
              background: style.background, color: style.text, border: `1px ${style.pattern === 'dashed' ? 'dashed' : 'solid'} ${style.border}`, borderLeft: `4px solid ${style.border}`,
              borderRadius: 1, textAlign: 'left', px: 0.75, py: 0.25, overflow: 'hidden', cursor: 'pointer', font: 'inherit', fontSize: 12, lineHeight: 1.3,
              '&:hover': { filter: 'brightness(0.97)', boxShadow: 2 }, '&:focus-visible': { outline: '3px solid #f4a261', outlineOffset: 1, zIndex: 5 },
            }}>
            <Box component="span" sx={{ display: 'block', fontWeight: 600, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', textDecoration: style.pattern === 'struck' ? 'line-through' : 'none' }}>
              {time} {a.patientName}{h > ROW * 1.5 ? '' : ` · ${status}`}
            </Box>
            {h > ROW * 1.5 && (
              <Box component="span" sx={{ display: 'block', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
                <Box component="span" sx={{ fontSize: 10.5, fontWeight: 700, textTransform: 'uppercase', letterSpacing: 0.3 }}>{status}</Box>
                {` · ${a.serviceName}`}{showProvider ? ` · ${a.providerName}` : ''}
              </Box>
            )}
          </Box>
        );
      })}
      {nowVisible && <Box aria-hidden sx={{ position: 'absolute', left: 0, right: 0, top: y(now), borderTop: '2px solid #d1495b', zIndex: 3, pointerEvents: 'none' }} />}
    </Box>
  );
}
