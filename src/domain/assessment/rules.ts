// The rule table: every rule of CLINICAL_RULES §2 and §6 with its levels, scope and source.
// Ids are the ids of the rules document; the engine and the messages are keyed by them.

export const LEVELS = ['block', 'warn', 'info'] as const;
export type Level = (typeof LEVELS)[number];
export const DECISIONS = ['block', 'warn', 'ok'] as const;
export type Decision = (typeof DECISIONS)[number];

/**
 * Where a rule applies: `injection` rules never fire for needle-free work; `site` rules only at the
 * affected area; `plan` rules read the course plan; `any` rules apply whatever the technique.
 */
export type RuleScope = 'any' | 'injection' | 'site' | 'plan';

export interface RuleMeta {
  /** Levels the rule can give, mildest first. */
  readonly levels: readonly Level[];
  readonly scope: RuleScope;
  /** Seed prefixes ("002, 003"), "domain", or "research:<grade>" for CLINICAL_RULES §6. */
  readonly source: string;
  /** A clinic may switch the rule off (the §6 rules, built on outside research). */
  readonly switchable: boolean;
}

const r = (levels: readonly Level[], scope: RuleScope, source: string): RuleMeta & { readonly switchable: false } => ({
  levels,
  scope,
  source,
  switchable: false,
});
const research = (level: Level, grade: 'A' | 'B' | 'C', scope: RuleScope = 'any'): RuleMeta & { readonly switchable: true } => ({
  levels: [level],
  scope,
  source: `research:${grade}`,
  switchable: true,
});

export const RULES = {
  // CLINICAL_RULES §2
  'allergy-component': r(['block'], 'any', '002, 003'),
  'allergy-history': r(['warn'], 'any', '000'),
  pregnancy: r(['block'], 'injection', '002, 003'),
  lactation: r(['block'], 'injection', '003'),
  menstruation: r(['warn'], 'injection', '002'),
  'recent-surgery': r(['warn'], 'any', '002'),
  'skin-malignancy': r(['block'], 'any', '003'),
  coagulopathy: r(['block'], 'injection', '003'),
  anticoagulants: r(['warn'], 'injection', 'domain'),
  'site-inflamed': r(['warn', 'block'], 'site', '003'),
  'site-broken': r(['block'], 'site', '003'),
  keloid: r(['warn'], 'any', '003'),
  cholelithiasis: r(['block'], 'any', '002'),
  route: r(['block'], 'any', '004'),
  unlicensed: r(['block'], 'any', '004'),
  'lot-expired': r(['block'], 'any', 'domain'),
  'no-consent': r(['block'], 'any', '004'),
  'too-many-components': r(['warn'], 'any', '000, 002'),
  'dose-low': r(['info'], 'injection', '002'),
  'dose-high': r(['warn'], 'injection', '001, 002'),
  'interval-short': r(['warn'], 'any', '001, 002'),
  'course-long': r(['warn'], 'plan', '002, 003'),
  'deep-injection': r(['warn', 'block'], 'injection', '000, 001, 002, 003'),
  'open-adverse-event': r(['warn', 'block'], 'any', '001'),
  'emergency-kit': r(['block'], 'injection', '000'),
  'vagal-history': r(['warn'], 'any', '000'),
  'slow-onset': r(['info'], 'any', '004'),
  'lower-eyelid-ha': r(['warn'], 'site', '004'),
  'caffeine-sensitive': r(['info'], 'any', '000'),
  'cellulite-mono': r(['info'], 'plan', '002'),
  // CLINICAL_RULES §6 (research/domain.md grades); grade C rules block only where the table says so
  'age-minor': research('block', 'C'),
  'diabetes-decompensated': research('block', 'C'),
  'compositae-allergy': research('block', 'A'),
  'fish-allergy': research('warn', 'C'),
  'anesthetic-dose': research('block', 'A'),
  'lipolytic-superficial': research('block', 'A'),
  'pc-lidocaine-mix': research('warn', 'C'),
  'lipolytic-interval': research('warn', 'A'),
  isotretinoin: research('warn', 'C'),
  'recent-vaccine': research('info', 'C'),
  'recent-antibiotics': research('info', 'C'),
  'lot-missing': research('block', 'A'),
  'multi-dose-vial': research('info', 'A'),
  // A recalled lot is never usable, so this one cannot be switched off.
  'lot-recalled': r(['block'], 'any', 'domain'),
} as const satisfies Record<string, RuleMeta>;

export type RuleId = keyof typeof RULES;
export const RULE_IDS = Object.keys(RULES) as RuleId[];

type SwitchableIds<T> = { [K in keyof T]: T[K] extends { readonly switchable: true } ? K : never }[keyof T];
/** Rules a clinic can switch off in its settings. */
export type SwitchableRuleId = SwitchableIds<typeof RULES>;
export const SWITCHABLE_RULE_IDS = RULE_IDS.filter((id) => RULES[id].switchable) as SwitchableRuleId[];

/** Rank of a level or decision: higher is more severe. */
export const LEVEL_RANK: Readonly<Record<Level | Decision, number>> = { ok: 0, info: 0, warn: 1, block: 2 };
