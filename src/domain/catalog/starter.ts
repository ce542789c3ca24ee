// The starter catalog: what the engine resolves product codes against when there is no database,
// and what the demo clinic is seeded with.
import { STARTER_PRODUCTS, type StarterProduct } from './products.ts';
import { STARTER_SUBSTANCES, STARTER_SUBSTANCES_BY_CODE } from './substances.ts';
import type { ProductFacts, ProductResolver, SubstanceFacts } from './types.ts';

export { STARTER_PRODUCTS, STARTER_SUBSTANCES, STARTER_SUBSTANCES_BY_CODE };
export type { StarterProduct, StarterComponent } from './products.ts';
export type { StarterSubstance } from './substances.ts';
export type { ProductFacts, ProductResolver, SubstanceFacts, RegistrationStatus } from './types.ts';
export { REGISTRATION_STATUSES } from './types.ts';

/** Adds the catalog's knowledge of a substance code (Asteraceae plant, fish DNA) to a substance. */
export function withSubstanceFlags(substance: SubstanceFacts): SubstanceFacts {
  const known = STARTER_SUBSTANCES_BY_CODE.get(substance.code);
  const compositae = substance.compositae === true || known?.compositae === true;
  const fishDerived = substance.fishDerived === true || known?.fishDerived === true || substance.class === 'polynucleotide';
  if (compositae === (substance.compositae === true) && fishDerived === (substance.fishDerived === true)) return substance;
  return { ...substance, ...(compositae ? { compositae } : {}), ...(fishDerived ? { fishDerived } : {}) };
}

/** The engine's view of a starter product. */
export function starterProductFacts(product: StarterProduct): ProductFacts {
  return {
    code: product.code,
    name: product.name.en,
    nameRu: product.name.ru,
    intradermal: product.intradermal,
    licensed: product.licensed,
    multiDose: product.multiDose,
    substances: product.composition.map((c) =>
      withSubstanceFlags({
        code: c.substance,
        class: c.class,
        ...(c.concentrationMgPerMl === undefined ? {} : { concentrationMgPerMl: c.concentrationMgPerMl }),
        ...(c.containsAdrenaline ? { containsAdrenaline: true } : {}),
      }),
    ),
  };
}

const FACTS_BY_CODE: ReadonlyMap<string, ProductFacts> = new Map(STARTER_PRODUCTS.map((p) => [p.code, starterProductFacts(p)]));

/** Resolves a product code against the starter catalog (the engine's default resolver). */
export const resolveStarterProduct: ProductResolver = (code) => FACTS_BY_CODE.get(code);
