// What the safety engine needs to know about a product, whoever supplies it (starter catalog,
// the clinic's database, or a product typed inline into an assessment).
import type { SubstanceClass } from '../vocabulary/index.ts';

export interface SubstanceFacts {
  /** Substance code (open vocabulary: the catalog's), e.g. `lidocaine`, `artichoke-extract`. */
  readonly code: string;
  readonly class: SubstanceClass;
  /** mg of this substance per ml of the product; needed where a dose limit is in mg (lidocaine). */
  readonly concentrationMgPerMl?: number;
  /** The anaesthetic is formulated with adrenaline, which raises its maximum dose. */
  readonly containsAdrenaline?: boolean;
  /** An Asteraceae (Compositae) plant: arnica, calendula, chamomile, echinacea… (compositae-allergy). */
  readonly compositae?: boolean;
  /** Made from fish DNA, e.g. salmon or trout polynucleotides (fish-allergy). */
  readonly fishDerived?: boolean;
}

export interface ProductFacts {
  /** Catalog code; absent for a product given inline. */
  readonly code?: string;
  readonly name: string;
  /** Russian name where it differs from `name`. */
  readonly nameRu?: string;
  readonly substances: readonly SubstanceFacts[];
  /** Approved for intradermal use (route). */
  readonly intradermal: boolean;
  /** Holds a valid registration or licence (unlicensed). */
  readonly licensed: boolean;
  /** Drawn from a vial shared between patients (multi-dose-vial). */
  readonly multiDose?: boolean;
}

/** Looks a catalog product up by its code; undefined when the code is unknown. */
export type ProductResolver = (code: string) => ProductFacts | undefined;

export const REGISTRATION_STATUSES = ['registered', 'expired', 'not-registered'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
