// Sessions over the API: what was done, with what lots, assessed by the engine before it is saved;
// signed by the practitioner, then corrected only by amendments.
import { z } from 'zod';
import { assessmentSchema } from '../assessment/output-schema.ts';
import { adverseEventTypeSchema, areaSchema, techniqueSchema } from '../vocabulary/index.ts';
import { componentSnapshotSchema, depthMm, volumeMl } from './courses.ts';

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const uuid = z.uuid({ message: 'must be a UUID' });
const unit = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');

export const needleSchema = z.strictObject({
  gauge: z.number().int('must be a whole gauge').min(25, 'must be between 25G and 34G').max(34, 'must be between 25G and 34G'),
  lengthMm: z.number().positive('must be positive').max(50, 'must be at most 50 mm'),
});

export const anaesthesiaSchema = z.strictObject({
  method: z.enum(['none', 'topical', 'injection']),
  /** Which anaesthetic: "EMLA cream", "lidocaine 2%". */
  agent: text(200).optional(),
});

export const asepsisSchema = z.strictObject({
  skinCleaned: z.boolean(),
  /** Which anaesthetic was applied to the skin, if any. */
  anaestheticApplied: text(200).nullable().optional(),
  disinfectedAfter: z.boolean(),
});

/** One injection point on the face or body chart: x and y are normalised to the chart, 0 to 1. */
export const injectionPointSchema = z.strictObject({
  area: areaSchema,
  zone: text(80).optional(),
  x: unit,
  y: unit,
  volumeMl: volumeMl.optional(),
  depthMm: depthMm.optional(),
});

export const immediateReactionSchema = z.strictObject({ type: adverseEventTypeSchema, note: text(500).optional() });

/** The documentation of a session: editable until signing, amendable after. */
const documentation = {
  needle: needleSchema,
  anaesthesia: anaesthesiaSchema,
  injectionPoints: z.array(injectionPointSchema).max(1000),
  asepsis: asepsisSchema,
  immediateReactions: z.array(immediateReactionSchema).max(30),
  durationMinutes: z.number().int('must be whole minutes').min(1, 'must be at least 1').max(600, 'must be at most 600'),
  notes: text(8000),
};

export const newSessionBody = z
  .strictObject({
    courseId: uuid,
    performedAt: z.iso.datetime({ offset: true, message: 'must be an ISO date and time, e.g. 2026-11-22T10:30:00+03:00' }),
    areas: z.array(z.strictObject({ area: areaSchema, volumeMl })).min(1, 'must list at least one area').max(14),
    lots: z.array(z.strictObject({ lotId: uuid, volumeMl })).min(1, 'must list the lots used').max(20),
    depthMm,
    /** The course's technique when left out. */
    technique: techniqueSchema.optional(),
    /** A nurse records under a doctor, named here. */
    supervisingDoctorId: uuid.optional(),
    /** A doctor's written reason to proceed despite warnings; stored with the findings. */
    overrideReason: text(2000).optional(),
    needle: documentation.needle.optional(),
    anaesthesia: documentation.anaesthesia.optional(),
    injectionPoints: documentation.injectionPoints.optional(),
    asepsis: documentation.asepsis.optional(),
    immediateReactions: documentation.immediateReactions.optional(),
    durationMinutes: documentation.durationMinutes.optional(),
    notes: documentation.notes.optional(),
  })
  .superRefine((b, ctx) => {
    const lots = new Set<string>();
    b.lots.forEach((l, i) => {
      if (lots.has(l.lotId)) ctx.addIssue({ code: 'custom', path: ['lots', i, 'lotId'], message: 'is listed twice' });
      lots.add(l.lotId);
    });
    const areas = new Set<string>();
    b.areas.forEach((a, i) => {
      if (areas.has(a.area)) ctx.addIssue({ code: 'custom', path: ['areas', i, 'area'], message: 'is listed twice' });
      areas.add(a.area);
    });
    b.injectionPoints?.forEach((p, i) => {
      if (!areas.has(p.area)) ctx.addIssue({ code: 'custom', path: ['injectionPoints', i, 'area'], message: 'is not one of the session areas' });
    });
  });
