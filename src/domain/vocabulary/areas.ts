// Treatment areas (CLINICAL_RULES §1; seeds 003, 004).
import { z } from 'zod';
import { codeError, codesWhere, defineVocabulary, type Labels } from './vocab.ts';

export const AREA_CODES = [
  'face',
  'neck',
  'lower-eyelid',
  'submental',
  'decollete',
  'scalp',
  'hands',
  'arms',
  'abdomen',
  'flanks',
  'back',
  'buttocks',
  'thighs',
  'knees',
] as const;
export type AreaCode = (typeof AREA_CODES)[number];
export const areaSchema = z.enum(AREA_CODES, codeError('area'));

export interface AreaEntry extends Labels {
  /** Counts towards the face-and-neck volume limit (dose-high; seed 001). */
  readonly faceNeck: boolean;
}

export const areas = defineVocabulary<AreaCode, AreaEntry>('area', AREA_CODES, {
  face: { en: 'Face', ru: 'Лицо', faceNeck: true },
  neck: { en: 'Neck', ru: 'Шея', faceNeck: true },
  'lower-eyelid': { en: 'Lower eyelid', ru: 'Нижнее веко', faceNeck: true },
  submental: { en: 'Submental area', ru: 'Подподбородочная область', faceNeck: true },
  decollete: { en: 'Décolleté', ru: 'Зона декольте', faceNeck: false },
  scalp: { en: 'Scalp', ru: 'Волосистая часть головы', faceNeck: false },
  hands: { en: 'Backs of the hands', ru: 'Тыльная поверхность кистей', faceNeck: false },
  arms: { en: 'Upper arms', ru: 'Плечи', faceNeck: false },
  abdomen: { en: 'Abdomen', ru: 'Живот', faceNeck: false },
  flanks: { en: 'Flanks', ru: 'Боковые поверхности талии', faceNeck: false },
  back: { en: 'Back', ru: 'Спина', faceNeck: false },
  buttocks: { en: 'Buttocks', ru: 'Ягодицы', faceNeck: false },
  thighs: { en: 'Thighs', ru: 'Бёдра', faceNeck: false },
  knees: { en: 'Knees', ru: 'Колени', faceNeck: false },
});

/** Areas whose volumes add up against the face-and-neck limit. */
export const FACE_NECK_AREAS: readonly AreaCode[] = codesWhere(areas, (a) => a.faceNeck);
