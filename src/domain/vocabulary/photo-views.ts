// Standard photograph views, so that before and after pictures can be compared (CLINICAL_RULES §4).
import { z } from 'zod';
import { codeError, defineVocabulary, type Labels } from './vocab.ts';

export const PHOTO_VIEW_CODES = [
  'front',
  'left-45',
  'right-45',
  'left-90',
  'right-90',
  'scalp-top',
  'scalp-back',
  'neck-front',
  'decollete',
  'hands',
  'arms',
  'abdomen-front',
  'flanks-left',
  'flanks-right',
  'back',
  'buttocks',
  'thighs-front',
  'thighs-back',
  'knees',
  'close-up',
] as const;
export type PhotoView = (typeof PHOTO_VIEW_CODES)[number];
export const photoViewSchema = z.enum(PHOTO_VIEW_CODES, codeError('photo view'));

export interface PhotoViewEntry extends Labels {
  readonly region: 'face' | 'scalp' | 'body' | 'any';
}

const v = (en: string, ru: string, region: PhotoViewEntry['region']): PhotoViewEntry => ({ en, ru, region });

export const photoViews = defineVocabulary<PhotoView, PhotoViewEntry>('photo view', PHOTO_VIEW_CODES, {
  front: v('Face, front', 'Лицо анфас', 'face'),
  'left-45': v('Face, left three-quarter (45°)', 'Лицо, полуоборот влево (45°)', 'face'),
  'right-45': v('Face, right three-quarter (45°)', 'Лицо, полуоборот вправо (45°)', 'face'),
  'left-90': v('Face, left profile (90°)', 'Лицо, профиль слева (90°)', 'face'),
  'right-90': v('Face, right profile (90°)', 'Лицо, профиль справа (90°)', 'face'),
  'scalp-top': v('Scalp from above', 'Волосистая часть головы, вид сверху', 'scalp'),
  'scalp-back': v('Scalp from behind', 'Волосистая часть головы, вид сзади', 'scalp'),
  'neck-front': v('Neck, front', 'Шея спереди', 'body'),
  decollete: v('Décolleté', 'Зона декольте', 'body'),
  hands: v('Backs of the hands', 'Тыльная поверхность кистей', 'body'),
  arms: v('Upper arms', 'Плечи', 'body'),
  'abdomen-front': v('Abdomen, front', 'Живот спереди', 'body'),
  'flanks-left': v('Left flank', 'Левый бок', 'body'),
  'flanks-right': v('Right flank', 'Правый бок', 'body'),
  back: v('Back', 'Спина', 'body'),
  buttocks: v('Buttocks', 'Ягодицы', 'body'),
  'thighs-front': v('Thighs, front', 'Бёдра спереди', 'body'),
  'thighs-back': v('Thighs, back', 'Бёдра сзади', 'body'),
  knees: v('Knees', 'Колени', 'body'),
  'close-up': v('Close-up', 'Крупный план', 'any'),
});
