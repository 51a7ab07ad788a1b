import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../database/prisma.service.js';
import { type PreparedStatement, SqlPool } from '../database/sql-pool.js';
import { pickColumns, selectColumns } from '../database/row-columns.js';
import type { Conversation, Patient, Prisma } from '../generated/prisma/client.js';
import { PATIENT_FIELDS } from '../patients/patient-columns.js';
import type { Channel, ChannelProvider, ConversationStatus } from '../generated/prisma/enums.js';

@Injectable()
export class ConversationRepository {
  constructor(private readonly prisma: PrismaService, private readonly sql: SqlPool) {}

  /** The clinic number a message was sent to; routes it to its clinic. */
  findChannel(channel: Channel, address: string) {
    return this.prisma.clinicChannel.findFirst({ where: { channel, address, active: true }, include: { clinic: true } });
  }

  /** The conversation of this address on this channel, created if it has none (see createIfMissing). */
  async upsert(data: { clinicId: string; channel: Channel; clinicAddress: string; addressHash: string; addressEnc: string; patientId: string | null }) {
    await this.createIfMissing(data);
    return this.prisma.conversation.findUniqueOrThrow({ where: { clinicId_channel_addressHash: { clinicId: data.clinicId, channel: data.channel, addressHash: data.addressHash } } });
  }

  /** Creates the address's conversation unless someone (another instance) just did. */
  async createIfMissing(data: { clinicId: string; channel: Channel; clinicAddress: string; addressHash: string; addressEnc: string; patientId: string | null }): Promise<void> {
    await this.sql.query(CREATE_CONVERSATION_IF_MISSING, [data.clinicId, data.channel, data.clinicAddress, data.addressHash, data.addressEnc, data.patientId]);
  }

  /**
   * First contact, in one round trip: creates the address's conversation (linked to the clinic's
   * patient with this phone, if there is one: the address hash is the blind index of the same E.164
   * number as a patient's phone hash) and stores the message in it. `null` when another
   * instance created the conversation meanwhile: the caller then stores through insertInboundForAddress.
   */
  async insertInboundCreatingConversation(data: {
    clinicId: string; channel: Channel; addressHash: string; provider: ChannelProvider; providerMessageId: string | null;
    bodyEnc: string; choiceId: string | null; unsupported: boolean; receivedAt: Date; clinicAddress: string; addressEnc: string;
  }): Promise<{ conversationId: string; hasProfileName: boolean; inboundId: string | null } | null> {
    const [row] = await this.sql.query<{ conversation_id: string; inbound_id: string | null }>(INSERT_INBOUND_CREATING_CONVERSATION, [
      data.clinicId, data.channel, data.addressHash, data.provider, data.providerMessageId, data.bodyEnc, data.receivedAt, data.choiceId, data.unsupported,
      data.clinicAddress, data.addressEnc,
    ]);
    return row ? { conversationId: row.conversation_id, hasProfileName: false, inboundId: row.inbound_id } : null;
  }

  findById(id: string) {
    return this.prisma.conversation.findUnique({ where: { id } });
  }

  /**
   * What a turn starts from, in one round trip: the conversation, its patient (the linked one, or
   * else the clinic's patient with the conversation's phone) and the next message to answer
   * (inbound, not processed yet, in arrival order; null when there is none).
   */
  async findForTurn(id: string): Promise<TurnStart | null> {
    const [row] = await this.sql.query<Record<string, unknown>>(FIND_FOR_TURN, [id]);
    if (!row) return null;
    return {
      conversation: pickColumns<Conversation>(row, 'c_', CONVERSATION_FIELDS)!, patient: pickColumns<Patient>(row, 'p_', PATIENT_FIELDS),
      patientIsNew: row.patient_is_new as boolean, pending: pickColumns<PendingInbound>(row, 'm_', PENDING_INBOUND_FIELDS),
    };
  }

  findByAddress(clinicId: string, channel: Channel, addressHash: string) {
    return this.prisma.conversation.findUnique({ where: { clinicId_channel_addressHash: { clinicId, channel, addressHash } } });
  }

  /**
   * The webhook's hot path in one round trip: finds the conversation of this address and stores the
   * message in it once. `null` when the address has no conversation yet (first contact: the caller
   * creates it); `inboundId` null when the provider already delivered this message (a retry).
   */
  async insertInboundForAddress(data: {
    clinicId: string; channel: Channel; addressHash: string; provider: ChannelProvider; providerMessageId: string | null;
    bodyEnc: string; choiceId: string | null; unsupported: boolean; receivedAt: Date;
  }): Promise<{ conversationId: string; hasProfileName: boolean; inboundId: string | null } | null> {
    const [row] = await this.sql.query<{ conversation_id: string; has_profile_name: boolean; inbound_id: string | null }>(INSERT_INBOUND_FOR_ADDRESS, [
      data.clinicId, data.channel, data.addressHash, data.provider, data.providerMessageId, data.bodyEnc, data.receivedAt, data.choiceId, data.unsupported,
    ]);
    return row ? { conversationId: row.conversation_id, hasProfileName: row.has_profile_name, inboundId: row.inbound_id } : null;
  }

