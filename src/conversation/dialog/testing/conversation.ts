import { step } from '../step.js';
import type {
  AppointmentSummary, DialogEvent, DialogStatus, Effect, EffectResult, PersistedDialog, Reply, SlotOption, TurnContext,
} from '../types.js';

/**
 * A tiny stand-in for the runtime in tests: sends an event through `step`, executes the returned
 * effects with a scripted executor, feeds the results back, and collects replies and effects.
 */

export type Executor = (effect: Effect) => EffectResult;

export interface Exchange {
  replies: Reply[];
  effects: Effect[];
  status: DialogStatus;
  persisted: PersistedDialog;
}

export class Conversation {
  persisted: PersistedDialog | null = null;
  status: DialogStatus = 'active';
  /** Every effect ever requested, in order. */
  readonly log: Effect[] = [];

  constructor(
    public turn: TurnContext,
    public executor: Executor,
  ) {}

  /** A patient message (and the whole effect loop it starts). */
  say(text: string, choiceId?: string): Exchange {
    return this.send({ type: 'INBOUND', text, turn: this.turn, ...(choiceId ? { choiceId } : {}) });
  }

  /** Taps the choice whose label contains `label` in the last reply that offered choices. */
  tap(label: string, from: Exchange): Exchange {
    const choice = from.replies.flatMap((r) => r.choices ?? []).find((c) => c.label.includes(label));
    if (!choice) throw new Error(`No choice "${label}" in ${JSON.stringify(from.replies)}`);
    return this.say(choice.label, choice.id);
  }

  send(event: DialogEvent): Exchange {
    const replies: Reply[] = [];
    const effects: Effect[] = [];
    let queue: DialogEvent[] = [event];
    let rounds = 0;
    while (queue.length > 0) {
      if (++rounds > 50) throw new Error('effect loop did not settle');
      const next: DialogEvent[] = [];
      for (const e of queue) {
        const result = step(this.persisted, e);
        this.persisted = result.persisted;
        this.status = result.status;
        replies.push(...result.replies);
        effects.push(...result.effects);
        this.log.push(...result.effects);
        for (const effect of result.effects) next.push({ type: 'EFFECT_RESULT', result: this.executor(effect) });
      }
      queue = next;
    }
    return { replies, effects, status: this.status, persisted: this.persisted! };
  }
}

export interface ClinicScript {
  slots?: (criteria: Extract<Effect, { kind: 'searchSlots' }>['criteria'], attempt: number) => SlotOption[];
  appointments?: AppointmentSummary[];
  hold?: (effect: Extract<Effect, { kind: 'placeHold' }>, attempt: number) => EffectResult | null;
  book?: (effect: Extract<Effect, { kind: 'book' }>, attempt: number) => EffectResult | null;
  cancel?: (effect: Extract<Effect, { kind: 'cancelAppointment' }>) => EffectResult | null;
  holdTtlMs?: number;
  now?: number;
}

/** An executor that answers every effect plausibly, with per-test overrides. */
export function fakeClinic(script: ClinicScript = {}): Executor {
  const attempts = new Map<string, number>();
  const count = (kind: string) => {
    const n = (attempts.get(kind) ?? 0) + 1;
    attempts.set(kind, n);
    return n;
  };
  let holds = 0;
  return (effect) => {
    const base = { id: effect.id };
    switch (effect.kind) {
      case 'searchSlots':
        return { ...base, kind: 'searchSlots', ok: true, slots: script.slots?.(effect.criteria, count('search')) ?? [] };
      case 'placeHold': {
        const custom = script.hold?.(effect, count('hold'));
        if (custom) return { ...custom, id: effect.id };
        holds += 1;
        return { ...base, kind: 'placeHold', ok: true, holdToken: `hold-${holds}`, expiresAt: (script.now ?? 0) + (script.holdTtlMs ?? 300_000) };
      }
      case 'book': {
        const custom = script.book?.(effect, count('book'));
        if (custom) return { ...custom, id: effect.id };
        return {
          ...base, kind: 'book', ok: true, appointment: { ...effect.slot, appointmentId: 'appt-new', status: 'booked' },
          videoLink: effect.slot.locationId === null ? 'https://video.example/room/1' : null, calendarLink: 'https://clinic.example/ics/appt-new',
        };
      }
      case 'listAppointments':
        return { ...base, kind: 'listAppointments', ok: true, appointments: script.appointments ?? [] };
      case 'cancelAppointment':
        return script.cancel?.(effect) ?? { ...base, kind: 'cancelAppointment', ok: true, lateCancellation: false };
      default:
        return { ...base, kind: effect.kind, ok: true } as EffectResult;
    }
  };
}
