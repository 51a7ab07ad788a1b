import type { AppointmentSummary } from '../../types.js';
import { type DialogContext } from '../context.js';
import { catalog, request, say } from '../outbox.js';
import { appointmentWhen, reminderChoices } from '../prompts.js';

/** Replies to a reminder: short answers ("1", "yes", "cancel") refer to the reminded appointment. */

/** A reminder went out: short answers ("1", "yes", "cancel") now refer to that appointment. */
export function rememberReminder(ctx: DialogContext, appointment: AppointmentSummary): DialogContext {
  return { ...ctx, reminder: appointment, target: appointment, prompt: 'reminder', choices: reminderChoices(ctx) };
}

export function rememberReminderQuietly(ctx: DialogContext, appointment: AppointmentSummary): DialogContext {
  return { ...ctx, reminder: appointment };
}

export function requestConfirm(ctx: DialogContext): DialogContext {
  return request(ctx, { kind: 'confirmAppointment', appointmentId: (ctx.target ?? ctx.reminder)!.appointmentId });
}

export function confirmed(ctx: DialogContext): DialogContext {
  const cat = catalog(ctx);
  const t = (ctx.target ?? ctx.reminder)!;
  return say({ ...ctx, target: null, reminder: null, prompt: 'none', choices: [] }, cat.confirmed(appointmentWhen(ctx, t), cat.provider(t.providerShortName)));
}
