import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { AuditRepository } from '../../audit/audit.repository.js';
import { Clock } from '../../common/clock.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { RedisService } from '../../redis/redis.service.js';
import { ChannelSendError } from '../channel-adapter.js';
import { ChannelRepository } from '../channel.repository.js';
import { fromWhatsAppWebAck } from '../delivery/message-status.js';
import { DeliveryStatusService } from '../delivery/delivery-status.service.js';
import { InboundService } from '../inbound/inbound.service.js';
import { chatIdOf, parseWhatsAppWebMessage, phoneOfChatId } from './whatsapp-web-message.parser.js';
import { WHATSAPP_WEB_CLIENT_FACTORY, type WhatsAppWebClient, type WhatsAppWebClientFactory, WWEB_EVENTS, type WwebMessage } from './whatsapp-web.client.js';

export type WhatsAppWebState = 'disabled' | 'starting' | 'qr' | 'authenticated' | 'ready' | 'disconnected' | 'logged_out' | 'auth_failure';

export interface WhatsAppWebStatus { enabled: boolean; state: WhatsAppWebState; qr: string | null; updatedAt: string | null; reconnectAttempts: number }

const BACKOFF_BASE_MS = 1_000;
const BACKOFF_MAX_MS = 5 * 60_000;
/** A QR code is only good for about 20 s; WhatsApp Web sends a new one. */
const QR_TTL_SECONDS = 60;

/**
 * The logged-in WhatsApp Web session of one clinic number (WHATSAPP_WEB_NUMBER), run by a worker
 * (role worker/all) only when WHATSAPP_WEB_ENABLED. Its state and the current QR code live in Redis,
 * so any API instance can show the QR to staff (GET /api/v1/channels/whatsapp-web/qr).
 *
 * - `qr`: the phone must scan it (first start, or after a logout); stored for the console.
 * - `ready`: connected; backoff resets.
 * - `message`: parsed and handed to the inbound pipeline like any webhook.
 * - `message_ack`: delivery status of our messages.
 * - `disconnected` / `auth_failure`: the client is destroyed and started again with exponential
 *   backoff (1 s doubling to 5 min). A logout (reason LOGOUT) or an auth failure means someone must
 *   scan a new QR: it is logged as an error and written to the audit log for staff.
 */
