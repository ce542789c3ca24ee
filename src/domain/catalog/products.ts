// Products of the starter catalog: realistic mesotherapy products with clearly fictional
// registration data (every registration number starts with DEMO-), used to resolve product codes
// when no database is present and to seed the demo clinic.
import type { Labels, SubstanceClass } from '../vocabulary/index.ts';
import type { RegistrationStatus } from './types.ts';

export interface StarterComponent {
  readonly substance: string;
  readonly class: SubstanceClass;
  readonly concentrationMgPerMl?: number;
  readonly containsAdrenaline?: true;
}

export interface StarterProduct {
  readonly code: string;
  readonly name: Labels;
  readonly manufacturer: string;
  readonly distributor: string;
  readonly registrationNumber: string;
  readonly registrationStatus: RegistrationStatus;
  readonly licensed: boolean;
  readonly intradermal: boolean;
  readonly ampouleMl: number;
  readonly multiDose: boolean;
  readonly composition: readonly StarterComponent[];
  readonly notes?: Labels;
}

const DISTRIBUTOR = 'MesoSupply Demo LLC';
const registered = { registrationStatus: 'registered', licensed: true, intradermal: true, multiDose: false } as const;
const c = (substance: string, cls: SubstanceClass, concentrationMgPerMl?: number): StarterComponent =>
  concentrationMgPerMl === undefined ? { substance, class: cls } : { substance, class: cls, concentrationMgPerMl };

