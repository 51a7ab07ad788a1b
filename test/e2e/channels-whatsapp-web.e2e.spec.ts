import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AppModule } from '../../src/app.module.js';
import { WHATSAPP_WEB_CLIENT_FACTORY } from '../../src/channels/whatsapp-web/whatsapp-web.client.js';
import { DomainErrorFilter } from '../../src/common/domain-error.filter.js';
import type { PrismaClient } from '../../src/generated/prisma/client.js';
import { randomPatient, settled, until } from '../channels/support/channel-app.js';
import { apiClient, DEMO_ADMIN } from '../support/api-client.js';
import { createTestDatabase, testConfig, type TestDatabase } from '../support/databases.js';
import { fakeWhatsAppWebFactory, WWEB } from '../support/fakes/fake-whatsapp-web-client.js';
import { prismaFor } from '../support/fixtures.js';
import type { RunningApp } from '../support/http-app.js';

/**
 * WhatsApp Web (whatsapp-web.js) with a fake client that emits the library's real event names and
 * message shapes: QR for staff, ready, messages in and replies out, acks, and reconnection with
 * backoff after a logout (with an alert for staff). No browser runs.
 */
const NUMBER = '+12125550199';

describe('WhatsApp Web channel', () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let running: RunningApp;
  const fake = fakeWhatsAppWebFactory([{}, { failInitialize: true }]);
  const status = (as = DEMO_ADMIN) => apiClient(running.url, as)('GET', '/api/v1/channels/whatsapp-web/qr');

  beforeAll(async () => {
    db = await createTestDatabase('demo');
    prisma = prismaFor(db.url);
    const clinic = await prisma.clinic.findFirstOrThrow({ where: { slug: 'riverside' } });
    await prisma.clinicChannel.create({ data: { clinicId: clinic.id, channel: 'whatsapp', provider: 'whatsapp_web', address: NUMBER } });
    const config = testConfig(db.url, { WHATSAPP_WEB_ENABLED: 'true', WHATSAPP_WEB_NUMBER: NUMBER, WHATSAPP_WEB_SESSION_DIR: '/tmp/wwebjs-test-unused', OUTBOUND_WHATSAPP_RATE_PER_SECOND: '200' });
    const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] }).overrideProvider(WHATSAPP_WEB_CLIENT_FACTORY).useValue(fake.factory).compile();
    const app: INestApplication = moduleRef.createNestApplication({ rawBody: true });
    app.useGlobalFilters(new DomainErrorFilter());
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as { port: number };
    running = { app, url: `http://127.0.0.1:${port}`, close: () => app.close() };
    await until(async () => fake.clients.length, (n) => n === 1, 5_000, 'the client');
  });
  afterAll(async () => {
    await running?.close();
    await prisma?.$disconnect();
    await db?.drop();
  });

  it('offers the QR code to staff (X-Api-Key), then reports ready', async () => {
    const client = fake.latest();
    expect(client.initialized).toBe(1);
    expect((await status('')).status).toBe(401);
    expect((await status('frontdesk@riverside.test')).status).toBe(403);
    client.emit(WWEB.Events.QR_RECEIVED!, '2@qr-payload-from-whatsapp');
    expect((await until(() => status(), (s) => s.body.state === 'qr')).body).toMatchObject({ enabled: true, state: 'qr', qr: '2@qr-payload-from-whatsapp' });
    client.emit(WWEB.Events.AUTHENTICATED!);
    client.emit(WWEB.Events.READY!);
    expect((await until(() => status(), (s) => s.body.state === 'ready')).body).toMatchObject({ state: 'ready', qr: null });
  });

  it('answers a patient’s messages through the session; acks update the status; media gets the polite answer; a repeated event is stored once', async () => {
    const client = fake.latest();
    const phone = randomPatient();
    const chatId = `${phone.slice(1)}@c.us`;
    const hello = client.incoming({ from: chatId, body: 'hello', notifyName: 'Pat' });
    client.emit(WWEB.Events.MESSAGE_RECEIVED!, hello);
    client.emit(WWEB.Events.MESSAGE_RECEIVED!, hello);
    await until(async () => client.sent.filter((s) => s.chatId === chatId).length, (n) => n > 0, 15_000, 'a reply');
    await settled(prisma);
    expect(await prisma.message.count({ where: { provider: 'whatsapp_web', providerMessageId: hello.id._serialized } })).toBe(1);
    const [reply] = client.sent.filter((s) => s.chatId === chatId);
    const row = await prisma.message.findFirstOrThrow({ where: { provider: 'whatsapp_web', providerMessageId: reply!.id } });
    expect(row.status).toBe('sent');

    client.emit(WWEB.Events.MESSAGE_ACK!, { id: { _serialized: reply!.id } }, 3);
    client.emit(WWEB.Events.MESSAGE_ACK!, { id: { _serialized: reply!.id } }, 2);
    expect((await until(() => prisma.message.findUniqueOrThrow({ where: { id: row.id } }), (m) => m.status === 'read')).status).toBe('read');

    const before = client.sent.length;
    const photo = client.incoming({ from: chatId, type: WWEB.MessageTypes.IMAGE, hasMedia: true });
    client.emit(WWEB.Events.MESSAGE_RECEIVED!, photo);
    await until(async () => client.sent.length, (n) => n > before, 15_000, 'the polite answer');
    expect((await prisma.message.findFirstOrThrow({ where: { providerMessageId: photo.id._serialized } })).unsupported).toBe(true);

    // Groups and notifications are not conversations.
    client.emit(WWEB.Events.MESSAGE_RECEIVED!, client.incoming({ from: '120363000000000000@g.us', body: 'hello all' }));
    client.emit(WWEB.Events.MESSAGE_RECEIVED!, client.incoming({ from: chatId, type: WWEB.MessageTypes.E2E_NOTIFICATION }));
    await new Promise((r) => setTimeout(r, 300));
    expect(await prisma.message.count({ where: { provider: 'whatsapp_web', direction: 'inbound' } })).toBe(2);
  }, 30_000);

  it('after a logout: alerts staff, shows logged_out, and reconnects with backoff (also through a failed start)', async () => {
    const first = fake.latest();
    first.emit(WWEB.Events.DISCONNECTED!, 'LOGOUT');
    expect((await until(() => status(), (s) => s.body.state === 'logged_out' || s.body.state === 'starting' || s.body.state === 'disconnected')).status).toBe(200);
    expect(first.destroyed).toBe(true);
    await until(() => prisma.auditLog.count({ where: { action: 'channel.whatsapp_web.logged_out' } }), (n) => n === 1, 5_000, 'the staff alert');
    // Backoff 1 s: the second client fails to start, the third (after 2 s) starts.
    await until(async () => fake.clients.length, (n) => n >= 3, 10_000, 'reconnects');
    expect(fake.clients[1]!.initialized).toBe(1);
    expect(fake.clients[2]!.initialized).toBe(1);
    fake.latest().emit(WWEB.Events.QR_RECEIVED!, '2@new-qr');
    expect((await until(() => status(), (s) => s.body.state === 'qr')).body.qr).toBe('2@new-qr');
  }, 20_000);
});
