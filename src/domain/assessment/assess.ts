// The safety engine: a pure function from a validated assessment input to findings and a decision.
// Validation is parseAssessmentInput's job; this runs without zod, fast enough for every keystroke.
import type { AssessmentInput } from './input-schema.ts';
import type { Decision } from './rules.ts';
import { allergyRules } from './rules/allergies.ts';
import { cocktailRules } from './rules/cocktail.ts';
import { conditionRules } from './rules/conditions.ts';
import { doseRules } from './rules/dose.ts';
import { clinicRules, consentRules, historyRules, lotRules, planRules } from './rules/records.ts';
import { Run, type Finding, type RunOptions } from './run.ts';

export type { Finding } from './run.ts';
export type AssessOptions = RunOptions;

export interface Assessment {
  readonly decision: Decision;
  readonly findings: Finding[];
}

/** Assesses a session against the clinical rules; throws AssessmentInputError for unknown products. */
export function assess(input: AssessmentInput, options?: AssessOptions): Assessment {
  const run = new Run(input, options);
  conditionRules(run);
  allergyRules(run);
  cocktailRules(run);
  doseRules(run);
  lotRules(run);
  consentRules(run);
  historyRules(run);
  clinicRules(run);
  planRules(run);
  return { decision: run.decision, findings: run.findings() };
}
