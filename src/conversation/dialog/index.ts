/**
 * The pure conversational core. The runtime calls `step` for every event and executes the effects
 * it returns; see types.ts for the contract.
 */
export { step } from './step.js';
export { DIALOG_MACHINE_VERSION } from './persistence.js';
export { CHOICE as CHOICE_IDS } from './machine/choice-ids.js';
export { reminderReply } from './reminder-reply.js';
export type {
  AppointmentSummary, Choice, DialogEvent, DialogStatus, Effect, EffectResult, Language, PersistedDialog, Reply, SearchCriteria,
  SlotOption, StepResult, TurnContext, WaitlistOfferSummary,
} from './types.js';
