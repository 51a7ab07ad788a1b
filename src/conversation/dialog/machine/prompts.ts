import { formatBirthDate, formatDate, formatWhen, shortAddress } from '../format/time-format.js';
import type { AppointmentSummary, Choice } from '../types.js';
import {
  appointmentChoiceId, CHOICE, providerChoiceId, serviceChoiceId,
} from './choice-ids.js';
import { type DialogContext, type PromptKind, providerById, serviceById, serviceName, turnOf } from './context.js';
import { askWith, catalog } from './outbox.js';
import { slotChoiceId, slotLabels, slotsHeader } from './slots.js';

/**
 * Every question the bot asks, rendered from the context in the current language. Asking again
 * after a miss, "help" or a language switch goes through the same function, so the wording and
 * the offered choices always match the state.
 */

export function menuChoices(ctx: DialogContext): Choice[] {
  const m = catalog(ctx).menu;
  return [
    { id: CHOICE.menuBook, label: m.book },
    { id: CHOICE.menuAppointments, label: m.appointments },
    { id: CHOICE.menuReschedule, label: m.reschedule },
    { id: CHOICE.menuCancel, label: m.cancel },
    { id: CHOICE.menuStaff, label: m.staff },
  ];
}

/** The short menu offered after a miss: fewer choices fit WhatsApp buttons. */
export function shortMenuChoices(ctx: DialogContext): Choice[] {
  const m = catalog(ctx).menu;
  return [
    { id: CHOICE.menuBook, label: m.book },
    { id: CHOICE.menuAppointments, label: m.appointments },
    { id: CHOICE.menuStaff, label: m.staff },
  ];
}

export function appointmentWhen(ctx: DialogContext, a: AppointmentSummary): string {
  return formatWhen(a.start, a.timezone, catalog(ctx));
}

function appointmentChoices(ctx: DialogContext): Choice[] {
  return ctx.appointments.slice(0, 9).map((a) => ({
    id: appointmentChoiceId(a.appointmentId),
    label: `${appointmentWhen(ctx, a)} ${a.providerShortName}`,
  }));
}

export function eligibleServices(ctx: DialogContext): string[] {
  const turn = turnOf(ctx);
  const provider = providerById(ctx, ctx.booking.providerId);
  return turn.services
    .filter((s) => turn.patient.isNew || !s.newPatientOnly)
    .filter((s) => !provider || provider.serviceIds.includes(s.id))
    .filter((s) => ctx.booking.serviceCandidates.length === 0 || ctx.booking.serviceCandidates.includes(s.id))
    .map((s) => s.id);
}

export function providersFor(ctx: DialogContext, serviceId: string | null): string[] {
  return turnOf(ctx).providers.filter((p) => serviceId !== null && p.serviceIds.includes(serviceId)).map((p) => p.id);
}

/** "Downtown, 120 Main St"; null for video visits. */
export function placeOf(slot: { locationName: string | null; locationAddress: string | null }): string | null {
  if (!slot.locationName) return null;
  const address = shortAddress(slot.locationAddress);
  return address ? `${slot.locationName}, ${address}` : slot.locationName;
}