export const STARTER_PRODUCTS: readonly StarterProduct[] = [
  {
    code: 'hyalo-nx-15',
    name: { en: 'HyaloNova 1.5%', ru: 'ГиалоНова 1,5%' },
    manufacturer: 'Nordderm Demo AB',
    distributor: DISTRIBUTOR,
    registrationNumber: 'DEMO-RZN-2021/0101',
    ...registered,
    ampouleMl: 2,
    composition: [c('hyaluronic-acid-nx', 'hyaluronic-acid', 15)],
  },
  {
    code: 'revita-complex',
    name: { en: 'Revita Complex', ru: 'Ревита Комплекс' },
    manufacturer: 'Polyvita Laboratoires Demo',
    distributor: DISTRIBUTOR,
    registrationNumber: 'DEMO-RZN-2020/0102',
    ...registered,
    ampouleMl: 3,
    composition: [
      c('hyaluronic-acid-nx', 'hyaluronic-acid', 0.2),
      c('ascorbic-acid', 'vitamin'),
      c('vitamin-b-complex', 'vitamin'),
      c('amino-acid-complex', 'amino-acid'),
      c('zinc', 'trace-element'),
      c('glutathione', 'antioxidant'),
    ],
  },
  {
    code: 'dmae-3',
    name: { en: 'DMAE 3%', ru: 'ДМАЭ 3%' },
    manufacturer: 'Meso Pharma Demo',
    distributor: DISTRIBUTOR,
    registrationNumber: 'DEMO-RZN-2019/0103',
    ...registered,
    ampouleMl: 5,
    composition: [c('dmae', 'dmae', 30)],
  },
  {
    code: 'silicium-organic',
    name: { en: 'Organic Silicon 0.5%', ru: 'Органический кремний 0,5%' },
    manufacturer: 'Meso Pharma Demo',
    distributor: DISTRIBUTOR,
    registrationNumber: 'DEMO-RZN-2019/0104',
    ...registered,
    ampouleMl: 5,
    composition: [c('monomethylsilanetriol', 'organic-silicon', 5)],
  },
  {
    code: 'hofitol',
    name: { en: 'Hofitol', ru: 'Хофитол' },
    manufacturer: 'Rosa-Phytopharma',
    distributor: DISTRIBUTOR,
    registrationNumber: 'DEMO-LP-000105',
    ...registered,
    ampouleMl: 5,
    composition: [c('artichoke-extract', 'choleretic', 20)],
    notes: {
      en: 'Artichoke extract, 100 mg per 5 ml: a choleretic, contraindicated with gallstones.',
      ru: 'Экстракт артишока, 100 мг в 5 мл: желчегонное, противопоказано при желчнокаменной болезни.',
    },
  },
  {
    code: 'lipo-pc-dc',
    name: { en: 'Lipolysis PC/DC 5%', ru: 'Липолизис ФХ/ДХ 5%' },
    manufacturer: 'Lipoform Demo GmbH',
    distributor: DISTRIBUTOR,
    registrationNumber: 'DEMO-LP-000106',
    ...registered,
    ampouleMl: 5,
    composition: [c('phosphatidylcholine', 'lipolytic', 50), c('sodium-deoxycholate', 'lipolytic', 25)],
    notes: {
      en: 'Into subcutaneous fat only, at least 4 weeks apart; never mixed with lidocaine.',
      ru: 'Только в подкожную жировую клетчатку, с интервалом не менее 4 недель; не смешивать с лидокаином.',
    },
  },
  {
    code: 'traumaplex',
    name: { en: 'Traumaplex Injection', ru: 'Траумаплекс, раствор для инъекций' },
    manufacturer: 'Heelix Homeopathica Demo',
    distributor: DISTRIBUTOR,
    registrationNumber: 'DEMO-LP-000107',
    ...registered,
    ampouleMl: 2.2,
    composition: [
      c('arnica-montana', 'homeopathic'),
      c('calendula', 'homeopathic'),
      c('chamomilla', 'homeopathic'),
      c('echinacea', 'homeopathic'),
      c('millefolium', 'homeopathic'),
      c('bellis-perennis', 'homeopathic'),
      c('hamamelis', 'homeopathic'),
      c('hypericum', 'homeopathic'),
    ],
    notes: {
      en: 'Antihomotoxic complex (Traumeel-like); contains Asteraceae plants.',
      ru: 'Антигомотоксический комплекс (аналог Траумеля); содержит растения семейства астровых.',
    },
  },
  {
    code: 'lidocaine-2',
    name: { en: 'Lidocaine 2%', ru: 'Лидокаин 2%' },
    manufacturer: 'Generic Pharm Demo',
    distributor: DISTRIBUTOR,
    registrationNumber: 'DEMO-LP-000108',
    ...registered,
    ampouleMl: 2,
    composition: [c('lidocaine', 'anesthetic', 20)],
  },
  {
    code: 'lidocaine-2-adrenaline',
    name: { en: 'Lidocaine 2% with adrenaline 1:200,000', ru: 'Лидокаин 2% с адреналином 1:200 000' },
    manufacturer: 'Generic Pharm Demo',
    distributor: DISTRIBUTOR,
    registrationNumber: 'DEMO-LP-000109',
    ...registered,
    ampouleMl: 2,
    composition: [
      { substance: 'lidocaine', class: 'anesthetic', concentrationMgPerMl: 20, containsAdrenaline: true },
      c('epinephrine', 'other', 0.005),
    ],
  },
  {
    code: 'pn-20',
    name: { en: 'Polynucleo 20', ru: 'Полинуклео 20' },
    manufacturer: 'Aquagen Demo S.r.l.',
    distributor: DISTRIBUTOR,
    registrationNumber: 'DEMO-RZN-2022/0110',
    ...registered,
    ampouleMl: 2,
    composition: [c('polynucleotides', 'polynucleotide', 20)],
  },
  {
    code: 'caffeine-25',
    name: { en: 'Caffeine 2.5%', ru: 'Кофеин 2,5%' },
    manufacturer: 'Meso Pharma Demo',
    distributor: DISTRIBUTOR,
    registrationNumber: 'DEMO-RZN-2019/0111',
    ...registered,
    ampouleMl: 5,
    composition: [c('caffeine', 'caffeine', 25)],
  },
  {
    code: 'drena-vasc',
    name: { en: 'Drena Vasc (multi-dose vial)', ru: 'Дрена Васк (многодозовый флакон)' },
    manufacturer: 'Meso Pharma Demo',
    distributor: DISTRIBUTOR,
    registrationNumber: 'DEMO-RZN-2020/0112',
    ...registered,
    multiDose: true,
    ampouleMl: 10,
    composition: [c('melilotus-extract', 'draining'), c('troxerutin', 'vasoprotective'), c('ginkgo-extract', 'vasoprotective')],
  },
  {
    code: 'lipid-emulsion-20',
    name: { en: 'Lipid emulsion 20% (for infusion)', ru: 'Жировая эмульсия 20% (для инфузий)' },
    manufacturer: 'Infusia Demo',
    distributor: DISTRIBUTOR,
    registrationNumber: 'DEMO-LP-000113',
    ...registered,
    intradermal: false,
    ampouleMl: 100,
    composition: [c('soybean-oil', 'fat-emulsion', 200)],
    notes: { en: 'Intravenous infusion only.', ru: 'Только для внутривенной инфузии.' },
  },
  {
    code: 'gf-boost-x',
    name: { en: 'GF Boost X serum', ru: 'Сыворотка GF Boost X' },
    manufacturer: 'Unknown (grey import)',
    distributor: 'No authorised distributor',
    registrationNumber: 'DEMO-NONE',
    registrationStatus: 'not-registered',
    licensed: false,
    intradermal: true,
    multiDose: false,
    ampouleMl: 5,
    composition: [c('growth-factor-complex', 'biologic'), c('oligopeptides', 'peptide')],
    notes: { en: 'Not registered: kept to show the unlicensed rule.', ru: 'Не зарегистрирован: пример для правила «без регистрации».' },
  },
  {
    code: 'dexamethasone-4',
    name: { en: 'Dexamethasone 4 mg/ml', ru: 'Дексаметазон 4 мг/мл' },
    manufacturer: 'Generic Pharm Demo',
    distributor: DISTRIBUTOR,
    registrationNumber: 'DEMO-LP-000115',
    ...registered,
    ampouleMl: 1,
    composition: [c('dexamethasone', 'corticosteroid', 4)],
  },
];
