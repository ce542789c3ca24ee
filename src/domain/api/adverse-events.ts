// Adverse events over the API: recorded by a doctor or nurse against a session (so its lots and
// products are known), graded 1–5, treated, followed until resolved with an outcome. Open events
// feed the safety engine (`open-adverse-event`). The emergency checklists are in checklists.ts.
import { z } from 'zod';
import {
  ADVERSE_EVENT_SOURCES,
  ADVERSE_EVENT_STATUSES,
  adverseEventOutcomeSchema,
  adverseEventStatusSchema,
  seriousnessCriterionSchema,
  treatmentRouteSchema,
} from '../adverse-events/vocabulary.ts';
import { adverseEventTypeSchema, areaSchema, severityGradeSchema } from '../vocabulary/index.ts';
import { anaphylaxisChecklistBody, anaphylaxisChecklistSchema, vagalChecklistBody, vagalChecklistSchema } from './adverse-event-checklists.ts';

export { ADVERSE_EVENT_STATUSES };

const uuid = z.uuid({ message: 'must be a UUID' });
/** An instant with its offset: `2026-11-22T18:00:00+03:00`. */
export const instant = z.iso.datetime({ offset: true, message: 'must be an ISO date and time with offset, e.g. 2026-11-22T18:00:00+03:00' });
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/** A treatment given for the event: which drug, how much, how, when. */
export const treatmentBody = z.strictObject({
  drug: text(200).describe('The drug or measure, e.g. "Chloropyramine 2%" or "Cold compress"'),
  dose: text(100).describe('Free text with its unit, e.g. "1 ml", "0.5 mg"'),
  route: treatmentRouteSchema,
  at: instant.describe('When it was given; not before the onset, not in the future'),
  note: text(1000).optional(),
});
export type TreatmentBody = z.infer<typeof treatmentBody>;
export const treatmentSchema = z.object({ drug: z.string(), dose: z.string(), route: z.string(), at: z.string(), note: z.string().optional() });

/** ICH E2A criteria, each at most once. */
const seriousness = z
  .array(seriousnessCriterionSchema)
  .max(6)
  .refine((c) => new Set(c).size === c.length, 'must not repeat a criterion');

export const newAdverseEventBody = z.strictObject({
  sessionId: uuid.describe('The session the event follows: its patient, lots and products are the event’s'),
  type: adverseEventTypeSchema,
  grade: severityGradeSchema.describe('CTCAE-style 1 mild … 5 death; GET /adverse-events/vocabulary gives the meaning of each'),
  onset: instant.describe('When it began: not before the session, not in the future'),
  description: text(4000),
  area: areaSchema.optional(),
  expected: z.boolean().optional().describe('Expected and self-limiting; defaults to what the vocabulary says of the type'),
  treatments: z.array(treatmentBody).max(50).optional(),
  anaphylaxis: anaphylaxisChecklistBody.optional().describe('Only for anaphylaxis or angioedema'),
  vagal: vagalChecklistBody.optional().describe('Only for a vasovagal reaction'),
  seriousness: seriousness.optional(),
});
export type NewAdverseEvent = z.infer<typeof newAdverseEventBody>;

/** PATCH: the fields given replace the old ones (null clears); a `note` says why, for the history. */
export const adverseEventPatchBody = z
  .strictObject({
    type: adverseEventTypeSchema.optional(),
    grade: severityGradeSchema.optional(),
    onset: instant.optional(),
    description: text(4000).optional(),
    area: areaSchema.nullable().optional(),
    expected: z.boolean().optional(),
    treatments: z.array(treatmentBody).max(50).optional(),
    anaphylaxis: anaphylaxisChecklistBody.nullable().optional(),
    vagal: vagalChecklistBody.nullable().optional(),
    seriousness: seriousness.optional(),
    note: text(2000).optional(),
    status: z.never({ error: 'changes through POST /adverse-events/{id}/transitions' }).optional(),
    outcome: z.never({ error: 'is set when resolving: POST /adverse-events/{id}/transitions' }).optional(),
  })
  .refine((b) => Object.keys(b).some((k) => k !== 'note'), { message: 'must change at least one field', path: [] });
export type AdverseEventPatch = z.infer<typeof adverseEventPatchBody>;

/** A status change: open → monitoring → resolved (with outcome); back to open when it worsens or recurs. */
export const transitionBody = z.strictObject({
  to: adverseEventStatusSchema,
  outcome: adverseEventOutcomeSchema.optional().describe('Required when resolving'),
  at: instant.optional().describe('When it resolved; now unless told'),
  note: text(2000).optional(),
});
export type TransitionBody = z.infer<typeof transitionBody>;

export const eventLotSchema = z.object({
  lotId: z.uuid(),
  lotNumber: z.string(),
  expiresOn: z.string(),
  recalled: z.boolean(),
  productId: z.uuid(),
  productCode: z.string(),
  productName: z.string(),
  manufacturer: z.string().nullable(),
  volumeMl: z.number(),
});

export const adverseEventSchema = z.object({
  id: z.uuid(),
  patientId: z.uuid(),
  sessionId: z.uuid(),
  type: adverseEventTypeSchema,
  grade: z.number().int(),
  onset: z.date(),
  area: z.string().nullable(),
  description: z.string(),
  expected: z.boolean().nullable(),
  status: z.enum(ADVERSE_EVENT_STATUSES),
  /** Set when resolved. */
  outcome: z.string().nullable(),
  resolvedAt: z.date().nullable(),
  resolutionNote: z.string().nullable(),
  reportedBy: z.uuid().nullable(),
  source: z.enum(ADVERSE_EVENT_SOURCES),
  treatments: z.array(treatmentSchema),
  anaphylaxis: anaphylaxisChecklistSchema.nullable(),
  vagal: vagalChecklistSchema.nullable(),
  seriousness: z.array(z.string()),
  /** Serious for a regulator: a criterion met, or grade 3 and above. */
  serious: z.boolean(),
  /** When an expected reaction turned out to be a complication (it persisted past its follow-up). */
  complicationSince: z.date().nullable(),
  /** The session as it bears on the event. */
  session: z.object({ performedAt: z.date(), sessionDate: z.string(), practitionerId: z.uuid(), technique: z.string(), areas: z.array(z.string()) }),
  /** Whole days from the session to the onset. */
  daysAfterSession: z.number().int(),
  /** The lots (and their products) the patient received in the session. */
  lots: z.array(eventLotSchema),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type AdverseEvent = z.infer<typeof adverseEventSchema>;

export const historyEntrySchema = z.object({
  at: z.date(),
  byUserId: z.uuid().nullable(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  changes: z.record(z.string(), z.unknown()),
  note: z.string().nullable(),
});

export const adverseEventListQuery = z.strictObject({
  patientId: uuid.optional(),
  sessionId: uuid.optional(),
  status: adverseEventStatusSchema.optional(),
  /** Every event not resolved yet (open and monitoring). */
  unresolved: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
  type: adverseEventTypeSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(20).optional(),
});
