// Building a course plan: its cocktail snapshot from the catalog (or a template), and the plan's
// assessment — plan-level rules plus every rule whose facts a plan has (the patient's history
// today, the products, technique and depth, the dose per session).
import type { Assessment, AssessmentInputJson } from '../../domain/assessment/index.ts';
import type { ComponentSnapshot } from '../../domain/api/courses.ts';
import type { IndicationCode, TechniqueCode } from '../../domain/vocabulary/index.ts';
import { loadClinicSettings } from '../catalog/clinic-service.ts';
import { runAssessment } from '../clinical/assessment.ts';
import { patientFacts } from '../clinical/patient-facts.ts';
import { referenceNotFound } from '../clinical/problems.ts';
import type { Actor } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { Problem } from '../errors.ts';
import { catalogReads } from './catalog-reads.ts';

/**
 * The cocktail snapshot of a plan: the given components, or the template's. Every product must be
 * the clinic's and in use; each refusal names its field.
 */
export async function snapshotComponents(
  q: Queryable,
  clinicId: string,
  given: { productId: string; volumeMl: number }[] | undefined,
  templateId: string | undefined,
): Promise<ComponentSnapshot[]> {
  let components = given;
  let path = 'body.components';
  if (components === undefined) {
    if (templateId === undefined) throw Problem.badRequest('components are required unless templateId is given', [{ path, message: 'is required unless templateId is given' }]);
    components = await catalogReads.templateComponents(q, clinicId, templateId);
    if (components === undefined) throw referenceNotFound('Cocktail template', 'body.templateId');
    if (components.length === 0) throw Problem.unprocessable('empty-template', 'The cocktail template has no components', [{ path: 'body.templateId', message: 'has no components' }]);
    path = 'body.templateId';
  } else if (templateId !== undefined && (await catalogReads.templateComponents(q, clinicId, templateId)) === undefined) {
    throw referenceNotFound('Cocktail template', 'body.templateId');
  }
  const products = await catalogReads.products(q, clinicId, components.map((c) => c.productId));
  return components.map((c, i) => {
    const at = path === 'body.components' ? `body.components[${i}].productId` : path;
    const p = products.get(c.productId);
    if (!p) throw referenceNotFound('Product', at);
    if (!p.active) throw Problem.unprocessable('product-inactive', `${p.code} is no longer in use in the catalog`, [{ path: at, message: 'is not in use' }]);
    return p.snapshot(c.volumeMl);
  });
}

export interface PlanFacts {
  technique: string;
  depthMm: number;
  components: ComponentSnapshot[];
  plannedSessions: number;
  intervalDays: number;
  indications: string[];
}

/** Assesses a plan as of `today` for the patient; the caller refuses a block. */
export async function assessPlan(q: Queryable, actor: Actor, patient: { id: string; birthDate: string; sex: string }, plan: PlanFacts, today: string): Promise<{ input: AssessmentInputJson; assessment: Assessment }> {
  const input: AssessmentInputJson = {
    date: today,
    patient: await patientFacts(q, actor.clinicId, patient, today),
    procedure: {
      technique: plan.technique as TechniqueCode,
      depthMm: plan.depthMm,
      components: plan.components.map((c) => ({ product: c.code, volumeMl: c.volumeMl })),
    },
    plan: { plannedSessions: plan.plannedSessions, intervalDays: plan.intervalDays, indications: plan.indications as IndicationCode[] },
    clinic: { settings: await loadClinicSettings(q, actor.clinicId) },
  };
  const assessment = await runAssessment(q, input, plan.components.map((c) => c.code), actor.language);
  return { input, assessment };
}
