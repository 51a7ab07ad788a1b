import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { InboundMessage, OutboundReply } from '../channels/channel.types.js';
import { OutboundDispatcher } from '../channels/outbound-dispatcher.js';
import type { MessagePurpose } from '../channels/templates/message-purpose.js';
import { Clock } from '../common/clock.js';
import type { PhiCipher } from '../common/crypto/phi-cipher.js';
import { NotFoundError } from '../common/errors.js';
import { TtlCache } from '../common/ttl-cache.js';
import type { Prisma } from '../generated/prisma/client.js';
import { PHI_CIPHER } from '../patients/phi.module.js';
import { FunnelRecorder } from '../reports/funnel/funnel.recorder.js';
import { ConversationRepository, type PendingInbound, type TurnStart } from './conversation.repository.js';
import { type DialogEvent, type Effect, type EffectResult, type PersistedDialog, type Reply, type StepResult, DIALOG_MACHINE_VERSION, step } from './dialog/index.js';
import { type ConversationChanges, EffectExecutor, type EffectScope } from './effect-executor.js';
import { type RenderedMessage, renderForChannel, renderingForStorage, renderingFromStorage } from './render/index.js';
import { openSnapshot, sealSnapshot } from './sealed-snapshot.js';
import { RUNTIME_TEXT } from './runtime-messages.js';
import { TurnContextService } from './turn-context.service.js';
import { TurnLock } from './turn-lock.js';

/** More effects than this in one turn means a dialog bug; stop rather than loop. */
const MAX_EFFECTS_PER_TURN = 12;
const ROUTE_TTL_MS = 30_000;
class RouteNotFound extends Error {}

export interface ReceiveResult { conversationId: string; duplicate: boolean; replies: OutboundReply[] }
export interface AcceptResult { conversationId: string; inboundId: string; duplicate: boolean }

/**
 * Runs the patient's dialog for each inbound message: stores the message once, then processes the
 * conversation's pending messages one at a time in arrival order (a Postgres advisory lock makes
 * that hold across app instances), executes the effects the dialog asks for, and saves the new
 * snapshot, the replies and the "processed" mark together, guarded by the snapshot's version.
 * A failure inside a turn answers with an apology and leaves the dialog as it was.
 */
@Injectable()
export class ConversationRuntime {
  private readonly logger = new Logger(ConversationRuntime.name);
  private readonly routes = new TtlCache<NonNullable<Awaited<ReturnType<ConversationRepository['findChannel']>>>>(ROUTE_TTL_MS);

  constructor(
    private readonly conversations: ConversationRepository,
    private readonly context: TurnContextService,
    private readonly executor: EffectExecutor,
    private readonly lock: TurnLock,
    private readonly clock: Clock,
    @Inject(PHI_CIPHER) private readonly cipher: PhiCipher,
    // Provided by the channels module (queues provider sends); absent where no channel is wired.
    @Optional() private readonly dispatcher?: OutboundDispatcher,
    // Records when each chat session reaches each booking-funnel stage (src/reports/funnel).
    @Optional() private readonly funnel?: FunnelRecorder,
  ) {}

  async receive(message: InboundMessage): Promise<ReceiveResult> {
    const accepted = await this.accept(message);
    if (accepted.duplicate) {
      // A provider retried a webhook we already have: answer nothing new.
      return { conversationId: accepted.conversationId, duplicate: true, replies: accepted.inboundId ? await this.repliesTo(accepted.inboundId, message.channel) : [] };
    }
    // Usually this call answers the message itself; if another instance did (it held the lock), the replies are in the database.
    const answered = await this.drain(accepted.conversationId, accepted.inboundId);
    return { conversationId: accepted.conversationId, duplicate: false, replies: answered ?? await this.repliesTo(accepted.inboundId, message.channel) };
  }

