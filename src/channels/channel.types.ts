import type { Channel, ChannelProvider } from '../generated/prisma/enums.js';
import type { RenderedMessage } from '../conversation/render/index.js';

/** One patient message as every channel adapter hands it to the conversation runtime. */
export interface InboundMessage {
  provider: ChannelProvider;
  channel: Channel;
  /** The patient's number, E.164. */
  from: string;
  /** The clinic's number the patient wrote to, E.164; routes the message to its clinic. */
  to: string;
  /** Text, or the title of the tapped button/list row. */
  text: string;
  /** Id of a tapped choice (WhatsApp reply button or list row, Twilio ButtonPayload). */
  choiceId: string | null;
  /** The provider's id for the message; a retried webhook carries the same id. Null for the simulator. */
  providerMessageId: string | null;
  profileName: string | null;
  /** Media, location, reaction…: things the bot cannot read; answered politely. */
  unsupported: boolean;
  receivedAt: Date;
}

/** A reply as produced for one channel: the neutral text and choices, and how that channel shows them. */
export interface OutboundReply {
  messageId: string;
  text: string;
  choices: { id: string; label: string }[];
  rendered: RenderedMessage;
}
