/**
 * Typo-tolerant word matching: restricted Damerau-Levenshtein (optimal string alignment) distance, so
 * a swapped pair of letters ("kahn") costs one edit like a missing one ("folow") does.
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  // Three rolling rows are enough for the transposition look-back.
  let twoBack = new Array<number>(cols).fill(0);
  let prev = Array.from({ length: cols }, (_, j) => j);
  let curr = new Array<number>(cols).fill(0);
  for (let i = 1; i < rows; i++) {
    curr[0] = i;
    let rowMin = curr[0];
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(prev[j]! + 1, curr[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, twoBack[j - 2]! + 1);
      curr[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [twoBack, prev, curr] = [prev, curr, twoBack];
  }
  return prev[cols - 1]!;
}

/**
 * How many typos a word of this length may carry. Short words must match exactly: "see" is one edit
 * from "lee" and "shot" one from "short", and those false hits are worse than a missed typo.
 */
export function allowedTypos(length: number, lenient = false): number {
  if (length <= 3) return 0;
  if (length === 4) return lenient ? 1 : 0;
  if (length <= 7) return 1;
  return 2;
}

/** `word` from the patient against `target` from a name or synonym list. First letters must agree. */
export function wordMatches(word: string, target: string, lenient = false): boolean {
  if (word === target) return true;
  const typos = allowedTypos(target.length, lenient);
  if (typos === 0 || word[0] !== target[0]) return false;
  return editDistance(word, target, typos) <= typos;
}

/**
 * Finds `phrase` as a run of consecutive words in `words`, each matched with typos allowed.
 * Returns the index of the first word, or -1.
 */
export function findFuzzyRun(words: readonly string[], phrase: readonly string[]): number {
  if (phrase.length === 0 || phrase.length > words.length) return -1;
  outer: for (let i = 0; i + phrase.length <= words.length; i++) {
    for (let k = 0; k < phrase.length; k++) if (!wordMatches(words[i + k]!, phrase[k]!)) continue outer;
    return i;
  }
  return -1;
}
