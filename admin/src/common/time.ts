import { DateTime } from 'luxon';

/** Times are shown in the location's zone (not the browser's): a receptionist abroad sees clinic time. */
export function inZone(iso: string | Date, zone: string): DateTime {
  return (typeof iso === 'string' ? DateTime.fromISO(iso) : DateTime.fromJSDate(iso)).setZone(zone);
}

export function formatTime(iso: string | Date, zone: string, locale: string): string {
  return inZone(iso, zone).setLocale(locale).toLocaleString(DateTime.TIME_SIMPLE);
}

export function formatDateTime(iso: string | Date | null | undefined, zone: string, locale: string): string {
  if (!iso) return '—';
  return inZone(iso, zone).setLocale(locale).toLocaleString({ weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' });
}

export function formatDay(day: DateTime, locale: string): string {
  return day.setLocale(locale).toLocaleString({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
}

/** The zone's short name at that moment (EST/EDT), for the "times in" note. */
export function zoneLabel(zone: string, at: DateTime): string {
  return `${zone.replace(/_/g, ' ')} (${at.setZone(zone).toFormat('ZZZZ')})`;
}
