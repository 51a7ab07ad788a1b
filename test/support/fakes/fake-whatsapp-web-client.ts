import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import type { WhatsAppWebClient, WhatsAppWebClientFactory, WwebMessage } from '../../../src/channels/whatsapp-web/whatsapp-web.client.js';
import { contract } from './contracts-dir.js';

/** whatsapp-web.js 1.34.6 Events and MessageTypes, from the contract file (not retyped by hand). */
export const WWEB = JSON.parse(readFileSync(contract('whatsapp-web.js', 'wwebjs_constants_v1.34.6.json'), 'utf8')) as {
  Events: Record<string, string>; MessageTypes: Record<string, string>; WAState: Record<string, string>;
};

/**
 * A whatsapp-web.js Client without a browser: emits the library's own event names with its message
 * shape, records what the app sends, and lets tests script initialize() failures.
 */
export class FakeWhatsAppWebClient extends EventEmitter implements WhatsAppWebClient {
  readonly sent: { chatId: string; content: string; id: string }[] = [];
  initialized = 0;
  destroyed = false;
  private counter = 0;

  constructor(private readonly behaviour: { failInitialize?: boolean } = {}) {
    super();
  }

  async initialize(): Promise<void> {
    this.initialized += 1;
    if (this.behaviour.failInitialize) throw new Error('Failed to launch the browser process');
  }

  async sendMessage(chatId: string, content: string): Promise<Pick<WwebMessage, 'id'>> {
    const id = `true_${chatId}_3EB0${(++this.counter).toString(16).padStart(16, '0')}`;
    this.sent.push({ chatId, content, id });
    return { id: { _serialized: id, fromMe: true, remote: chatId, id: id.split('_')[2] } };
  }

  async destroy(): Promise<void> {
    this.destroyed = true;
  }

  /** An incoming message as whatsapp-web.js builds it (Message structure fields). */
  incoming(fields: { from: string; type?: string; body?: string; selectedButtonId?: string; selectedRowId?: string; hasMedia?: boolean; notifyName?: string }): WwebMessage {
    const id = `false_${fields.from}_3A${(++this.counter).toString(16).toUpperCase().padStart(18, '0')}`;
    return {
      id: { _serialized: id, fromMe: false, remote: fields.from, id: id.split('_')[2] }, type: fields.type ?? WWEB.MessageTypes.TEXT!,
      body: fields.body ?? '', from: fields.from, to: '12125550199@c.us', fromMe: false, hasMedia: fields.hasMedia ?? false, isStatus: false,
      timestamp: Math.floor(Date.now() / 1000), selectedButtonId: fields.selectedButtonId, selectedRowId: fields.selectedRowId,
      _data: { notifyName: fields.notifyName },
    };
  }
}

/** A factory the app calls on every (re)connect; keeps every client it made. */
export function fakeWhatsAppWebFactory(behaviours: { failInitialize?: boolean }[] = []) {
  const clients: FakeWhatsAppWebClient[] = [];
  const factory: WhatsAppWebClientFactory = async () => {
    const client = new FakeWhatsAppWebClient(behaviours[clients.length] ?? {});
    clients.push(client);
    return client;
  };
  return { factory, clients, latest: () => clients.at(-1)! };
}
