// Mesotherapy techniques (CLINICAL_RULES §1; seeds 000, 001, 003).
import { z } from 'zod';
import { codeError, codesWhere, defineVocabulary, type Labels } from './vocab.ts';

export const TECHNIQUE_CODES = [
  'manual',
  'injector',
  'papular',
  'nappage',
  'point',
  'fractional',
  'roller',
  'needle-free',
] as const;
export type TechniqueCode = (typeof TECHNIQUE_CODES)[number];
export const techniqueSchema = z.enum(TECHNIQUE_CODES, codeError('technique'));

export interface TechniqueEntry extends Labels {
  /** The skin is punctured: injection-only rules (pregnancy, dose limits…) apply. */
  readonly injection: boolean;
  /** Placement is confined to epidermis and dermis whatever depth is typed (lipolytic-superficial). */
  readonly superficial: boolean;
  /** Micro-needling of a whole surface (isotretinoin rule). */
  readonly needling: boolean;
}

export const techniques = defineVocabulary<TechniqueCode, TechniqueEntry>('technique', TECHNIQUE_CODES, {
  manual: { en: 'Manual (syringe)', ru: 'Ручная техника (шприц)', injection: true, superficial: false, needling: false },
  injector: { en: 'Injector (meso gun)', ru: 'Инжектор (мезопистолет)', injection: true, superficial: false, needling: false },
  papular: { en: 'Papular technique', ru: 'Папульная техника', injection: true, superficial: true, needling: false },
  nappage: { en: 'Nappage', ru: 'Техника наппаж', injection: true, superficial: true, needling: false },
  point: { en: 'Point-by-point', ru: 'Точечная техника', injection: true, superficial: false, needling: false },
  fractional: { en: 'Fractional mesotherapy', ru: 'Фракционная мезотерапия', injection: true, superficial: true, needling: true },
  roller: { en: 'Micro-needle roller', ru: 'Мезороллер (микроиглы)', injection: true, superficial: true, needling: true },
  'needle-free': { en: 'Needle-free mesotherapy', ru: 'Безыгольная мезотерапия', injection: false, superficial: true, needling: false },
});

/** Techniques that puncture the skin: every technique but needle-free. */
export const INJECTION_TECHNIQUES: readonly TechniqueCode[] = codesWhere(techniques, (t) => t.injection);
