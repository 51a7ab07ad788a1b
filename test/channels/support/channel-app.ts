import { randomBytes } from 'node:crypto';
import type { PhiCipher } from '../../../src/common/crypto/phi-cipher.js';
import { OutboundDispatcher } from '../../../src/channels/outbound-dispatcher.js';
import { PHI_CIPHER } from '../../../src/patients/phi.module.js';
import type { PrismaClient } from '../../../src/generated/prisma/client.js';
import type { RunningApp } from '../../support/http-app.js';

export const TWILIO = { accountSid: `AC${'5'.repeat(32)}`, authToken: 'test-twilio-token-0123456789' };
export const META = { accessToken: 'test-meta-access-token-01234', appSecret: 'test-meta-app-secret-01234', verifyToken: 'test-verify-token-01234' };
/** The URL providers call; the app itself listens on 127.0.0.1 behind an imagined proxy. */
export const PUBLIC_BASE_URL = 'https://clinic.example.com';

export async function until<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 20_000, what = 'condition'): Promise<T> {
  const end = Date.now() + timeoutMs;
  let value = await fn();
  while (!ok(value)) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? String(v) : v))}`);
    await new Promise((r) => setTimeout(r, 50));
    value = await fn();
  }
  return value;
}

export function randomPatient(): string {
  return `+1917${String(2_000_000 + Math.floor(Math.random() * 7_000_000))}`;
}

export function sid(prefix = 'SM'): string {
  return `${prefix}${randomBytes(16).toString('hex')}`;
}

const loadedAt = new Date();

/** Waits until every inbound message of this test run is processed and none of its outbound messages is still queued (seeded history is ignored). */
export async function settled(prisma: PrismaClient, where: { conversationId?: string } = {}) {
  const scope = { ...where, createdAt: { gte: loadedAt } };
  await until(() => prisma.message.count({ where: { ...scope, direction: 'inbound', processedAt: null } }), (n) => n === 0, 30_000, 'turns');
  await until(() => prisma.message.count({ where: { ...scope, direction: 'outbound', status: 'queued', provider: { not: 'simulator' } } }), (n) => n === 0, 30_000, 'sends');
}

export function appParts(running: RunningApp) {
  return { dispatcher: running.app.get(OutboundDispatcher), cipher: running.app.get<PhiCipher>(PHI_CIPHER) };
}

/** Stores an outbound message directly (as a reminder or a late reply would be) so a test can dispatch it. */
export async function queueOutbound(prisma: PrismaClient, cipher: PhiCipher, conversation: { id: string; clinicId: string; channel: 'sms' | 'whatsapp' }, provider: 'twilio' | 'meta' | 'whatsapp_web', text: string, extra: { replyToId?: string; choices?: unknown } = {}) {
  return prisma.message.create({
    data: {
      clinicId: conversation.clinicId, conversationId: conversation.id, direction: 'outbound', channel: conversation.channel, provider,
      bodyEnc: cipher.encrypt(text), status: 'queued', replyToId: extra.replyToId ?? null, choices: (extra.choices as object | undefined) ?? { neutral: [], rendered: { kind: 'text', text } },
    },
  });
}
