import { initialTransition } from 'xstate';
import { type DialogMachine, dialogMachine } from './dialog.machine.js';
import { type DialogContext, initialContext } from './machine/context.js';
import type { DialogStatus, PersistedDialog } from './types.js';

/**
 * What the runtime stores: `{ version, state: { value, context } }`. The machine has no child
 * actors, history states or pending work, so value and context are all there is to a snapshot.
 */

export const DIALOG_MACHINE_VERSION = 1;

export type Snapshot = ReturnType<DialogMachine['resolveState']>;

export interface Restored {
  snapshot: Snapshot;
  /** The stored dialog could not be used (other version, damaged); the conversation starts over. */
  restarted: boolean;
}

export function freshSnapshot(): Snapshot {
  return initialTransition(dialogMachine)[0];
}

/**
 * Context fields added after dialogs were first stored, with the value an older snapshot means.
 * Filling them in keeps those conversations going instead of restarting them.
 */
const ADDED_LATER: Partial<DialogContext> = { offer: null };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Rejects contexts that would break actions (missing fields from a hand-edited or truncated row). */
function looksLikeContext(value: unknown): value is DialogContext {
  if (!isRecord(value)) return false;
  const required = Object.keys(initialContext()) as (keyof DialogContext)[];
  return required.every((key) => key in value) && isRecord(value.booking) && Array.isArray(value.choices) && typeof value.seq === 'number';
}

/**
 * When an old or damaged dialog is dropped, a few facts still matter: a patient who opted out must
 * stay opted out, one with staff stays with staff, and effect ids must not repeat.
 */
function salvage(persisted: PersistedDialog): Snapshot {
  const fresh = freshSnapshot();
  const state = isRecord(persisted.state) ? persisted.state : {};
  const context = isRecord(state.context) ? state.context : {};
  const value = state.value;
  const next: DialogContext = { ...fresh.context };
  if (context.lang === 'en' || context.lang === 'es') next.lang = context.lang;
  if (typeof context.epoch === 'string' && /^[0-9a-z]{1,16}$/.test(context.epoch)) next.epoch = context.epoch;
  if (typeof context.seq === 'number' && Number.isSafeInteger(context.seq) && context.seq >= 0) next.seq = context.seq;
  if (typeof context.bookings === 'number' && Number.isSafeInteger(context.bookings) && context.bookings >= 0) next.bookings = context.bookings;
  const keep = value === 'optedOut' || value === 'handoff' ? value : 'active';
  return dialogMachine.resolveState({ value: keep === 'active' ? { active: 'idle' } : keep, context: next });
}

export function restore(persisted: PersistedDialog | null): Restored {
  if (persisted === null || persisted === undefined) return { snapshot: freshSnapshot(), restarted: false };
  if (!isRecord(persisted) || persisted.version !== DIALOG_MACHINE_VERSION) {
    return { snapshot: isRecord(persisted) ? salvage(persisted as PersistedDialog) : freshSnapshot(), restarted: true };
  }
  const state = persisted.state;
  const context = isRecord(state) && isRecord(state.context) ? { ...ADDED_LATER, ...state.context } : null;
  if (!isRecord(state) || !looksLikeContext(context)) return { snapshot: salvage(persisted), restarted: true };
  try {
    const snapshot = dialogMachine.resolveState({ value: state.value as Snapshot['value'], context });
    return { snapshot, restarted: false };
  } catch {
    return { snapshot: salvage(persisted), restarted: true };
  }
}

/**
 * The stored form: outbox emptied (it belongs to one step). Not copied: the context is plain JSON
 * data that actions replace rather than change (XState's assign), and the snapshot it came from is
 * dropped after the step; the runtime serializes it once, when it seals it for the database.
 */
export function persist(snapshot: Snapshot): PersistedDialog {
  const context: DialogContext = { ...snapshot.context, outbox: { replies: [], effects: [] } };
  return { version: DIALOG_MACHINE_VERSION, state: { value: snapshot.value, context } };
}

export function statusOf(snapshot: Snapshot): DialogStatus {
  if (snapshot.matches('handoff')) return 'handoff';
  if (snapshot.matches('optedOut')) return 'opted_out';
  return 'active';
}
