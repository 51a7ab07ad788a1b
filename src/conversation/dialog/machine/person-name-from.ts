import { lexicon } from '../nlu/lexicon.js';
import { normalize } from '../nlu/normalize.js';
import { cleanPersonName } from '../nlu/person-name.js';
import type { Understanding } from '../nlu/understand.js';

/**
 * The patient's full name from a reply to "What's your full name?", without lead-ins ("my name is",
 * "I'm", "me llamo"). Replies that are words we understand ("yes", "hi", "thanks") are not names.
 */
export function personNameFrom(u: Understanding): string | null {
  const lex = lexicon();
  let words = u.text.trim().split(/\s+/);
  for (const prefix of lex.all('namePrefixes')) {
    const length = prefix.split(' ').length;
    if (words.length > length && normalize(words.slice(0, length).join(' ')) === prefix) {
      words = words.slice(length);
      break;
    }
  }
  const name = cleanPersonName(words.join(' ').replace(/^[\s,:;-]+/, ''));
  if (!name) return null;
  const normalized = normalize(name);
  const vocabulary = ['yes', 'no', 'greetings', 'thanks', 'help', 'menu', 'back', 'abandon', 'anyProvider', 'moreTimes',
    'anotherDay', 'languageNames', 'confirm'] as const;
  if (vocabulary.some((key) => lex.all(key).includes(normalized))) return null;
  return name;
}
