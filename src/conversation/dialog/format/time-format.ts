import type { Catalog, DayPhrase } from '../messages/catalog.js';
import { addDays, localDate, zoned } from './local-time.js';
import { DateTime } from 'luxon';

/** "Thu 26 Nov" / "jue 26 nov" for a local YYYY-MM-DD. */
export function formatDate(date: string, catalog: Catalog): string {
  const d = DateTime.fromISO(date, { zone: 'UTC' });
  if (!d.isValid) return date;
  return `${catalog.format.weekdays[d.weekday - 1]} ${d.day} ${catalog.format.months[d.month - 1]}`;
}

/** "2:30 pm" / "14:30" from local minutes after midnight. */
export function formatClock(minutes: number, catalog: Catalog): string {
  const hour = Math.floor(minutes / 60) % 24;
  const minute = String(minutes % 60).padStart(2, '0');
  if (catalog.format.clock === '24h') return `${hour}:${minute}`;
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  return `${h12}:${minute} ${hour < 12 ? catalog.format.am : catalog.format.pm}`;
}

export function formatTime(ms: number, zone: string, catalog: Catalog): string {
  const local = zoned(ms, zone);
  return formatClock(local.hour * 60 + local.minute, catalog);
}

/** "Thu 26 Nov, 2:30 pm" */
export function formatWhen(ms: number, zone: string, catalog: Catalog): string {
  return `${formatDate(localDate(ms, zone), catalog)}, ${formatTime(ms, zone, catalog)}`;
}

/** "Thu 26 Nov, 2:30–3:00 pm"; the meridiem is said once when both ends share it. */
export function formatRange(start: number, end: number, zone: string, catalog: Catalog): string {
  const from = formatTime(start, zone, catalog);
  const to = formatTime(end, zone, catalog);
  const day = formatDate(localDate(start, zone), catalog);
  if (catalog.format.clock === '12h') {
    const [fromClock, fromMeridiem] = from.split(' ');
    const [, toMeridiem] = to.split(' ');
    if (fromMeridiem === toMeridiem) return `${day}, ${fromClock}–${to}`;
  }
  return `${day}, ${from}–${to}`;
}

/** The day as the catalog says it, marking today and tomorrow relative to `now`. */
export function dayPhraseFor(date: string, now: number, zone: string, catalog: Catalog): DayPhrase {
  const today = localDate(now, zone);
  const relative = date === today ? 'today' : date === addDays(today, 1) ? 'tomorrow' : null;
  return { relative, day: formatDate(date, catalog) };
}

/** "3 Dec 1985" for a YYYY-MM-DD date of birth. */
export function formatBirthDate(date: string, catalog: Catalog): string {
  const d = DateTime.fromISO(date, { zone: 'UTC' });
  if (!d.isValid) return date;
  return catalog.format.dateOfBirth(d.day, catalog.format.months[d.month - 1]!, d.year);
}

/** "120 Main St" from "120 Main St, New York, NY 10001": the part a local patient needs. */
export function shortAddress(address: string | null): string | null {
  if (!address) return null;
  return address.split(',')[0]!.trim() || address;
}