  findByProviderId(provider: ChannelProvider, providerMessageId: string) {
    return this.prisma.message.findUnique({ where: { provider_providerMessageId: { provider, providerMessageId } } });
  }

  /** The replies a turn saved for an inbound message, in order (the simulator answers with them). */
  repliesTo(messageId: string): Promise<{ id: string; bodyEnc: string; choices: Prisma.JsonValue }[]> {
    return this.sql.query(REPLIES_TO, [messageId]);
  }

  transcript(conversationId: string, take = 200) {
    return this.prisma.message.findMany({ where: { conversationId }, orderBy: { seq: 'desc' }, take }).then((rows) => rows.reverse());
  }

  /**
   * Saves the turn: the dialog snapshot (only if nobody else wrote since we read it — the optimistic
   * version check), the conversation's status and changes, the replies, and marks the inbound message
   * processed. One statement (atomic by itself, and one round trip on the busiest path): the reply
   * insert and the processed mark run only when the versioned update matched. Returns false on a
   * version conflict, leaving everything untouched. `morePending`: other messages of the conversation
   * were waiting when it saved (the caller runs another turn rather than asking again).
   */
  async saveTurn(turn: {
    conversationId: string; expectedVersion: number; snapshot: Prisma.InputJsonValue | null; machineVersion: number;
    status?: ConversationStatus; inboundId: string; now: Date; lastInboundAt: Date;
    conversation?: { patientId?: string; handoffAt?: Date | null; optedOutAt?: Date | null; language?: string };
    replies: { clinicId: string; channel: Channel; provider: ChannelProvider; bodyEnc: string; choices: Prisma.InputJsonValue | null; status: string }[];
  }): Promise<{ saved: boolean; replyIds: string[]; morePending: boolean }> {
    const changes = turn.conversation ?? {};
    const [row] = await this.sql.query<{ saved: boolean; reply_ids: string[]; more_pending: boolean }>(SAVE_TURN, [
      turn.conversationId, turn.expectedVersion, turn.snapshot === null ? null : JSON.stringify(turn.snapshot), turn.machineVersion, turn.lastInboundAt,
      turn.status ?? null, changes.patientId ?? null,
      changes.handoffAt !== undefined, changes.handoffAt ?? null, changes.optedOutAt !== undefined, changes.optedOutAt ?? null, changes.language ?? null,
      turn.inboundId, turn.now, JSON.stringify(turn.replies),
    ]);
    return { saved: row!.saved, replyIds: row!.reply_ids, morePending: row!.more_pending };
  }

  /** Saves a new dialog snapshot outside a patient's turn, guarded by the version like a turn. */
  async saveSnapshot(conversationId: string, expectedVersion: number, snapshot: Prisma.InputJsonValue, machineVersion: number, status: ConversationStatus): Promise<boolean> {
    const updated = await this.prisma.conversation.updateMany({
      where: { id: conversationId, version: expectedVersion },
      data: { snapshot, machineVersion, status, version: { increment: 1 } },
    });
    return updated.count === 1;
  }

  /** Marks a message processed without touching the dialog (after an internal failure, with an apology). */
  async saveApology(turn: { conversationId: string; inboundId: string; now: Date; reply: { clinicId: string; channel: Channel; provider: ChannelProvider; bodyEnc: string; status: string } }) {
    return this.prisma.$transaction(async (tx) => {
      const row = await tx.message.create({ data: { ...turn.reply, conversationId: turn.conversationId, direction: 'outbound', replyToId: turn.inboundId, createdAt: turn.now, statusUpdatedAt: turn.now } });
      await tx.message.update({ where: { id: turn.inboundId }, data: { processedAt: turn.now } });
      return row.id;
    });
  }

  /** The clinic's number on a channel (for messages the clinic starts, such as reminders). */
  findClinicNumber(clinicId: string, channel: Channel) {
    return this.prisma.clinicChannel.findFirst({ where: { clinicId, channel, active: true }, orderBy: { createdAt: 'asc' } });
  }

