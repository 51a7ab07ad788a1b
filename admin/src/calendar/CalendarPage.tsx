import { Alert, Box, Button, Card, CardContent, Stack, Typography } from '@mui/material';
import { DateTime } from 'luxon';
import { useEffect, useMemo, useState } from 'react';
import { Title, useCanAccess, useLocaleState, useStore, useTranslate } from 'react-admin';
import { api } from '../api/http';
import { loadSession } from '../api/session';
import { AppointmentDialog } from '../appointments/AppointmentDialog';
import { BookingDialog, type BookingDraft } from '../booking/BookingDialog';
import { describeError } from '../common/describeError';
import { usePolling } from '../common/usePolling';
import { useClinicData, zoneOf } from '../common/useClinicData';
import { formatDay, formatTime, zoneLabel } from '../common/time';
import { CalendarToolbar } from './CalendarToolbar';
import { buildColumns, daysOf } from './columns';
import { Legend } from './Legend';
import { normaliseCalendar } from './normalise';
import { TimeGrid } from './TimeGrid';
import type { CalendarAppointment, Column, Scope, ViewKind } from './types';

const POLL_MS = 5_000;

/** The reception calendar: day or week, per location or provider, live (polls every 5 s). */
export function CalendarPage() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { locations, providers, rules, error: refError } = useClinicData();
  const [view, setView] = useStore<ViewKind>('calendar.view', 'day');
  const [scope, setScope] = useStore<Scope | null>('calendar.scope', null);
  const [anchorIso, setAnchorIso] = useState<string | null>(null);
  const [booking, setBooking] = useState<BookingDraft | null>(null);
  const [selected, setSelected] = useState<CalendarAppointment | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const { canAccess: canBook } = useCanAccess({ resource: 'appointments', action: 'create' });

  // First visit: the user's own location (receptionist), own calendar (provider), else the first location.
  useEffect(() => {
    if (scope || locations.length === 0) return;
    const staff = loadSession()?.staff;
    if (staff?.role === 'provider' && staff.providerId) setScope({ kind: 'provider', id: staff.providerId });
    else setScope({ kind: 'location', id: locations.find((l) => staff?.locationIds.includes(l.id))?.id ?? locations[0]!.id });
  }, [scope, locations, setScope]);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);

  const zone = zoneOf(locations, scope?.kind === 'location' ? scope.id : rules.find((r) => r.providerId === scope?.id && r.locationId)?.locationId);
  const anchor = anchorIso ? DateTime.fromISO(anchorIso, { zone }) : DateTime.now().setZone(zone).startOf('day');
  const days = daysOf(view, anchor);
  const from = days[0]!.toUTC().toISO()!;
  const to = days[days.length - 1]!.plus({ days: 1 }).toUTC().toISO()!;
  const key = scope ? `${scope.kind}:${scope.id}:${from}:${to}` : 'none';

  const polled = usePolling(key, async (signal) => {
    if (!scope) return { appointments: [], holds: [], holdsAvailable: true };
    const body = await api('/calendar', { query: { from, to, [scope.kind === 'location' ? 'locationId' : 'providerId']: scope.id }, signal });
    return normaliseCalendar(body);
  }, POLL_MS);

  const data = polled.data ?? { appointments: [], holds: [], holdsAvailable: true };
  const columns = useMemo(
    () => (scope ? buildColumns(view, scope, anchor, providers, rules, data, locale) : []),
    [view, scope, anchor.toISODate(), providers, rules, data, locale],
  );
  const hours = visibleHours(columns);

  const step = (direction: -1 | 0 | 1) => {
    if (direction === 0) setAnchorIso(null);
    else setAnchorIso(anchor.plus(view === 'day' ? { days: direction } : { weeks: direction }).toISODate());
  };

  const title = view === 'day' ? formatDay(days[0]!, locale) : `${days[0]!.setLocale(locale).toFormat('d LLL')} – ${days[6]!.setLocale(locale).toFormat('d LLL yyyy')}`;
  const onFreeSlot = (column: Column, start: number) =>
    canBook && setBooking({ start, providerId: column.providerId, locationId: defaultLocation(), zone });
  const defaultLocation = () => (scope?.kind === 'location' ? scope.id : (loadSession()?.staff.locationIds[0] ?? null));

  return (
    <Box sx={{ mt: 1 }}>
      <Title title={translate('app.calendar.title')} />
      <Card>
        <CardContent>
          <Stack spacing={1.5}>
            <CalendarToolbar view={view} scope={scope} title={title} locations={locations} providers={providers} onView={setView} onScope={setScope} onStep={step}
              onWalkIn={canBook ? () => setBooking({ start: Date.now(), providerId: scope?.kind === 'provider' ? scope.id : null, locationId: defaultLocation(), zone, walkIn: true }) : undefined} />
            <Stack direction="row" sx={{ justifyContent: 'space-between', flexWrap: 'wrap', rowGap: 1 }}>
              <Legend />
              <Typography variant="caption" color="text.secondary">
                {translate('app.calendar.times_in', { zone: zoneLabel(zone, days[0]!) })} · {translate('app.calendar.live')}
                {polled.updatedAt ? ` · ${translate('app.calendar.updated', { time: formatTime(new Date(polled.updatedAt), zone, locale) })}` : ''}
              </Typography>
            </Stack>
            {(polled.error || refError) && <Alert severity="error" role="alert">{describeError(polled.error ?? refError, translate, zone, locale)}</Alert>}
            {polled.data && !polled.data.holdsAvailable && <Alert severity="warning">{translate('app.calendar.holds_unavailable')}</Alert>}
            {scope && columns.length === 0 && !polled.loading && (
              <Alert severity="info" action={<Button color="inherit" size="small" onClick={() => setView('week')}>{translate('app.calendar.show_week')}</Button>}>
                {translate('app.calendar.no_providers')}
              </Alert>
            )}
            {columns.length > 0 && (
              <TimeGrid columns={columns} zone={zone} locale={locale} startHour={hours.start} endHour={hours.end} now={now}
                showProvider={view === 'week' && scope?.kind === 'location'} onFreeSlot={onFreeSlot} onAppointment={setSelected} />
            )}
          </Stack>
        </CardContent>
      </Card>
      {booking && (
        <BookingDialog draft={booking} onClose={() => setBooking(null)} onBooked={() => { setBooking(null); void polled.refresh(); }} />
      )}
      {selected && (
        <AppointmentDialog appointment={selected} zone={zone} onClose={() => setSelected(null)} onChanged={() => { void polled.refresh(); }} />
      )}
    </Box>
  );
}

/** 07:00–19:00, widened to whatever the day's hours or appointments need. */
function visibleHours(columns: Column[]): { start: number; end: number } {
  let start = 7;
  let end = 19;
  for (const c of columns) {
    const hourOf = (ms: number) => (ms - c.day.toMillis()) / 3_600_000;
    for (const x of [...c.working, ...c.appointments, ...c.holds]) {
      start = Math.min(start, Math.max(0, Math.floor(hourOf(x.start))));
      end = Math.max(end, Math.min(24, Math.ceil(hourOf(x.end))));
    }
  }
  return { start, end };
}