  /**
   * Stores the inbound message once and returns without running the turn; `drain` processes it.
   * Channel webhooks answer the provider after this step and let a worker run the turn.
   */
  async accept(message: InboundMessage): Promise<AcceptResult> {
    const route = await this.findRoute(message.channel, message.to);
    if (!route) throw new NotFoundError(`Clinic number ${message.to} on ${message.channel}`);
    const clinicId = route.clinicId;
    const addressHash = this.cipher.blindIndex(message.from);
    const stored = {
      provider: message.provider, providerMessageId: message.providerMessageId,
      bodyEnc: this.cipher.encrypt((message.unsupported ? '[unsupported message]' : message.text).slice(0, 4096)),
      choiceId: message.choiceId?.slice(0, 200) ?? null, unsupported: message.unsupported, receivedAt: message.receivedAt,
    };
    // A known address (nearly every message) is found and stored in one statement; a first contact takes a second.
    const store = () => this.conversations.insertInboundForAddress({ clinicId, channel: message.channel, addressHash, ...stored });
    let known = await store();
    if (!known) {
      known = await this.conversations.insertInboundCreatingConversation({
        clinicId, channel: message.channel, addressHash, ...stored, clinicAddress: route.address, addressEnc: this.cipher.encrypt(message.from),
      }) ?? await store();
      if (!known) throw new Error('the conversation of a first contact could not be created');
    }
    if (!known.inboundId) {
      const original = await this.conversations.findByProviderId(message.provider, message.providerMessageId!);
      return { conversationId: original?.conversationId ?? known.conversationId, inboundId: original?.id ?? '', duplicate: true };
    }
    if (message.profileName && !known.hasProfileName) {
      await this.conversations.setProfileName(known.conversationId, this.cipher.encrypt(message.profileName.slice(0, 100)));
    }
    return { conversationId: known.conversationId, inboundId: known.inboundId, duplicate: false };
  }

  /**
   * Which clinic a number belongs to, cached briefly: every webhook needs it and numbers are
   * reassigned rarely (a move takes effect within ROUTE_TTL_MS on every instance).
   */
  private async findRoute(channel: InboundMessage['channel'], address: string) {
    // Unknown numbers are not remembered (a failed load never is), so a newly added number works at once.
    return this.routes.getOrLoad(`${channel}|${address}`, async () => {
      const route = await this.conversations.findChannel(channel, address);
      if (!route) throw new RouteNotFound();
      return route;
    }).catch((error: unknown) => {
      if (error instanceof RouteNotFound) return null;
      throw error;
    });
  }

  /**
   * Processes every pending inbound message of the conversation, oldest first, one at a time.
   * Returns the replies to `wanted` (an inbound message id) when this call answered it, else null.
   */
  async drain(conversationId: string, wanted?: string): Promise<OutboundReply[] | null> {
    return this.lock.withLock(conversationId, async () => {
      let answered: OutboundReply[] | null = null;
      for (let i = 0; i < 100; i++) {
        const start = await this.conversations.findForTurn(conversationId);
        if (!start?.pending) break;
        const turn = await this.processTurn(start, start.pending);
        if (start.pending.id === wanted) answered = turn.replies;
        if (!turn.morePending) break;
      }
      return answered;
    });
  }