@Injectable()
export class WhatsAppWebSession implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WhatsAppWebSession.name);
  private client: WhatsAppWebClient | null = null;
  private ready = false;
  private attempts = 0;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(WHATSAPP_WEB_CLIENT_FACTORY) private readonly factory: WhatsAppWebClientFactory,
    private readonly inbound: InboundService,
    private readonly statuses: DeliveryStatusService,
    private readonly repository: ChannelRepository,
    private readonly audit: AuditRepository,
    private readonly redis: RedisService,
    private readonly clock: Clock,
  ) {}

  get enabledHere(): boolean {
    return this.config.channels.whatsappWeb.enabled && this.config.role !== 'api';
  }

  onApplicationBootstrap(): void {
    if (this.enabledHere) void this.start();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.client?.destroy().catch(() => undefined);
    this.client = null;
  }

  async send(to: string, text: string): Promise<string> {
    if (!this.client || !this.ready) throw new ChannelSendError('retryable', 'not_connected', 'WhatsApp Web is not connected');
    try {
      const sent = await this.client.sendMessage(chatIdOf(to), text);
      return sent.id._serialized;
    } catch (error) {
      throw new ChannelSendError('retryable', 'send_failed', (error as Error).message);
    }
  }

  /** The session as staff see it (from Redis, whichever instance runs it). */
  async status(): Promise<WhatsAppWebStatus> {
    if (!this.config.channels.whatsappWeb.enabled) return { enabled: false, state: 'disabled', qr: null, updatedAt: null, reconnectAttempts: 0 };
    const [state, qr] = await Promise.all([this.redis.client.get(this.key('state')), this.redis.client.get(this.key('qr'))]);
    const parsed = state ? (JSON.parse(state) as { state: WhatsAppWebState; at: string; attempts: number }) : null;
    return { enabled: true, state: parsed?.state ?? 'starting', qr: parsed?.state === 'qr' ? qr : null, updatedAt: parsed?.at ?? null, reconnectAttempts: parsed?.attempts ?? 0 };
  }

  private async start(): Promise<void> {
    if (this.stopped) return;
    const { number, sessionDir, chromiumPath } = this.config.channels.whatsappWeb;
    await this.setState('starting');
    try {
      const client = await this.factory({ clientId: `clinic-${number!.replace(/\D/g, '')}`, sessionDir, chromiumPath });
      this.client = client;
      this.listen(client);
      await client.initialize();
    } catch (error) {
      this.logger.warn({ err: (error as Error).message, attempt: this.attempts }, 'WhatsApp Web failed to start');
      await this.restart('disconnected');
    }
  }

  private listen(client: WhatsAppWebClient): void {
    client.on(WWEB_EVENTS.QR_RECEIVED, (qr: string) => {
      void this.redis.client.set(this.key('qr'), qr, 'EX', QR_TTL_SECONDS).catch(() => undefined);
      void this.setState('qr');
      this.logger.log('WhatsApp Web needs its QR code scanned (GET /api/v1/channels/whatsapp-web/qr)');
    });
    client.on(WWEB_EVENTS.AUTHENTICATED, () => void this.setState('authenticated'));
    client.on(WWEB_EVENTS.READY, () => {
      this.ready = true;
      this.attempts = 0;
      void this.redis.client.del(this.key('qr')).catch(() => undefined);
      void this.setState('ready');
      this.logger.log('WhatsApp Web connected');
    });
    client.on(WWEB_EVENTS.MESSAGE_RECEIVED, (message: WwebMessage) => {
      void this.onMessage(message).catch((e: Error) => this.logger.error({ providerMessageId: message?.id?._serialized, err: e.message }, 'WhatsApp Web message not stored'));
    });
    client.on(WWEB_EVENTS.MESSAGE_ACK, (message: WwebMessage, ack: number) => {
      const status = fromWhatsAppWebAck(ack);
      if (!status || !message?.id?._serialized) return;
      void this.statuses.apply({ provider: 'whatsapp_web', providerMessageId: message.id._serialized, status, errorCode: status === 'failed' ? 'ack_error' : null, errorMessage: status === 'failed' ? 'WhatsApp Web reported a delivery error' : null })
        .catch((e: Error) => this.logger.warn({ err: e.message }, 'ack not applied'));
    });
    client.on(WWEB_EVENTS.DISCONNECTED, (reason: string) => {
      const loggedOut = reason === 'LOGOUT' || reason === 'UNPAIRED' || reason === 'UNPAIRED_IDLE';
      void this.restart(loggedOut ? 'logged_out' : 'disconnected', String(reason));
    });
    client.on(WWEB_EVENTS.AUTHENTICATION_FAILURE, (message: string) => void this.restart('auth_failure', String(message ?? 'auth failure')));
  }

  private async onMessage(raw: WwebMessage): Promise<void> {
    const parsed = parseWhatsAppWebMessage(raw, this.clock.now());
    if (!parsed.ok) {
      this.logger.debug({ providerMessageId: raw?.id?._serialized, reason: parsed.reason }, 'WhatsApp Web message ignored');
      return;
    }
    let from = phoneOfChatId(parsed.chatId);
    if (!from && raw.getContact) {
      const contact = await raw.getContact().catch(() => null);
      from = contact?.number ? phoneOfChatId(`${contact.number}@c.us`) : null;
    }
    if (!from) {
      this.logger.warn({ providerMessageId: parsed.message.providerMessageId }, 'WhatsApp Web sender has no phone number; ignored');
      return;
    }
    await this.inbound.accept({ ...parsed.message, from, to: this.config.channels.whatsappWeb.number! });
  }

  private async restart(state: WhatsAppWebState, reason?: string): Promise<void> {
    this.ready = false;
    const old = this.client;
    this.client = null;
    old?.removeAllListeners();
    await old?.destroy().catch(() => undefined);
    await this.setState(state);
    if (state === 'logged_out' || state === 'auth_failure') await this.alertStaff(state, reason ?? state);
    if (this.stopped) return;
    const delay = Math.min(BACKOFF_BASE_MS * 2 ** this.attempts, BACKOFF_MAX_MS);
    this.attempts += 1;
    this.logger.warn({ state, reason, retryInMs: delay, attempt: this.attempts }, 'WhatsApp Web disconnected; reconnecting');
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.start(), delay);
  }

  private async alertStaff(state: WhatsAppWebState, reason: string): Promise<void> {
    this.logger.error({ state, reason }, 'WhatsApp Web session logged out: staff must scan a new QR code');
    const number = this.config.channels.whatsappWeb.number!;
    const row = await this.repository.findNumber('whatsapp_web', 'whatsapp', number).catch(() => null);
    await this.audit.append({
      clinicId: row?.clinicId ?? null, actor: { type: 'system', id: null }, action: `channel.whatsapp_web.${state}`, entityType: 'clinic_channel', entityId: row?.id ?? null,
      details: { reason: reason.slice(0, 100) },
    }).catch((e: Error) => this.logger.warn({ err: e.message }, 'could not record the WhatsApp Web alert'));
  }

  private async setState(state: WhatsAppWebState): Promise<void> {
    const value = JSON.stringify({ state, at: this.clock.now().toISOString(), attempts: this.attempts });
    await this.redis.client.set(this.key('state'), value).catch(() => undefined);
  }

  private key(part: string): string {
    return this.redis.key('whatsapp-web', this.config.channels.whatsappWeb.number ?? 'none', part);
  }
}
