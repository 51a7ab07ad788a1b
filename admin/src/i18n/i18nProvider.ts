import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { TranslationMessages } from 'react-admin';
import englishMessages from 'ra-language-english';
import { enApp } from './en';
import { esApp } from './es-app';
import { raSpanish } from './ra-spanish';
import { enResources, esResources } from './resources';

export type Locale = 'en' | 'es';

const messages: Record<Locale, TranslationMessages> = {
  en: { ...englishMessages, ...enApp, ...enResources },
  es: { ...raSpanish, ...esApp, ...esResources },
};

/** The browser's language decides the first locale; the switcher in the app bar changes it (react-admin stores the choice). */
function initialLocale(): Locale {
  return navigator.language?.toLowerCase().startsWith('es') ? 'es' : 'en';
}

export const i18nProvider = polyglotI18nProvider((locale) => messages[(locale as Locale) in messages ? (locale as Locale) : 'en'], initialLocale(), [
  { locale: 'en', name: 'English' },
  { locale: 'es', name: 'Español' },
], { allowMissing: false });
