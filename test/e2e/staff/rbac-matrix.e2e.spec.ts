import { DEMO_NORTHSIDE_PATIENT } from '../../../prisma/seed/demo-clinic.js';
import { apiClient } from '../../support/api-client.js';
import { useTestApp } from '../../support/test-app.js';
import { STAFF_ROUTES, type StaffRoute } from './staff-routes.js';

/**
 * The RBAC matrix: every staff route × every role × the caller's own and another location's (or
 * provider's) record — allowed or 403 — and 401 without a token. The route list is checked against
 * the running app's OpenAPI document (every operation with bearer security), so it cannot go stale.
 */
const ROLES = { receptionist: 'frontdesk@riverside.test', provider: 'dr.patel@riverside.test', owner: 'owner@riverside.test', admin: 'admin@riverside.test' } as const;
type Role = keyof typeof ROLES;

describe('RBAC matrix', () => {
  const env = useTestApp('demo');
  let samples: Record<'own' | 'other', Record<Role, Record<string, string>>>;
  let common: Record<string, string>;

  beforeAll(async () => {
    const search = await apiClient(env.running.url)('GET', `/api/v1/patients?filter=${encodeURIComponent(JSON.stringify({ q: '+12125552001' }))}`);
    const p1 = search.body[0].id as string;
    const nora = (await apiClient(env.running.url)('GET', `/api/v1/patients?filter=${encodeURIComponent(JSON.stringify({ phone: DEMO_NORTHSIDE_PATIENT.phone }))}`)).body[0].id as string;
    const a2 = await env.prisma.appointment.findFirstOrThrow({ where: { patientId: nora } });
    const start = new Date('2029-01-08T15:00:00Z');
    const a1 = await env.prisma.appointment.create({
      data: {
        clinicId: env.ids.clinicId, providerId: env.ids.patel, serviceId: env.ids.followUp, patientId: p1, locationId: env.ids.downtown, startsAt: start, endsAt: new Date(+start + 1_800_000),
        blockStart: start, blockEnd: new Date(+start + 1_800_000), status: 'cancelled', source: 'console', createdBy: 'test', updatedBy: 'test',
      },
    });
    const conversation = (patientId: string, phone: string) => env.prisma.conversation.create({
      data: { clinicId: env.ids.clinicId, channel: 'sms', clinicAddress: '+12125550100', addressHash: env.cipher.blindIndex(phone), addressEnc: env.cipher.encrypt(phone), patientId, optedOutAt: new Date() },
    });
    const c1 = await conversation(p1, '+19995550001');
    const c2 = await conversation(nora, '+19995550002');
    const exception = (locationId: string) => env.prisma.scheduleException.create({ data: { clinicId: env.ids.clinicId, locationId, kind: 'closed', startsOn: new Date('2031-12-24'), endsOn: new Date('2031-12-24') } });
    const e1 = await exception(env.ids.downtown);
    const e2 = await exception(env.ids.northside);
    const rule = await env.prisma.availabilityRule.findFirstOrThrow({ where: { providerId: env.ids.patel } });
    const room = await env.prisma.room.findFirstOrThrow();
    const frontdesk = await env.prisma.staffUser.findUniqueOrThrow({ where: { email: ROLES.receptionist } });
    common = {
      followUp: env.ids.followUp, vaccination: env.ids.vaccination, patel: env.ids.patel, khan: env.ids.khan, rule: rule.id, staffUser: frontdesk.id,
      providers: env.ids.patel, services: env.ids.followUp, locations: env.ids.downtown, rooms: room.id,
    };
    let phone = 0;
    const own = () => ({
      appointment: a1.id, patient: p1, conversation: c1.id, exception: e1.id, location: env.ids.downtown,
      patientPhone: `+1917555${String(++phone).padStart(4, '0')}`, calendar: `locationId=${env.ids.downtown}`,
    });
    const other = { appointment: a2.id, patient: nora, conversation: c2.id, exception: e2.id, location: env.ids.northside, patientPhone: DEMO_NORTHSIDE_PATIENT.phone, calendar: `locationId=${env.ids.northside}` };
    samples = {
      own: { receptionist: own(), provider: { ...own(), calendar: `providerId=${env.ids.patel}` }, owner: own(), admin: own() },
      other: { receptionist: other, provider: { ...other, calendar: `providerId=${env.ids.garcia}` }, owner: other, admin: other },
    };
  }, 60_000);

  it('lists every bearer-protected route of the running app, and only those', async () => {
    const doc = await (await fetch(`${env.running.url}/docs/json`)).json() as { paths: Record<string, Record<string, { security?: Record<string, unknown>[] }>> };
    const registered = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops)
      .filter(([, op]) => op.security?.some((s) => 'bearer' in s))
      .map(([method]) => `${method.toUpperCase()} ${path}`));
    expect(registered.length).toBeGreaterThan(40);
    expect([...new Set(STAFF_ROUTES.map((r) => r.route))].sort()).toEqual([...new Set(registered)].sort());
  });

  it('answers 401 on every staff route without a token, and with a forged one', async () => {
    const anonymous = apiClient(env.running.url, '');
    for (const r of STAFF_ROUTES) {
      const path = fill(r.path, samples.own.admin);
      for (const headers of [{}, { authorization: 'Bearer not.a.token' }] as Record<string, string>[]) {
        const res = await anonymous(method(r), path, r.body ? fillBody(r.body, samples.own.admin) : undefined, headers);
        expect({ route: r.route, status: res.status }).toEqual({ route: r.route, status: 401 });
      }
    }
  }, 120_000);

  for (const role of Object.keys(ROLES) as Role[]) {
    it(`enforces the matrix for ${role} on its own and another location's records`, async () => {
      const call = apiClient(env.running.url, ROLES[role]);
      const outcomes: string[] = [];
      const expected: string[] = [];
      for (const r of STAFF_ROUTES.filter((x) => x.roles)) {
        const rule = r.roles![role];
        for (const variant of ['own', 'other'] as const) {
          const values = samples[variant][role];
          const res = await call(method(r), fill(r.path, values), r.body ? fillBody(r.body, values) : undefined);
          const allowed = rule === 'yes' || (rule === 'scoped' && variant === 'own');
          outcomes.push(`${r.route} [${variant}] -> ${res.status === 403 ? 'forbidden' : res.status === 401 ? 'unauthenticated' : res.status >= 500 ? `error ${res.status}` : 'allowed'}`);
          expected.push(`${r.route} [${variant}] -> ${allowed ? 'allowed' : 'forbidden'}`);
        }
      }
      expect(outcomes).toEqual(expected);
    }, 180_000);
  }

  function fill(path: string, values: Record<string, string>): string {
    return path.replace(/\{(\w+)\}/g, (_m, key: string) => values[key] ?? common[key] ?? `{${key}}`);
  }
  function fillBody(body: Record<string, unknown>, values: Record<string, string>): Record<string, unknown> {
    return JSON.parse(fill(JSON.stringify(body), values));
  }
});

function method(r: StaffRoute): string {
  return r.route.split(' ')[0]!;
}
