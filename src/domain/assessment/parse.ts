// Validation of an assessment's input: the only place zod runs, so `assess` itself stays fast.
import { AssessmentInputError, flattenIssues, plainMessage } from './errors.ts';
import { assessmentInputSchema, type AssessmentInput } from './input-schema.ts';

/** Validates JSON against the assessment contract; throws AssessmentInputError with field paths. */
export function parseAssessmentInput(json: unknown): AssessmentInput {
  const result = assessmentInputSchema.safeParse(json, { error: plainMessage });
  if (result.success) return result.data;
  throw new AssessmentInputError(flattenIssues(result.error.issues));
}
