// Cocktail templates of the starter catalog: the classic cocktails of CLINICAL_RULES §1 (seed 003:
// wrinkles → hyaluronic acid and vitamins; hair loss → vitamins and trace elements; cellulite and
// edema → draining components), built from the starter products by code.
import type { IndicationCode, Labels, TechniqueCode } from '../../domain/vocabulary/index.ts';

export interface StarterTemplate {
  readonly code: string;
  readonly name: Labels;
  readonly indication: IndicationCode;
  readonly technique: TechniqueCode;
  readonly depthMm: number;
  readonly notes: Labels;
  readonly components: readonly { readonly product: string; readonly volumeMl: number }[];
}

export const STARTER_TEMPLATES: readonly StarterTemplate[] = [
  {
    code: 'face-revitalisation',
    name: { en: 'Face revitalisation: hyaluronic acid + vitamin complex', ru: 'Ревитализация лица: гиалуроновая кислота + витаминный комплекс' },
    indication: 'age-changes',
    technique: 'papular',
    depthMm: 1,
    notes: {
      en: 'Course of 4–6 sessions a week apart. 5 ml is the face-and-neck limit: do not add a third ampoule.',
      ru: 'Курс 4–6 процедур с интервалом в неделю. 5 мл — предел для лица и шеи: третью ампулу не добавлять.',
    },
    components: [
      { product: 'hyalo-nx-15', volumeMl: 2 },
      { product: 'revita-complex', volumeMl: 3 },
    ],
  },
  {
    code: 'hair-loss',
    name: { en: 'Hair loss: vitamins, trace elements and organic silicon', ru: 'Выпадение волос: витамины, микроэлементы и органический кремний' },
    indication: 'alopecia',
    technique: 'point',
    depthMm: 2,
    notes: {
      en: 'Scalp, point by point every 1–1.5 cm; 8–10 sessions weekly, then monthly.',
      ru: 'Волосистая часть головы, точечно через 1–1,5 см; 8–10 процедур еженедельно, затем раз в месяц.',
    },
    components: [
      { product: 'revita-complex', volumeMl: 3 },
      { product: 'silicium-organic', volumeMl: 2 },
    ],
  },
  {
    code: 'cellulite-drainage',
    name: { en: 'Body: cellulite and drainage', ru: 'Тело: целлюлит и дренаж' },
    indication: 'cellulite',
    technique: 'injector',
    depthMm: 4,
    notes: {
      en: 'Thighs and buttocks. Combine with massage and exercise: injections alone rarely satisfy. Caffeine hurts more in fibromyalgia.',
      ru: 'Бёдра и ягодицы. Сочетать с массажем и физической нагрузкой: одни инъекции редко дают результат. Кофеин болезненнее при фибромиалгии.',
    },
    components: [
      { product: 'drena-vasc', volumeMl: 5 },
      { product: 'caffeine-25', volumeMl: 5 },
      { product: 'silicium-organic', volumeMl: 5 },
    ],
  },
  {
    code: 'edema-hofitol',
    name: { en: 'Oedema and puffiness with Hofitol', ru: 'Отёки и пастозность с Хофитолом' },
    indication: 'edema',
    technique: 'manual',
    depthMm: 4,
    notes: {
      en: 'Hofitol is a choleretic (artichoke extract): never with gallstones — ask about them first.',
      ru: 'Хофитол — желчегонное (экстракт артишока): противопоказан при желчнокаменной болезни — спросите о ней заранее.',
    },
    components: [
      { product: 'hofitol', volumeMl: 2 },
      { product: 'drena-vasc', volumeMl: 3 },
    ],
  },
];
