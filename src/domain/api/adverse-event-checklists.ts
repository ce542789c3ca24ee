// The emergency checklists an adverse event records (research/domain.md §4.1, grade A/B):
// anaphylaxis — adrenaline 0.5 mg IM into the mid-anterolateral thigh, repeated every 5 minutes if
// needed, each dose with its time; the emergency call; the position; where it ended. Vasovagal —
// laid flat with legs raised; atropine for persistent bradycardia, with dose and time; blood
// pressure and pulse readings.
import { z } from 'zod';
import { emergencyOutcomeSchema, patientPositionSchema } from '../adverse-events/vocabulary.ts';

const instant = z.iso.datetime({ offset: true, message: 'must be an ISO date and time with offset, e.g. 2026-11-22T18:00:00+03:00' });
const notes = z.string().trim().min(1, 'must not be empty').max(2000, 'must be at most 2000 characters');

/** Minutes between adrenaline doses when the patient does not improve. */
export const ADRENALINE_REPEAT_MINUTES = 5;
/** The adult intramuscular dose of adrenaline (1 mg/ml), mg. */
export const ADRENALINE_ADULT_DOSE_MG = 0.5;

export const ADRENALINE_SITES = ['anterolateral-thigh', 'deltoid', 'other'] as const;

export const adrenalineDoseBody = z.strictObject({
  at: instant,
  doseMg: z
    .number({ error: 'must be a number of mg' })
    .min(0.01, { error: 'must be between 0.01 and 1 mg' })
    .max(1, { error: 'must be between 0.01 and 1 mg (adult IM dose 0.5 mg)' })
    .default(ADRENALINE_ADULT_DOSE_MG),
  site: z.enum(ADRENALINE_SITES, { error: `must be one of ${ADRENALINE_SITES.join(', ')}` }).default('anterolateral-thigh'),
});
export type AdrenalineDose = z.infer<typeof adrenalineDoseBody>;

export const anaphylaxisChecklistBody = z
  .strictObject({
    adrenalineDoses: z.array(adrenalineDoseBody).max(10, 'must list at most 10 doses: escalate after 2–3').default([]),
    emergencyCalled: z.boolean().optional(),
    emergencyCalledAt: instant.optional(),
    position: patientPositionSchema.optional(),
    oxygen: z.boolean().optional(),
    ivAccess: z.boolean().optional(),
    outcome: emergencyOutcomeSchema.optional(),
    notes: notes.optional(),
  })
  .superRefine((c, ctx) => {
    if (c.emergencyCalled === false && c.emergencyCalledAt !== undefined) ctx.addIssue({ code: 'custom', path: ['emergencyCalledAt'], message: 'must not be given when emergencyCalled is false' });
  });
export type AnaphylaxisChecklist = z.infer<typeof anaphylaxisChecklistBody>;

export const ATROPINE_ROUTES = ['iv', 'im', 'sc'] as const;

export const atropineBody = z
  .strictObject({
    given: z.boolean(),
    doseMg: z.number({ error: 'must be a number of mg' }).min(0.1, { error: 'must be between 0.1 and 3 mg' }).max(3, { error: 'must be between 0.1 and 3 mg' }).optional(),
    route: z.enum(ATROPINE_ROUTES, { error: `must be one of ${ATROPINE_ROUTES.join(', ')}` }).optional(),
    at: instant.optional(),
  })
  .superRefine((a, ctx) => {
    if (!a.given) return;
    if (a.doseMg === undefined) ctx.addIssue({ code: 'custom', path: ['doseMg'], message: 'is required when atropine was given' });
    if (a.at === undefined) ctx.addIssue({ code: 'custom', path: ['at'], message: 'is required when atropine was given' });
  });

export const vitalsReadingBody = z.strictObject({
  at: instant,
  systolic: z.number().int('must be whole mmHg').min(40, 'must be between 40 and 300 mmHg').max(300, 'must be between 40 and 300 mmHg').optional(),
  diastolic: z.number().int('must be whole mmHg').min(20, 'must be between 20 and 200 mmHg').max(200, 'must be between 20 and 200 mmHg').optional(),
  pulse: z.number().int('must be whole beats per minute').min(20, 'must be between 20 and 250 per minute').max(250, 'must be between 20 and 250 per minute').optional(),
});
export type VitalsReading = z.infer<typeof vitalsReadingBody>;

export const vagalChecklistBody = z.strictObject({
  laidFlat: z.boolean().optional(),
  legsRaised: z.boolean().optional(),
  positionedAt: instant.optional(),
  atropine: atropineBody.optional(),
  readings: z.array(vitalsReadingBody).max(50, 'must list at most 50 readings').default([]),
  recoveredAt: instant.optional(),
  notes: notes.optional(),
});
export type VagalChecklist = z.infer<typeof vagalChecklistBody>;

/** The anaphylaxis checklist as answered: doses in time order, and when the next one may be given. */
export const anaphylaxisChecklistSchema = z.object({
  adrenalineDoses: z.array(z.object({ at: z.string(), doseMg: z.number(), site: z.string() })),
  totalAdrenalineMg: z.number(),
  /** Last dose + 5 min, while the patient has not recovered: when a repeat is indicated if not improving. */
  nextDoseFrom: z.string().nullable(),
  emergencyCalled: z.boolean().optional(),
  emergencyCalledAt: z.string().optional(),
  position: z.string().optional(),
  oxygen: z.boolean().optional(),
  ivAccess: z.boolean().optional(),
  outcome: z.string().optional(),
  notes: z.string().optional(),
});

export const vagalChecklistSchema = z.object({
  laidFlat: z.boolean().optional(),
  legsRaised: z.boolean().optional(),
  positionedAt: z.string().optional(),
  atropine: z.object({ given: z.boolean(), doseMg: z.number().optional(), route: z.string().optional(), at: z.string().optional() }).optional(),
  readings: z.array(z.object({ at: z.string(), systolic: z.number().optional(), diastolic: z.number().optional(), pulse: z.number().optional() })),
  recoveredAt: z.string().optional(),
  notes: z.string().optional(),
});