function render(ctx: DialogContext, kind: PromptKind): { text: string; choices: Choice[] } {
  const cat = catalog(ctx);
  const draft = ctx.booking;
  const service = serviceById(ctx, draft.serviceId);
  const provider = providerById(ctx, draft.providerId);
  const target = ctx.target;
  switch (kind) {
    case 'none':
    case 'menu':
      return { text: cat.menuPrompt(null, false), choices: menuChoices(ctx) };
    case 'service': {
      const choices = eligibleServices(ctx).map((id) => ({ id: serviceChoiceId(id), label: serviceName(ctx, serviceById(ctx, id)!) }));
      return {
        text: cat.askService(provider ? cat.provider(provider.shortName) : null),
        choices: [...choices.slice(0, 9), { id: CHOICE.serviceOther, label: cat.somethingElse }],
      };
    }
    case 'provider': {
      const ids = providersFor(ctx, draft.serviceId);
      const choices = ids.map((id) => ({ id: providerChoiceId(id), label: providerById(ctx, id)!.shortName }));
      return {
        text: cat.askProvider(service ? serviceName(ctx, service) : ''),
        choices: [{ id: CHOICE.anyProvider, label: cat.firstAvailable }, ...choices.slice(0, 9)],
      };
    }
    case 'day':
      return {
        text: draft.rescheduleOf
          ? cat.askDayReschedule(appointmentWhen(ctx, draft.rescheduleOf), cat.provider(draft.rescheduleOf.providerShortName))
          : cat.askDay,
        choices: [],
      };
    case 'suggestService': {
      const alternative = serviceById(ctx, draft.suggestedServiceId);
      const altName = alternative ? serviceName(ctx, alternative) : null;
      return {
        text: cat.newPatientOnly(service ? serviceName(ctx, service) : '', altName),
        choices: altName
          ? [{ id: CHOICE.suggestionYes, label: cat.yesService(altName) }, { id: CHOICE.suggestionNo, label: cat.somethingElse }]
          : [],
      };
    }
    case 'suggestProvider': {
      const others = draft.suggestedProviderIds.map((id) => providerById(ctx, id)).filter((p) => p !== null);
      const text = cat.providerDoesNotOffer(
        provider ? cat.provider(provider.shortName) : '',
        service ? serviceName(ctx, service) : '',
        others.map((p) => cat.provider(p.shortName)),
      );
      const choices: Choice[] = others.length === 1
        ? [{ id: CHOICE.suggestionYes, label: cat.yesProvider(others[0]!.shortName) }]
        : others.slice(0, 8).map((p) => ({ id: providerChoiceId(p.id), label: p.shortName }));
      return { text, choices: [...choices, { id: CHOICE.suggestionNo, label: cat.somethingElse }] };
    }
    case 'slots': {
      const labels = slotLabels(ctx, draft.offered);
      const choices: Choice[] = draft.offered.map((slot, i) => ({ id: slotChoiceId(slot), label: labels[i]! }));
      choices.push({ id: CHOICE.moreTimes, label: cat.otherTimes }, { id: CHOICE.anotherDay, label: cat.anotherDay });
      if (draft.header === 'fallback') choices.push({ id: CHOICE.waitlist, label: cat.joinWaitlist });
      return { text: cat.slotsHeader(slotsHeader(ctx)), choices };
    }
    case 'name':
      return { text: cat.askName, choices: [] };
    case 'dob':
      return { text: cat.askDob, choices: [] };
    case 'confirm': {
      const slot = draft.chosen;
      // Only reachable with a chosen slot; the menu is a safe answer if that invariant ever breaks.
      if (!slot) return render(ctx, 'menu');
      const text = cat.summary({
        when: formatWhen(slot.start, slot.timezone, cat),
        providerFull: cat.provider(slot.providerName),
        service: service ? serviceName(ctx, service) : slot.serviceName,
        minutes: Math.round((slot.end - slot.start) / 60_000),
        place: placeOf(slot),
        patientName: draft.fullName,
        dateOfBirth: draft.dateOfBirth ? formatBirthDate(draft.dateOfBirth, cat) : null,
        rescheduleFrom: draft.rescheduleOf ? appointmentWhen(ctx, draft.rescheduleOf) : null,
        lapsed: draft.hold === null,
      });
      return {
        text,
        choices: [
          { id: CHOICE.confirmYes, label: draft.rescheduleOf ? cat.yesMove : cat.yesBook },
          { id: CHOICE.confirmNo, label: cat.no },
        ],
      };
    }
    case 'waitlist': {
      const window = draft.search;
      const from = window ? formatDate(draft.when?.fromDate ?? window.fromDate, cat) : '';
      const to = window ? formatDate(window.toDate, cat) : '';
      return {
        text: cat.waitlistOffer(service ? serviceName(ctx, service) : '', provider && !draft.anyProvider ? cat.provider(provider.shortName) : null, from, to),
        choices: [
          { id: CHOICE.waitlistYes, label: cat.yesWaitlist },
          { id: CHOICE.anotherDay, label: cat.anotherDay },
          { id: CHOICE.menuStaff, label: cat.menu.staff },
        ],
      };
    }
    case 'cancelChoose':
      return { text: cat.whichToCancel, choices: appointmentChoices(ctx) };
    case 'rescheduleChoose':
      return { text: cat.whichToReschedule, choices: appointmentChoices(ctx) };
    case 'cancelConfirm':
      return {
        text: target ? cat.cancelConfirm(appointmentWhen(ctx, target), cat.provider(target.providerShortName)) : cat.whichToCancel,
        choices: [{ id: CHOICE.cancelYes, label: cat.yesCancel }, { id: CHOICE.cancelNo, label: cat.noKeep }],
      };
    case 'rebook':
      return { text: cat.rebookOffer, choices: [{ id: CHOICE.rebookYes, label: cat.bookAgain }, { id: CHOICE.rebookNo, label: cat.noThanks }] };
    case 'reminder': {
      const r = ctx.reminder;
      return {
        text: r ? cat.reminderPrompt(appointmentWhen(ctx, r), cat.provider(r.providerShortName)) : cat.menuPrompt(null, false),
        choices: reminderChoices(ctx),
      };
    }
    case 'waitlistOffer': {
      const offer = ctx.offer;
      if (!offer) return render(ctx, 'menu');
      const offered = serviceById(ctx, offer.serviceId);
      const text = cat.slotOffer({
        when: formatWhen(offer.start, offer.timezone, cat),
        provider: cat.provider(offer.providerName),
        service: offered ? serviceName(ctx, offered) : offer.serviceName,
        place: placeOf(offer),
        minutes: offer.claimMinutes,
      });
      return { text, choices: [{ id: CHOICE.offerYes, label: cat.yesBook }, { id: CHOICE.offerNo, label: cat.noThanks }] };
    }
    case 'changeOrCancel': {
      const t = target ?? ctx.reminder;
      return {
        text: t ? cat.changeOrCancel(appointmentWhen(ctx, t), cat.provider(t.providerShortName)) : cat.menuPrompt(null, false),
        choices: [{ id: CHOICE.changeTime, label: cat.changeTime }, { id: CHOICE.cancelIt, label: cat.menu.cancel }],
      };
    }
  }
}

