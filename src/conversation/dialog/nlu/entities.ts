import type { LocationInfo, ProviderInfo, ServiceInfo } from '../types.js';
import { findFuzzyRun, wordMatches } from './fuzzy.js';
import { lexicon } from './lexicon.js';
import { normalize, tokenize } from './normalize.js';

/**
 * Finds the clinic's services, providers and locations in free text, tolerating typos. Candidates
 * come from the turn (the clinic's real list); synonyms come from the catalogs by service code.
 */

export interface EntityMatch {
  /** The single best match, or null when none or a tie. */
  id: string | null;
  /** Every id that tied for best (length > 1 means ambiguous). */
  candidates: string[];
}

const NONE: EntityMatch = { id: null, candidates: [] };

function best(scores: Map<string, number>): EntityMatch {
  let top = 0;
  for (const score of scores.values()) top = Math.max(top, score);
  if (top === 0) return NONE;
  const candidates = [...scores].filter(([, score]) => score === top).map(([id]) => id);
  return { id: candidates.length === 1 ? candidates[0]! : null, candidates };
}

export function matchService(words: readonly string[], services: readonly ServiceInfo[]): EntityMatch {
  const scores = new Map<string, number>();
  const lex = lexicon();
  for (const service of services) {
    const phrases = [
      { words: tokenize(normalize(service.name)), weight: 1 },
      ...(service.nameEs ? [{ words: tokenize(normalize(service.nameEs)), weight: 1 }] : []),
      ...lex.serviceSynonyms(service.code),
    ];
    let score = 0;
    for (const phrase of phrases) {
      // Longer phrases score higher: "physical therapy" beats "physical", "revisión de la piel" beats "revisión".
      if (findFuzzyRun(words, phrase.words) >= 0) score = Math.max(score, phrase.words.length * phrase.weight);
    }
    if (score > 0) scores.set(service.id, score);
  }
  return best(scores);
}

/** Name words worth matching: not titles ("Dr."), not initials or suffixes ("PT"). */
function nameWords(provider: ProviderInfo): string[] {
  const titles = new Set(lexicon().all('titles'));
  const words = new Set([...tokenize(normalize(provider.name)), ...tokenize(normalize(provider.shortName))]);
  return [...words].filter((w) => w.length > 2 && !titles.has(w));
}

export interface ProviderMatch extends EntityMatch {
  /** "Dr. Smith" when the patient named a provider we do not have. */
  unknownName: string | null;
}

/** Words that may follow "Dr" without being a name ("with the dr tomorrow"). */
const NOT_A_NAME = new Set(['for', 'on', 'at', 'in', 'the', 'a', 'an', 'and', 'or', 'to', 'tomorrow', 'today', 'next', 'this',
  'el', 'la', 'los', 'las', 'para', 'con', 'y', 'o', 'de', 'del', 'manana', 'hoy', 'please', 'por', 'que', 'about', 'who',
  'is', 'appointment', 'cita', 'visit', 'office', 'again']);

export function matchProvider(words: readonly string[], raw: string, providers: readonly ProviderInfo[]): ProviderMatch {
  const titles = new Set(lexicon().all('titles'));
  const scores = new Map<string, number>();
  for (const provider of providers) {
    let score = 0;
    let strong = false;
    for (const target of nameWords(provider)) {
      const index = words.findIndex((word, i) => wordMatches(word, target, i > 0 && titles.has(words[i - 1]!)));
      if (index < 0) continue;
      score += 1;
      // A three-letter name ("Lee", also Spanish "reads") counts only after a title or with another name word.
      if (target.length > 3 || (index > 0 && titles.has(words[index - 1]!))) strong = true;
    }
    if (score > 0 && (strong || score > 1)) scores.set(provider.id, score);
  }
  const match = best(scores);
  if (match.candidates.length > 0) return { ...match, unknownName: null };
  // "Dr Smith": a title followed by something name-like that matched nobody.
  for (let i = 0; i < words.length - 1; i++) {
    const title = words[i]!;
    const next = words[i + 1]!;
    if (!titles.has(title) || NOT_A_NAME.has(next) || !/^\p{L}{3,}$/u.test(next)) continue;
    const abbreviated = title === 'dr' || title === 'dra';
    // "doctor" is also a common noun ("see a doctor"), so only "Doctor Smith" with a capital counts.
    const capitalised = /\b(?:doctora?|doc)\.?\s+\p{Lu}/u.test(raw);
    if (abbreviated || capitalised) {
      const display = next.charAt(0).toUpperCase() + next.slice(1);
      return { id: null, candidates: [], unknownName: `${title === 'dra' || title === 'doctora' ? 'Dra.' : 'Dr.'} ${display}` };
    }
  }
  return { ...NONE, unknownName: null };
}

export function matchLocation(words: readonly string[], locations: readonly LocationInfo[]): EntityMatch {
  const scores = new Map<string, number>();
  // "north side" should find "Northside": also try adjacent words glued together.
  const glued = words.slice(0, -1).map((w, i) => w + words[i + 1]);
  for (const location of locations) {
    const target = tokenize(normalize(location.name));
    if (target.length === 0) continue;
    const hit = findFuzzyRun(words, target) >= 0 || (target.length === 1 && glued.some((w) => wordMatches(w, target[0]!)));
    if (hit) scores.set(location.id, target.length);
  }
  return best(scores);
}
