/**
 * The slice of whatsapp-web.js the app uses, so the library (and its browser) stays behind one small
 * interface: tests drive a fake that emits the library's real event names and message shapes
 * (contracts/whatsapp-web.js/wwebjs_constants_v1.34.6.json), and production wraps the real Client.
 */

/** whatsapp-web.js `Message` fields the channel reads. */
export interface WwebMessage {
  id: { _serialized: string; fromMe?: boolean; remote?: string; id?: string };
  /** Message type (MessageTypes: chat, image, ptt, buttons_response, list_response…). */
  type: string;
  body: string;
  /** Sender chat id: `15551234567@c.us`, a group `…@g.us`, `status@broadcast`, or a linked id `…@lid`. */
  from: string;
  to?: string;
  fromMe: boolean;
  hasMedia?: boolean;
  isStatus?: boolean;
  /** Unix seconds. */
  timestamp?: number;
  selectedButtonId?: string;
  selectedRowId?: string;
  _data?: { notifyName?: string };
  /** Resolves the sender's contact; used for `@lid` senders, whose id is not a phone number. */
  getContact?: () => Promise<{ number?: string | null }>;
}

/** whatsapp-web.js Events the session listens to. */
export const WWEB_EVENTS = {
  QR_RECEIVED: 'qr',
  READY: 'ready',
  AUTHENTICATED: 'authenticated',
  AUTHENTICATION_FAILURE: 'auth_failure',
  DISCONNECTED: 'disconnected',
  MESSAGE_RECEIVED: 'message',
  MESSAGE_ACK: 'message_ack',
} as const;

export interface WhatsAppWebClient {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- EventEmitter's own listener type; each event's arguments are checked where it is handled
  on(event: string, listener: (...args: any[]) => void): unknown;
  removeAllListeners(event?: string): unknown;
  initialize(): Promise<void>;
  /** `chatId` like `15551234567@c.us`; returns the sent message (its id is the provider message id). */
  sendMessage(chatId: string, content: string): Promise<Pick<WwebMessage, 'id'>>;
  destroy(): Promise<void>;
}

export interface WhatsAppWebClientOptions {
  /** LocalAuth clientId: one saved session per clinic number. */
  clientId: string;
  sessionDir: string;
  chromiumPath: string;
}

export type WhatsAppWebClientFactory = (options: WhatsAppWebClientOptions) => Promise<WhatsAppWebClient>;

/** Injection token of the factory; tests override it with a fake. */
export const WHATSAPP_WEB_CLIENT_FACTORY = Symbol('WHATSAPP_WEB_CLIENT_FACTORY');

/**
 * The real client: whatsapp-web.js with LocalAuth (the logged-in session is kept under sessionDir)
 * driving the configured Chromium. Loaded lazily, so nothing of puppeteer is imported unless enabled.
 */
export const realWhatsAppWebClientFactory: WhatsAppWebClientFactory = async (options) => {
  const wweb = (await import('whatsapp-web.js')).default;
  const client = new wweb.Client({
    authStrategy: new wweb.LocalAuth({ clientId: options.clientId, dataPath: options.sessionDir }),
    puppeteer: {
      executablePath: options.chromiumPath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  });
  return client as unknown as WhatsAppWebClient;
};