export function reminderChoices(ctx: DialogContext): Choice[] {
  const r = catalog(ctx).reminderChoices;
  return [
    { id: CHOICE.reminderConfirm, label: r.confirm },
    { id: CHOICE.reminderChange, label: r.change },
    { id: CHOICE.reminderCancel, label: r.cancel },
  ];
}

/** Asks the question for `kind` and makes it the one being waited on. */
export function ask(ctx: DialogContext, kind: PromptKind): DialogContext {
  const { text, choices } = render(ctx, kind);
  return askWith(ctx, kind, text, choices);
}

/** Asks the current question again, after `lead` (e.g. "Sorry, I didn't catch that."). */
export function askAgain(ctx: DialogContext, lead: string | null): DialogContext {
  const cat = catalog(ctx);
  if (ctx.prompt === 'none' || ctx.prompt === 'menu') {
    const text = lead === cat.notUnderstood ? cat.notUnderstoodMenu : `${lead ? `${lead} ` : ''}${cat.menuPrompt(null, false)}`;
    const choices = lead === cat.notUnderstood ? shortMenuChoices(ctx) : menuChoices(ctx);
    return askWith(ctx, 'menu', text, choices);
  }
  const { text, choices } = render(ctx, ctx.prompt);
  return askWith(ctx, ctx.prompt, lead ? `${lead} ${text}` : text, choices);
}

/** The main menu, with a greeting when asked for. */
export function showMenu(ctx: DialogContext, greet: boolean): DialogContext {
  const turn = turnOf(ctx);
  const name = turn.patient.known ? turn.patient.firstName : null;
  const next = { ...ctx, greetPending: false };
  return askWith(next, 'menu', catalog(ctx).menuPrompt(name, greet || ctx.greetPending), menuChoices(ctx));
}
