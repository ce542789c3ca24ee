// The courses a mesotherapy clinic plans: the starter catalog's cocktail templates and a few
// cocktails of the doctors' own, with the areas, technique, number of sessions and interval each
// is usually given; and the texts that go with them.
import type { AreaCode, IndicationCode, PhotoView, TechniqueCode } from '../../src/domain/vocabulary/index.ts';

/** A kind of course: what is injected where, how, how often. */
export interface CoursePlan {
  key: string;
  template?: string;
  weight: number;
  indications: IndicationCode[];
  areas: { area: AreaCode; share: number }[];
  technique: TechniqueCode;
  depthMm: number;
  components: { code: string; volumeMl: number }[];
  sessions: [number, number];
  intervals: number[];
  priceMinor: number;
  views: PhotoView[];
}

export const coursePlans: CoursePlan[] = [
  {
    key: 'face-revitalisation',
    template: 'face-revitalisation',
    weight: 38,
    indications: ['age-changes', 'dehydrated-skin'],
    areas: [
      { area: 'face', share: 0.7 },
      { area: 'neck', share: 0.3 },
    ],
    technique: 'papular',
    depthMm: 1,
    components: [
      { code: 'hyalo-nx-15', volumeMl: 2 },
      { code: 'revita-complex', volumeMl: 3 },
    ],
    sessions: [4, 6],
    intervals: [7, 7, 7, 10, 14],
    priceMinor: 480_000,
    views: ['front', 'left-45', 'right-45'],
  },
  {
    key: 'hair-loss',
    template: 'hair-loss',
    weight: 18,
    indications: ['alopecia'],
    areas: [{ area: 'scalp', share: 1 }],
    technique: 'point',
    depthMm: 2,
    components: [
      { code: 'revita-complex', volumeMl: 3 },
      { code: 'silicium-organic', volumeMl: 2 },
    ],
    sessions: [8, 10],
    intervals: [7, 7, 10],
    priceMinor: 650_000,
    views: ['scalp-top', 'scalp-back'],
  },
  {
    key: 'cellulite-drainage',
    template: 'cellulite-drainage',
    weight: 14,
    indications: ['cellulite'],
    areas: [
      { area: 'thighs', share: 0.6 },
      { area: 'buttocks', share: 0.4 },
    ],
    technique: 'injector',
    depthMm: 4,
    components: [
      { code: 'drena-vasc', volumeMl: 5 },
      { code: 'caffeine-25', volumeMl: 5 },
      { code: 'silicium-organic', volumeMl: 5 },
    ],
    sessions: [8, 10],
    intervals: [7, 10],
    priceMinor: 900_000,
    views: ['thighs-front', 'thighs-back', 'buttocks'],
  },
  {
    key: 'edema-hofitol',
    template: 'edema-hofitol',
    weight: 8,
    indications: ['edema'],
    areas: [{ area: 'abdomen', share: 1 }],
    technique: 'manual',
    depthMm: 4,
    components: [
      { code: 'hofitol', volumeMl: 2 },
      { code: 'drena-vasc', volumeMl: 3 },
    ],
    sessions: [6, 8],
    intervals: [7],
    priceMinor: 520_000,
    views: ['abdomen-front', 'flanks-left', 'flanks-right'],
  },
  {
    key: 'pn-eyes',
    weight: 10,
    indications: ['age-changes', 'wrinkles'],
    areas: [{ area: 'lower-eyelid', share: 1 }],
    technique: 'papular',
    depthMm: 1,
    components: [{ code: 'pn-20', volumeMl: 2 }],
    sessions: [3, 4],
    intervals: [14, 14, 21],
    priceMinor: 600_000,
    views: ['front', 'close-up'],
  },
  {
    key: 'dmae-lift',
    weight: 8,
    indications: ['skin-laxity'],
    areas: [{ area: 'face', share: 1 }],
    technique: 'papular',
    depthMm: 1,
    components: [
      { code: 'dmae-3', volumeMl: 2 },
      { code: 'hyalo-nx-15', volumeMl: 2 },
    ],
    sessions: [4, 6],
    intervals: [7, 10],
    priceMinor: 450_000,
    views: ['front', 'left-45', 'right-45'],
  },
  {
    key: 'lipolysis-chin',
    weight: 4,
    indications: ['localized-fat'],
    areas: [{ area: 'submental', share: 1 }],
    technique: 'injector',
    depthMm: 6,
    components: [{ code: 'lipo-pc-dc', volumeMl: 4 }],
    sessions: [3, 4],
    intervals: [21, 28],
    priceMinor: 560_000,
    views: ['front', 'left-90', 'right-90'],
  },
];

/** Every product code the plans use: the lots the clinics keep. */
export const planProductCodes = [...new Set(coursePlans.flatMap((p) => p.components.map((c) => c.code)))];

