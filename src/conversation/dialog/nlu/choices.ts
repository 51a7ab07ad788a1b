import type { Choice } from '../types.js';
import { lexicon } from './lexicon.js';
import { normalize, tokenize } from './normalize.js';

/**
 * Which of the last offered choices a reply picks: a tapped id first, then the label typed back
 * (SMS users and WhatsApp fallbacks send the label), then a number ("2", "2.", "#2", "option 2"),
 * then an ordinal ("the second one", "la segunda", "last").
 */

export interface ChoicePick {
  id: string | null;
  /** A number the patient sent, in range or not (to say "pick 1 to 5" when out of range). */
  number: number | null;
}

const NUMBER = /^\s*(?:#|n[o°º]\.?|nr\.?|num\.?|number|option|opcion|opción|numero|número|choice)?\s*#?\s*(\d{1,2})\s*(?:st|nd|rd|th|º|ª)?\s*[.)!:]?\s*$/i;

export function parseNumber(text: string): number | null {
  const match = NUMBER.exec(text.slice(0, 40));
  return match ? Number(match[1]) : null;
}

function ordinal(normalized: string, count: number): number | null {
  const lex = lexicon();
  const fillers = new Set(lex.all('fillers'));
  const words = tokenize(normalized);
  if (words.length === 0 || words.length > 5) return null;
  const meaningful = words.filter((w) => !fillers.has(w));
  const rest = (meaningful.length > 0 ? meaningful : words).join(' ');
  if (lex.all('last').includes(rest)) return count;
  const index = lex.ordinals().findIndex((names) => names.includes(rest));
  return index >= 0 ? index + 1 : null;
}

export function pickChoice(text: string, choiceId: string | undefined, choices: readonly Choice[]): ChoicePick {
  if (choiceId && choices.some((c) => c.id === choiceId)) return { id: choiceId, number: null };
  const number = parseNumber(text);
  if (choices.length === 0) return { id: null, number };
  const normalized = normalize(text);
  if (normalized) {
    const byLabel = choices.filter((c) => normalize(c.label) === normalized);
    if (byLabel.length === 1) return { id: byLabel[0]!.id, number };
  }
  if (number !== null) return { id: number >= 1 && number <= choices.length ? choices[number - 1]!.id : null, number };
  const position = ordinal(normalized, choices.length);
  if (position !== null && position <= choices.length) return { id: choices[position - 1]!.id, number: position };
  return { id: null, number: null };
}
