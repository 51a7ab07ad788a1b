/**
 * The contract between the pure dialog core and the runtime. The runtime depends on these exact
 * shapes; change them only together with it.
 */

export type Language = 'en' | 'es';
export type Channel = 'whatsapp' | 'sms';
export type PartOfDay = 'morning' | 'afternoon' | 'evening';

export interface ServiceInfo {
  id: string;
  code: string;
  name: string;
  nameEs: string | null;
  durationMinutes: number;
  newPatientOnly: boolean;
  telehealth: boolean;
}

export interface ProviderInfo {
  id: string;
  name: string;
  shortName: string;
  serviceIds: string[];
  languages: string[];
}

export interface LocationInfo {
  id: string;
  name: string;
  address: string;
}

/** Facts the runtime supplies fresh with every inbound message (never rely on stale copies). */
export interface TurnContext {
  now: number;
  timezone: string;
  channel: Channel;
  clinic: { name: string; phone: string };
  services: ServiceInfo[];
  providers: ProviderInfo[];
  locations: LocationInfo[];
  patient: { known: boolean; firstName: string | null; isNew: boolean; language: Language | null; optedOut: boolean };
}

export interface SlotOption {
  start: number;
  end: number;
  timezone: string;
  providerId: string;
  providerName: string;
  providerShortName: string;
  locationId: string | null;
  locationName: string | null;
  locationAddress: string | null;
  serviceId: string;
  serviceName: string;
}

export interface AppointmentSummary extends SlotOption {
  appointmentId: string;
  status: string;
}

/** A freed slot offered to the patient from the waitlist, held for them until `expiresAt`. */
export interface WaitlistOfferSummary extends SlotOption {
  offerId: string;
  expiresAt: number;
  /** The clinic's claim window, for "I'll hold it for 30 minutes". */
  claimMinutes: number;
}

export interface Choice {
  id: string;
  label: string;
}

/** Channel-neutral; each channel renders it (see src/conversation/render). */
export interface Reply {
  text: string;
  choices?: Choice[];
}

export interface SearchCriteria {
  serviceId: string;
  providerId: string | null;
  locationId: string | null;
  /** Local YYYY-MM-DD, inclusive. */
  fromDate: string;
  toDate: string;
  partOfDay: PartOfDay | null;
  /** Local minutes after midnight ("after 2" = 840). */
  notBeforeMinutes: number | null;
  limit: number;
}

export type Effect =
  | { kind: 'searchSlots'; id: string; criteria: SearchCriteria }
  | { kind: 'placeHold'; id: string; slot: SlotOption; releaseToken: string | null }
  | { kind: 'releaseHold'; id: string; holdToken: string }
  | {
      kind: 'book'; id: string; slot: SlotOption; holdToken: string; idempotencyKey: string;
      patient: { fullName: string | null; dateOfBirth: string | null };
      rescheduleOf: string | null;
    }
  | { kind: 'listAppointments'; id: string }
  | { kind: 'cancelAppointment'; id: string; appointmentId: string }
  | { kind: 'confirmAppointment'; id: string; appointmentId: string }
  | { kind: 'joinWaitlist'; id: string; serviceId: string; providerId: string | null; fromDate: string; toDate: string }
  | { kind: 'acceptWaitlistOffer'; id: string; offerId: string }
  | { kind: 'declineWaitlistOffer'; id: string; offerId: string }
  | { kind: 'handOff'; id: string; reason: 'requested' | 'not_understood' }
  | { kind: 'setLanguage'; id: string; language: Language }
  | { kind: 'optOut'; id: string }
  | { kind: 'optIn'; id: string };

export type EffectKind = Effect['kind'];

export type EffectError = 'slot_taken' | 'hold_expired' | 'not_allowed' | 'not_found' | 'internal';

export type EffectResult =
  | { id: string; kind: 'searchSlots'; ok: true; slots: SlotOption[] }
  | { id: string; kind: 'placeHold'; ok: true; holdToken: string; expiresAt: number }
  | { id: string; kind: 'book'; ok: true; appointment: AppointmentSummary; videoLink: string | null; calendarLink: string | null }
  | { id: string; kind: 'acceptWaitlistOffer'; ok: true; appointment: AppointmentSummary }
  | { id: string; kind: 'listAppointments'; ok: true; appointments: AppointmentSummary[] }
  | { id: string; kind: 'cancelAppointment'; ok: true; lateCancellation: boolean }
  | { id: string; kind: 'confirmAppointment' | 'joinWaitlist' | 'declineWaitlistOffer' | 'handOff' | 'setLanguage' | 'optOut' | 'optIn' | 'releaseHold'; ok: true }
  | { id: string; kind: EffectKind; ok: false; error: EffectError; alternatives?: SlotOption[] };

export type DialogEvent =
  | { type: 'INBOUND'; text: string; choiceId?: string; turn: TurnContext }
  | { type: 'EFFECT_RESULT'; result: EffectResult }
  /** A hold lapsed; with `holdToken`, only that hold (a later one is left alone). */
  | { type: 'HOLD_EXPIRED'; holdToken?: string }
  | { type: 'STAFF_HANDBACK' }
  | { type: 'REMINDER_SENT'; appointment: AppointmentSummary }
  /** The clinic offers the patient a freed slot; the dialog words the offer in `language` unless it already knows theirs. */
  | { type: 'WAITLIST_OFFER'; offer: WaitlistOfferSummary; language: Language };

/** JSON-serialisable; what the runtime stores. Contains no functions, promises or class instances. */
export type PersistedDialog = { version: number; state: unknown };

export type DialogStatus = 'active' | 'handoff' | 'opted_out';

export interface StepResult {
  persisted: PersistedDialog;
  replies: Reply[];
  effects: Effect[];
  status: DialogStatus;
}
