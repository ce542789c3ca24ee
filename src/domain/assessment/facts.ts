// The facts each rule reports with its finding: codes and numbers a program can read, plus the
// product names (in the requested language) that the message shows.
import type { AdverseEventType, AreaCode, ConditionCode, IndicationCode, SubstanceClass, TechniqueCode } from '../vocabulary/index.ts';
import type { RuleId } from './rules.ts';

export type ProductRef = {
  /** The catalog code, or the name of a product given inline. */
  readonly product: string;
  readonly productName: string;
};
// Type aliases, not interfaces: facts must fit a plain JSON record.
type Condition<C extends ConditionCode = ConditionCode> = {
  readonly condition: C;
};
type Dated = {
  readonly onset: string;
  readonly days: number;
  readonly thresholdDays: number;
};

export interface RuleFacts {
  'allergy-component': ProductRef & {
    readonly allergen: string;
    readonly allergenKind: 'substance' | 'class';
    readonly substance: string;
    readonly substanceClass: SubstanceClass;
  };
  'allergy-history': { readonly allergies: number; readonly classes: readonly SubstanceClass[]; readonly productNames: readonly string[] };
  pregnancy: Condition<'pregnancy'>;
  lactation: Condition<'lactation'>;
  menstruation: Condition<'menstruation'>;
  'recent-surgery': Condition<'recent-surgery'> & Dated;
  'skin-malignancy': Condition<'skin-malignancy'>;
  coagulopathy: Condition<'coagulopathy'> & { readonly depthMm?: number };
  anticoagulants: Condition<'anticoagulants'>;
  'site-inflamed': Condition<'site-inflamed'> & { readonly area: AreaCode; readonly antiInflammatoryProducts: readonly string[] };
  'site-broken': Condition<'site-broken'> & { readonly area: AreaCode };
  keloid: Condition<'keloid'>;
  cholelithiasis: ProductRef & Condition<'cholelithiasis'> & { readonly substance: string };
  route: ProductRef;
  unlicensed: ProductRef;
  'lot-expired': ProductRef & { readonly lot: string | null; readonly expires: string; readonly date: string };
  'no-consent':
    | { readonly reason: 'unsigned' | 'withdrawn' }
    | (ProductRef & { readonly reason: 'product-not-covered' })
    | { readonly reason: 'sessions-exceeded'; readonly sessionNumber: number; readonly consentSessions: number }
    | { readonly reason: 'plan-exceeds'; readonly plannedSessions: number; readonly consentSessions: number };
  'too-many-components': { readonly count: number; readonly threshold: number };
  'dose-low': { readonly volumeMl: number; readonly thresholdMl: number };
  'dose-high': { readonly scope: 'session' | 'face-neck'; readonly volumeMl: number; readonly thresholdMl: number };
  'interval-short':
    | { readonly basis: 'last-session'; readonly lastSessionDate: string; readonly days: number; readonly thresholdDays: number }
    | { readonly basis: 'plan'; readonly plannedIntervalDays: number; readonly thresholdDays: number };
  'course-long': { readonly plannedSessions: number; readonly threshold: number };
  'deep-injection':
    | { readonly depthMm: number; readonly thresholdMm: number }
    | {
        readonly depthMm: number;
        readonly thresholdMm: number;
        readonly classes: readonly SubstanceClass[];
        readonly productNames: readonly string[];
        readonly scope: 'session' | 'face-neck';
        readonly volumeMl: number;
        readonly limitMl: number;
      };
  'open-adverse-event': { readonly type: AdverseEventType; readonly grade: number; readonly blockGrade: number };
  'emergency-kit': { readonly reason: 'incomplete' } | { readonly reason: 'expired'; readonly expires: string; readonly date: string };
  'vagal-history': Record<string, never>;
  'slow-onset': ProductRef;
  'lower-eyelid-ha': ProductRef & { readonly area: 'lower-eyelid'; readonly substance: string };
  'caffeine-sensitive': ProductRef & Condition<'fibromyalgia'>;
  'cellulite-mono': { readonly indication: IndicationCode };
  'age-minor': { readonly ageYears: number; readonly thresholdYears: number; readonly guardianConsentUnderYears: number };
  'diabetes-decompensated': Condition<'diabetes-decompensated'>;
  'compositae-allergy': ProductRef & Condition<'compositae-allergy'> & { readonly substance: string };
  'fish-allergy': ProductRef & Condition<'fish-allergy'> & { readonly substance: string };
  'anesthetic-dose': {
    readonly substance: 'lidocaine';
    readonly doseMg: number;
    readonly limitMg: number;
    readonly weightKg: number;
    readonly mgPerKg: number;
    readonly maxMg: number;
    readonly withAdrenaline: boolean;
  };
  'lipolytic-superficial': ProductRef & { readonly substance: string } & (
      | { readonly reason: 'technique'; readonly technique: TechniqueCode }
      | { readonly reason: 'depth'; readonly depthMm: number; readonly thresholdMm: number }
    );
  'pc-lidocaine-mix': ProductRef & { readonly lidocaineProduct: string; readonly lidocaineProductName: string };
  'lipolytic-interval': ProductRef & { readonly lastLipolyticSessionDate: string; readonly days: number; readonly thresholdDays: number };
  isotretinoin: Condition<'isotretinoin'> & {
    readonly onset: string;
    readonly thresholdMonths: number;
    readonly reason: 'face' | 'needling';
  };
  'recent-vaccine': Condition<'recent-vaccine'> & Dated;
  'recent-antibiotics': Condition<'recent-antibiotics'> & Dated;
  'lot-missing': ProductRef & { readonly missing: 'lot' | 'lot-number' | 'expiry' };
  'multi-dose-vial': ProductRef;
  'lot-recalled': ProductRef & { readonly lot: string | null };
}

// Compile-time check that every rule of the table has a facts shape and nothing else does.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _everyRuleHasFacts: Exact<keyof RuleFacts, RuleId> = true;
void _everyRuleHasFacts;