  private async processTurn(start: TurnStart, inbound: PendingInbound): Promise<{ replies: OutboundReply[] | null; morePending: boolean }> {
    const now = this.clock.now();
    const { conversation, patient, patientIsNew } = start;
    const conversationId = conversation.id;
    const channel = conversation.channel;
    try {
      const phone = this.cipher.decrypt(conversation.addressEnc);
      const changes: ConversationChanges = patient && !conversation.patientId ? { patientId: patient.id } : {};
      const scope: EffectScope = { clinicId: conversation.clinicId, conversationId, channel, phone, patient, language: conversation.language, changes };
      const text = this.cipher.decrypt(inbound.bodyEnc);

      let replies: Reply[];
      let persisted: PersistedDialog | null = openSnapshot(conversation.snapshot, this.cipher);
      let status = conversation.status;
      let trace: Pick<DialogRun, 'states' | 'effects'> = { states: [], effects: [] };
      if (inbound.unsupported) {
        replies = conversation.optedOutAt ? [] : [{ text: RUNTIME_TEXT[lang(conversation.language)].unsupported }];
      } else {
        const turn = await this.context.build(conversation.clinicId, channel, now, patient, conversation, patientIsNew);
        const outcome = await this.runDialog(persisted, { type: 'INBOUND', text, choiceId: inbound.choiceId ?? undefined, turn }, scope);
        replies = outcome.replies;
        persisted = outcome.persisted;
        trace = outcome;
        if (outcome.status === 'handoff') status = 'handoff';
        else if (conversation.status === 'handoff') status = 'active';
      }
      const outbound = replies.map((reply) => this.outbound(reply, conversation.clinicId, channel, inbound.provider));
      const saved = await this.conversations.saveTurn({
        conversationId, expectedVersion: conversation.version, snapshot: persisted && sealSnapshot(persisted, this.cipher), machineVersion: DIALOG_MACHINE_VERSION,
        status: changes.status ?? status, inboundId: inbound.id, now, lastInboundAt: inbound.createdAt,
        conversation: {
          ...(changes.patientId ? { patientId: changes.patientId } : {}),
          ...(changes.handoffAt !== undefined ? { handoffAt: changes.handoffAt } : {}),
          ...(changes.optedOutAt !== undefined ? { optedOutAt: changes.optedOutAt } : {}),
          ...(changes.language ? { language: changes.language } : {}),
        },
        replies: outbound.map((o) => o.stored),
      });
      if (!saved.saved) throw new Error('conversation changed during the turn (version conflict)');
      await this.funnel?.record({
        clinicId: conversation.clinicId, conversationId, channel, language: changes.language ?? conversation.language, arrivedAt: inbound.createdAt, now, states: trace.states, effects: trace.effects,
      });
      if (inbound.provider !== 'simulator') await this.dispatcher?.dispatch(saved.replyIds);
      return {
        replies: outbound.map((o, i) => ({ messageId: saved.replyIds[i]!, text: o.rendered.text, choices: o.reply.choices ?? [], rendered: o.rendered })),
        morePending: saved.morePending,
      };
    } catch (error) {
      this.logger.error({ conversationId, err: (error as Error).message }, 'turn failed; apologising');
      const apologyId = await this.conversations.saveApology({
        conversationId, inboundId: inbound.id, now,
        reply: {
          clinicId: conversation.clinicId, channel, provider: inbound.provider, status: inbound.provider === 'simulator' ? 'delivered' : 'queued',
          bodyEnc: this.cipher.encrypt(RUNTIME_TEXT[lang(conversation.language)].apology),
        },
      });
      if (inbound.provider !== 'simulator') await this.dispatcher?.dispatch([apologyId]);
      return { replies: null, morePending: true };
    }
  }

  /**
   * Tells the dialog about something that happened outside the chat (a reminder went out, staff
   * handed the conversation back, a hold lapsed, a waitlist slot is offered), under the same lock and
   * version check as a patient's turn. Whatever the dialog says in answer is saved with the snapshot
   * and sent; the ids of those messages are returned (none when the dialog stays quiet, e.g. while
   * staff have the conversation). Effects are not run: such events only ask to release holds, which
   * lapse by themselves. `purpose` (ids only) is stored with the first reply so that, outside
   * WhatsApp's 24-hour window, it goes as that purpose's approved template (channels/templates).
   */
  async notifyDialog(
    conversationId: string, event: Extract<DialogEvent, { type: 'REMINDER_SENT' | 'STAFF_HANDBACK' | 'HOLD_EXPIRED' | 'WAITLIST_OFFER' }>,
    options: { purpose?: MessagePurpose } = {},
  ): Promise<{ replyIds: string[] }> {
    return this.lock.withLock(conversationId, async () => {
      const conversation = await this.conversations.findById(conversationId);
      if (!conversation) return { replyIds: [] };
      const result = step(openSnapshot(conversation.snapshot, this.cipher), event);
      const status = result.status === 'handoff' ? 'handoff' : 'active';
      const snapshot = sealSnapshot(result.persisted, this.cipher);
      if (result.replies.length === 0) {
        const saved = await this.conversations.saveSnapshot(conversationId, conversation.version, snapshot, DIALOG_MACHINE_VERSION, status);
        if (!saved) throw new Error('conversation changed while notifying the dialog (version conflict)');
        return { replyIds: [] };
      }
      const sender = await this.findRoute(conversation.channel, conversation.clinicAddress);
      if (!sender) throw new Error(`no active clinic number for conversation ${conversationId}`);
      const saved = await this.conversations.saveEventStep({
        conversationId, expectedVersion: conversation.version, snapshot, machineVersion: DIALOG_MACHINE_VERSION, status, now: this.clock.now(),
        replies: result.replies.map((reply, i) => this.stored(reply, renderForChannel(reply, conversation.channel), conversation.clinicId, conversation.channel, sender.provider, i === 0 ? options.purpose : undefined)),
      });
      if (!saved.saved) throw new Error('conversation changed while notifying the dialog (version conflict)');
      await this.dispatcher?.dispatch(saved.replyIds);
      return { replyIds: saved.replyIds };
    });
  }

