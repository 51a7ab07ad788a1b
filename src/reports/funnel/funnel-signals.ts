/**
 * Which funnel stages one chat turn reached, read from what the runtime saw during the turn: the
 * dialog states it passed through and the effects it executed with their results. Pure (no Nest,
 * no Prisma) and defensive: it reads the persisted dialog as plain JSON and ignores what it does
 * not recognise, so a change in the dialog can cost a stage, never a failed turn.
 */

export type FunnelIntent = 'book' | 'reschedule' | 'other';

export interface TurnEffect {
  effect: { kind: string; criteria?: { serviceId?: string; providerId?: string | null; locationId?: string | null }; slot?: SlotRef; rescheduleOf?: string | null };
  result: { kind: string; ok: boolean; slots?: unknown[]; appointment?: { appointmentId?: string } };
}

interface SlotRef { serviceId?: string; providerId?: string | null; locationId?: string | null }

export interface TurnSignals {
  intent: FunnelIntent | null;
  intentUnderstood: boolean;
  slotsShown: boolean;
  slotHeld: boolean;
  detailsGiven: boolean;
  /** Ids of appointments newly booked (not rescheduled) in this turn, in order. */
  booked: string[];
  handedOff: boolean;
  optedOut: boolean;
  /** The latest service/provider/location the turn searched, held or booked (undefined: none). */
  serviceId?: string;
  providerId?: string | null;
  locationId?: string | null;
}

/** Other flows of the dialog: a patient there came for something other than a booking. */
const OTHER_FLOWS = new Set(['cancel', 'reschedule', 'appointments', 'reminder', 'changeOrCancel']);
/** Booking states reached only once the patient's details are complete. */
const DETAILS_DONE = new Set(['confirm', 'submitting', 'reholding']);

export function turnSignals(states: readonly unknown[], effects: readonly TurnEffect[]): TurnSignals {
  const signals: TurnSignals = {
    intent: null, intentUnderstood: false, slotsShown: false, slotHeld: false, detailsGiven: false, booked: [], handedOff: false, optedOut: false,
  };
  for (const state of states) {
    const { flow, sub, rescheduling, top } = read(state);
    if (top === 'handoff') signals.handedOff = true;
    if (top === 'optedOut') signals.optedOut = true;
    if (flow === 'booking') {
      const intent: FunnelIntent = rescheduling ? 'reschedule' : 'book';
      if (signals.intent !== 'book') signals.intent = intent;
      if (intent === 'book') {
        signals.intentUnderstood = true;
        if (sub && DETAILS_DONE.has(sub)) signals.detailsGiven = true;
      }
    } else if (flow && OTHER_FLOWS.has(flow) && signals.intent === null) {
      signals.intent = flow === 'reschedule' ? 'reschedule' : 'other';
    }
  }
  for (const { effect, result } of effects) {
    if (!result.ok) continue;
    if (effect.kind === 'searchSlots' && effect.criteria) {
      remember(signals, effect.criteria);
      if ((result.slots?.length ?? 0) > 0) signals.slotsShown = true;
    } else if (effect.kind === 'placeHold' && effect.slot) {
      remember(signals, effect.slot);
      signals.slotHeld = true;
    } else if (effect.kind === 'book' && effect.slot) {
      remember(signals, effect.slot);
      if (!effect.rescheduleOf && result.appointment?.appointmentId) signals.booked.push(result.appointment.appointmentId);
    } else if (effect.kind === 'handOff') {
      signals.handedOff = true;
    } else if (effect.kind === 'optOut') {
      signals.optedOut = true;
    }
  }
  return signals;
}

function remember(signals: TurnSignals, ref: SlotRef): void {
  if (ref.serviceId) signals.serviceId = ref.serviceId;
  if (ref.providerId !== undefined) signals.providerId = ref.providerId;
  if (ref.locationId !== undefined) signals.locationId = ref.locationId;
}

/** `{ version, state: { value, context } }` → the flow under `active`, its sub-state and whether it is a reschedule. */
function read(persisted: unknown): { top: string | null; flow: string | null; sub: string | null; rescheduling: boolean } {
  const state = record(record(persisted)?.state);
  const value = state?.value;
  const top = typeof value === 'string' ? value : value && typeof value === 'object' ? Object.keys(value)[0] ?? null : null;
  const active = record(value)?.active;
  const flow = typeof active === 'string' ? active : active && typeof active === 'object' ? Object.keys(active)[0] ?? null : null;
  const inner = flow ? record(active)?.[flow] : undefined;
  const sub = typeof inner === 'string' ? inner : null;
  const booking = record(record(state?.context)?.booking);
  return { top, flow, sub, rescheduling: !!booking?.rescheduleOf };
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
