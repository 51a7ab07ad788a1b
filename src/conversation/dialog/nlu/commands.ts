import type { Channel } from '../types.js';
import { lexicon } from './lexicon.js';
import { firstPhrase, hasPhrase, tokenize } from './normalize.js';

/**
 * Carrier keywords and conversation-level commands. Opt-out/opt-in keywords are protocol (Twilio and
 * US carriers act on the bare word), so they are fixed here, not in the catalogs.
 */

const STOP_WORDS = new Set(['stop', 'stopall', 'unsubscribe', 'end', 'quit', 'revoke', 'optout', 'opt out', 'parar', 'baja', 'alto']);
/** On SMS, Twilio treats a bare CANCEL as opt-out whatever the bot meant; we must follow suit. */
const SMS_STOP_WORDS = new Set(['cancel']);
const START_WORDS = new Set(['start', 'unstop', 'yes', 'inicio', 'subscribe', 'resume', 'si']);
const HELP_WORDS = new Set(['help', 'info', 'ayuda']);
/** Longer ways to opt out on WhatsApp, where no carrier filters keywords. */
const STOP_PHRASES = ['stop messaging me', 'stop texting me', 'stop sending me', 'no more messages', 'dejen de escribirme',
  'no quiero mas mensajes', 'no me escriban mas', 'unsubscribe me'];

export type Command = 'stop' | 'help' | 'human' | 'menu' | 'back' | 'abandon';

export function isStartWord(normalized: string): boolean {
  return START_WORDS.has(normalized);
}

export function isBareCancel(normalized: string): boolean {
  return normalized === 'cancel' || normalized === 'cancelar';
}

export function detectCommand(normalized: string, channel: Channel): Command | null {
  const lex = lexicon();
  const words = tokenize(normalized);
  if (STOP_WORDS.has(normalized) || (channel === 'sms' && SMS_STOP_WORDS.has(normalized))) return 'stop';
  if (STOP_PHRASES.some((p) => hasPhrase(normalized, p))) return 'stop';
  if (HELP_WORDS.has(normalized) || lex.all('help').includes(normalized)) return 'help';
  // One-word asks ("human", "persona") only count in short messages: "in person" is not a request for staff.
  const human = firstPhrase(normalized, lex.all('human'));
  if (human && (human.includes(' ') || words.length <= 4)) return 'human';
  if (words.length <= 4 && firstPhrase(normalized, lex.all('menu'))) return 'menu';
  // "back" only alone: "back pain" is a physio request.
  if (lex.all('back').includes(normalized)) return 'back';
  if (words.length <= 5 && firstPhrase(normalized, lex.all('abandon'))) return 'abandon';
  return null;
}
