import { DEMO_NORTHSIDE_PATIENT } from '../../../prisma/seed/demo-clinic.js';
import { apiClient } from '../../support/api-client.js';
import { createTestDatabase, testConfig, type TestDatabase } from '../../support/databases.js';
import { demoIds } from '../../support/demo-ids.js';
import { prismaFor } from '../../support/fixtures.js';
import { startApp, type RunningApp } from '../../support/http-app.js';
import { PhiCipher } from '../../../src/common/crypto/phi-cipher.js';
import type { PrismaClient } from '../../../src/generated/prisma/client.js';
import { STAFF_ROUTES, type StaffRoute } from './staff-routes.js';

/**
 * The RBAC matrix: every staff route × every role × the caller's own and another location's (or
 * provider's) record — allowed or 403 — and 401 without a token. The route list is checked against
 * the running app's OpenAPI document (every operation with bearer security), so it cannot go stale.
 */
const ROLES = { receptionist: 'frontdesk@riverside.test', provider: 'dr.patel@riverside.test', owner: 'owner@riverside.test', admin: 'admin@riverside.test' } as const;
type Role = keyof typeof ROLES;

describe('RBAC matrix', () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let running: RunningApp;
  let samples: Record<'own' | 'other', Record<Role, Record<string, string>>>;
  let common: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase('demo');
    prisma = prismaFor(db.url);
    const ids = await demoIds(prisma);
    const config = testConfig(db.url);
    const cipher = new PhiCipher(config.phi.keys, config.phi.activeKeyId, config.phi.blindIndexKey);
    running = await startApp(config);
    const search = await apiClient(running.url)('GET', `/api/v1/patients?filter=${encodeURIComponent(JSON.stringify({ q: '+12125552001' }))}`);
    const p1 = search.body[0].id as string;
    const nora = (await apiClient(running.url)('GET', `/api/v1/patients?filter=${encodeURIComponent(JSON.stringify({ phone: DEMO_NORTHSIDE_PATIENT.phone }))}`)).body[0].id as string;
    const a2 = await prisma.appointment.findFirstOrThrow({ where: { patientId: nora } });
    const start = new Date('2029-01-08T15:00:00Z');
    const a1 = await prisma.appointment.create({
      data: {
        clinicId: ids.clinicId, providerId: ids.patel, serviceId: ids.followUp, patientId: p1, locationId: ids.downtown, startsAt: start, endsAt: new Date(+start + 1_800_000),
        blockStart: start, blockEnd: new Date(+start + 1_800_000), status: 'cancelled', source: 'console', createdBy: 'test', updatedBy: 'test',
      },
    });
    const conversation = (patientId: string, phone: string) => prisma.conversation.create({
      data: { clinicId: ids.clinicId, channel: 'sms', clinicAddress: '+12125550100', addressHash: cipher.blindIndex(phone), addressEnc: cipher.encrypt(phone), patientId, optedOutAt: new Date() },
    });
    const c1 = await conversation(p1, '+19995550001');
    const c2 = await conversation(nora, '+19995550002');
    const exception = (locationId: string) => prisma.scheduleException.create({ data: { clinicId: ids.clinicId, locationId, kind: 'closed', startsOn: new Date('2031-12-24'), endsOn: new Date('2031-12-24') } });
    const e1 = await exception(ids.downtown);
    const e2 = await exception(ids.northside);
    const rule = await prisma.availabilityRule.findFirstOrThrow({ where: { providerId: ids.patel } });
    const room = await prisma.room.findFirstOrThrow();
    const frontdesk = await prisma.staffUser.findUniqueOrThrow({ where: { email: ROLES.receptionist } });
    common = {
      followUp: ids.followUp, vaccination: ids.vaccination, patel: ids.patel, khan: ids.khan, rule: rule.id, staffUser: frontdesk.id,
      providers: ids.patel, services: ids.followUp, locations: ids.downtown, rooms: room.id,
    };
    let phone = 0;
    const own = () => ({
      appointment: a1.id, patient: p1, conversation: c1.id, exception: e1.id, location: ids.downtown,
      patientPhone: `+1917555${String(++phone).padStart(4, '0')}`, calendar: `locationId=${ids.downtown}`,
    });
    const other = { appointment: a2.id, patient: nora, conversation: c2.id, exception: e2.id, location: ids.northside, patientPhone: DEMO_NORTHSIDE_PATIENT.phone, calendar: `locationId=${ids.northside}` };
    samples = {
      own: { receptionist: own(), provider: { ...own(), calendar: `providerId=${ids.patel}` }, owner: own(), admin: own() },
      other: { receptionist: other, provider: { ...other, calendar: `providerId=${ids.garcia}` }, owner: other, admin: other },
    };
  }, 60_000);
  afterAll(async () => {
    await running?.close();
    await prisma.$disconnect();
    await db.drop();
  }, 30_000);

  it('lists every bearer-protected route of the running app, and only those', async () => {
    const doc = await (await fetch(`${running.url}/docs/json`)).json() as { paths: Record<string, Record<string, { security?: Record<string, unknown>[] }>> };
    const registered = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops)
      .filter(([, op]) => op.security?.some((s) => 'bearer' in s))
      .map(([method]) => `${method.toUpperCase()} ${path}`));
    expect(registered.length).toBeGreaterThan(40);
    expect([...new Set(STAFF_ROUTES.map((r) => r.route))].sort()).toEqual([...new Set(registered)].sort());
  });

  it('answers 401 on every staff route without a token, and with a forged one', async () => {
    const anonymous = apiClient(running.url, '');
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
      const call = apiClient(running.url, ROLES[role]);
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
