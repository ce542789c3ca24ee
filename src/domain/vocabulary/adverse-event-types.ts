// Adverse-event taxonomy (CLINICAL_RULES §3; seeds 000–004).
import { z } from 'zod';
import { codeError, defineVocabulary, type Labels } from './vocab.ts';

export const ADVERSE_EVENT_TYPE_CODES = [
  'pain',
  'burning',
  'erythema',
  'bruising',
  'edema',
  'papules',
  'nodule',
  'abscess',
  'non-healing-lesion',
  'inflammation',
  'infection',
  'necrosis',
  'hyperpigmentation',
  'hypopigmentation',
  'scarring',
  'allergic-local',
  'angioedema',
  'anaphylaxis',
  'vagal',
  'insufficient-effect',
  'slow-effect',
  'sagging',
] as const;
export type AdverseEventType = (typeof ADVERSE_EVENT_TYPE_CODES)[number];
export const adverseEventTypeSchema = z.enum(ADVERSE_EVENT_TYPE_CODES, codeError('adverse-event type'));

export interface AdverseEventTypeEntry extends Labels {
  /** Expected and self-limiting within hours to days (seed 003): the doctor hears only if it persists. */
  readonly expected: boolean;
  /** Hours after the session when a follow-up is due, where the sources set one (papules: 72 h, seed 004). */
  readonly followUpHours?: number;
  /** Needs treatment at once (anti-shock kit, atropine; seed 000). */
  readonly emergency: boolean;
}

const e = (en: string, ru: string, expected = false, emergency = false, followUpHours?: number): AdverseEventTypeEntry =>
  followUpHours === undefined ? { en, ru, expected, emergency } : { en, ru, expected, emergency, followUpHours };

export const adverseEventTypes = defineVocabulary<AdverseEventType, AdverseEventTypeEntry>(
  'adverse-event type',
  ADVERSE_EVENT_TYPE_CODES,
  {
    pain: e('Pain', 'Боль', true),
    burning: e('Burning', 'Жжение', true),
    erythema: e('Erythema (redness)', 'Эритема (покраснение)', true),
    bruising: e('Bruising or haematoma', 'Кровоподтёк (гематома)', true, false, 72),
    edema: e('Swelling (oedema)', 'Отёк', true, false, 72),
    papules: e('Papules', 'Папулы', true, false, 72),
    nodule: e('Nodule', 'Уплотнение (узелок)'),
    abscess: e('Abscess', 'Абсцесс'),
    'non-healing-lesion': e('Non-healing lesion (sore, draining ulcer)', 'Незаживающее поражение (язва, свищ)'),
    inflammation: e('Inflammation', 'Воспаление'),
    infection: e('Infection', 'Инфекция'),
    necrosis: e('Necrosis', 'Некроз'),
    hyperpigmentation: e('Hyperpigmentation', 'Гиперпигментация'),
    hypopigmentation: e('Hypopigmentation', 'Гипопигментация'),
    scarring: e('Scarring', 'Рубцевание'),
    'allergic-local': e('Local allergic reaction (itch, rash, hives)', 'Местная аллергическая реакция (зуд, сыпь, крапивница)'),
    angioedema: e("Angioedema (Quincke's oedema)", 'Ангионевротический отёк (отёк Квинке)', false, true),
    anaphylaxis: e('Anaphylaxis', 'Анафилаксия', false, true),
    vagal: e('Vasovagal reaction', 'Вазовагальная реакция', false, true),
    'insufficient-effect': e('Insufficient effect', 'Недостаточный эффект'),
    'slow-effect': e('Slow effect', 'Медленное наступление эффекта'),
    sagging: e('Sagging after swelling', 'Провисание тканей после отёка'),
  },
);
