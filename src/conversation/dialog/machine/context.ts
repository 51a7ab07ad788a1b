import type { WhenPreference } from '../nlu/dates.js';
import type { Understanding } from '../nlu/understand.js';
import type {
  AppointmentSummary, Choice, Effect, EffectKind, EffectResult, Language, ProviderInfo, Reply, ServiceInfo, SlotOption, TurnContext,
  WaitlistOfferSummary,
} from '../types.js';

/**
 * The machine's context: everything the conversation remembers between messages. It is persisted
 * as JSON, so it holds only plain data. Bump DIALOG_MACHINE_VERSION when its shape changes.
 */

/** The question the bot is waiting on; used to ask it again (after a miss, "help" or a language switch). */
export type PromptKind =
  | 'none' | 'menu' | 'service' | 'provider' | 'day' | 'suggestService' | 'suggestProvider' | 'slots' | 'name' | 'dob'
  | 'confirm' | 'waitlist' | 'cancelChoose' | 'cancelConfirm' | 'rebook' | 'rescheduleChoose' | 'reminder' | 'changeOrCancel'
  | 'waitlistOffer';

export type SlotsHeaderKind = 'day' | 'nearest' | 'fallback' | 'more' | 'taken';

export interface Hold {
  token: string;
  expiresAt: number;
}

export interface SearchWindow {
  phase: 'primary' | 'fallback' | 'more';
  fromDate: string;
  toDate: string;
}

export interface BookingDraft {
  serviceId: string | null;
  /** Several services matched equally ("check"): the service question lists only these. */
  serviceCandidates: string[];
  providerId: string | null;
  anyProvider: boolean;
  /** Chosen by the bot because only one provider offers the service, so "back" skips the question. */
  providerAuto: boolean;
  locationId: string | null;
  when: WhenPreference | null;
  rescheduleOf: AppointmentSummary | null;
  /** The window of the last search sent. */
  search: SearchWindow | null;
  /** Which kind of search to send next. */
  searchPhase: SearchWindow['phase'];
  /** Slots from the last search, best match first. */
  found: SlotOption[];
  page: number;
  /** The slots currently offered as choices. */
  offered: SlotOption[];
  header: SlotsHeaderKind;
  chosen: SlotOption | null;
  hold: Hold | null;
  /** Token of a hold handed to a `book` effect still in flight: neither released nor reused. */
  bookingHold: string | null;
  holdLapsed: boolean;
  fullName: string | null;
  dateOfBirth: string | null;
  fieldRetries: number;
  /** What the bot proposed instead (a follow-up for a returning patient, a provider who offers the service). */
  suggestedServiceId: string | null;
  suggestedProviderIds: string[];
}

export interface DialogContext {
  lang: Language;
  /** Once the language is known (given, detected or chosen) later messages do not re-detect it. */
  languageKnown: boolean;
  /** Makes effect ids unique across restarts of the same conversation: the first turn's time, base 36. */
  epoch: string;
  seq: number;
  /** Successful bookings so far; part of the next booking's idempotency key. */
  bookings: number;
  turn: TurnContext | null;
  /** The effect whose result the current state waits for; any other result is stale. */
  awaiting: { id: string; kind: EffectKind } | null;
  misses: number;
  missedThisTurn: boolean;
  greetPending: boolean;
  /** Said before the next reply of this turn ("Sorry, that time was just taken."). */
  lead: string | null;
  prompt: PromptKind;
  choices: Choice[];
  booking: BookingDraft;
  appointments: AppointmentSummary[];
  /** The appointment being cancelled, changed or confirmed. */
  target: AppointmentSummary | null;
  /** Narrows "cancel my appointment on Thursday" to the one on that day. */
  targetDay: WhenPreference | null;
  reminder: AppointmentSummary | null;
  /** The waitlist offer "yes" and "no" answer, while one is open. */
  offer: WaitlistOfferSummary | null;
  /** Replies and effects produced by the current step; emptied before persisting. */
  outbox: { replies: Reply[]; effects: Effect[] };
}

export type MachineEvent =
  | { type: 'TURN'; turn: TurnContext; u: Understanding }
  | { type: 'MSG' | 'STOP' | 'START' | 'HELP' | 'HUMAN' | 'MENU' | 'ABANDON' | 'BACK' | 'LANG'; u: Understanding }
  | { type: 'SILENT_OPTOUT' }
  | { type: 'RESTARTED'; purposeful: boolean }
  | { type: 'RESUME' }
  | { type: 'END_TURN' }
  | { type: 'RESULT'; result: EffectResult }
  | { type: 'HOLD_EXPIRED'; holdToken?: string }
  | { type: 'STAFF_HANDBACK' }
  | { type: 'REMINDER_SENT'; appointment: AppointmentSummary }
  | { type: 'WAITLIST_OFFER'; offer: WaitlistOfferSummary; language: Language };

export function emptyDraft(): BookingDraft {
  return {
    serviceId: null, serviceCandidates: [], providerId: null, anyProvider: false, providerAuto: false, locationId: null,
    when: null, rescheduleOf: null, search: null, searchPhase: 'primary', found: [], page: 0, offered: [], header: 'day', chosen: null, hold: null,
    bookingHold: null, holdLapsed: false, fullName: null, dateOfBirth: null, fieldRetries: 0, suggestedServiceId: null,
    suggestedProviderIds: [],
  };
}

export function initialContext(): DialogContext {
  return {
    lang: 'en', languageKnown: false, epoch: '', seq: 0, bookings: 0, turn: null, awaiting: null, misses: 0,
    missedThisTurn: false, greetPending: false, lead: null, prompt: 'none', choices: [], booking: emptyDraft(),
    appointments: [], target: null, targetDay: null, reminder: null, offer: null, outbox: { replies: [], effects: [] },
  };
}

/** Used before any inbound message has told us about the clinic (e.g. a timer fired first). */
const NO_TURN: TurnContext = {
  now: 0, timezone: 'UTC', channel: 'whatsapp', clinic: { name: '', phone: '' }, services: [], providers: [], locations: [],
  patient: { known: false, firstName: null, isNew: true, language: null, optedOut: false },
};

export function turnOf(ctx: DialogContext): TurnContext {
  return ctx.turn ?? NO_TURN;
}

export function serviceById(ctx: DialogContext, id: string | null): ServiceInfo | null {
  return id ? (turnOf(ctx).services.find((s) => s.id === id) ?? null) : null;
}

export function providerById(ctx: DialogContext, id: string | null): ProviderInfo | null {
  return id ? (turnOf(ctx).providers.find((p) => p.id === id) ?? null) : null;
}

export function serviceName(ctx: DialogContext, service: ServiceInfo): string {
  return ctx.lang === 'es' && service.nameEs ? service.nameEs : service.name;
}

/** Name details are needed only from patients the clinic does not know yet. */
export function needsPatientDetails(ctx: DialogContext): boolean {
  return !turnOf(ctx).patient.known && ctx.booking.rescheduleOf === null;
}

export function messageOf(event: MachineEvent): Understanding | null {
  return 'u' in event ? event.u : null;
}

export function resultOf(event: MachineEvent): EffectResult | null {
  return event.type === 'RESULT' ? event.result : null;
}
