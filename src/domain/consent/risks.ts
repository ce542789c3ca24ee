// The adverse events a consent names as risks: those expected for the technique, and those the
// products and areas of the plan add (CLINICAL_RULES §2–3; research/domain.md §4).
import {
  adverseEventTypes,
  techniques,
  type AdverseEventType,
  type AreaCode,
  type SubstanceClass,
  type TechniqueCode,
} from '../vocabulary/index.ts';

/** How often a risk is met, which is how a consent groups them. */
export type RiskFrequency = 'common' | 'uncommon' | 'rare';

/** One risk of a plan. */
export interface PlanRisk {
  type: AdverseEventType;
  frequency: RiskFrequency;
}

/** What of a plan decides its risks. */
export interface RiskInput {
  technique: TechniqueCode;
  classes: readonly SubstanceClass[];
  areas: readonly AreaCode[];
}

const allergenic: readonly SubstanceClass[] = ['vitamin', 'biologic', 'anesthetic', 'polynucleotide', 'homeopathic', 'peptide', 'collagen'];

/** The risks of a plan, most frequent first; every plan has at least the technique's own. */
export function planRisks(input: RiskInput): PlanRisk[] {
  const injection = techniques.entries[input.technique].injection;
  const has = (c: SubstanceClass) => input.classes.includes(c);
  const at = new Map<AdverseEventType, RiskFrequency>();
  const set = (type: AdverseEventType, frequency: RiskFrequency) => {
    const order: RiskFrequency[] = ['common', 'uncommon', 'rare'];
    const now = at.get(type);
    if (now === undefined || order.indexOf(frequency) < order.indexOf(now)) at.set(type, frequency);
  };

  if (injection) {
    // Expected and self-limiting after any injection (seed 003): the vocabulary flags them.
    for (const code of adverseEventTypes.codes) if (adverseEventTypes.entries[code].expected) set(code, 'common');
    for (const code of ['inflammation', 'nodule', 'hyperpigmentation', 'allergic-local', 'insufficient-effect'] as const) set(code, 'uncommon');
    for (const code of ['infection', 'scarring', 'hypopigmentation', 'necrosis', 'vagal', 'angioedema', 'anaphylaxis'] as const) set(code, 'rare');
  } else {
    for (const code of ['erythema', 'burning'] as const) set(code, 'common');
    for (const code of ['edema', 'allergic-local', 'insufficient-effect'] as const) set(code, 'uncommon');
    for (const code of ['angioedema', 'anaphylaxis'] as const) set(code, 'rare');
  }
  if (input.classes.some((c) => allergenic.includes(c))) set('allergic-local', 'uncommon');
  // Detergent lipolytics destroy tissue where they land: necrosis and lumps are more frequent.
  if (has('lipolytic')) {
    set('necrosis', 'uncommon');
    set('nodule', 'uncommon');
    set('edema', 'common');
  }
  if (has('homeopathic')) set('slow-effect', 'common');
  if (has('hyaluronic-acid') && input.areas.includes('lower-eyelid')) set('sagging', 'uncommon');

  const order: RiskFrequency[] = ['common', 'uncommon', 'rare'];
  return [...at.entries()]
    .map(([type, frequency]) => ({ type, frequency }))
    .sort((a, b) => order.indexOf(a.frequency) - order.indexOf(b.frequency) || adverseEventTypes.codes.indexOf(a.type) - adverseEventTypes.codes.indexOf(b.type));
}
