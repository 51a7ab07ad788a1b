import * as chrono from 'chrono-node';
import type { Language, PartOfDay } from '../types.js';
import { addDays, isRealDate, localDate, offsetMinutes, weekdayOf } from '../format/local-time.js';
import { findClock, findClockAfter } from './clock.js';
import { lexicon } from './lexicon.js';
import { hasPhrase, normalize, removePhrase, stripMarkup } from './normalize.js';

/**
 * Day and time wishes ("Thursday after 2", "tmrw morning", "mañana por la tarde", "next week") turned
 * into a search window in the clinic's zone. chrono does the calendar work; this module deals with
 * what chrono gets wrong for us: Spanish "mañana" vs "por la mañana", parts of day, "after 2",
 * ranges like "next week", and dates that do not exist ("Feb 30"), which chrono silently skips.
 */

export interface WhenPreference {
  fromDate: string;
  toDate: string;
  partOfDay: PartOfDay | null;
  notBeforeMinutes: number | null;
  /** One day was named ("Thursday", "tomorrow"), as opposed to a range ("next week", "any morning"). */
  singleDay: boolean;
}

export interface WhenParse {
  when: WhenPreference | null;
  /** The patient named a date that does not exist. */
  invalidDate: boolean;
  /** A clock time written as such ("2:30", "3pm"), in local minutes; used to pick an offered time. */
  clock: number | null;
}

const SEARCH_DAYS = 7;

/** Casual spellings of "tomorrow" chrono does not know. */
const TOMORROW_SLANG = /\b(tmrw|tmrow|tmr|tomoz|2moro|2morrow|tomorow|tommorow|tommorrow|tomorro)\b/g;

/** chrono's Spanish parser wants its accents back. */
const SPANISH_ACCENTS: Record<string, string> = { manana: 'mañana', miercoles: 'miércoles', sabado: 'sábado', proximo: 'próximo', proxima: 'próxima' };

/** Three-letter day names are also English and Spanish words ("sat", "sun", "mar"). */
const AMBIGUOUS_DAY_WORDS = new Set(['sat', 'sun', 'mon', 'wed', 'mar', 'may', 'dom', 'sab', 'vie', 'jue', 'lun', 'mie']);

const NOON = /(?:^|\s)(?:after|from|despues de(?:l| las| la)?|a partir de(?:l| las| la)?)\s+(noon|midday|lunch|mediodia|comer|almorzar)\b/;

