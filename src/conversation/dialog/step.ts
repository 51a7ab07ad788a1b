import { transition } from 'xstate';
import { dialogMachine } from './dialog.machine.js';
import { toMachineEvents } from './dispatch.js';
import { catalogFor } from './messages/index.js';
import { freshSnapshot, persist, restore, type Snapshot, statusOf } from './persistence.js';
import type { DialogEvent, DialogStatus, Language, PersistedDialog, StepResult } from './types.js';

/**
 * The only entry point the runtime uses: stored dialog + one event → new stored dialog, replies,
 * effects and status. Pure and deterministic; it never throws.
 */
export function step(persisted: PersistedDialog | null, event: DialogEvent): StepResult {
  try {
    const { snapshot: start, restarted } = restore(persisted);
    const events = toMachineEvents(start, event, restarted && event?.type === 'INBOUND');
    let snapshot: Snapshot = clearOutbox(start);
    for (const machineEvent of events) snapshot = transition(dialogMachine, snapshot, machineEvent)[0] as Snapshot;
    const { replies, effects } = snapshot.context.outbox;
    return { persisted: persist(snapshot), replies, effects, status: statusOf(snapshot) };
  } catch {
    return apologise(persisted, event);
  }
}

function clearOutbox(snapshot: Snapshot): Snapshot {
  return dialogMachine.resolveState({ value: snapshot.value, context: { ...snapshot.context, outbox: { replies: [], effects: [] } } });
}

/** Something broke inside: keep what was stored, say sorry (unless the bot must stay quiet). */
function apologise(persisted: PersistedDialog | null, event: DialogEvent): StepResult {
  let kept: PersistedDialog;
  let status: DialogStatus = 'active';
  let language: Language = 'en';
  try {
    const { snapshot } = restore(persisted);
    status = statusOf(snapshot);
    language = snapshot.context.lang;
    kept = persisted && typeof persisted === 'object' ? persisted : persist(snapshot);
  } catch {
    kept = persisted ?? safeFresh();
  }
  if (event?.type === 'INBOUND') {
    const given = event.turn?.patient?.language;
    if (given === 'es' || given === 'en') language = given;
  }
  const speaks = event?.type === 'INBOUND' || event?.type === 'EFFECT_RESULT';
  const replies = status === 'active' && speaks ? [{ text: catalogFor(language).apology }] : [];
  return { persisted: kept, replies, effects: [], status };
}

function safeFresh(): PersistedDialog {
  try {
    return persist(freshSnapshot());
  } catch {
    return { version: 0, state: null };
  }
}
