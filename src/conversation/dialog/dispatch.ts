import type { Snapshot } from './persistence.js';
import type { MachineEvent } from './machine/context.js';
import { isMenuChoice } from './machine/choice-ids.js';
import { detectLanguage } from './nlu/language.js';
import { clip, normalize } from './nlu/normalize.js';
import { hasBookingFacts, type Understanding, understand } from './nlu/understand.js';
import type { DialogEvent, TurnContext } from './types.js';

/**
 * Turns one runtime event into the machine events that handle it. An inbound message becomes:
 * RESUME (if a result was still awaited), TURN (fresh facts, language), one command or MSG, and
 * END_TURN (miss bookkeeping). Carrier keywords are decided here, before any state sees the text.
 */

function understandInbound(snapshot: Snapshot, text: unknown, choiceId: unknown, turn: TurnContext): Understanding {
  const ctx = snapshot.context;
  const language = ctx.languageKnown
    ? ctx.lang
    : (turn.patient.language ?? detectLanguage(normalize(clip(text)), clip(text)) ?? ctx.lang);
  const u = understand({ text, choiceId, choices: ctx.choices, language, turn });
  // Menu taps mean the same in every state, even from an old message.
  if (u.choice.id === null && typeof choiceId === 'string' && isMenuChoice(choiceId)) return { ...u, choice: { id: choiceId, number: null } };
  return u;
}

export function isPurposeful(u: Understanding): boolean {
  return u.intent !== null || u.command !== null || hasBookingFacts(u) || u.greeting || u.languageRequest !== null ||
    (u.choice.id?.startsWith('menu:') ?? false);
}

export function toMachineEvents(snapshot: Snapshot, event: DialogEvent, restarted: boolean): MachineEvent[] {
  switch (event.type) {
    case 'EFFECT_RESULT':
      return [{ type: 'RESULT', result: event.result }];
    case 'HOLD_EXPIRED':
      return [event.holdToken === undefined ? { type: 'HOLD_EXPIRED' } : { type: 'HOLD_EXPIRED', holdToken: event.holdToken }];
    case 'STAFF_HANDBACK':
      return [{ type: event.type }];
    case 'REMINDER_SENT':
      return [{ type: 'REMINDER_SENT', appointment: event.appointment }];
    case 'WAITLIST_OFFER':
      return [{ type: 'WAITLIST_OFFER', offer: event.offer, language: event.language }];
    case 'INBOUND':
      break;
    default:
      return [];
  }
  const turn = event.turn;
  const u = understandInbound(snapshot, event.text, event.choiceId, turn);
  const events: MachineEvent[] = [];
  if (snapshot.context.awaiting) events.push({ type: 'RESUME' });
  events.push({ type: 'TURN', turn, u });

  if (snapshot.matches('optedOut')) {
    if (u.startWord) events.push({ type: 'START', u });
    return [...events, { type: 'END_TURN' }];
  }
  if (snapshot.matches('handoff')) {
    if (u.command === 'stop') events.push({ type: 'STOP', u });
    return [...events, { type: 'END_TURN' }];
  }
  // The runtime knows the patient opted out (e.g. the carrier handled STOP): go quiet, unless this is START.
  if (turn.patient.optedOut) {
    events.push({ type: 'SILENT_OPTOUT' });
    if (u.startWord) events.push({ type: 'START', u });
    return [...events, { type: 'END_TURN' }];
  }
  if (restarted) {
    const purposeful = isPurposeful(u);
    events.push({ type: 'RESTARTED', purposeful });
    if (!purposeful) return [...events, { type: 'END_TURN' }];
  }
  events.push({ type: commandEvent(snapshot, u, turn), u } as MachineEvent);
  events.push({ type: 'END_TURN' });
  return events;
}

function commandEvent(snapshot: Snapshot, u: Understanding, turn: TurnContext): MachineEvent['type'] {
  switch (u.command) {
    case 'stop': return 'STOP';
    case 'human': return 'HUMAN';
    case 'help': return 'HELP';
    case 'menu': return 'MENU';
    case 'back': return 'BACK';
    case 'abandon': return 'ABANDON';
    default: break;
  }
  // On WhatsApp a bare "cancel" in the middle of booking means "cancel that" (on SMS it was STOP).
  if (u.bareCancel && turn.channel === 'whatsapp' && snapshot.matches({ active: 'booking' })) return 'ABANDON';
  if (u.languageOnly) return 'LANG';
  if (u.startWord && (u.normalized === 'start' || u.normalized === 'unstop' || u.normalized === 'inicio')) return 'START';
  return 'MSG';
}
