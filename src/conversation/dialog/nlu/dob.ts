import type { Language } from '../types.js';
import type { DobProblem } from '../messages/catalog.js';
import { isRealDate, localDate } from '../format/local-time.js';
import { lexicon } from './lexicon.js';
import { normalize } from './normalize.js';

/**
 * Dates of birth in the forms people type: 12/03/1985, 12-03-85, 1985-03-12, "March 12 1985",
 * "12 March 1985", "12 de marzo de 1985". Numeric day/month order follows the conversation language
 * (US month-first in English, day-first in Spanish) unless only one reading is possible.
 * Not chrono: it resolves partial dates towards the future, which is wrong for a birth date.
 */

export type DobResult = { ok: true; date: string } | { ok: false; problem: DobProblem };

const MAX_AGE_YEARS = 120;

function expandYear(year: number, digits: number, currentYear: number): number {
  if (digits > 2) return year;
  // Two-digit years: the most recent past year with those digits.
  const century = Math.floor(currentYear / 100) * 100;
  return century + year > currentYear ? century - 100 + year : century + year;
}

function monthFromWord(word: string): number | null {
  const lex = lexicon();
  for (const language of ['en', 'es'] as const) {
    const index = lex.months(language).findIndex((names) => names.includes(word));
    if (index >= 0) return index + 1;
  }
  return null;
}

export function parseDateOfBirth(text: string, language: Language, now: number, zone: string): DobResult {
  const clean = text.trim().toLowerCase();
  const today = localDate(now, zone);
  const currentYear = Number(today.slice(0, 4));
  let parts: { year: number; month: number; day: number } | null = null;

  const iso = /(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/.exec(clean);
  const numeric = /(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})(?!\d)/.exec(clean);
  if (iso) {
    parts = { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
  } else if (numeric) {
    const a = Number(numeric[1]);
    const b = Number(numeric[2]);
    const year = expandYear(Number(numeric[3]), numeric[3]!.length, currentYear);
    let [month, day] = language === 'es' ? [b, a] : [a, b];
    // Only one reading is a real month: take it whatever the language.
    if (month > 12 && day <= 12) [month, day] = [day, month];
    parts = { year, month, day };
  } else {
    const words = normalize(clean).split(' ').filter((w) => w !== 'de' && w !== 'of' && w !== 'del' && w !== 'the');
    let month: number | null = null;
    const numbers: { value: number; digits: number }[] = [];
    for (const word of words) {
      const ordinal = /^(\d{1,4})(?:st|nd|rd|th|o|a)?$/.exec(word);
      if (ordinal) numbers.push({ value: Number(ordinal[1]), digits: ordinal[1]!.length });
      else month ??= monthFromWord(word);
    }
    if (month !== null && numbers.length >= 2) {
      const yearEntry = numbers.find((n) => n.digits >= 3) ?? numbers[1]!;
      const dayEntry = numbers.find((n) => n !== yearEntry)!;
      parts = { year: expandYear(yearEntry.value, yearEntry.digits, currentYear), month, day: dayEntry.value };
    }
  }

  if (!parts) return { ok: false, problem: 'unreadable' };
  const { year, month, day } = parts;
  if (month < 1 || month > 12 || day < 1 || day > 31 || !isRealDate(year, month, day)) return { ok: false, problem: 'impossible' };
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (date > today) return { ok: false, problem: 'future' };
  if (currentYear - year > MAX_AGE_YEARS) return { ok: false, problem: 'too_old' };
  return { ok: true, date };
}
