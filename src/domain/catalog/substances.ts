// Substances of the starter catalog. Codes are open: a clinic's own catalog may add more; the
// flags here also enrich a product typed inline that uses one of these codes.
import type { Labels, SubstanceClass } from '../vocabulary/index.ts';

export interface StarterSubstance {
  readonly code: string;
  readonly name: Labels;
  readonly class: SubstanceClass;
  readonly compositae?: true;
  readonly fishDerived?: true;
  readonly notes?: Labels;
}

const s = (code: string, cls: SubstanceClass, en: string, ru: string, extra: Partial<StarterSubstance> = {}): StarterSubstance => ({
  code,
  class: cls,
  name: { en, ru },
  ...extra,
});
// Asteraceae plants: the Traumeel label warns of allergy incl. anaphylaxis (research §1.2, grade A).
const compositae = { compositae: true } as const;

export const STARTER_SUBSTANCES: readonly StarterSubstance[] = [
  s('hyaluronic-acid-nx', 'hyaluronic-acid', 'Non-crosslinked hyaluronic acid', 'Нестабилизированная гиалуроновая кислота', {
    notes: {
      en: 'Works only in the epidermis and superficial dermis; deeper it is carried away.',
      ru: 'Действует только в эпидермисе и поверхностной дерме; глубже быстро выводится.',
    },
  }),
  s('ascorbic-acid', 'vitamin', 'Ascorbic acid (vitamin C)', 'Аскорбиновая кислота (витамин C)'),
  s('vitamin-b-complex', 'vitamin', 'B vitamins', 'Витамины группы B'),
  s('amino-acid-complex', 'amino-acid', 'Amino-acid complex', 'Комплекс аминокислот'),
  s('l-carnitine', 'amino-acid', 'L-carnitine', 'L-карнитин'),
  s('zinc', 'trace-element', 'Zinc', 'Цинк'),
  s('copper', 'trace-element', 'Copper', 'Медь'),
  s('glutathione', 'antioxidant', 'Glutathione', 'Глутатион'),
  s('oligopeptides', 'peptide', 'Biomimetic peptides', 'Биомиметические пептиды'),
  s('dmae', 'dmae', 'DMAE (dimethylaminoethanol)', 'ДМАЭ (диметиламиноэтанол)'),
  s('monomethylsilanetriol', 'organic-silicon', 'Organic silicon (monomethylsilanetriol)', 'Органический кремний (монометилсилантриол)'),
  s('artichoke-extract', 'choleretic', 'Artichoke leaf extract', 'Экстракт листьев артишока', {
    notes: { en: 'Choleretic: contraindicated with gallstones.', ru: 'Желчегонное: противопоказано при желчнокаменной болезни.' },
  }),
  s('phosphatidylcholine', 'lipolytic', 'Phosphatidylcholine', 'Фосфатидилхолин', {
    notes: {
      en: 'Forms an inactive salt with lidocaine in one syringe.',
      ru: 'В одном шприце с лидокаином образует неактивную соль.',
    },
  }),
  s('sodium-deoxycholate', 'lipolytic', 'Sodium deoxycholate', 'Дезоксихолат натрия', {
    notes: {
      en: 'Detergent: outside fat it destroys any tissue (necrosis).',
      ru: 'Детергент: вне жировой ткани разрушает любые ткани (некроз).',
    },
  }),
  s('caffeine', 'caffeine', 'Caffeine', 'Кофеин'),
  s('melilotus-extract', 'draining', 'Sweet clover (Melilotus) extract', 'Экстракт донника'),
  s('troxerutin', 'vasoprotective', 'Troxerutin', 'Троксерутин'),
  s('ginkgo-extract', 'vasoprotective', 'Ginkgo biloba extract', 'Экстракт гинкго билоба'),
  s('arnica-montana', 'homeopathic', 'Arnica (Arnica montana)', 'Арника горная', compositae),
  s('calendula', 'homeopathic', 'Calendula (marigold)', 'Календула лекарственная', compositae),
  s('chamomilla', 'homeopathic', 'Chamomile (Chamomilla)', 'Ромашка аптечная', compositae),
  s('echinacea', 'homeopathic', 'Echinacea', 'Эхинацея', compositae),
  s('millefolium', 'homeopathic', 'Yarrow (Millefolium)', 'Тысячелистник', compositae),
  s('bellis-perennis', 'homeopathic', 'Daisy (Bellis perennis)', 'Маргаритка многолетняя', compositae),
  s('hamamelis', 'homeopathic', 'Witch hazel (Hamamelis)', 'Гамамелис'),
  s('hypericum', 'homeopathic', "Hypericum (St John's wort)", 'Зверобой (гиперикум)'),
  s('lidocaine', 'anesthetic', 'Lidocaine', 'Лидокаин', {
    notes: {
      en: 'Maximum 4.5 mg/kg (300 mg) plain, 7 mg/kg (500 mg) with adrenaline.',
      ru: 'Не более 4,5 мг/кг (300 мг), с адреналином — 7 мг/кг (500 мг).',
    },
  }),
  s('procaine', 'anesthetic', 'Procaine', 'Прокаин'),
  s('epinephrine', 'other', 'Adrenaline (epinephrine)', 'Адреналин (эпинефрин)'),
  s('polynucleotides', 'polynucleotide', 'Polynucleotides (salmon or trout DNA)', 'Полинуклеотиды (ДНК лосося или форели)', {
    fishDerived: true,
  }),
  s('pdrn', 'polynucleotide', 'PDRN (salmon polydeoxyribonucleotide)', 'ПДРН (полидезоксирибонуклеотид лосося)', { fishDerived: true }),
  s('soybean-oil', 'fat-emulsion', 'Soybean oil emulsion', 'Эмульсия соевого масла'),
  s('growth-factor-complex', 'biologic', 'Growth-factor complex', 'Комплекс факторов роста'),
  s('dexamethasone', 'corticosteroid', 'Dexamethasone', 'Дексаметазон'),
  s('ketoprofen', 'nsaid', 'Ketoprofen', 'Кетопрофен'),
  s('lincomycin', 'antibiotic', 'Lincomycin', 'Линкомицин'),
];

export const STARTER_SUBSTANCES_BY_CODE: ReadonlyMap<string, StarterSubstance> = new Map(STARTER_SUBSTANCES.map((x) => [x.code, x]));
