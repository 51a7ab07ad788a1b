import { Inject, Injectable, Optional } from '@nestjs/common';
import { AuditRepository } from '../../audit/audit.repository.js';
import type { StaffPrincipal } from '../../auth/staff-principal.js';
import { OutboundDispatcher } from '../../channels/outbound-dispatcher.js';
import { Clock } from '../../common/clock.js';
import type { PhiCipher } from '../../common/crypto/phi-cipher.js';
import { DomainError, NotFoundError } from '../../common/errors.js';
import { ConversationRepository } from '../../conversation/conversation.repository.js';
import { ConversationRuntime } from '../../conversation/conversation.runtime.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { PHI_CIPHER } from '../../patients/phi.module.js';
import { ForbiddenError } from '../../auth/auth.errors.js';
import { filterValue, parseListQuery, type RawListQuery } from '../common/list-query.js';
import type { Page } from '../common/list-response.js';
import { conversationScope } from '../common/staff-scope.js';
import type { StaffConversationDto, StaffMessageDto } from './dto/staff-conversation.dto.js';
import { type StaffConversationRow, StaffConversationRepository } from './staff-conversation.repository.js';

const SORTS = ['updatedAt', 'handoffAt', 'lastInboundAt', 'createdAt'] as const;
const WHATSAPP_WINDOW_MS = 24 * 3_600_000;

/**
 * The staff inbox: handed-over conversations first, transcripts, replies through the patient's own
 * channel and number (the same outbound queue the bot uses, with its WhatsApp 24-hour-window
 * rules), and handing the conversation back to the bot (the dialog's STAFF_HANDBACK event).
 * Every read of a transcript and every reply is audited.
 */
@Injectable()
export class StaffConversationsService {
  constructor(
    private readonly conversations: StaffConversationRepository,
    private readonly runtimeRepository: ConversationRepository,
    private readonly runtime: ConversationRuntime,
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
    @Inject(PHI_CIPHER) private readonly cipher: PhiCipher,
    @Optional() private readonly dispatcher?: OutboundDispatcher,
  ) {}

  /** filter: status (one or a list), channel, patientId. Default order: waiting for staff first, then latest activity. */
  async list(staff: StaffPrincipal, raw: RawListQuery, reason: string | null): Promise<Page<StaffConversationDto>> {
    const query = parseListQuery(raw, [...SORTS, 'priority'] as const, { field: 'priority', order: 'desc' });
    const f = query.filter;
    const statuses = filterValue.strings(f, 'status', ['active', 'handoff', 'closed'] as const);
    const channel = filterValue.strings(f, 'channel', ['whatsapp', 'sms'] as const);
    const where: Prisma.ConversationWhereInput = {
      AND: [conversationScope(staff), statuses ? { status: { in: statuses } } : {}, channel ? { channel: { in: channel } } : {}, { patientId: filterValue.uuid(f, 'patientId') }, { id: filterValue.uuids(f, 'id') ? { in: filterValue.uuids(f, 'id') } : undefined }],
    };
    const total = await this.conversations.count(where);
    let rows: StaffConversationRow[];
    if (query.sort.field === 'priority') {
      // Handed-over conversations first (newest hand-over first), then the rest by latest activity.
      const waiting: Prisma.ConversationWhereInput = { AND: [where, { status: 'handoff' }] };
      const others: Prisma.ConversationWhereInput = { AND: [where, { status: { not: 'handoff' } }] };
      const waitingCount = await this.conversations.count(waiting);
      const first = query.skip < waitingCount ? await this.conversations.find(waiting, [{ handoffAt: 'desc' }], query.skip, query.take) : [];
      const rest = first.length < query.take
        ? await this.conversations.find(others, [{ updatedAt: 'desc' }], Math.max(0, query.skip - waitingCount), query.take - first.length)
        : [];
      rows = [...first, ...rest];
    } else {
      rows = await this.conversations.find(where, [{ [query.sort.field]: query.sort.order }], query.skip, query.take);
    }
    await this.recordReads(staff, rows, 'conversation.listed', reason);
    return { rows: rows.map((r) => this.present(r)), total, skip: query.skip };
  }

  async get(staff: StaffPrincipal, id: string, reason: string | null): Promise<StaffConversationDto> {
    const row = await this.requireInScope(staff, id);
    await this.recordReads(staff, [row], 'conversation.viewed', reason);
    return this.present(row);
  }

