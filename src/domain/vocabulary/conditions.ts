// Patient conditions the safety engine reads (CLINICAL_RULES §2 and §6, DESIGN §5).
import { z } from 'zod';
import { codeError, codesWhere, defineVocabulary, type Labels } from './vocab.ts';

export const CONDITION_CODES = [
  'pregnancy',
  'lactation',
  'menstruation',
  'recent-surgery',
  'skin-malignancy',
  'coagulopathy',
  'anticoagulants',
  'site-inflamed',
  'site-broken',
  'keloid',
  'cholelithiasis',
  'fibromyalgia',
  'diabetes-decompensated',
  'autoimmune',
  'epilepsy',
  'isotretinoin',
  'compositae-allergy',
  'fish-allergy',
  'recent-vaccine',
  'recent-antibiotics',
] as const;
export type ConditionCode = (typeof CONDITION_CODES)[number];
export const conditionSchema = z.enum(CONDITION_CODES, codeError('condition'));

export interface ConditionEntry extends Labels {
  /** The rule counts days from `onset`, so a condition without it cannot be judged. */
  readonly needsOnset: boolean;
  /** The rule applies at one area only (`area` names it). */
  readonly needsArea: boolean;
  /** What `onset` means for this condition, for the form's date field. */
  readonly onsetMeaning?: Labels;
  /** An allergy recorded as a condition: counts as "a documented allergy" (allergy-history). */
  readonly allergy: boolean;
}

const plain = { needsOnset: false, needsArea: false, allergy: false } as const;
const atSite = { needsOnset: false, needsArea: true, allergy: false } as const;
const dated = (en: string, ru: string) => ({ needsOnset: true, needsArea: false, allergy: false, onsetMeaning: { en, ru } });

export const conditions = defineVocabulary<ConditionCode, ConditionEntry>('condition', CONDITION_CODES, {
  pregnancy: { en: 'Pregnancy', ru: 'Беременность', ...plain },
  lactation: { en: 'Breastfeeding', ru: 'Грудное вскармливание', ...plain },
  menstruation: { en: 'Menstruation on the day', ru: 'Менструация в день процедуры', ...plain },
  'recent-surgery': { en: 'Recent surgery', ru: 'Недавнее хирургическое вмешательство', ...dated('Date of surgery', 'Дата операции') },
  'skin-malignancy': { en: 'Malignant skin tumour', ru: 'Злокачественное новообразование кожи', ...plain },
  coagulopathy: {
    en: 'Clotting disorder (haemophilia, other coagulopathy)',
    ru: 'Нарушение свёртываемости крови (гемофилия, иная коагулопатия)',
    ...plain,
  },
  anticoagulants: { en: 'Anticoagulant or antiplatelet therapy', ru: 'Приём антикоагулянтов или антиагрегантов', ...plain },
  'site-inflamed': { en: 'Inflammation or infection at the site', ru: 'Воспаление или инфекция в зоне введения', ...atSite },
  'site-broken': {
    en: 'Broken skin at the site (wound, abrasion, burn, sore)',
    ru: 'Повреждение кожи в зоне введения (рана, ссадина, ожог, язва)',
    ...atSite,
  },
  keloid: { en: 'Tendency to keloid scars', ru: 'Склонность к образованию келоидных рубцов', ...plain },
  cholelithiasis: { en: 'Gallstones (cholelithiasis)', ru: 'Желчнокаменная болезнь', ...plain },
  fibromyalgia: { en: 'Fibromyalgia or tender points', ru: 'Фибромиалгия, болезненные точки', ...plain },
  'diabetes-decompensated': {
    en: 'Insulin-dependent or decompensated diabetes',
    ru: 'Инсулинозависимый или декомпенсированный сахарный диабет',
    ...plain,
  },
  autoimmune: { en: 'Autoimmune disease', ru: 'Аутоиммунное заболевание', ...plain },
  epilepsy: { en: 'Epilepsy', ru: 'Эпилепсия', ...plain },
  isotretinoin: {
    en: 'Oral isotretinoin',
    ru: 'Приём изотретиноина внутрь',
    // The waiting period runs from the last dose; a patient still taking it has the session day here.
    ...dated('Date of the last dose', 'Дата последнего приёма'),
  },
  'compositae-allergy': {
    en: 'Allergy to Asteraceae (Compositae) plants',
    ru: 'Аллергия на растения семейства астровых (сложноцветных)',
    ...plain,
    allergy: true,
  },
  'fish-allergy': { en: 'Fish allergy', ru: 'Аллергия на рыбу', ...plain, allergy: true },
  'recent-vaccine': { en: 'Recent vaccination', ru: 'Недавняя вакцинация', ...dated('Date of vaccination', 'Дата вакцинации') },
  'recent-antibiotics': {
    en: 'Recent systemic antibiotics',
    ru: 'Недавний приём системных антибиотиков',
    ...dated('Date of the last dose', 'Дата последнего приёма'),
  },
});

/** Conditions that must carry an `onset` date. */
export const CONDITIONS_WITH_ONSET: readonly ConditionCode[] = codesWhere(conditions, (c) => c.needsOnset);
/** Conditions that must name the `area` they affect. */
export const CONDITIONS_AT_SITE: readonly ConditionCode[] = codesWhere(conditions, (c) => c.needsArea);
