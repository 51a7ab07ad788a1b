import type { Choice, Language, TurnContext } from '../types.js';
import { type ChoicePick, pickChoice } from './choices.js';
import { type Command, detectCommand, isBareCancel, isStartWord } from './commands.js';
import { type WhenPreference, parseWhen } from './dates.js';
import { matchLocation, matchProvider, matchService } from './entities.js';
import { type Intent, detectIntent, isGreeting, isThanks } from './intents.js';
import { detectLanguage, requestedLanguage } from './language.js';
import { lexicon } from './lexicon.js';
import { clip, firstPhrase, normalize, removePhrase, tokenize } from './normalize.js';
import { yesOrNo } from './yes-no.js';

/**
 * Everything the NLU can tell about one message, computed once per turn and handed to the machine.
 * It is plain data: the machine's guards decide which parts matter in the current state.
 */
export interface Understanding {
  /** The message as received (clipped), for names and dates of birth. */
  text: string;
  normalized: string;
  words: number;
  empty: boolean;
  choice: ChoicePick;
  yesNo: 'yes' | 'no' | null;
  command: Command | null;
  startWord: boolean;
  bareCancel: boolean;
  /** The patient asked for a language ("español"). */
  languageRequest: Language | null;
  /** Nothing but a language request ("español", "in English please"). */
  languageOnly: boolean;
  detectedLanguage: Language | null;
  intent: Intent | null;
  greeting: boolean;
  thanks: boolean;
  serviceId: string | null;
  serviceCandidates: string[];
  providerId: string | null;
  providerCandidates: string[];
  unknownProvider: string | null;
  anyProvider: boolean;
  locationId: string | null;
  when: WhenPreference | null;
  invalidDate: boolean;
  /** A clock time ("2:30 pm") in local minutes. */
  clock: number | null;
  moreTimes: boolean;
  anotherDay: boolean;
  waitlist: boolean;
  /** "actually", "mejor": the patient is changing an earlier answer. */
  correction: boolean;
}

export interface UnderstandInput {
  text: unknown;
  choiceId?: unknown;
  choices: readonly Choice[];
  language: Language;
  turn: TurnContext;
}

/** Words that may accompany a language request without asking for anything else. */
const LANGUAGE_FILLERS = new Set(['in', 'en', 'please', 'por', 'favor', 'speak', 'habla', 'hablas', 'hablame', 'talk', 'switch',
  'to', 'a', 'can', 'we', 'you', 'puedes', 'continue', 'continuar', 'seguir', 'sigue', 'change', 'cambiar', 'cambia', 'do',
  'prefer', 'prefiero', 'mejor', 'en', 'si', 'yes', 'ok', 'the', 'i', 'de', 'nuevo', 'back', 'lets']);

export function understand(input: UnderstandInput): Understanding {
  const { turn } = input;
  const text = clip(input.text);
  const choiceId = typeof input.choiceId === 'string' && input.choiceId.length <= 256 ? input.choiceId : undefined;
  const normalized = normalize(text);
  const words = tokenize(normalized);
  const lex = lexicon();

  const languageRequest = requestedLanguage(normalized);
  let languageOnly = false;
  if (languageRequest) {
    let rest = normalized;
    for (const name of lex.all('languageNames')) rest = removePhrase(rest, name);
    languageOnly = tokenize(rest).every((w) => LANGUAGE_FILLERS.has(w));
  }

  const when = parseWhen(text, input.language, turn.now, turn.timezone);
  const service = matchService(words, turn.services);
  const provider = matchProvider(words, text, turn.providers);
  const location = matchLocation(words, turn.locations);
  let intent = detectIntent(normalized);
  // "late afternoon tomorrow" is a time wish, not "I'm running late".
  if (intent === 'late' && when.when?.singleDay) intent = 'book';
  const has = (key: 'moreTimes' | 'anotherDay' | 'waitlist' | 'anyProvider' | 'correction') => firstPhrase(normalized, lex.all(key)) !== null;

  return {
    text,
    normalized,
    words: words.length,
    empty: words.length === 0 && !choiceId,
    choice: pickChoice(text, choiceId, input.choices),
    yesNo: yesOrNo(normalized, text),
    command: detectCommand(normalized, turn.channel),
    startWord: isStartWord(normalized),
    bareCancel: isBareCancel(normalized),
    languageRequest,
    languageOnly,
    detectedLanguage: detectLanguage(normalized, text),
    intent,
    greeting: isGreeting(normalized),
    thanks: isThanks(normalized),
    serviceId: service.id,
    serviceCandidates: service.candidates,
    providerId: provider.id,
    providerCandidates: provider.candidates,
    unknownProvider: provider.unknownName,
    anyProvider: has('anyProvider') && provider.candidates.length === 0,
    locationId: location.id,
    when: when.when,
    invalidDate: when.invalidDate,
    clock: when.clock,
    // "next week" names days, not "more times".
    moreTimes: words.length <= 5 && has('moreTimes') && when.when === null,
    anotherDay: words.length <= 5 && has('anotherDay') && when.when === null,
    waitlist: has('waitlist'),
    correction: has('correction'),
  };
}

/** True when the message names something a booking needs (service, provider, day or place). */
export function hasBookingFacts(u: Understanding): boolean {
  return u.serviceId !== null || u.serviceCandidates.length > 1 || u.providerId !== null || u.unknownProvider !== null ||
    u.when !== null || u.invalidDate || u.locationId !== null;
}
