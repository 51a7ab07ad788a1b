import { lexicon } from './lexicon.js';
import { firstPhrase } from './normalize.js';

/** What the patient wants to do, when the message says it. Order matters: the more specific wins. */
export type Intent = 'cantMakeIt' | 'late' | 'cancel' | 'reschedule' | 'confirm' | 'appointments' | 'book';

const ORDER: readonly Intent[] = ['cantMakeIt', 'late', 'cancel', 'reschedule', 'confirm', 'appointments', 'book'];

export function detectIntent(normalized: string): Intent | null {
  const lex = lexicon();
  for (const intent of ORDER) if (firstPhrase(normalized, lex.all(intent))) return intent;
  return null;
}

export function isGreeting(normalized: string): boolean {
  return firstPhrase(normalized, lexicon().all('greetings')) !== null;
}

export function isThanks(normalized: string): boolean {
  return firstPhrase(normalized, lexicon().all('thanks')) !== null;
}
