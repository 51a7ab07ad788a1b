import { lexicon } from './lexicon.js';
import { tokenize } from './normalize.js';

/** Yes/no in either language: the reply opens with a yes or no phrase and stays short. */
const MAX_WORDS = 6;

export function yesOrNo(normalized: string, raw: string): 'yes' | 'no' | null {
  const trimmed = raw.trim();
  if (/^(👍|👌|✅|✔️?)+$/u.test(trimmed)) return 'yes';
  if (/^(👎|❌)+$/u.test(trimmed)) return 'no';
  const words = tokenize(normalized);
  if (words.length === 0 || words.length > MAX_WORDS) return null;
  // One-letter answers ("y", "n", "k") only count alone: Spanish "y si…" means "and if…".
  const opens = (phrases: readonly string[]) =>
    phrases.some((p) => normalized === p || (p.length > 1 && normalized.startsWith(`${p} `)));
  const lex = lexicon();
  // "no" is checked first so "no thanks" is not read as "thanks"-style yes; none of the yes phrases start with "no".
  if (opens(lex.all('no'))) return 'no';
  if (opens(lex.all('yes'))) return 'yes';
  return null;
}
