import { allCatalogs } from '../messages/index.js';
import type { Vocabulary } from '../messages/catalog.js';
import type { Language } from '../types.js';
import { normalize } from './normalize.js';

/**
 * Both catalogs' vocabularies, normalized once. Patients mix languages ("ok", "vale", "sí, book it"),
 * so most matching listens to both; only date grammar and language detection use one language.
 */

type ListKey = { [K in keyof Vocabulary]: Vocabulary[K] extends string[] ? K : never }[keyof Vocabulary];

export interface WeightedPhrase {
  words: string[];
  /** Generic synonyms ("review", "control") count half, so a specific word wins a tie. */
  weight: number;
}

export interface Lexicon {
  /** Union over languages, longest phrase first (so "no thanks" is tried before "no"). */
  all(key: ListKey): readonly string[];
  of(language: Language, key: ListKey): readonly string[];
  ordinals(): readonly string[][];
  months(language: Language): readonly string[][];
  partsOfDay(language: Language): Vocabulary['partsOfDay'];
  todayParts(language: Language): Vocabulary['todayParts'];
  serviceSynonyms(code: string): readonly WeightedPhrase[];
}

const normList = (items: readonly string[]): string[] =>
  [...new Set(items.map(normalize).filter(Boolean))].sort((a, b) => b.length - a.length);

function build(): Lexicon {
  const byLang = new Map<Language, Vocabulary>();
  for (const catalog of allCatalogs) {
    const v = catalog.vocab;
    const normalized = {} as Record<string, unknown>;
    for (const [key, value] of Object.entries(v)) {
      if (Array.isArray(value) && value.every((item) => typeof item === 'string')) normalized[key] = normList(value as string[]);
    }
    const parts = (p: Vocabulary['partsOfDay']) => ({
      morning: normList(p.morning), afternoon: normList(p.afternoon), evening: normList(p.evening),
    });
    byLang.set(catalog.lang, {
      ...v,
      ...(normalized as Partial<Vocabulary>),
      ordinals: v.ordinals.map(normList),
      months: v.months.map(normList),
      partsOfDay: parts(v.partsOfDay),
      todayParts: parts(v.todayParts),
    });
  }
  const unions = new Map<string, string[]>();
  const all = (key: ListKey) => {
    let list = unions.get(key);
    if (!list) {
      list = normList([...byLang.values()].flatMap((v) => v[key]));
      unions.set(key, list);
    }
    return list;
  };
  const ordinals = allCatalogs[0]!.vocab.ordinals.map((_, i) => normList(allCatalogs.flatMap((c) => c.vocab.ordinals[i] ?? [])));
  const synonyms = new Map<string, WeightedPhrase[]>();
  for (const catalog of allCatalogs) {
    for (const [code, phrases] of Object.entries(catalog.vocab.services)) {
      const list = synonyms.get(code) ?? [];
      for (const phrase of phrases) {
        const weak = phrase.startsWith('~');
        const words = normalize(weak ? phrase.slice(1) : phrase).split(' ').filter(Boolean);
        if (words.length > 0) list.push({ words, weight: weak ? 0.5 : 1 });
      }
      synonyms.set(code, list);
    }
  }
  const vocabOf = (language: Language) => byLang.get(language) ?? byLang.get('en')!;
  return {
    all,
    of: (language, key) => vocabOf(language)[key],
    ordinals: () => ordinals,
    months: (language) => vocabOf(language).months,
    partsOfDay: (language) => vocabOf(language).partsOfDay,
    todayParts: (language) => vocabOf(language).todayParts,
    serviceSynonyms: (code) => synonyms.get(code) ?? [],
  };
}

let cached: Lexicon | null = null;

export function lexicon(): Lexicon {
  cached ??= build();
  return cached;
}
