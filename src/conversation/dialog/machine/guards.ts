import { hasBookingFacts, type Understanding } from '../nlu/understand.js';
import type { EffectError, EffectKind, EffectResult } from '../types.js';
import { dobOf } from './actions/details.js';
import { hasMorePages, pickedSlot, searchResultSlots } from './actions/search.js';
import { appointmentsIn, chosenAppointment, obviousAppointment } from './actions/appointments.js';
import { CHOICE, idAfter } from './choice-ids.js';
import {
  type DialogContext, type MachineEvent, messageOf, needsPatientDetails, providerById, resultOf, serviceById, turnOf,
} from './context.js';
import { personNameFrom } from './person-name-from.js';
import { rankSlots } from './slots.js';

/**
 * Conditions on (context, event), named for the machine. Message guards read the NLU result carried
 * by the event; result guards check that the result is the one being waited for.
 */

type Guard = (ctx: DialogContext, event: MachineEvent) => boolean;

const onMessage = (test: (u: Understanding, ctx: DialogContext) => boolean): Guard => (ctx, event) => {
  const u = messageOf(event);
  return u !== null && test(u, ctx);
};

const chose = (...ids: string[]) => (u: Understanding) => u.choice.id !== null && ids.includes(u.choice.id);
const saysYes = (u: Understanding) => u.choice.id === null && u.yesNo === 'yes';
const saysNo = (u: Understanding) => u.choice.id === null && u.yesNo === 'no';
/** A message that is not about another task (cancel, reschedule, …). */
const noOtherIntent = (u: Understanding) => u.intent === null || u.intent === 'book';

// ── results ─────────────────────────────────────────────────────────────────────────────────────

function awaited(ctx: DialogContext, event: MachineEvent): EffectResult | null {
  const result = resultOf(event);
  return result && ctx.awaiting && result.id === ctx.awaiting.id ? result : null;
}

const ok = (kind: EffectKind): Guard => (ctx, event) => {
  const result = awaited(ctx, event);
  return !!result && result.ok && result.kind === kind;
};

const failedWith = (...errors: EffectError[]): Guard => (ctx, event) => {
  const result = awaited(ctx, event);
  return !!result && !result.ok && errors.includes(result.error);
};

