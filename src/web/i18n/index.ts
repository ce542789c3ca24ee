// i18next set-up: each language is its own chunk, loaded before it is shown (the first before the
// first render), remembered in the browser until the signed-in user's own choice (kept on the
// server) takes over.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { en } from './en/index.ts';

export type Lang = 'en' | 'ru';
export const langs: readonly Lang[] = ['en', 'ru'];
const storageKey = 'mesochart:lang';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

const loaders: Record<Lang, () => Promise<{ texts: object }>> = {
  en: () => import('./lang-en.ts'),
  ru: () => import('./lang-ru.ts'),
};

/** Makes a language's texts available to i18next (once). */
async function load(lang: Lang): Promise<void> {
  if (i18next.hasResourceBundle(lang, 'translation')) return;
  const { texts } = await loaders[lang]();
  i18next.addResourceBundle(lang, 'translation', texts);
}

/** The language to start in before anyone signs in: the last one used here, else the browser's. */
export function initialLang(): Lang {
  const saved = localStorage.getItem(storageKey);
  if (saved === 'en' || saved === 'ru') return saved;
  return navigator.language.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

/** Switches the interface language (and the document's `lang`, for screen readers and hyphenation). */
export async function applyLang(lang: Lang): Promise<void> {
  localStorage.setItem(storageKey, lang);
  document.documentElement.lang = lang;
  await load(lang);
  if (i18next.language !== lang) await i18next.changeLanguage(lang);
}

/** Initialises i18next with the starting language loaded, ready for the first render. */
export async function initI18n(): Promise<typeof i18next> {
  const lng = initialLang();
  document.documentElement.lang = lng;
  await i18next.use(initReactI18next).init({ resources: {}, lng, interpolation: { escapeValue: false }, partialBundledLanguages: true });
  await load(lng);
  // Bundles added after init need the language set again for React to render with them.
  await i18next.changeLanguage(lng);
  return i18next;
}
