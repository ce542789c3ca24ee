// Allergy rules: a component the patient is allergic to, and caution for allergic patients.
import { conditions, type SubstanceClass } from '../../vocabulary/index.ts';
import type { Allergy } from '../input-schema.ts';
import { CLASS_BIT } from '../product-profile.ts';
import type { Run } from '../run.ts';

const HISTORY_CLASSES: readonly SubstanceClass[] = ['vitamin', 'biologic'];
const HISTORY_MASK = CLASS_BIT.vitamin | CLASS_BIT.biologic;

/** allergy-component and allergy-history. */
export function allergyRules(run: Run): void {
  const patient = run.input.patient;
  if (patient === undefined || run.components.length === 0) return;
  const allergies = patient.allergies ?? [];
  for (const allergy of allergies) allergyComponent(run, allergy);

  // allergy-history: any documented allergy (Asteraceae and fish allergies included) and a
  // cocktail with vitamins or biologics, the usual culprits of reactions (seed 000).
  if ((run.classMask & HISTORY_MASK) === 0) return;
  let count = allergies.length;
  for (const c of patient.conditions ?? []) if (conditions.entries[c.code].allergy) count++;
  if (count === 0) return;
  const classes = HISTORY_CLASSES.filter((cls) => (run.classMask & CLASS_BIT[cls]) !== 0);
  const productNames = run.components.filter((p) => (p.profile.classMask & HISTORY_MASK) !== 0).map((p) => p.name);
  run.add('allergy-history', 'warn', { allergies: count, classes, productNames });
}

// allergy-component: the allergen is a substance of the cocktail, or the class of one (anaesthetics included).
function allergyComponent(run: Run, allergy: Allergy): void {
  const code = allergy.substance;
  const cls = allergy.class;
  const bit = cls === undefined ? 0 : CLASS_BIT[cls];
  for (const p of run.components) {
    if (code === undefined && (p.profile.classMask & bit) === 0) continue;
    for (const sub of p.facts.substances) {
      if (code !== undefined ? sub.code !== code : sub.class !== cls) continue;
      run.add('allergy-component', 'block', {
        product: p.key,
        productName: p.name,
        allergen: code ?? sub.class,
        allergenKind: code !== undefined ? 'substance' : 'class',
        substance: sub.code,
        substanceClass: sub.class,
      });
      break;
    }
  }
}
