import { catalogFor } from '../messages/index.js';
import type { Catalog } from '../messages/catalog.js';
import type { Choice, Effect } from '../types.js';
import { type DialogContext, type PromptKind, turnOf } from './context.js';

/**
 * Building blocks for actions: replies and effects go to the context's outbox, which `step` empties
 * into its result. Effect ids come from a counter, so the same input always yields the same ids.
 */

export function catalog(ctx: DialogContext): Catalog {
  return catalogFor(ctx.lang);
}

/** Adds a reply; the pending greeting and lead (if any) go in front of it, once. */
export function say(ctx: DialogContext, text: string, choices?: Choice[]): DialogContext {
  const greeting = ctx.greetPending ? catalog(ctx).greeting(turnOf(ctx).patient.known ? turnOf(ctx).patient.firstName : null) : '';
  const lead = ctx.lead ? `${ctx.lead} ` : '';
  const reply = choices && choices.length > 0 ? { text: `${greeting}${lead}${text}`, choices } : { text: `${greeting}${lead}${text}` };
  return { ...ctx, greetPending: false, lead: null, outbox: { ...ctx.outbox, replies: [...ctx.outbox.replies, reply] } };
}

/** Says a question and remembers it, with its choices, as the one being waited on. */
export function askWith(ctx: DialogContext, prompt: PromptKind, text: string, choices: Choice[] = []): DialogContext {
  return { ...say(ctx, text, choices), prompt, choices };
}

/** Queues text to go in front of the next reply. */
export function withLead(ctx: DialogContext, text: string): DialogContext {
  return { ...ctx, lead: ctx.lead ? `${ctx.lead} ${text}` : text };
}

type EffectBody = Effect extends infer E ? (E extends Effect ? Omit<E, 'id'> : never) : never;

function nextId(ctx: DialogContext): [DialogContext, string] {
  const seq = ctx.seq + 1;
  return [{ ...ctx, seq }, `${ctx.epoch || 'c0'}-${seq}`];
}

/** An effect whose result nobody waits for (release a hold, set the language, hand off). */
export function emit(ctx: DialogContext, body: EffectBody): DialogContext {
  const [next, id] = nextId(ctx);
  const effect = { ...body, id } as Effect;
  return { ...next, outbox: { ...next.outbox, effects: [...next.outbox.effects, effect] } };
}

/** An effect the current state waits for; its result comes back as a RESULT event with this id. */
export function request(ctx: DialogContext, body: EffectBody): DialogContext {
  const next = emit(ctx, body);
  const effect = next.outbox.effects.at(-1)!;
  return { ...next, awaiting: { id: effect.id, kind: effect.kind } };
}
