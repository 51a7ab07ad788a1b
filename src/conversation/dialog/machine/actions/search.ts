import { localDate, minutesOfDay } from '../../format/local-time.js';
import type { Understanding } from '../../nlu/understand.js';
import type { EffectResult, SlotOption } from '../../types.js';
import { type BookingDraft, type DialogContext, turnOf } from '../context.js';
import { request } from '../outbox.js';
import { criteriaFor, pageOf, PAGE_SIZE, rankSlots, slotChoiceId, windowFor } from '../slots.js';
import { withDraft } from './draft.js';

/** Searching for slots, paging through them, and reading which one the patient picked. */

export function requestSearch(ctx: DialogContext): DialogContext {
  const turn = turnOf(ctx);
  const window = windowFor(ctx.booking, ctx.booking.searchPhase, localDate(turn.now, turn.timezone));
  const next = withDraft(ctx, { search: window });
  return request(next, { kind: 'searchSlots', criteria: criteriaFor(next.booking, window) });
}

export function searchAgain(ctx: DialogContext, phase: BookingDraft['searchPhase']): DialogContext {
  return withDraft(ctx, { searchPhase: phase });
}

export function storeSlots(ctx: DialogContext, slots: readonly SlotOption[], header: BookingDraft['header'] | null): DialogContext {
  const d = ctx.booking;
  const found = rankSlots(slots, d.when);
  const phase = d.search?.phase ?? 'primary';
  const kind = header ?? (phase === 'fallback' ? 'fallback' : phase === 'more' ? 'more' : d.when?.singleDay ? 'day' : 'nearest');
  return withDraft(ctx, { found, page: 0, offered: pageOf(found, 0), header: kind, chosen: null });
}

export function searchResultSlots(result: EffectResult | null): SlotOption[] {
  if (!result || !result.ok) return result?.alternatives ?? [];
  return result.kind === 'searchSlots' && Array.isArray(result.slots) ? result.slots : [];
}

export function hasMorePages(ctx: DialogContext): boolean {
  return (ctx.booking.page + 1) * PAGE_SIZE < ctx.booking.found.length;
}

export function nextPage(ctx: DialogContext): DialogContext {
  const page = ctx.booking.page + 1;
  return withDraft(ctx, { page, offered: pageOf(ctx.booking.found, page), header: 'more' });
}

/** The offered slot a message picks: by tapped/numbered choice, or by the time typed ("2:30 pm"). */
export function pickedSlot(ctx: DialogContext, u: Understanding): SlotOption | null {
  const offered = ctx.booking.offered;
  if (u.choice.id?.startsWith('slot:')) return offered.find((s) => slotChoiceId(s) === u.choice.id) ?? null;
  if (u.choice.id === null && u.clock !== null && !u.when?.singleDay) {
    return offered.find((s) => minutesOfDay(s.start, s.timezone) === u.clock) ?? null;
  }
  return null;
}

export function chooseSlot(ctx: DialogContext, u: Understanding): DialogContext {
  return withDraft(ctx, { chosen: pickedSlot(ctx, u) });
}
