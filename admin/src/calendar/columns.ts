import type { DateTime } from 'luxon';
import type { CalendarData, Column, Provider, Rule, Scope, ViewKind } from './types';

/** The days a view shows: the anchor day, or Monday to Sunday of its week (in the location's zone). */
export function daysOf(view: ViewKind, anchor: DateTime): DateTime[] {
  if (view === 'day') return [anchor.startOf('day')];
  const monday = anchor.startOf('week');
  return Array.from({ length: 7 }, (_, i) => monday.plus({ days: i }));
}

function ruleApplies(rule: Rule, day: DateTime): boolean {
  if (rule.weekday !== day.weekday && !(rule.weekday === 0 && day.weekday === 7)) return false;
  const iso = day.toISODate()!;
  if (rule.validFrom && iso < rule.validFrom.slice(0, 10)) return false;
  if (rule.validTo && iso > rule.validTo.slice(0, 10)) return false;
  return true;
}

function at(day: DateTime, hhmm: string): number {
  const [hour, minute] = hhmm.split(':').map(Number);
  return day.set({ hour, minute, second: 0, millisecond: 0 }).toMillis();
}

function workingOn(rules: Rule[], day: DateTime): { start: number; end: number }[] {
  return rules.filter((r) => ruleApplies(r, day)).map((r) => ({ start: at(day, r.startTime), end: at(day, r.endTime) }));
}

/** Builds the grid's columns: providers side by side for a location's day, days side by side otherwise. */
export function buildColumns(view: ViewKind, scope: Scope, anchor: DateTime, providers: Provider[], rules: Rule[], data: CalendarData, locale: string): Column[] {
  const days = daysOf(view, anchor);
  const scopedRules = rules.filter((r) => (scope.kind === 'location' ? r.locationId === scope.id : r.providerId === scope.id));
  const inDay = (day: DateTime) => {
    const from = day.toMillis();
    const to = day.plus({ days: 1 }).toMillis();
    return <T extends { start: number; end: number }>(x: T) => x.start < to && x.end > from;
  };
  const nameOf = (id: string) => {
    const p = providers.find((x) => x.id === id);
    return p?.shortName || p?.name || data.appointments.find((a) => a.providerId === id)?.providerName || id.slice(0, 8);
  };

  if (view === 'day' && scope.kind === 'location') {
    const day = days[0]!;
    const within = inDay(day);
    const ids = new Set<string>(scopedRules.filter((r) => ruleApplies(r, day)).map((r) => r.providerId));
    for (const a of data.appointments) if (within(a)) ids.add(a.providerId);
    for (const h of data.holds) if (within(h)) ids.add(h.providerId);
    const ordered = [...ids].sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
    return ordered.map((providerId) => ({
      key: `${day.toISODate()}:${providerId}`,
      label: nameOf(providerId),
      sublabel: providers.find((p) => p.id === providerId)?.name,
      day,
      providerId,
      appointments: data.appointments.filter((a) => a.providerId === providerId && within(a)),
      holds: data.holds.filter((h) => h.providerId === providerId && within(h)),
      working: workingOn(scopedRules.filter((r) => r.providerId === providerId), day),
    }));
  }

  return days.map((day) => {
    const within = inDay(day);
    return {
      key: day.toISODate()!,
      label: day.setLocale(locale).toFormat('ccc'),
      sublabel: day.setLocale(locale).toFormat('d LLL'),
      day,
      providerId: scope.kind === 'provider' ? scope.id : null,
      appointments: data.appointments.filter(within),
      holds: data.holds.filter(within),
      working: workingOn(scopedRules, day),
    };
  });
}
