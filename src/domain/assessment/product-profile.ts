// Per-product facts the rules ask about, worked out once per product object and cached, so the
// engine's hot path reads bits and numbers instead of walking substance lists.
import { withSubstanceFlags, type ProductFacts, type SubstanceFacts } from '../catalog/starter.ts';
import { SUBSTANCE_CLASS_CODES, type SubstanceClass } from '../vocabulary/index.ts';
import type { InlineProduct } from './input-schema.ts';

/** One bit per substance class, so "does the cocktail hold a choleretic" is a single AND. */
export const CLASS_BIT = Object.fromEntries(SUBSTANCE_CLASS_CODES.map((code, i) => [code, 1 << i])) as Readonly<Record<SubstanceClass, number>>;

/** The bit mask of a list of classes. */
export function maskOf(classes: readonly SubstanceClass[]): number {
  let mask = 0;
  for (const c of classes) mask |= CLASS_BIT[c];
  return mask;
}

export interface ProductProfile {
  readonly classMask: number;
  /** First Asteraceae substance, if any (compositae-allergy). */
  readonly compositae: SubstanceFacts | undefined;
  /** First fish-derived substance, if any (fish-allergy). */
  readonly fish: SubstanceFacts | undefined;
  readonly lidocaine: boolean;
  /** mg of lidocaine per ml of product, summed over known concentrations. */
  readonly lidocaineMgPerMl: number;
  /** Some lidocaine in the product has no stated concentration: its dose cannot be counted. */
  readonly lidocaineUnknown: boolean;
  /** Every lidocaine in the product comes with adrenaline (the higher limit applies). */
  readonly lidocaineWithAdrenaline: boolean;
  readonly phosphatidylcholine: boolean;
}

const ADRENALINE_CODES = new Set(['epinephrine', 'adrenaline']);
const cache = new WeakMap<ProductFacts, ProductProfile>();

/** The profile of a product, computed on first sight of the object. */
export function profileOf(product: ProductFacts): ProductProfile {
  let profile = cache.get(product);
  if (profile === undefined) {
    profile = computeProfile(product);
    cache.set(product, profile);
  }
  return profile;
}

function computeProfile(product: ProductFacts): ProductProfile {
  let classMask = 0;
  let compositae: SubstanceFacts | undefined;
  let fish: SubstanceFacts | undefined;
  let lidocaine = false;
  let lidocaineMgPerMl = 0;
  let lidocaineUnknown = false;
  let allWithAdrenaline = true;
  let adrenalineInProduct = false;
  let phosphatidylcholine = false;
  for (const s of product.substances) {
    classMask |= CLASS_BIT[s.class];
    if (s.compositae === true) compositae ??= s;
    if (s.fishDerived === true) fish ??= s;
    if (ADRENALINE_CODES.has(s.code)) adrenalineInProduct = true;
    if (s.code === 'phosphatidylcholine') phosphatidylcholine = true;
    if (s.code === 'lidocaine') {
      lidocaine = true;
      if (s.concentrationMgPerMl === undefined) lidocaineUnknown = true;
      else lidocaineMgPerMl += s.concentrationMgPerMl;
      if (s.containsAdrenaline !== true) allWithAdrenaline = false;
    }
  }
  return {
    classMask,
    compositae,
    fish,
    lidocaine,
    lidocaineMgPerMl,
    lidocaineUnknown,
    lidocaineWithAdrenaline: lidocaine && (allWithAdrenaline || adrenalineInProduct),
    phosphatidylcholine,
  };
}

/** The engine's view of a product typed inline, with the catalog's substance flags added. */
export function inlineProductFacts(product: InlineProduct): ProductFacts {
  return {
    name: product.name,
    intradermal: product.intradermal,
    licensed: product.licensed,
    multiDose: product.multiDose === true,
    substances: product.substances.map(withSubstanceFlags),
  };
}