  /** A message the clinic sends on its own (not a reply to an inbound message). */
  insertOutbound(data: { clinicId: string; conversationId: string; channel: Channel; provider: ChannelProvider; bodyEnc: string; choices: Prisma.InputJsonValue | null; now: Date }) {
    return this.prisma.message.create({
      data: {
        clinicId: data.clinicId, conversationId: data.conversationId, channel: data.channel, provider: data.provider, bodyEnc: data.bodyEnc,
        choices: data.choices ?? undefined, direction: 'outbound', status: 'queued', createdAt: data.now, statusUpdatedAt: data.now,
      },
    });
  }

  /** The channel of the patient's most recently active conversation, if they have one. */
  async lastUsedChannel(patientId: string): Promise<Channel | null> {
    const latest = await this.prisma.conversation.findFirst({
      where: { patientId, lastInboundAt: { not: null } }, orderBy: { lastInboundAt: 'desc' }, select: { channel: true },
    });
    return latest?.channel ?? null;
  }

  /**
   * Saves a dialog step that no patient message started (a timer, an offer) with the replies it
   * produced, in one transaction and under the same version check as a turn.
   */
  async saveEventStep(step: {
    conversationId: string; expectedVersion: number; snapshot: Prisma.InputJsonValue; machineVersion: number; status: ConversationStatus; now: Date;
    replies: { clinicId: string; channel: Channel; provider: ChannelProvider; bodyEnc: string; choices: Prisma.InputJsonValue | null; status: string }[];
  }): Promise<{ saved: boolean; replyIds: string[] }> {
    return this.prisma.$transaction(async (tx: Tx) => {
      const updated = await tx.conversation.updateMany({
        where: { id: step.conversationId, version: step.expectedVersion },
        data: { snapshot: step.snapshot, machineVersion: step.machineVersion, status: step.status, version: { increment: 1 } },
      });
      if (updated.count !== 1) return { saved: false, replyIds: [] };
      const replyIds: string[] = [];
      for (const reply of step.replies) {
        const row = await tx.message.create({
          data: { ...reply, choices: reply.choices ?? undefined, conversationId: step.conversationId, direction: 'outbound', createdAt: step.now, statusUpdatedAt: step.now },
        });
        replyIds.push(row.id);
      }
      return { saved: true, replyIds };
    });
  }

  setProfileName(conversationId: string, profileNameEnc: string) {
    return this.prisma.conversation.updateMany({ where: { id: conversationId, profileNameEnc: null }, data: { profileNameEnc } });
  }
}

/**
 * The inbound message stored once (a provider's retry is DO NOTHING) in the conversation the CTE
 * `source` yields; parameters $1 clinic, $2 channel, $4–$9 as in insertInboundForAddress.
 */
function insertInboundInto(source: string): string {
  return `
      INSERT INTO messages (clinic_id, conversation_id, direction, channel, provider, provider_message_id, body_enc, status, created_at, status_updated_at, choice_id, unsupported)
      SELECT $1::uuid, ${source}.id, 'inbound', $2::channel, $4::channel_provider, $5, $6, 'received', $7, $7, $8, $9 FROM ${source}
      ON CONFLICT (provider, provider_message_id) DO NOTHING
      RETURNING id`;
}

const INSERT_INBOUND_FOR_ADDRESS: PreparedStatement = {
  name: 'insert-inbound-for-address',
  text: `
    WITH conversation AS (
      SELECT id, profile_name_enc IS NOT NULL AS has_profile_name FROM conversations
      WHERE clinic_id = $1::uuid AND channel = $2::channel AND address_hash = $3
    ), inbound AS (${insertInboundInto('conversation')})
    SELECT conversation.id AS conversation_id, conversation.has_profile_name, inbound.id AS inbound_id FROM conversation LEFT JOIN inbound ON true`,
};

const SAVE_TURN: PreparedStatement = {
  name: 'save-turn',
  text: `
    WITH updated AS (
      UPDATE conversations SET
        snapshot = COALESCE($3::jsonb, snapshot), machine_version = $4, version = version + 1, last_inbound_at = $5,
        status = COALESCE($6::conversation_status, status), patient_id = COALESCE($7::uuid, patient_id),
        handoff_at = CASE WHEN $8 THEN $9::timestamptz ELSE handoff_at END,
        opted_out_at = CASE WHEN $10 THEN $11::timestamptz ELSE opted_out_at END,
        language = COALESCE($12, language), updated_at = now()
      WHERE id = $1::uuid AND version = $2
      RETURNING id
    ), replies AS (
      INSERT INTO messages (clinic_id, conversation_id, direction, channel, provider, body_enc, choices, status, reply_to_id, created_at, status_updated_at)
      SELECT (r.reply->>'clinicId')::uuid, updated.id, 'outbound', (r.reply->>'channel')::channel, (r.reply->>'provider')::channel_provider,
             r.reply->>'bodyEnc', NULLIF(r.reply->'choices', 'null'::jsonb), r.reply->>'status', $13::uuid, $14, $14
      FROM updated, jsonb_array_elements($15::jsonb) WITH ORDINALITY AS r(reply, ord)
      ORDER BY r.ord
      RETURNING id, seq
    ), processed AS (
      UPDATE messages SET processed_at = $14 FROM updated WHERE messages.id = $13::uuid RETURNING messages.id
    )
    SELECT EXISTS (SELECT 1 FROM updated) AS saved, COALESCE((SELECT array_agg(id::text ORDER BY seq) FROM replies), '{}'::text[]) AS reply_ids,
      -- This statement cannot see its own processed mark, hence "other than this one".
      EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = $1::uuid AND m.direction = 'inbound' AND m.processed_at IS NULL AND m.id <> $13::uuid) AS more_pending`,
};