function dateText(text: string): string {
  // Lower case and accent-free like `normalize`, but keeping ":" "/" "." so "2:30" and "30/11" survive.
  return stripMarkup(text)
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’`´]/g, '')
    .replace(/[^\p{L}\p{N}:/.\s-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

interface ChronoDay {
  date: string;
  single: boolean;
}

/**
 * Every word chrono can build a day from: its casual words, and the weekday, month and time-unit
 * names of its English and Spanish dictionaries, accents removed (dates.spec.ts checks this against
 * chrono's own dictionaries). A text with none of them and no digit cannot name a day, so chrono —
 * the costliest step in understanding a message like "help" or "yes" — is not asked.
 */
const DAY_WORDS = new Set([
  'now', 'today', 'tonight', 'tomorrow', 'overmorrow', 'tmr', 'tmrw', 'yesterday', 'night', 'morning', 'afternoon', 'evening', 'midnight', 'midday', 'noon',
  'ahora', 'hoy', 'manana', 'ayer', 'tarde', 'noche', 'medianoche', 'mediodia',
  ...('sun sunday mon monday tue tuesday wed wednesday thu thur thurs thursday fri friday sat saturday '
    + 'dom domingo lun lunes mar martes mie miercoles jue jueves vie viernes sab sabado').split(' '),
  ...('jan january feb february mar march apr april may jun june jul july aug august sep sept september oct october nov november dec december '
    + 'ene enero febrero marzo abr abril mayo junio julio ago agosto septiembre setiembre octubre noviembre dic diciembre').split(' '),
  ...('s sec second seconds m min mins minute minutes h hr hrs hour hours d day days w week weeks mo mos month months qtr quarter quarters y yr year years '
    + 'segundo segundos minuto minutos hora horas dia dias semana semanas mes meses cuarto cuartos ano anos').split(' '),
]);

/**
 * Digits name a day only as a numeric date ("26/11", "11-26", "26.11", "2026-11-26") or next to one
 * of the words above ("Nov 26", "the 26th of May"); a choice number ("1") or a time ("at 3") does not.
 */
const NUMERIC_DATE = /\d\s*[/.-]\s*\d|\d{4}/;

export function mightNameADay(text: string): boolean {
  return NUMERIC_DATE.test(text) || text.split(/[\s.:/-]+/).some((word) => DAY_WORDS.has(word));
}

function chronoDay(text: string, language: Language, now: number, zone: string, wordCount: number): ChronoDay | null {
  if (!mightNameADay(text)) return null;
  const reference = { instant: new Date(now), timezone: offsetMinutes(now, zone) };
  const order = language === 'es' ? [chrono.es, chrono.en] : [chrono.en, chrono.es];
  for (const parser of order) {
    const input = parser === chrono.es ? text.replace(/\b(manana|miercoles|sabado|proximo|proxima)\b/g, (w) => SPANISH_ACCENTS[w] ?? w) : text;
    let results: chrono.ParsedResult[];
    try {
      results = parser.parse(input, reference, { forwardDate: true });
    } catch {
      results = [];
    }
    for (const result of results) {
      const start = result.start;
      if (start.tags().has('result/relativeDateAndTime')) continue; // "10 min late", "in 3 hours"
      const matched = result.text.trim().toLowerCase();
      if (AMBIGUOUS_DAY_WORDS.has(matched) && wordCount > 3) continue; // "I sat down", "may I book"
      const year = start.get('year');
      const month = start.get('month');
      const day = start.get('day');
      if (year === null || month === null || day === null) continue;
      const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      if (start.isCertain('day')) return { date, single: true };
      if (start.isCertain('weekday')) {
        // "Monday" said on a Monday means next week's: today would have been "today".
        const today = localDate(now, zone);
        return { date: date === today ? addDays(today, 7) : date, single: true };
      }
      // A month alone ("in December"): the first week of it we can still offer. Far-off years are
      // misreadings ("Feb 30" as February 2030).
      if (start.isCertain('month') && !start.isCertain('year') && year <= Number(localDate(now, zone).slice(0, 4)) + 1) {
        return { date, single: false };
      }
    }
  }
  return null;
}

/** "Feb 30", "30 de febrero", "2/30": a day the calendar does not have. chrono ignores these silently. */
function mentionsImpossibleDate(text: string, language: Language, year: number): boolean {
  const months = lexicon().months(language).concat(lexicon().months(language === 'en' ? 'es' : 'en'));
  const monthIndex = (word: string) => months.findIndex((names) => names.includes(word)) % 12;
  const check = (monthNumber: number, day: number) =>
    monthNumber >= 1 && monthNumber <= 12 && day >= 1 && day <= 31 && !isRealDate(year, monthNumber, day) && !isRealDate(year + 1, monthNumber, day);
  for (const m of text.matchAll(/\b(\p{L}{3,})\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b/gu)) {
    const index = monthIndex(m[1]!);
    if (index >= 0 && check(index + 1, Number(m[2]))) return true;
  }
  for (const m of text.matchAll(/\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:de\s+|of\s+)?(\p{L}{3,})\b/gu)) {
    const index = monthIndex(m[2]!);
    if (index >= 0 && check(index + 1, Number(m[1]))) return true;
  }
  for (const m of text.matchAll(/(?<![\d:])(\d{1,2})\/(\d{1,2})(?:\/\d{2,4})?(?![\d:])/g)) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    const [monthNumber, day] = language === 'es' ? [b, a] : [a, b];
    if (check(monthNumber, day)) return true;
  }
  return false;
}

function partOfDayIn(normalized: string, parts: Record<PartOfDay, readonly string[]>): { part: PartOfDay; phrase: string } | null {
  let best: { part: PartOfDay; phrase: string } | null = null;
  for (const part of ['morning', 'afternoon', 'evening'] as const) {
    for (const phrase of parts[part]) {
      if (hasPhrase(normalized, phrase) && (!best || phrase.length > best.phrase.length)) best = { part, phrase };
    }
  }
  return best;
}

export function parseWhen(rawText: string, language: Language, now: number, zone: string): WhenParse {
  const lex = lexicon();
  const today = localDate(now, zone);
  let text = dateText(rawText).replace(TOMORROW_SLANG, 'tomorrow');
  // Greetings that contain part-of-day words ("good morning", "buenas tardes") say nothing about time.
  for (const phrase of lex.all('greetingTimes')) text = removePhrase(text, phrase);

  let notBefore: number | null = null;
  const noon = NOON.exec(text);
  if (noon) {
    notBefore = noon[1] === 'lunch' || noon[1] === 'comer' || noon[1] === 'almorzar' ? 13 * 60 : 12 * 60;
    text = text.replace(noon[0], ' ');
  }
  const after = findClockAfter(text, lex.all('after'));
  if (after) {
    notBefore = after.minutes;
    text = `${text.slice(0, after.index)} ${text.slice(after.index + after.length)}`;
  }
  const clockHit = findClock(text);
  const clock = clockHit?.minutes ?? null;
  if (clockHit) {
    notBefore ??= clockHit.minutes;
    text = `${text.slice(0, clockHit.index)} ${text.slice(clockHit.index + clockHit.length)}`;
  }
  // "at 3", "a las 3": an hour without minutes or am/pm, named as a time.
  const atHour = /(?:^|\s)(?:at|around|about|a las|sobre las|hacia las|las)\s+(\d{1,2})(?=$|[\s,.!?])/.exec(text);
  if (atHour && notBefore === null) {
    const hour = Number(atHour[1]);
    if (hour >= 1 && hour <= 23) {
      notBefore = (hour <= 6 ? hour + 12 : hour) * 60;
      text = text.replace(atHour[0], ' ');
    }
  }

  let normalized = normalize(text);
  let part: PartOfDay | null = null;
  let forceToday = false;
  const todayPart = partOfDayIn(normalized, mergeParts(lex.todayParts('en'), lex.todayParts('es')));
  if (todayPart) {
    part = todayPart.part;
    forceToday = true;
    normalized = removePhrase(normalized, todayPart.phrase);
  } else {
    const dayPart = partOfDayIn(normalized, mergeParts(lex.partsOfDay('en'), lex.partsOfDay('es')));
    if (dayPart) {
      part = dayPart.part;
      normalized = removePhrase(normalized, dayPart.phrase);
      text = removeLoose(text, dayPart.phrase);
    }
  }
  const words = normalized ? normalized.split(' ').length : 0;

  let range: { from: string; to: string; single: boolean } | null = null;
  const has = (key: 'nextWeek' | 'thisWeek' | 'weekend' | 'asap' | 'dayAfterTomorrow') => lex.all(key).some((p) => hasPhrase(normalized, p));
  if (forceToday) {
    range = { from: today, to: today, single: true };
  } else if (has('dayAfterTomorrow')) {
    range = { from: addDays(today, 2), to: addDays(today, 2), single: true };
  } else if (has('nextWeek')) {
    const monday = addDays(today, 8 - weekdayOf(today));
    range = { from: monday, to: addDays(monday, 6), single: false };
  } else if (has('thisWeek')) {
    range = { from: today, to: addDays(today, 7 - weekdayOf(today)), single: false };
  } else if (has('weekend')) {
    const saturday = addDays(today, (6 - weekdayOf(today) + 7) % 7);
    range = { from: saturday, to: addDays(saturday, 1), single: false };
  } else if (mentionsImpossibleDate(text, language, Number(today.slice(0, 4)))) {
    // Checked before chrono, which would read "Feb 30" as February 2030.
    return { when: null, invalidDate: true, clock };
  } else {
    const found = chronoDay(text, language, now, zone, words);
    if (found) {
      const from = found.date < today ? today : found.date;
      range = { from, to: found.single ? from : addDays(from, SEARCH_DAYS - 1), single: found.single };
    } else if (has('asap')) {
      range = { from: today, to: addDays(today, SEARCH_DAYS - 1), single: false };
    }
  }

  if (!range && (part !== null || notBefore !== null)) {
    range = { from: today, to: addDays(today, SEARCH_DAYS - 1), single: false };
  }
  const when = range
    ? { fromDate: range.from, toDate: range.to, partOfDay: part, notBeforeMinutes: notBefore, singleDay: range.single }
    : null;
  return { when, invalidDate: false, clock };
}

function mergeParts(a: Record<PartOfDay, readonly string[]>, b: Record<PartOfDay, readonly string[]>): Record<PartOfDay, string[]> {
  return { morning: [...a.morning, ...b.morning], afternoon: [...a.afternoon, ...b.afternoon], evening: [...a.evening, ...b.evening] };
}

/** Removes a normalized phrase from lightly cleaned text (which may still hold ":" or "/"). */
function removeLoose(text: string, phrase: string): string {
  const pattern = new RegExp(`(^|\\s)${phrase.split(' ').join('\\s+')}(?=$|\\s)`, 'g');
  return text.replace(pattern, ' ').replace(/\s+/g, ' ').trim();
}
