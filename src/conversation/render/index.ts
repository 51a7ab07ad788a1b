export { renderForChannel, MORE_ROW_ID, SMS_TARGET_LENGTH } from './render-for-channel.js';
export { parseChoiceReply } from './parse-choice-reply.js';
export { renderingForStorage, renderingFromStorage, type StoredRendering } from './stored-rendering.js';
export type { RenderedMessage } from './rendered-message.js';
export { WHATSAPP_LIMITS } from './rendered-message.js';
