// Running the safety engine from the server: on input built from the record, with the clinic's
// catalog resolving product codes, in the caller's language.
import { assess, AssessmentInputError, parseAssessmentInput, type Assessment, type AssessmentInputJson } from '../../domain/assessment/index.ts';
import type { Lang } from '../../domain/vocabulary/index.ts';
import { productResolver } from '../catalog/product-facts.ts';
import type { Queryable } from '../db/database.ts';
import { Problem } from '../errors.ts';

/**
 * Assesses input the server built from the record. Input the engine refuses is the record's
 * fault, not the caller's request: a 422 listing the engine's complaints.
 */
export async function runAssessment(q: Queryable, input: AssessmentInputJson, productCodes: readonly string[], lang: Lang): Promise<Assessment> {
  try {
    const parsed = parseAssessmentInput(input);
    return assess(parsed, { lang, resolveProduct: await productResolver(q, productCodes) });
  } catch (err) {
    if (err instanceof AssessmentInputError) {
      throw Problem.unprocessable(
        'assessment-input',
        `The record cannot be assessed: ${err.message}`,
        err.issues.map((i) => ({ path: `assessment.${i.path}`, message: i.message })),
      );
    }
    throw err;
  }
}

/** 422 for an assessment that blocks (or warns without an override), with its findings. */
export function assessmentRefused(type: 'assessment-block' | 'assessment-warn', detail: string, assessment: Assessment): Problem {
  return Problem.unprocessable(type, detail, undefined, { decision: assessment.decision, findings: assessment.findings });
}
