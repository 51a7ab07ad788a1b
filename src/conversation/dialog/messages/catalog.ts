import type { Language } from '../types.js';

/**
 * Everything the bot says, and the words it listens for, per language. `en.ts` and `es.ts` are both
 * typed as `Catalog`, so a key missing from either is a compile error. Parameters arrive already
 * formatted (dates, times, names); the catalog only decides wording and word order.
 */

/** "Thu 26 Nov" plus whether it is today or tomorrow, so the catalog can say "tomorrow, Tue 24 Nov". */
export interface DayPhrase {
  relative: 'today' | 'tomorrow' | null;
  day: string;
}

export interface SlotsHeader {
  /** day: one day asked for; nearest: a range; fallback: nothing fitted the wish; more: next page; taken: the chosen time went. */
  kind: 'day' | 'nearest' | 'fallback' | 'more' | 'taken';
  /** Short name when every offered time is with one provider. */
  provider: string | null;
  service: string;
  /** Set when every offered time is on one day. */
  day: DayPhrase | null;
  /** Location name when every offered time is at one place. */
  place: string | null;
  video: boolean;
  /** What could not be met, e.g. "Thu 26 Nov after 2:00 pm" (fallback only). */
  wish: string | null;
}

export interface SummaryParams {
  when: string;
  providerFull: string;
  service: string;
  minutes: number;
  /** "Downtown, 120 Main St", or null for video visits. */
  place: string | null;
  patientName: string | null;
  dateOfBirth: string | null;
  /** "Thu 26 Nov, 2:30 pm" of the appointment being moved. */
  rescheduleFrom: string | null;
  /** The hold ran out; booking will try to take the time again. */
  lapsed: boolean;
}

export interface BookedParams {
  /** "Thu 26 Nov, 2:30–3:00 pm" */
  range: string;
  provider: string;
  place: string | null;
  videoLink: string | null;
  calendarLink: string | null;
  rescheduled: boolean;
}

export type DobProblem = 'unreadable' | 'impossible' | 'future' | 'too_old';

/** Words and phrases the NLU listens for. Matched accent- and case-insensitively, on word boundaries. */
export interface Vocabulary {
  yes: string[];
  no: string[];
  greetings: string[];
  thanks: string[];
  help: string[];
  human: string[];
  menu: string[];
  back: string[];
  abandon: string[];
  book: string[];
  appointments: string[];
  reschedule: string[];
  cancel: string[];
  confirm: string[];
  cantMakeIt: string[];
  late: string[];
  anyProvider: string[];
  moreTimes: string[];
  anotherDay: string[];
  waitlist: string[];
  correction: string[];
  /** ordinals[i] = words meaning choice i + 1. */
  ordinals: string[][];
  last: string[];
  /** Words that may surround a number or ordinal without changing it ("option", "the", "one"). */
  fillers: string[];
  /** Names of this catalog's language, to switch to it ("español", "spanish"). */
  languageNames: string[];
  /** Common words that suggest the message is written in this language. */
  markers: string[];
  /** Synonyms per service code. */
  services: Record<string, string[]>;
  /** Titles before provider names. */
  titles: string[];
  partsOfDay: { morning: string[]; afternoon: string[]; evening: string[] };
  /** "this afternoon", "tonight": part of day that also means today. */
  todayParts: { morning: string[]; afternoon: string[]; evening: string[] };
  /** Prefixes meaning "not before" a clock time: "after", "después de las". */
  after: string[];
  asap: string[];
  nextWeek: string[];
  thisWeek: string[];
  weekend: string[];
  dayAfterTomorrow: string[];
  /** Phrases that contain part-of-day words but are greetings ("good morning", "buenas tardes"). */
  greetingTimes: string[];
  months: string[][];
  /** Lead-ins before a name ("my name is", "me llamo"). */
  namePrefixes: string[];
}

export interface Catalog {
  lang: Language;
  format: {
    weekdays: readonly string[];
    months: readonly string[];
    clock: '12h' | '24h';
    am: string;
    pm: string;
    /** "3 Dec 1985" style date of birth. */
    dateOfBirth(day: number, month: string, year: number): string;
    /** Joins a list of names: "Dr. Patel and Dr. García". */
    list(items: string[]): string;
  };
  vocab: Vocabulary;

  /** Provider as said mid-sentence ("Dr. Patel", "el Dr. García"). */
  provider(shortName: string): string;
  dayPhrase(day: DayPhrase): string;
  partOfDay(part: 'morning' | 'afternoon' | 'evening'): string;
  after(time: string): string;

  greeting(firstName: string | null): string;
  menuPrompt(firstName: string | null, greet: boolean): string;
  menu: { book: string; appointments: string; reschedule: string; cancel: string; staff: string };
  anythingElse: string;
  welcomeBack(firstName: string | null): string;
  notUnderstood: string;
  notUnderstoodMenu: string;
  lostTrack: string;
  apology: string;
  somethingWrong(phone: string): string;
  youreWelcome: string;
  okay: string;
  dropped: string;
  help(clinic: string, phone: string): string;
  handoff(phone: string): string;
  optedOut(clinic: string): string;
  optedIn(clinic: string): string;
  languageSwitched: string;

  askService(forProvider: string | null): string;
  somethingElse: string;
  askProvider(service: string): string;
  firstAvailable: string;
  onlyProvider(provider: string, service: string): string;
  askDay: string;
  askDayReschedule(current: string, provider: string): string;
  invalidDate: string;
  newPatientOnly(service: string, alternative: string | null): string;
  yesService(service: string): string;
  providerDoesNotOffer(provider: string, service: string, others: string[]): string;
  yesProvider(provider: string): string;
  unknownProvider(name: string): string;
  slotsHeader(header: SlotsHeader): string;
  otherTimes: string;
  anotherDay: string;
  joinWaitlist: string;
  noMoreTimes: string;
  waitlistOffer(service: string, provider: string | null, from: string, to: string): string;
  yesWaitlist: string;
  waitlistJoined(from: string, to: string): string;
  slotTaken: string;
  holding(time: string, minutes: number | null): string;
  askName: string;
  badName: string;
  askDob: string;
  badDob(problem: DobProblem): string;
  summary(params: SummaryParams): string;
  yesBook: string;
  yesMove: string;
  no: string;
  holdLapsed(time: string): string;
  confirmAgain: string;
  booked(params: BookedParams): string;
  bookFailed(phone: string): string;
  notAllowed(phone: string): string;

  noAppointments: string;
  appointmentsList(lines: string[]): string;
  appointmentLine(when: string, service: string, provider: string, place: string | null): string;
  whichToCancel: string;
  whichToReschedule: string;
  cancelConfirm(when: string, provider: string): string;
  yesCancel: string;
  noKeep: string;
  keptIt: string;
  cancelled(when: string, provider: string, late: boolean): string;
  rebookOffer: string;
  bookAgain: string;
  noThanks: string;
  notFound: string;

  confirmed(when: string, provider: string): string;
  changeOrCancel(when: string, provider: string): string;
  changeTime: string;
  reminderPrompt(when: string, provider: string): string;
  /** The reminder itself, for the runtime to send (the choices add "1 Confirm 2 … 3 …"). */
  reminder(day: string, time: string, provider: string, place: string | null): string;
  /** Shown instead of a location for video visits in short labels. */
  video: string;
  reminderChoices: { confirm: string; change: string; cancel: string };

  /** A freed slot offered from the waitlist, held for `minutes`. */
  slotOffer(params: { when: string; provider: string; service: string; place: string | null; minutes: number }): string;
  offerDeclined: string;
  /** The offer expired or the time went before the patient said yes. */
  offerGone: string;
}