  /** Steps the dialog, then executes the effects it asks for and feeds their results back, in order. */

  private async runDialog(persisted: PersistedDialog | null, event: DialogEvent, scope: EffectScope): Promise<DialogRun> {
    let result = step(persisted, event);
    const replies = [...result.replies];
    const pending = [...result.effects];
    // What the turn went through, for the booking funnel: each state and each effect with its result.
    const states: unknown[] = [result.persisted];
    const effects: DialogRun['effects'] = [];
    for (let count = 0; pending.length > 0; count++) {
      if (count >= MAX_EFFECTS_PER_TURN) throw new Error('too many effects in one turn');
      const effect = pending.shift()!;
      const outcome = await this.executor.execute(effect, scope);
      effects.push({ effect, result: outcome });
      result = step(result.persisted, { type: 'EFFECT_RESULT', result: outcome });
      states.push(result.persisted);
      replies.push(...result.replies);
      pending.push(...result.effects);
    }
    return { persisted: result.persisted, replies, status: result.status, states, effects };
  }

  /** A reply as a turn stores it, with its rendering for the channel (which the simulator answers with). */
  private outbound(reply: Reply, clinicId: string, channel: 'sms' | 'whatsapp', provider: InboundMessage['provider']) {
    const rendered = renderForChannel(reply, channel);
    return { reply, rendered, stored: this.stored(reply, rendered, clinicId, channel, provider) };
  }

  private stored(reply: Reply, rendered: RenderedMessage, clinicId: string, channel: 'sms' | 'whatsapp', provider: InboundMessage['provider'], purpose?: MessagePurpose) {
    return {
      clinicId, channel, provider,
      bodyEnc: this.cipher.encrypt(rendered.text),
      choices: { neutral: reply.choices ?? [], rendered: renderingForStorage(rendered), ...(purpose ? { purpose } : {}) } as unknown as Prisma.InputJsonValue,
      // The simulator has no provider to hand the message to; real channels queue it (see channels/).
      status: provider === 'simulator' ? 'delivered' : 'queued',
    };
  }

  private async repliesTo(inboundId: string, channel: 'sms' | 'whatsapp'): Promise<OutboundReply[]> {
    const rows = await this.conversations.repliesTo(inboundId);
    return rows.map((row) => {
      const text = this.cipher.decrypt(row.bodyEnc);
      const stored = row.choices as { neutral?: { id: string; label: string }[]; rendered?: OutboundReply['rendered'] } | null;
      return { messageId: row.id, text, choices: stored?.neutral ?? [], rendered: stored?.rendered ? renderingFromStorage(stored.rendered, text) : renderForChannel({ text }, channel) };
    });
  }
}

interface DialogRun {
  persisted: PersistedDialog;
  replies: Reply[];
  status: StepResult['status'];
  states: unknown[];
  effects: { effect: Effect; result: EffectResult }[];
}

function lang(language: string): 'en' | 'es' {
  return language === 'es' ? 'es' : 'en';
}