export type NewSession = z.infer<typeof newSessionBody>;

/** A change of the documentation: before signing in place, after signing as an amendment. */
export const documentationPatch = z.strictObject({
  needle: documentation.needle.nullable().optional(),
  anaesthesia: documentation.anaesthesia.nullable().optional(),
  injectionPoints: documentation.injectionPoints.optional(),
  asepsis: documentation.asepsis.nullable().optional(),
  immediateReactions: documentation.immediateReactions.optional(),
  durationMinutes: documentation.durationMinutes.nullable().optional(),
  notes: documentation.notes.nullable().optional(),
});
export type DocumentationPatch = z.infer<typeof documentationPatch>;

export const sessionPatchBody = documentationPatch.refine((p) => Object.keys(p).length > 0, 'must change at least one field');

export const amendmentBody = z.strictObject({
  reason: text(2000),
  changes: documentationPatch.refine((p) => Object.keys(p).length > 0, 'must change at least one field'),
});

export const documentationSchema = z.object({
  needle: needleSchema.nullable(),
  anaesthesia: anaesthesiaSchema.nullable(),
  injectionPoints: z.array(injectionPointSchema),
  asepsis: asepsisSchema.nullable(),
  immediateReactions: z.array(immediateReactionSchema),
  durationMinutes: z.number().int().nullable(),
  notes: z.string().nullable(),
});
export type Documentation = z.infer<typeof documentationSchema>;

export const amendmentSchema = z.object({
  id: z.uuid(),
  sessionId: z.uuid(),
  reason: z.string(),
  changes: documentationPatch,
  createdBy: z.uuid(),
  createdAt: z.date(),
});
export type Amendment = z.infer<typeof amendmentSchema>;

export const sessionLotSchema = z.object({
  lotId: z.uuid(),
  productId: z.uuid(),
  productCode: z.string(),
  lotNumber: z.string(),
  expiresOn: z.string(),
  volumeMl: z.number(),
});

export const followUpSchema = z.object({
  id: z.uuid(),
  patientId: z.uuid(),
  sessionId: z.uuid().nullable(),
  adverseEventId: z.uuid().nullable(),
  dueAt: z.date(),
  kind: z.string(),
  // 'cancelled': an adverse event's follow-up left when the event resolved (issue 6).
  status: z.enum(['open', 'done', 'cancelled']),
  completedAt: z.date().nullable(),
  findings: z.string().nullable(),
});
export type FollowUp = z.infer<typeof followUpSchema>;

export const sessionSchema = z.object({
  id: z.uuid(),
  courseId: z.uuid(),
  patientId: z.uuid(),
  /** The session's place in its course, in the order recorded. */
  number: z.number().int(),
  practitionerId: z.uuid(),
  supervisingDoctorId: z.uuid().nullable(),
  performedAt: z.date(),
  /** The session day in the clinic's time zone. */
  sessionDate: z.string(),
  technique: z.string(),
  depthMm: z.number(),
  areas: z.array(z.object({ area: z.string(), volumeMl: z.number() })),
  totalVolumeMl: z.number(),
  lots: z.array(sessionLotSchema),
  /** The products given, as they were in the catalog that day. */
  components: z.array(componentSnapshotSchema),
  ...documentationSchema.shape,
  /** The engine's decision and findings at save. */
  assessment: assessmentSchema,
  overrideReason: z.string().nullable(),
  overriddenBy: z.uuid().nullable(),
  signedAt: z.date().nullable(),
  signedBy: z.uuid().nullable(),
  contentHash: z.string().nullable(),
  amendments: z.array(amendmentSchema),
  /**
   * The documentation with the amendments applied in order (the fields above stay as signed);
   * null when there are no amendments, the fields above being the record then.
   */
  amended: documentationSchema.nullable(),
  followUps: z.array(followUpSchema),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Session = z.infer<typeof sessionSchema>;

export const sessionListQuery = z.strictObject({
  courseId: uuid.optional(),
  patientId: uuid.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(20).optional(),
});
