import { randomBytes } from 'node:crypto';
import { ConversationRepository } from '../../src/conversation/conversation.repository.js';
import { SqlPool } from '../../src/database/sql-pool.js';
import type { PrismaClient } from '../../src/generated/prisma/client.js';
import { PatientRepository } from '../../src/patients/patient.repository.js';
import { createTestDatabase, testConfig, type TestDatabase } from '../support/databases.js';
import { demoIds } from '../support/demo-ids.js';
import { prismaFor } from '../support/fixtures.js';

/**
 * The statements the webhook and every turn run over plain pg (src/database/sql-pool.ts) must mean
 * exactly what the Prisma calls they replaced meant: the same rows, stored once, saved only on the
 * expected version.
 */
describe('hot-path SQL', () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let sql: SqlPool;
  let repository: ConversationRepository;
  let ids: Awaited<ReturnType<typeof demoIds>>;

  beforeAll(async () => {
    db = await createTestDatabase('demo');
    prisma = prismaFor(db.url);
    ids = await demoIds(prisma);
    sql = new SqlPool(testConfig(db.url));
    repository = new ConversationRepository(prisma as never, sql);
  }, 60_000);
  afterAll(async () => {
    await sql?.onModuleDestroy();
    await prisma?.$disconnect();
    await db?.drop();
  });

  const newConversation = async (patientId: string | null) => prisma.conversation.create({
    data: { clinicId: ids.clinicId, channel: 'sms', clinicAddress: '+12125550100', addressHash: randomBytes(16).toString('hex'), addressEnc: 'enc', patientId, handoffAt: new Date('2026-11-01T10:00:00Z') },
  });
  const stored = (hash: string, providerMessageId: string) => ({
    clinicId: ids.clinicId, channel: 'sms' as const, addressHash: hash, provider: 'twilio' as const, providerMessageId,
    bodyEnc: 'body', choiceId: null, unsupported: false, receivedAt: new Date('2026-11-21T12:00:00.123Z'),
  });

  it('reads a conversation and its patient exactly as Prisma does', async () => {
    const patient = await prisma.patient.findFirstOrThrow({ where: { clinicId: ids.clinicId } });
    const conversation = await newConversation(patient.id);
    const turn = await repository.findForTurn(conversation.id);
    expect(turn).toEqual({ conversation: await prisma.conversation.findUnique({ where: { id: conversation.id } }), patient, patientIsNew: await new PatientRepository(prisma as never, sql).isNew(patient.id), pending: null });
    // The next message to answer comes along: the oldest unprocessed inbound one.
    const first = await repository.insertInboundForAddress(stored(conversation.addressHash, 'SMpending1'));
    await repository.insertInboundForAddress({ ...stored(conversation.addressHash, 'SMpending2'), receivedAt: new Date('2026-11-21T12:00:05Z') });
    expect((await repository.findForTurn(conversation.id))?.pending).toEqual({
      id: first!.inboundId, bodyEnc: 'body', createdAt: new Date('2026-11-21T12:00:00.123Z'), choiceId: null, unsupported: false, provider: 'twilio',
    });
    const withHistory = await prisma.appointment.findFirstOrThrow({ where: { clinicId: ids.clinicId, status: 'completed' } });
    expect((await repository.findForTurn((await newConversation(withHistory.patientId)).id))?.patientIsNew).toBe(false);
    const newcomer = await prisma.patient.create({ data: { clinicId: ids.clinicId, phoneHash: randomBytes(16).toString('hex'), phoneEnc: 'enc' } });
    expect((await repository.findForTurn((await newConversation(newcomer.id)).id))?.patientIsNew).toBe(true);
    const anonymous = await newConversation(null);
    expect((await repository.findForTurn(anonymous.id))?.patient).toBeNull();
    // Not linked, but the clinic has a patient with the conversation's phone (its blind index): that patient, with the same facts.
    const sameNumber = await prisma.patient.create({ data: { clinicId: ids.clinicId, phoneHash: anonymous.addressHash, phoneEnc: 'enc' } });
    expect(await repository.findForTurn(anonymous.id)).toMatchObject({ patient: sameNumber, patientIsNew: true });
    expect(await repository.findForTurn('00000000-0000-4000-8000-000000000000')).toBeNull();

    const patients = new PatientRepository(prisma as never, sql);
    expect(await patients.findByPhoneHash(ids.clinicId, patient.phoneHash)).toEqual(patient);
    expect(await patients.findByPhoneHash(ids.clinicId, 'no-such-hash')).toBeNull();
  });

  it('stores an inbound message once, in the conversation of its address, and tells a first contact apart', async () => {
    const conversation = await newConversation(null);
    const first = await repository.insertInboundForAddress(stored(conversation.addressHash, 'SMhot1'));
    expect(first).toEqual({ conversationId: conversation.id, hasProfileName: false, inboundId: expect.any(String) });
    const row = await prisma.message.findUniqueOrThrow({ where: { id: first!.inboundId! } });
    expect(row).toMatchObject({ conversationId: conversation.id, direction: 'inbound', status: 'received', provider: 'twilio', bodyEnc: 'body', createdAt: new Date('2026-11-21T12:00:00.123Z'), processedAt: null });

    expect(await repository.insertInboundForAddress(stored(conversation.addressHash, 'SMhot1'))).toEqual({ conversationId: conversation.id, hasProfileName: false, inboundId: null });
    expect(await prisma.message.count({ where: { providerMessageId: 'SMhot1' } })).toBe(1);
    expect(await repository.insertInboundForAddress(stored('no-such-address', 'SMhot2'))).toBeNull();
    expect(await prisma.message.count({ where: { providerMessageId: 'SMhot2' } })).toBe(0);
  });

  it("creates a first contact's conversation once, however many arrive together", async () => {
    const addressHash = randomBytes(16).toString('hex');
    const create = () => repository.createIfMissing({ clinicId: ids.clinicId, channel: 'whatsapp', clinicAddress: '+12125550100', addressHash, addressEnc: 'enc', patientId: null });
    await Promise.all([create(), create(), create()]);
    expect(await prisma.conversation.count({ where: { addressHash } })).toBe(1);
    expect(await repository.insertInboundForAddress({ ...stored(addressHash, 'SMhot4'), channel: 'whatsapp' })).toMatchObject({ hasProfileName: false, inboundId: expect.any(String) });
  });

  it('stores a first contact in one statement: conversation linked to the patient with that phone, message in it, once under a race', async () => {
    // The address hash and a patient's phone hash are the blind index of the same E.164 number.
    const addressHash = randomBytes(16).toString('hex');
    const patient = await prisma.patient.create({ data: { clinicId: ids.clinicId, phoneHash: addressHash, phoneEnc: 'enc' } });
    const first = (sid: string) => repository.insertInboundCreatingConversation({
      ...stored(addressHash, sid), channel: 'whatsapp', clinicAddress: '+12125550100', addressEnc: 'enc',
    });
    const outcomes = await Promise.all([first('SMfirst1'), first('SMfirst2'), first('SMfirst3')]);
    // One of the racers created the conversation with its message; the others are told to store through the known path.
    const winners = outcomes.filter((o) => o !== null);
    expect(winners).toEqual([{ conversationId: expect.any(String), hasProfileName: false, inboundId: expect.any(String) }]);
    const conversation = await prisma.conversation.findUniqueOrThrow({ where: { id: winners[0]!.conversationId } });
    expect(conversation).toMatchObject({ addressHash, patientId: patient.id, clinicAddress: '+12125550100', channel: 'whatsapp' });
    expect(await prisma.message.findUniqueOrThrow({ where: { id: winners[0]!.inboundId! } })).toMatchObject({ conversationId: conversation.id, direction: 'inbound', processedAt: null });
    expect(await prisma.conversation.count({ where: { addressHash } })).toBe(1);
    // An unknown phone leaves the conversation without a patient.
    const stranger = await repository.insertInboundCreatingConversation({
      ...stored(randomBytes(16).toString('hex'), 'SMfirst4'), channel: 'whatsapp', clinicAddress: '+12125550100', addressEnc: 'enc',
    });
    expect((await prisma.conversation.findUniqueOrThrow({ where: { id: stranger!.conversationId } })).patientId).toBeNull();
  });

  it('saves a turn only on the expected version: replies in order, the message processed, changes applied', async () => {
    const conversation = await newConversation(null);
    const inbound = await repository.insertInboundForAddress(stored(conversation.addressHash, 'SMhot3'));
    const reply = (text: string) => ({ clinicId: ids.clinicId, channel: 'sms' as const, provider: 'twilio' as const, bodyEnc: text, choices: { neutral: [{ id: 'a', label: 'A' }] }, status: 'queued' });
    const turn = {
      conversationId: conversation.id, snapshot: { state: 'menu' }, machineVersion: 7, status: 'active' as const, inboundId: inbound!.inboundId!,
      now: new Date('2026-11-21T12:00:01Z'), lastInboundAt: new Date('2026-11-21T12:00:00Z'),
      conversation: { handoffAt: null, language: 'es' }, replies: [reply('first'), { ...reply('second'), choices: null }],
    };

    expect(await repository.saveTurn({ ...turn, expectedVersion: conversation.version + 1 })).toEqual({ saved: false, replyIds: [], morePending: false });
    expect(await prisma.message.count({ where: { replyToId: turn.inboundId } })).toBe(0);
    expect((await prisma.message.findUniqueOrThrow({ where: { id: turn.inboundId } })).processedAt).toBeNull();

    // Another message arrives while the turn runs: the save says more are waiting.
    const later = await repository.insertInboundForAddress(stored(conversation.addressHash, 'SMhot3b'));
    const saved = await repository.saveTurn({ ...turn, expectedVersion: conversation.version });
    expect(saved.saved).toBe(true);
    expect(saved.morePending).toBe(true);
    expect((await repository.findForTurn(conversation.id))?.pending?.id).toBe(later!.inboundId);
    const replies = await prisma.message.findMany({ where: { replyToId: turn.inboundId }, orderBy: { seq: 'asc' } });
    expect(saved.replyIds).toEqual(replies.map((r) => r.id));
    expect(await repository.repliesTo(turn.inboundId)).toEqual(replies.map((r) => ({ id: r.id, bodyEnc: r.bodyEnc, choices: r.choices })));
    expect(replies.map((r) => [r.bodyEnc, r.choices, r.direction, r.status, r.createdAt])).toEqual([
      ['first', { neutral: [{ id: 'a', label: 'A' }] }, 'outbound', 'queued', turn.now],
      ['second', null, 'outbound', 'queued', turn.now],
    ]);
    expect((await prisma.message.findUniqueOrThrow({ where: { id: turn.inboundId } })).processedAt).toEqual(turn.now);
    expect(await prisma.conversation.findUniqueOrThrow({ where: { id: conversation.id } })).toMatchObject({
      version: conversation.version + 1, snapshot: { state: 'menu' }, machineVersion: 7, handoffAt: null, language: 'es', lastInboundAt: turn.lastInboundAt, patientId: null,
    });

    // No snapshot (null) keeps the stored one; fields not named stay as they are.
    expect(await repository.saveTurn({ ...turn, inboundId: later!.inboundId!, snapshot: null, conversation: {}, replies: [], expectedVersion: conversation.version + 1 }))
      .toEqual({ saved: true, replyIds: [], morePending: false });
    expect(await prisma.conversation.findUniqueOrThrow({ where: { id: conversation.id } })).toMatchObject({ version: conversation.version + 2, snapshot: { state: 'menu' }, language: 'es' });
  });
});
