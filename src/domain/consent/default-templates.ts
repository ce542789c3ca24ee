// The default template of each kind and language.
import type { Lang } from '../vocabulary/index.ts';
import { photoTemplateEn, treatmentTemplateEn } from './default-templates-en.ts';
import { photoTemplateRu, treatmentTemplateRu } from './default-templates-ru.ts';
import type { ConsentKind } from './placeholders.ts';

/** The built-in template a clinic starts with for a kind and language. */
export function defaultTemplate(kind: ConsentKind, lang: Lang): { title: string; body: string } {
  switch (kind) {
    case 'treatment':
      return lang === 'ru' ? treatmentTemplateRu : treatmentTemplateEn;
    case 'photo-use':
      return lang === 'ru' ? photoTemplateRu : photoTemplateEn;
  }
}
