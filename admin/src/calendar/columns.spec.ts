import { DateTime } from 'luxon';
import { buildColumns, daysOf } from './columns';
import type { CalendarData, Rule } from './types';

const zone = 'America/New_York';
const monday = DateTime.fromISO('2026-11-23', { zone });
const rules: Rule[] = [
  { id: 'r1', providerId: 'patel', locationId: 'downtown', weekday: 1, startTime: '09:00', endTime: '12:00' },
  { id: 'r2', providerId: 'garcia', locationId: 'northside', weekday: 1, startTime: '12:00', endTime: '18:00' },
  { id: 'r3', providerId: 'patel', locationId: 'downtown', weekday: 2, startTime: '09:00', endTime: '17:00', validFrom: '2027-01-01' },
];
const providers = [{ id: 'patel', name: 'Dr. Maya Patel', shortName: 'Dr. Patel' }, { id: 'garcia', name: 'Dr. Luis García', shortName: 'Dr. García' }];
const empty: CalendarData = { appointments: [], holds: [], holdsAvailable: true };

describe('calendar columns', () => {
  it('a week runs Monday to Sunday in the location zone, across the DST-free week', () => {
    const days = daysOf('week', monday.plus({ days: 3 }));
    expect(days.map((d) => d.toISODate())).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29']);
  });

  it('a location day shows the providers working there that day, with their hours as instants', () => {
    const [column, ...rest] = buildColumns('day', { kind: 'location', id: 'downtown' }, monday, providers, rules, empty, 'en');
    expect(rest).toEqual([]);
    expect(column!.providerId).toBe('patel');
    expect(column!.working).toEqual([{ start: Date.parse('2026-11-23T14:00:00Z'), end: Date.parse('2026-11-23T17:00:00Z') }]);
  });

  it('adds a provider who has an appointment there even without a rule (a force-booking), and ignores rules not yet valid', () => {
    const booked = { ...empty, appointments: [{ id: 'a', start: Date.parse('2026-11-24T20:00:00Z'), end: Date.parse('2026-11-24T20:30:00Z'), status: 'confirmed', providerId: 'garcia', providerName: 'Dr. Luis García', patientId: 'p', patientName: 'Ana', serviceName: 'Follow-up', locationId: 'downtown', locationName: 'Downtown', source: 'console', raw: {} }] };
    const columns = buildColumns('day', { kind: 'location', id: 'downtown' }, monday.plus({ days: 1 }), providers, rules, booked, 'en');
    expect(columns.map((c) => [c.providerId, c.appointments.length, c.working.length])).toEqual([['garcia', 1, 0]]);
  });
});
