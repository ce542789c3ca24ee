// Labels of the clinical vocabularies (src/domain/vocabulary) and of catalog substances in the
// interface language. Kept apart from format.ts: the vocabularies bring zod, which the first load
// does without.
import { useTranslation } from 'react-i18next';
import { label, type Code, type Labels, type Vocabulary } from '../../domain/vocabulary/vocab.ts';
import type { Lang } from './index.ts';

/** The current interface language. */
export function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.language === 'ru' ? 'ru' : 'en';
}

/** `v(vocab, code)`: the label of a code (an unknown code shows as itself). */
export function useVocab(): <C extends Code>(vocab: Vocabulary<C, Labels>, code: string | number) => string {
  const lang = useLang();
  return (vocab, code) => (vocab.has(code) ? label(vocab, code, lang) : String(code));
}

/** The name of a catalog item with English and Russian names, in the interface language. */
export function localName(item: { nameEn?: string; name?: string; nameRu?: string | null }, lang: Lang): string {
  if (lang === 'ru' && item.nameRu) return item.nameRu;
  return item.nameEn ?? item.name ?? item.nameRu ?? '';
}
