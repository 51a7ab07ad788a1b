import { localDate } from '../../format/local-time.js';
import type { Understanding } from '../../nlu/understand.js';
import type { AppointmentSummary, EffectResult } from '../../types.js';
import { CHOICE, idAfter } from '../choice-ids.js';
import { type DialogContext, emptyDraft, turnOf } from '../context.js';
import { catalog, request, say, withLead } from '../outbox.js';
import { appointmentWhen, menuChoices, shortMenuChoices } from '../prompts.js';
import { releaseHeldSlot } from './draft.js';

/** Listing, cancelling, rescheduling and confirming existing appointments. */

export function requestAppointments(ctx: DialogContext): DialogContext {
  return request(ctx, { kind: 'listAppointments' });
}

export function appointmentsIn(result: EffectResult | null): AppointmentSummary[] {
  if (!result || !result.ok || result.kind !== 'listAppointments' || !Array.isArray(result.appointments)) return [];
  return result.appointments
    .filter((a) => a && typeof a.start === 'number' && typeof a.appointmentId === 'string')
    .sort((a, b) => a.start - b.start);
}

export function storeAppointments(ctx: DialogContext, result: EffectResult | null): DialogContext {
  return { ...ctx, appointments: appointmentsIn(result) };
}

export function sayNoAppointments(ctx: DialogContext): DialogContext {
  const cat = catalog(ctx);
  const choices = [{ id: CHOICE.menuBook, label: cat.menu.book }];
  return { ...say(ctx, cat.noAppointments, choices), prompt: 'menu', choices };
}

export function sayAppointments(ctx: DialogContext): DialogContext {
  if (ctx.appointments.length === 0) return sayNoAppointments(ctx);
  const cat = catalog(ctx);
  const lines = ctx.appointments.map((a) => cat.appointmentLine(appointmentWhen(ctx, a), a.serviceName, cat.provider(a.providerShortName), a.locationName));
  const choices = menuChoices(ctx).filter((c) => c.id === CHOICE.menuBook || c.id === CHOICE.menuReschedule || c.id === CHOICE.menuCancel);
  return { ...say(ctx, cat.appointmentsList(lines), choices), prompt: 'menu', choices };
}

/** The appointment to act on without asking: the only one, or the only one on the day the patient named. */
export function obviousAppointment(ctx: DialogContext): AppointmentSummary | null {
  const list = ctx.appointments;
  if (list.length === 1) return list[0]!;
  const day = ctx.targetDay;
  if (!day) return null;
  const onDay = list.filter((a) => {
    const date = localDate(a.start, a.timezone);
    return date >= day.fromDate && date <= day.toDate;
  });
  return onDay.length === 1 ? onDay[0]! : null;
}

export function targetObvious(ctx: DialogContext): DialogContext {
  return { ...ctx, target: obviousAppointment(ctx) };
}

export function chosenAppointment(ctx: DialogContext, u: Understanding): AppointmentSummary | null {
  const id = idAfter('appt', u.choice.id);
  if (id) return ctx.appointments.find((a) => a.appointmentId === id) ?? null;
  if (u.when) {
    const matches = ctx.appointments.filter((a) => {
      const date = localDate(a.start, a.timezone);
      return date >= u.when!.fromDate && date <= u.when!.toDate;
    });
    return matches.length === 1 ? matches[0]! : null;
  }
  return null;
}

export function targetChosen(ctx: DialogContext, u: Understanding): DialogContext {
  return { ...ctx, target: chosenAppointment(ctx, u) };
}

export function startCancel(ctx: DialogContext, u: Understanding | null): DialogContext {
  return { ...releaseHeldSlot(ctx), target: null, targetDay: u?.when ?? null, appointments: [] };
}

/** "Move my appointment to Friday": Friday is the new day, kept for after the appointment is known. */
export function startReschedule(ctx: DialogContext, u: Understanding | null): DialogContext {
  const fresh = releaseHeldSlot(ctx);
  return { ...fresh, target: null, targetDay: null, appointments: [], booking: { ...emptyDraft(), when: u?.when ?? null } };
}

export function targetReminder(ctx: DialogContext): DialogContext {
  return { ...ctx, target: ctx.reminder };
}

/** Turns the booking draft into "move `target`": same service and provider, the day still to choose. */
export function prepareReschedule(ctx: DialogContext): DialogContext {
  const t = ctx.target;
  if (!t) return ctx;
  return {
    ...ctx,
    booking: { ...emptyDraft(), when: ctx.booking.when, serviceId: t.serviceId, providerId: t.providerId, rescheduleOf: t },
  };
}

export function requestCancel(ctx: DialogContext): DialogContext {
  return request(ctx, { kind: 'cancelAppointment', appointmentId: ctx.target!.appointmentId });
}

export function cancelled(ctx: DialogContext, result: EffectResult | null): DialogContext {
  const cat = catalog(ctx);
  const t = ctx.target!;
  const late = !!result && result.ok && result.kind === 'cancelAppointment' && result.lateCancellation === true;
  const next = ctx.reminder?.appointmentId === t.appointmentId ? { ...ctx, reminder: null } : ctx;
  return withLead(next, cat.cancelled(appointmentWhen(ctx, t), cat.provider(t.providerShortName), late));
}

export function keptIt(ctx: DialogContext): DialogContext {
  const cat = catalog(ctx);
  return say({ ...ctx, target: null, prompt: 'none', choices: [] }, cat.keptIt);
}

/** "Book another time" after a cancellation: same service and provider, day to choose. */
export function startRebook(ctx: DialogContext): DialogContext {
  const t = ctx.target;
  const booking = { ...emptyDraft(), serviceId: t?.serviceId ?? null, providerId: t?.providerId ?? null };
  return { ...ctx, target: null, booking };
}

export function notFound(ctx: DialogContext): DialogContext {
  const cat = catalog(ctx);
  const choices = shortMenuChoices(ctx);
  return { ...say({ ...ctx, target: null }, cat.notFound, choices), prompt: 'menu', choices };
}

export function notAllowed(ctx: DialogContext): DialogContext {
  const cat = catalog(ctx);
  return say({ ...ctx, target: null, prompt: 'none', choices: [] }, cat.notAllowed(turnOf(ctx).clinic.phone));
}
