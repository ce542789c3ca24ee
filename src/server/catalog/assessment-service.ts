// The HTTP door of the safety engine: the assessment contract of DESIGN §5, with product codes
// resolved against the caller's clinic and the clinic's stored settings under the body's own.
import {
  assess,
  AssessmentInputError,
  clinicSettingsSchema,
  flattenIssues,
  parseAssessmentInput,
  plainMessage,
  type Assessment,
  type AssessmentInput,
  type ClinicSettings,
} from '../../domain/assessment/index.ts';
import type { Lang } from '../../domain/vocabulary/index.ts';
import { appendAudit } from '../audit/audit.ts';
import type { ServiceContext } from '../context.ts';
import { Problem } from '../errors.ts';
import { loadClinicSettings } from './clinic-service.ts';
import { catalogAudit } from './common.ts';
import { productResolver } from './product-facts.ts';

/** 400 with the engine's own field paths and messages: the same words the command line prints. */
function inputProblem(err: AssessmentInputError): Problem {
  return Problem.badRequest(
    err.issues.map((i) => `${i.path}: ${i.message}`).join('; '),
    err.issues.map((i) => ({ path: i.path, message: i.message })),
  );
}

/**
 * The clinic's stored settings with the request's on top; the result is checked again, since two
 * valid halves can disagree (a stored minimum above a maximum given in the request).
 */
function mergeSettings(stored: ClinicSettings, given: ClinicSettings | undefined): ClinicSettings {
  if (given === undefined) return stored;
  const rules = stored.rules || given.rules ? { ...stored.rules, ...given.rules } : undefined;
  const merged = { ...stored, ...given, ...(rules ? { rules } : {}) };
  const checked = clinicSettingsSchema.safeParse(merged, { error: plainMessage });
  if (!checked.success) throw new AssessmentInputError(flattenIssues(checked.error.issues, ['clinic', 'settings']));
  return checked.data;
}

/** The catalog codes an input names (inline products need no catalog). */
function productCodes(input: AssessmentInput): string[] {
  return (input.procedure?.components ?? []).flatMap((c) => (typeof c.product === 'string' ? [c.product] : []));
}

/** Validates and assesses one input for the caller's clinic; audited without any patient id. */
export async function runAssessment(ctx: ServiceContext, body: unknown, lang: Lang): Promise<Assessment> {
  try {
    const input = parseAssessmentInput(body);
    return await ctx.db.tx({ clinicId: ctx.actor.clinicId }, async (q) => {
      const stored = await loadClinicSettings(q, ctx.actor.clinicId);
      const settings = mergeSettings(stored, input.clinic?.settings);
      const withSettings: AssessmentInput = Object.keys(settings).length === 0 ? input : { ...input, clinic: { ...input.clinic, settings } };
      const assessment = assess(withSettings, { lang, resolveProduct: await productResolver(q, productCodes(input)) });
      await appendAudit(
        q,
        catalogAudit(ctx, 'assessment.run', 'assessment', null, { decision: assessment.decision, rules: assessment.findings.map((f) => `${f.rule}:${f.level}`), lang }),
      );
      return assessment;
    });
  } catch (err) {
    if (err instanceof AssessmentInputError) throw inputProblem(err);
    throw err;
  }
}