/** Where the points of each area usually go (x, y on the body chart, 0 to 1). */
export const zones: Partial<Record<AreaCode, [string, number, number][]>> = {
  face: [
    ['forehead', 0.5, 0.18], ['glabella', 0.5, 0.3], ['periorbital-left', 0.36, 0.38], ['periorbital-right', 0.64, 0.38],
    ['malar-left', 0.34, 0.47], ['malar-right', 0.66, 0.47], ['nasolabial-left', 0.42, 0.6], ['nasolabial-right', 0.58, 0.6],
    ['perioral', 0.5, 0.7], ['chin', 0.5, 0.82], ['jawline-left', 0.3, 0.72], ['jawline-right', 0.7, 0.72],
  ],
  neck: [['anterior', 0.5, 0.8], ['lateral-left', 0.38, 0.78], ['lateral-right', 0.62, 0.78]],
  'lower-eyelid': [['infraorbital-left', 0.38, 0.42], ['infraorbital-right', 0.62, 0.42]],
  scalp: [['vertex', 0.5, 0.1], ['crown', 0.5, 0.2], ['temporal-left', 0.25, 0.3], ['temporal-right', 0.75, 0.3], ['occipital', 0.5, 0.4]],
  thighs: [['lateral-left', 0.32, 0.62], ['lateral-right', 0.68, 0.62], ['posterior-left', 0.4, 0.66], ['posterior-right', 0.6, 0.66]],
  buttocks: [['left', 0.42, 0.52], ['right', 0.58, 0.52]],
  abdomen: [['periumbilical', 0.5, 0.45], ['lower-left', 0.42, 0.5], ['lower-right', 0.58, 0.5]],
  submental: [['submental', 0.5, 0.88]],
};

export const sessionNotes = {
  ru: [
    'Процедуру перенесла хорошо.',
    'Кожа менее сухая, тот же коктейль.',
    'Пациентка отмечает улучшение тургора.',
    'Умеренная болезненность в зоне носогубных складок.',
    'Рекомендован SPF 50 в течение двух недель.',
    'Без особенностей.',
    'Выпадение волос уменьшилось по словам пациентки.',
    'Отёчность ниже, объём бёдер −1,5 см.',
  ],
  en: ['Tolerated well.', 'Skin visibly less dry; same cocktail.', 'Patient reports better tone.', 'Mild tenderness along the nasolabial folds.', 'SPF 50 for two weeks advised.', 'Uneventful.'],
};

export const followUpFindings = {
  ru: ['Жалоб нет.', 'Небольшая гиперемия, проходит.', 'Папулы рассосались.', 'Синяк в зоне скулы, без осложнений.', 'Пациентка довольна результатом.'],
  en: ['No complaints.', 'Mild redness, settling.', 'Papules gone.', 'A small bruise on the cheek, uneventful.', 'Happy with the result.'],
};

/** The frozen text of a treatment consent. */
export function consentText(lang: 'en' | 'ru', o: { patient: string; products: string[]; sessions: number; interval: number; clinic: string }): string {
  if (lang === 'en') {
    return [
      'INFORMED CONSENT TO MESOTHERAPY',
      `I, ${o.patient}, agree to a course of ${o.sessions} mesotherapy sessions at ${o.clinic}, one every ${o.interval} days, with ${o.products.join(', ')}.`,
      'The doctor explained the purpose of the procedure, the expected results, and that the change is gradual and not guaranteed.',
      'I was told of the expected reactions (redness, swelling, papules and small bruises for up to 72 hours) and of the rare complications: infection, allergic reaction, nodules, pigmentation changes.',
      'I have told the doctor of my illnesses, medicines, allergies, pregnancy and breastfeeding. I will tell of any change before each session.',
      'After each session: no make-up for 24 hours, no sauna, pool or sunbathing for 3 days.',
      'I may withdraw this consent at any time.',
    ].join('\n');
  }
  return [
    'ИНФОРМИРОВАННОЕ ДОБРОВОЛЬНОЕ СОГЛАСИЕ НА ПРОВЕДЕНИЕ МЕЗОТЕРАПИИ',
    `Я, ${o.patient}, даю согласие на курс мезотерапии из ${o.sessions} процедур в клинике «${o.clinic}» с интервалом ${o.interval} дней препаратами: ${o.products.join(', ')}.`,
    'Врач разъяснил мне цель процедуры, ожидаемый результат, а также то, что эффект развивается постепенно и не может быть гарантирован.',
    'Я предупреждена об ожидаемых реакциях (покраснение, отёк, папулы и небольшие синяки до 72 часов) и о редких осложнениях: инфекции, аллергической реакции, узелках, изменениях пигментации.',
    'Я сообщила врачу о своих заболеваниях, принимаемых лекарствах, аллергии, беременности и грудном вскармливании и обязуюсь сообщать об изменениях перед каждой процедурой.',
    'После каждой процедуры: без макияжа 24 часа, без бани, бассейна и загара 3 дня.',
    'Я вправе отозвать это согласие в любой момент.',
  ].join('\n');
}
