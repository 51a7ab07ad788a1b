import { normalizePhone } from '../../common/phone.js';
import type { Channel } from '../../generated/prisma/enums.js';
import type { InboundMessage } from '../channel.types.js';
import { type OutboundStatus, fromTwilioStatus } from '../delivery/message-status.js';

/**
 * Twilio's webhook parameters (form-encoded) as plain data, parsed without Nest or a database.
 * Reference: contracts/twilio/webhooks (twilio-labs samples) and Twilio's "webhook request" docs.
 */
export type TwilioParams = Record<string, string>;

export type ParsedTwilioInbound = { ok: true; message: InboundMessage } | { ok: false; reason: string; providerMessageId: string | null };

/** `whatsapp:+1…` → channel whatsapp; a bare number → sms. */
export function twilioChannelOf(address: string | undefined): Channel {
  return /^whatsapp:/i.test(address ?? '') ? 'whatsapp' : 'sms';
}

export function parseTwilioInbound(params: TwilioParams, receivedAt: Date): ParsedTwilioInbound {
  const providerMessageId = params.MessageSid ?? params.SmsMessageSid ?? params.SmsSid ?? null;
  if (!providerMessageId) return { ok: false, reason: 'no MessageSid', providerMessageId };
  const channel = twilioChannelOf(params.From);
  const from = normalizePhone(params.From ?? '');
  const to = normalizePhone(params.To ?? '');
  // Short codes and alphanumeric senders cannot be answered by a conversation; neither can a missing To.
  if (!from) return { ok: false, reason: 'sender is not a phone number', providerMessageId };
  if (!to) return { ok: false, reason: 'recipient is not a phone number', providerMessageId };

  const numMedia = Number.parseInt(params.NumMedia ?? '0', 10) || 0;
  const buttonPayload = params.ButtonPayload?.trim() || null;
  const buttonText = params.ButtonText?.trim() || null;
  const body = params.Body ?? '';
  // Media, a shared location (Latitude/Longitude) or an empty message: nothing the bot can read.
  const unsupported = numMedia > 0 || params.Latitude !== undefined || (body.trim() === '' && !buttonPayload && !buttonText);
  return {
    ok: true,
    message: {
      provider: 'twilio', channel, from, to,
      text: unsupported ? '' : (buttonText ?? body),
      choiceId: unsupported ? null : buttonPayload,
      providerMessageId,
      profileName: params.ProfileName?.trim() || null,
      unsupported,
      receivedAt,
    },
  };
}

export interface ParsedTwilioStatus {
  providerMessageId: string;
  status: OutboundStatus;
  errorCode: string | null;
  errorMessage: string | null;
}

/** A status callback (MessageStatus, ErrorCode); null when it says nothing about delivery. */
export function parseTwilioStatus(params: TwilioParams): ParsedTwilioStatus | null {
  const sid = params.MessageSid ?? params.SmsSid;
  const status = fromTwilioStatus(params.MessageStatus ?? params.SmsStatus ?? '');
  if (!sid || !status) return null;
  const errorCode = params.ErrorCode?.trim() || null;
  return { providerMessageId: sid, status, errorCode, errorMessage: params.ErrorMessage?.trim() || (errorCode ? `Twilio error ${errorCode}` : null) };
}
