// Indications for a mesotherapy course (CLINICAL_RULES §1; seed 003).
import { z } from 'zod';
import { codeError, defineVocabulary, type Labels } from './vocab.ts';
import type { SubstanceClass } from './substance-classes.ts';

export const INDICATION_CODES = [
  'age-changes',
  'wrinkles',
  'skin-laxity',
  'dehydrated-skin',
  'hyperpigmentation',
  'rosacea',
  'vascular-network',
  'acne',
  'post-acne',
  'scars',
  'stretch-marks',
  'cellulite',
  'localized-fat',
  'edema',
  'alopecia',
  'dry-hair',
  'dandruff',
] as const;
export type IndicationCode = (typeof INDICATION_CODES)[number];
export const indicationSchema = z.enum(INDICATION_CODES, codeError('indication'));

export interface IndicationEntry extends Labels {
  /** Classes a cocktail for this problem is usually built from (seed 003); empty where the seeds are silent. */
  readonly suggestedClasses: readonly SubstanceClass[];
}

const i = (en: string, ru: string, suggestedClasses: readonly SubstanceClass[] = []): IndicationEntry => ({ en, ru, suggestedClasses });
const rejuvenation: readonly SubstanceClass[] = ['collagen', 'hyaluronic-acid', 'vitamin'];

export const indications = defineVocabulary<IndicationCode, IndicationEntry>('indication', INDICATION_CODES, {
  'age-changes': i('Age-related skin changes', 'Возрастные изменения кожи', rejuvenation),
  wrinkles: i('Wrinkles', 'Морщины', rejuvenation),
  'skin-laxity': i('Skin laxity', 'Снижение тонуса кожи (дряблость)'),
  'dehydrated-skin': i('Dehydrated skin', 'Обезвоженная кожа'),
  hyperpigmentation: i('Hyperpigmentation', 'Гиперпигментация'),
  rosacea: i('Rosacea', 'Розацеа'),
  'vascular-network': i('Vascular network (telangiectasia)', 'Сосудистая сетка (телеангиэктазии)', ['vasoprotective']),
  acne: i('Acne', 'Акне', ['vitamin', 'antiseptic']),
  'post-acne': i('Post-acne marks', 'Постакне'),
  scars: i('Scars (atrophic, hypertrophic)', 'Рубцы (атрофические, гипертрофические)'),
  'stretch-marks': i('Stretch marks', 'Стрии (растяжки)'),
  cellulite: i('Cellulite', 'Целлюлит', ['draining']),
  'localized-fat': i('Localised fat deposits', 'Локальные жировые отложения'),
  edema: i('Swelling (oedema)', 'Отёки', ['draining']),
  alopecia: i('Hair loss (alopecia)', 'Выпадение волос (алопеция)', ['vitamin', 'trace-element']),
  'dry-hair': i('Dry, brittle hair', 'Сухие и ломкие волосы'),
  dandruff: i('Dandruff (seborrhoea)', 'Перхоть (себорея)'),
});
