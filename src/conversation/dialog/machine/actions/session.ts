import type { Understanding } from '../../nlu/understand.js';
import type { TurnContext } from '../../types.js';
import { type DialogContext, turnOf } from '../context.js';
import { catalog, emit, say, withLead } from '../outbox.js';
import { askAgain, showMenu, shortMenuChoices } from '../prompts.js';

/** Conversation-wide actions: turn bookkeeping, language, misses, help, hand-off, opt-out. */

/**
 * Takes in a new inbound message's facts. `quiet` (hand-off, opted out) records them without
 * emitting anything.
 */
export function absorbTurn(ctx: DialogContext, turn: TurnContext, u: Understanding, quiet: boolean): DialogContext {
  let next: DialogContext = {
    ...ctx,
    turn,
    epoch: ctx.epoch || Math.max(0, Math.floor(turn.now)).toString(36),
    missedThisTurn: false,
    greetPending: u.greeting,
    lead: null,
    // A result still awaited when the patient writes again is never coming (the runtime lost it).
    awaiting: null,
  };
  let language = next.lang;
  let known = next.languageKnown;
  if (u.languageRequest) {
    language = u.languageRequest;
    known = true;
  } else if (!known) {
    const given = turn.patient.language;
    const detected = u.detectedLanguage;
    if (given === 'en' || given === 'es') {
      language = given;
      known = true;
    } else if (detected) {
      language = detected;
      known = true;
    }
  }
  // Tell the runtime when the language is settled for the first time or switched on request, and
  // only if it differs from what the runtime already has, so it is not re-sent every turn.
  const announce = u.languageRequest
    ? language !== ctx.lang || language !== turn.patient.language
    : known && !ctx.languageKnown && language !== turn.patient.language;
  next = { ...next, lang: language, languageKnown: known };
  if (!quiet && announce) next = emit(next, { kind: 'setLanguage', language });
  return next;
}

/** Two misses in a row hand off; anything understood in between resets the count. */
export function settleMisses(ctx: DialogContext): DialogContext {
  return { ...ctx, misses: ctx.missedThisTurn ? ctx.misses : 0, missedThisTurn: false };
}

export function missed(ctx: DialogContext): DialogContext {
  const next = { ...ctx, misses: ctx.misses + 1, missedThisTurn: true };
  return askAgain(next, catalog(ctx).notUnderstood);
}

export function handOff(ctx: DialogContext, reason: 'requested' | 'not_understood'): DialogContext {
  const next = emit({ ...ctx, misses: 0, prompt: 'none', choices: [] }, { kind: 'handOff', reason });
  return say(next, catalog(ctx).handoff(turnOf(ctx).clinic.phone));
}

export function optOut(ctx: DialogContext): DialogContext {
  const next = emit({ ...ctx, misses: 0, prompt: 'none', choices: [], greetPending: false, lead: null }, { kind: 'optOut' });
  return say(next, catalog(ctx).optedOut(turnOf(ctx).clinic.name));
}

export function optIn(ctx: DialogContext): DialogContext {
  const next = emit({ ...ctx, greetPending: false }, { kind: 'optIn' });
  return showMenuAfter(next, catalog(ctx).optedIn(turnOf(ctx).clinic.name));
}

function showMenuAfter(ctx: DialogContext, text: string): DialogContext {
  const menu = showMenu({ ...ctx, greetPending: false }, false);
  // Replace the generic menu question with `text`, keeping the menu choices.
  const replies = menu.outbox.replies;
  const last = replies.at(-1)!;
  return { ...menu, outbox: { ...menu.outbox, replies: [...replies.slice(0, -1), { ...last, text }] } };
}

export function help(ctx: DialogContext): DialogContext {
  const turn = turnOf(ctx);
  const next = withLead({ ...ctx, greetPending: false }, catalog(ctx).help(turn.clinic.name, turn.clinic.phone));
  return askAgain(next, null);
}

export function greetWithMenu(ctx: DialogContext): DialogContext {
  return showMenu(ctx, true);
}

export function menu(ctx: DialogContext): DialogContext {
  return showMenu(ctx, false);
}

export function dropped(ctx: DialogContext): DialogContext {
  return showMenu(withLead(ctx, catalog(ctx).dropped), false);
}

export function welcomeBack(ctx: DialogContext): DialogContext {
  const turn = turnOf(ctx);
  return showMenuAfter({ ...ctx, misses: 0 }, catalog(ctx).welcomeBack(turn.patient.known ? turn.patient.firstName : null));
}

export function languageSwitched(ctx: DialogContext): DialogContext {
  return askAgain(withLead(ctx, catalog(ctx).languageSwitched), null);
}

export function lostTrack(ctx: DialogContext, purposeful: boolean): DialogContext {
  const lead = catalog(ctx).lostTrack;
  return purposeful ? withLead(ctx, lead) : showMenu(withLead(ctx, lead), false);
}

export function youreWelcome(ctx: DialogContext): DialogContext {
  return say({ ...ctx, prompt: 'none', choices: [] }, catalog(ctx).youreWelcome);
}

export function okay(ctx: DialogContext): DialogContext {
  return say({ ...ctx, prompt: 'none', choices: [] }, catalog(ctx).okay);
}

/** A failure on our side: say so, give the phone number, and offer the short menu. */
export function technicalProblem(ctx: DialogContext): DialogContext {
  const cat = catalog(ctx);
  const choices = shortMenuChoices(ctx);
  const next = say(ctx, cat.somethingWrong(turnOf(ctx).clinic.phone), choices);
  return { ...next, prompt: 'menu', choices, awaiting: null };
}

/** A result that never came (the runtime lost it): forget the question that was waiting for it. */
export function resume(ctx: DialogContext): DialogContext {
  return { ...ctx, awaiting: null, prompt: 'none', choices: [] };
}
