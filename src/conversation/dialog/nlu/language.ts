import type { Language } from '../types.js';
import { lexicon } from './lexicon.js';
import { hasPhrase, tokenize } from './normalize.js';

/** Which language a message is written in, when it says enough to tell; null when it does not. */
export function detectLanguage(normalized: string, raw: string): Language | null {
  const lex = lexicon();
  const words = tokenize(normalized);
  const en = new Set(lex.of('en', 'markers'));
  const es = new Set(lex.of('es', 'markers'));
  let scoreEn = 0;
  let scoreEs = 0;
  for (const word of words) {
    if (en.has(word)) scoreEn += 1;
    if (es.has(word)) scoreEs += 1;
  }
  // Spanish spelling is a strong signal on its own.
  scoreEs += (raw.match(/[ñ¿¡áéíóú]/giu)?.length ?? 0) > 0 ? 2 : 0;
  for (const phrase of lex.of('es', 'greetings')) if (hasPhrase(normalized, phrase)) scoreEs += 2;
  for (const phrase of lex.of('en', 'greetings')) if (hasPhrase(normalized, phrase)) scoreEn += 2;
  if (scoreEs > scoreEn) return 'es';
  if (scoreEn > scoreEs) return 'en';
  return null;
}

/** "español", "in English please": the language the patient asks to switch to. */
export function requestedLanguage(normalized: string): Language | null {
  const lex = lexicon();
  for (const language of ['es', 'en'] as const) {
    if (lex.of(language, 'languageNames').some((name) => hasPhrase(normalized, name))) return language;
  }
  return null;
}