export interface PendingInbound { id: string; bodyEnc: string; createdAt: Date; choiceId: string | null; unsupported: boolean; provider: ChannelProvider }

export interface TurnStart { conversation: Conversation; patient: Patient | null; patientIsNew: boolean; pending: PendingInbound | null }

const PENDING_INBOUND_FIELDS = {
  id: 'id', bodyEnc: 'body_enc', createdAt: 'created_at', choiceId: 'choice_id', unsupported: 'unsupported', provider: 'provider',
} satisfies Record<keyof PendingInbound, string>;

const CONVERSATION_FIELDS = {
  id: 'id', clinicId: 'clinic_id', channel: 'channel', clinicAddress: 'clinic_address', addressHash: 'address_hash', addressEnc: 'address_enc',
  patientId: 'patient_id', snapshot: 'snapshot', machineVersion: 'machine_version', version: 'version', status: 'status', language: 'language',
  lastInboundAt: 'last_inbound_at', optedOutAt: 'opted_out_at', handoffAt: 'handoff_at', profileNameEnc: 'profile_name_enc',
  createdAt: 'created_at', updatedAt: 'updated_at',
} satisfies Record<keyof Conversation, string>;

const FIND_FOR_TURN: PreparedStatement = {
  name: 'find-conversation-for-turn',
  text: `
    SELECT ${selectColumns('c', 'c_', CONVERSATION_FIELDS)}, ${selectColumns('p', 'p_', PATIENT_FIELDS)},
      -- As PatientRepository.isNew: no appointment that was not cancelled or moved.
      NOT EXISTS (SELECT 1 FROM appointments a WHERE a.patient_id = p.id AND a.status NOT IN ('cancelled', 'rescheduled')) AS patient_is_new,
      ${selectColumns('m', 'm_', PENDING_INBOUND_FIELDS)}
    FROM conversations c
    -- Not linked yet: the clinic's patient with this phone, if staff or a booking created one since
    -- (the address hash is the blind index of the same E.164 number as the patient's phone hash).
    LEFT JOIN patients p ON p.id = COALESCE(c.patient_id, (SELECT id FROM patients WHERE clinic_id = c.clinic_id AND phone_hash = c.address_hash))
    LEFT JOIN LATERAL (
      SELECT * FROM messages WHERE conversation_id = c.id AND direction = 'inbound' AND processed_at IS NULL ORDER BY seq LIMIT 1
    ) m ON true
    WHERE c.id = $1::uuid`,
};

const REPLIES_TO: PreparedStatement = {
  name: 'replies-to',
  text: 'SELECT id, body_enc AS "bodyEnc", choices FROM messages WHERE reply_to_id = $1::uuid ORDER BY seq',
};

const CREATE_CONVERSATION_IF_MISSING: PreparedStatement = {
  name: 'create-conversation-if-missing',
  text: `
    INSERT INTO conversations (clinic_id, channel, clinic_address, address_hash, address_enc, patient_id)
    VALUES ($1::uuid, $2::channel, $3, $4, $5, $6::uuid)
    ON CONFLICT (clinic_id, channel, address_hash) DO NOTHING`,
};

const INSERT_INBOUND_CREATING_CONVERSATION: PreparedStatement = {
  name: 'insert-inbound-creating-conversation',
  text: `
    WITH created AS (
      INSERT INTO conversations (clinic_id, channel, clinic_address, address_hash, address_enc, patient_id)
      VALUES ($1::uuid, $2::channel, $10, $3, $11, (SELECT id FROM patients WHERE clinic_id = $1::uuid AND phone_hash = $3))
      ON CONFLICT (clinic_id, channel, address_hash) DO NOTHING
      RETURNING id
    ), inbound AS (${insertInboundInto('created')})
    SELECT created.id AS conversation_id, inbound.id AS inbound_id FROM created LEFT JOIN inbound ON true`,
};