export const guards = {
  // results
  isAwaited: (ctx: DialogContext, event: MachineEvent) => awaited(ctx, event) !== null,
  slotsFound: (ctx: DialogContext, event: MachineEvent) =>
    ok('searchSlots')(ctx, event) && rankSlots(searchResultSlots(resultOf(event)), null).length > 0,
  slotsEmptyFirstTry: (ctx: DialogContext, event: MachineEvent) => ok('searchSlots')(ctx, event) && ctx.booking.search?.phase === 'primary',
  slotsEmptyMore: (ctx: DialogContext, event: MachineEvent) => ok('searchSlots')(ctx, event) && ctx.booking.search?.phase === 'more' && ctx.booking.offered.length > 0,
  slotsEmpty: ok('searchSlots'),
  holdPlaced: ok('placeHold'),
  booked: ok('book'),
  listed: ok('listAppointments'),
  listedNone: (ctx: DialogContext, event: MachineEvent) => ok('listAppointments')(ctx, event) && appointmentsIn(resultOf(event)).length === 0,
  listedObvious: (ctx: DialogContext, event: MachineEvent) =>
    ok('listAppointments')(ctx, event) && obviousAppointment({ ...ctx, appointments: appointmentsIn(resultOf(event)) }) !== null,
  cancelledOk: ok('cancelAppointment'),
  confirmedOk: ok('confirmAppointment'),
  waitlistedOk: ok('joinWaitlist'),
  offerBooked: ok('acceptWaitlistOffer'),
  offerDeclinedOk: ok('declineWaitlistOffer'),
  offerGone: failedWith('not_found', 'hold_expired', 'slot_taken', 'not_allowed'),
  takenWithAlternatives: (ctx: DialogContext, event: MachineEvent) =>
    failedWith('slot_taken')(ctx, event) && rankSlots(searchResultSlots(resultOf(event)), null).length > 0,
  takenOrExpired: failedWith('slot_taken', 'hold_expired'),
  holdExpired: failedWith('hold_expired'),
  notAllowed: failedWith('not_allowed'),
  notFound: failedWith('not_found'),

  // booking route
  newPatientOnlyForReturning: (ctx: DialogContext) => {
    const service = serviceById(ctx, ctx.booking.serviceId);
    return !!service && service.newPatientOnly && !turnOf(ctx).patient.isNew && ctx.booking.rescheduleOf === null;
  },
  providerLacksService: (ctx: DialogContext) => {
    const provider = providerById(ctx, ctx.booking.providerId);
    return !!provider && !!ctx.booking.serviceId && !provider.serviceIds.includes(ctx.booking.serviceId);
  },
  needsService: (ctx: DialogContext) => serviceById(ctx, ctx.booking.serviceId) === null,
  needsProvider: (ctx: DialogContext) => providerById(ctx, ctx.booking.providerId) === null && !ctx.booking.anyProvider,
  needsDay: (ctx: DialogContext) => ctx.booking.when === null,
  collectsDetails: (ctx: DialogContext) => needsPatientDetails(ctx),
  needsName: (ctx: DialogContext) => needsPatientDetails(ctx) && ctx.booking.fullName === null,
  needsDob: (ctx: DialogContext) => needsPatientDetails(ctx) && ctx.booking.dateOfBirth === null,
  providerWasAsked: (ctx: DialogContext) => !ctx.booking.providerAuto && !ctx.booking.rescheduleOf,
  isReschedule: (ctx: DialogContext) => ctx.booking.rescheduleOf !== null,
  hasHold: (ctx: DialogContext) => ctx.booking.hold !== null,
  /** The lapsed hold is the one the draft still has (a notice about an older hold is stale). */
  currentHoldLapsed: (ctx: DialogContext, event: MachineEvent) =>
    ctx.booking.hold !== null && (event.type !== 'HOLD_EXPIRED' || event.holdToken === undefined || event.holdToken === ctx.booking.hold.token),
  hasTarget: (ctx: DialogContext) => ctx.target !== null,
  severalAppointments: (ctx: DialogContext) => ctx.appointments.length > 1,
  tooManyRetries: (ctx: DialogContext) => ctx.booking.fieldRetries >= 2,
  secondMiss: (ctx: DialogContext) => ctx.misses >= 1,

  // messages: booking
  hasFacts: onMessage((u) => hasBookingFacts(u)),
  bareBookRequest: onMessage((u) => u.intent === 'book' && u.choice.id === null && !hasBookingFacts(u) && u.yesNo === null),
  pickedService: onMessage((u, ctx) => serviceById(ctx, idAfter('svc', u.choice.id)) !== null),
  pickedSomethingElse: onMessage(chose(CHOICE.serviceOther)),
  pickedProvider: onMessage((u, ctx) => u.choice.id === CHOICE.anyProvider || providerById(ctx, idAfter('prov', u.choice.id)) !== null),
  saysAnyProvider: onMessage((u) => u.choice.id === null && u.anyProvider),
  acceptsSuggestion: onMessage((u, ctx) => chose(CHOICE.suggestionYes)(u) || saysYes(u) || providerById(ctx, idAfter('prov', u.choice.id)) !== null),
  declinesSuggestion: onMessage((u) => chose(CHOICE.suggestionNo)(u) || saysNo(u)),
  pickedSlot: onMessage((u, ctx) => pickedSlot(ctx, u) !== null),
  wantsMoreTimes: onMessage((u) => chose(CHOICE.moreTimes)(u) || (u.choice.id === null && u.moreTimes)),
  wantsMorePages: (ctx: DialogContext, event: MachineEvent) => {
    const u = messageOf(event);
    return !!u && (chose(CHOICE.moreTimes)(u) || (u.choice.id === null && u.moreTimes)) && hasMorePages(ctx);
  },
  wantsAnotherDay: onMessage((u) => chose(CHOICE.anotherDay)(u) || (u.choice.id === null && (u.anotherDay || saysNo(u)))),
  wantsWaitlist: onMessage((u) => chose(CHOICE.waitlist, CHOICE.waitlistYes)(u) || (u.choice.id === null && (u.waitlist || saysYes(u)))),
  wantsWaitlistFromSlots: onMessage((u) => chose(CHOICE.waitlist)(u) || (u.choice.id === null && u.waitlist)),
  /** A date in the middle of giving a name is a change of plan, as is "actually Dr García". */
  nameCorrection: onMessage((u) => u.when !== null || (u.correction && hasBookingFacts(u))),
  validName: onMessage((u) => noOtherIntent(u) && u.yesNo === null && personNameFrom(u) !== null),
  dobCorrection: onMessage((u) => u.correction && hasBookingFacts(u)),
  validDob: (ctx: DialogContext, event: MachineEvent) => {
    const u = messageOf(event);
    return !!u && dobOf(ctx, u).ok;
  },
  detailsReply: onMessage((u) => noOtherIntent(u) && !u.empty),
  confirmsBooking: onMessage((u) => chose(CHOICE.confirmYes)(u) || (u.choice.id === null && (u.yesNo === 'yes' || u.intent === 'confirm') && !hasBookingFacts(u))),
  declinesBooking: onMessage((u) => chose(CHOICE.confirmNo)(u) || saysNo(u)),

  // messages: waitlist offer
  acceptsOffer: onMessage((u) => chose(CHOICE.offerYes)(u) || saysYes(u) || (u.choice.id === null && u.intent === 'confirm')),
  declinesOffer: onMessage((u) => chose(CHOICE.offerNo)(u) || saysNo(u)),

  // messages: appointments
  pickedAppointment: onMessage((u, ctx) => chosenAppointment(ctx, u) !== null),
  confirmsCancel: onMessage((u) => chose(CHOICE.cancelYes)(u) || saysYes(u) || (u.choice.id === null && (u.intent === 'cancel' || u.bareCancel))),
  keepsAppointment: onMessage((u) => chose(CHOICE.cancelNo)(u) || saysNo(u)),
  acceptsRebook: onMessage((u) => chose(CHOICE.rebookYes)(u) || saysYes(u)),
  declinesRebook: onMessage((u) => chose(CHOICE.rebookNo)(u) || saysNo(u)),
  reminderConfirm: onMessage((u) => chose(CHOICE.reminderConfirm)(u) || saysYes(u) || (u.choice.id === null && u.intent === 'confirm')),
  reminderChange: onMessage((u) => chose(CHOICE.reminderChange, CHOICE.changeTime)(u) || (u.choice.id === null && u.intent === 'reschedule')),
  reminderCancel: onMessage((u) => chose(CHOICE.reminderCancel, CHOICE.cancelIt)(u) || (u.choice.id === null && (u.intent === 'cancel' || u.bareCancel))),
  reminderUnsure: onMessage((u) => u.choice.id === null && (u.intent === 'cantMakeIt' || u.yesNo === 'no')),
  /** Free text we cannot place after a reminder ("I'll bring my son too") goes to a person. */
  reminderFreeText: onMessage((u) => u.choice.id === null && u.intent === null && u.words > 0 && !u.greeting && !u.thanks && !hasBookingFacts(u)),

  // messages: anywhere
  isLate: onMessage((u) => u.intent === 'late'),
  wantsCancel: onMessage((u) => chose(CHOICE.menuCancel)(u) || (u.choice.id === null && (u.intent === 'cancel' || u.intent === 'cantMakeIt'))),
  wantsReschedule: onMessage((u) => chose(CHOICE.menuReschedule)(u) || (u.choice.id === null && u.intent === 'reschedule')),
  confirmsReminder: onMessage((u, ctx) => ctx.reminder !== null && u.choice.id === null && u.intent === 'confirm'),
  wantsAppointments: onMessage((u) => chose(CHOICE.menuAppointments)(u) || (u.choice.id === null && (u.intent === 'appointments' || u.intent === 'confirm'))),
  wantsBooking: onMessage((u) => chose(CHOICE.menuBook)(u) || (u.choice.id === null && (u.intent === 'book' || hasBookingFacts(u)))),
  wantsStaff: onMessage(chose(CHOICE.menuStaff)),
  isGreeting: onMessage((u) => u.greeting),
  isThanks: onMessage((u) => u.thanks),
  saysNo: onMessage((u) => saysNo(u) && u.intent === null && !hasBookingFacts(u)),
  saysYes: onMessage((u) => saysYes(u) && u.intent === null && !hasBookingFacts(u)),
  purposeful: onMessage((u) => u.intent !== null || u.command !== null || hasBookingFacts(u) || u.choice.id?.startsWith('menu:') === true),
};

export type GuardName = keyof typeof guards;