  async messages(staff: StaffPrincipal, id: string, raw: RawListQuery, reason: string | null): Promise<Page<StaffMessageDto>> {
    const row = await this.requireInScope(staff, id);
    const query = parseListQuery(raw, ['createdAt'] as const, { field: 'createdAt', order: 'asc' });
    const [messages, total] = await this.conversations.messages(id, query.skip, query.take);
    await this.recordReads(staff, [row], 'conversation.transcript_viewed', reason);
    return {
      rows: messages.map((m) => ({
        id: m.id, direction: m.direction, text: this.cipher.decrypt(m.bodyEnc), status: m.status, errorCode: m.errorCode, sentAs: m.sentAs, createdAt: m.createdAt.toISOString(),
      })),
      total, skip: query.skip,
    };
  }

  /** Sends staff's text to the patient on the conversation's own channel and clinic number. */
  async reply(staff: StaffPrincipal, id: string, text: string): Promise<StaffMessageDto> {
    const row = await this.requireInScope(staff, id);
    if (row.optedOutAt) throw new DomainError('OPTED_OUT', 'The patient opted out on this channel; nothing can be sent.', 409);
    const sender = await this.runtimeRepository.findChannel(row.channel, row.clinicAddress);
    if (!sender) throw new DomainError('NO_SENDER', 'The clinic number of this conversation is not active.', 409);
    const now = this.clock.now();
    const status = sender.provider === 'simulator' ? 'delivered' : 'queued';
    const message = await this.conversations.insertStaffReply({ clinicId: row.clinicId, conversationId: id, channel: row.channel, provider: sender.provider, bodyEnc: this.cipher.encrypt(text), status, now });
    await this.audit.append({ clinicId: staff.clinicId, actor: { type: 'staff', id: staff.id }, action: 'conversation.staff_replied', entityType: 'conversation', entityId: id, patientId: row.patientId, ip: staff.ip, details: { messageId: message.id } });
    if (status === 'queued') await this.dispatcher?.dispatch([message.id]);
    return { id: message.id, direction: 'outbound', text, status: message.status, errorCode: null, sentAs: null, createdAt: message.createdAt.toISOString() };
  }

  /** Gives the conversation back to the bot, which greets the patient again (dialog STAFF_HANDBACK). */
  async handBack(staff: StaffPrincipal, id: string): Promise<StaffConversationDto> {
    const row = await this.requireInScope(staff, id);
    if (row.status !== 'handoff') throw new DomainError('NOT_HANDED_OVER', 'This conversation is not waiting for staff.', 409);
    await this.runtime.notifyDialog(id, { type: 'STAFF_HANDBACK' });
    await this.audit.append({ clinicId: staff.clinicId, actor: { type: 'staff', id: staff.id }, action: 'conversation.handed_back', entityType: 'conversation', entityId: id, patientId: row.patientId, ip: staff.ip });
    return this.present((await this.conversations.findOne({ id }))!);
  }

  private async requireInScope(staff: StaffPrincipal, id: string): Promise<StaffConversationRow> {
    const row = await this.conversations.findOne({ id, clinicId: staff.clinicId });
    if (!row) throw new NotFoundError('Conversation');
    if (!(await this.conversations.count({ AND: [{ id }, conversationScope(staff)] }))) throw new ForbiddenError('This conversation belongs to a patient of another location.');
    return row;
  }

  /** One audit row per conversation read (per patient when known), never the content. */
  private async recordReads(staff: StaffPrincipal, rows: StaffConversationRow[], action: string, reason: string | null): Promise<void> {
    for (const row of rows) {
      await this.audit.append({ clinicId: staff.clinicId, actor: { type: 'staff', id: staff.id }, action, entityType: 'conversation', entityId: row.id, patientId: row.patientId, reason, ip: staff.ip });
    }
  }

  private present(r: StaffConversationRow): StaffConversationDto {
    const now = +this.clock.now();
    return {
      id: r.id, channel: r.channel, status: r.status, phone: this.cipher.decrypt(r.addressEnc), clinicAddress: r.clinicAddress,
      patientId: r.patientId, patientName: r.patient?.nameEnc ? this.cipher.decrypt(r.patient.nameEnc) : null, language: r.language,
      handoffAt: r.handoffAt?.toISOString() ?? null, lastInboundAt: r.lastInboundAt?.toISOString() ?? null,
      replyWindowOpen: r.channel === 'sms' || (r.lastInboundAt !== null && now - +r.lastInboundAt < WHATSAPP_WINDOW_MS),
      optedOut: r.optedOutAt !== null, updatedAt: r.updatedAt.toISOString(),
    };
  }
}
