import type { Language } from '../types.js';
import type { Catalog } from './catalog.js';
import { en } from './en.js';
import { es } from './es.js';

export type { Catalog } from './catalog.js';

const catalogs: Record<Language, Catalog> = { en, es };

export function catalogFor(language: Language): Catalog {
  return catalogs[language] ?? en;
}

export const allCatalogs: readonly Catalog[] = [en, es];
