import { parseDateOfBirth } from '../../nlu/dob.js';
import type { Understanding } from '../../nlu/understand.js';
import { type DialogContext, turnOf } from '../context.js';
import { catalog, say } from '../outbox.js';
import { personNameFrom } from '../person-name-from.js';
import { withDraft } from './draft.js';

/** A new patient's full name and date of birth, re-asked politely when they do not look right. */

export function storeName(ctx: DialogContext, u: Understanding): DialogContext {
  return withDraft(ctx, { fullName: personNameFrom(u), fieldRetries: 0 });
}

export function rejectName(ctx: DialogContext): DialogContext {
  const next = withDraft(ctx, { fieldRetries: ctx.booking.fieldRetries + 1 });
  return { ...say(next, catalog(ctx).badName), prompt: 'name', choices: [] };
}

export function dobOf(ctx: DialogContext, u: Understanding) {
  const turn = turnOf(ctx);
  return parseDateOfBirth(u.text, ctx.lang, turn.now, turn.timezone);
}

export function storeDob(ctx: DialogContext, u: Understanding): DialogContext {
  const dob = dobOf(ctx, u);
  return dob.ok ? withDraft(ctx, { dateOfBirth: dob.date, fieldRetries: 0 }) : ctx;
}

export function rejectDob(ctx: DialogContext, u: Understanding): DialogContext {
  const dob = dobOf(ctx, u);
  const next = withDraft(ctx, { fieldRetries: ctx.booking.fieldRetries + 1 });
  return { ...say(next, catalog(ctx).badDob(dob.ok ? 'unreadable' : dob.problem)), prompt: 'dob', choices: [] };
}
