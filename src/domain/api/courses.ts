// Courses over the API: the plan of a series of sessions, its cocktail as a snapshot, its status.
import { z } from 'zod';
import { assessmentSchema } from '../assessment/output-schema.ts';
import { areaSchema, indicationSchema, substanceClassSchema, techniqueSchema } from '../vocabulary/index.ts';
import { isoDate } from './common.ts';

export const COURSE_STATUSES = ['draft', 'awaiting-consent', 'active', 'completed', 'cancelled'] as const;
export type CourseStatus = (typeof COURSE_STATUSES)[number];

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const uuid = z.uuid({ message: 'must be a UUID' });
/** Millilitres: positive, in hundredths at most (what the stock ledger stores). */
export const volumeMl = z
  .number()
  .positive('must be positive')
  .max(100, 'must be at most 100 ml')
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, 'must be in steps of 0.01 ml');
export const depthMm = z.number().positive('must be positive').max(15, 'must be at most 15 mm');

export const allergyTestSchema = z.strictObject({
  done: z.boolean(),
  method: text(200).optional(),
  result: z.enum(['negative', 'positive', 'inconclusive']).optional(),
  date: isoDate.optional(),
});

const componentInput = z.strictObject({ productId: uuid, volumeMl });

function uniqueProducts(components: { productId: string }[] | undefined, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  components?.forEach((c, i) => {
    if (seen.has(c.productId)) ctx.addIssue({ code: 'custom', path: ['components', i, 'productId'], message: 'is listed twice' });
    seen.add(c.productId);
  });
}

const planFields = {
  indications: z.array(indicationSchema).min(1, 'must name at least one indication').max(10),
  areas: z.array(areaSchema).min(1, 'must name at least one area').max(14),
  technique: techniqueSchema,
  depthMm,
  /** A cocktail template to take the components from, when `components` is left out. */
  templateId: uuid.optional(),
  components: z.array(componentInput).min(1, 'must list at least one product').max(20).optional(),
  plannedSessions: z.number().int('must be a whole number').min(1, 'must be at least 1').max(100, 'must be at most 100'),
  intervalDays: z.number().int('must be a whole number').min(1, 'must be at least 1').max(365, 'must be at most 365'),
  /** The first planned session day; today (clinic time) when left out. */
  startsOn: isoDate.optional(),
  expectedResults: text(4000).optional(),
  postCare: text(4000).optional(),
  allergyTest: allergyTestSchema.optional(),
  priceMinor: z.number().int('must be a whole number of minor units').min(0).max(1e12).optional(),
  notes: text(4000).optional(),
};

export const newCourseBody = z
  .strictObject({
    patientId: uuid,
    ...planFields,
    /** Save as a draft, not yet ready for consent. */
    draft: z.boolean().optional(),
  })
  .superRefine((b, ctx) => {
    if (b.components === undefined && b.templateId === undefined) ctx.addIssue({ code: 'custom', path: ['components'], message: 'is required unless templateId is given' });
    uniqueProducts(b.components, ctx);
  });
export type NewCourse = z.infer<typeof newCourseBody>;

export const coursePatchBody = z
  .strictObject({
    indications: planFields.indications.optional(),
    areas: planFields.areas.optional(),
    technique: techniqueSchema.optional(),
    depthMm: depthMm.optional(),
    templateId: uuid.optional(),
    components: planFields.components,
    plannedSessions: planFields.plannedSessions.optional(),
    intervalDays: planFields.intervalDays.optional(),
    startsOn: isoDate.optional(),
    expectedResults: text(4000).nullable().optional(),
    postCare: text(4000).nullable().optional(),
    allergyTest: allergyTestSchema.nullable().optional(),
    priceMinor: planFields.priceMinor.nullable(),
    notes: text(4000).nullable().optional(),
    /** A draft is made ready for consent. */
    status: z.literal('awaiting-consent', { error: 'only a draft can be moved, to "awaiting-consent"' }).optional(),
  })
  .superRefine((b, ctx) => uniqueProducts(b.components, ctx));
export type CoursePatch = z.infer<typeof coursePatchBody>;

export const cancelCourseBody = z.strictObject({ reason: text(1000) });

export const courseListQuery = z.strictObject({
  patientId: uuid.optional(),
  status: z.enum(COURSE_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(20).optional(),
});

/** One product of a cocktail, as it was when the plan was saved. */
export const componentSnapshotSchema = z.object({
  productId: z.uuid(),
  code: z.string(),
  name: z.string(),
  nameRu: z.string().nullable(),
  manufacturer: z.string().nullable(),
  registrationNumber: z.string().nullable(),
  registrationStatus: z.string(),
  /** Licensed with a registration in force, as the engine judged it at the time. */
  licensed: z.boolean(),
  intradermal: z.boolean(),
  multiDose: z.boolean(),
  volumeMl: z.number(),
  substances: z.array(
    z.object({ code: z.string(), nameEn: z.string(), nameRu: z.string(), class: substanceClassSchema, concentrationMgPerMl: z.number().nullable() }),
  ),
});
export type ComponentSnapshot = z.infer<typeof componentSnapshotSchema>;

export const courseSchema = z.object({
  id: z.uuid(),
  patientId: z.uuid(),
  status: z.enum(COURSE_STATUSES),
  indications: z.array(z.string()),
  areas: z.array(z.string()),
  technique: z.string(),
  depthMm: z.number(),
  templateId: z.uuid().nullable(),
  components: z.array(componentSnapshotSchema),
  totalVolumeMl: z.number(),
  plannedSessions: z.number().int(),
  intervalDays: z.number().int(),
  startsOn: z.string(),
  /** The planned session days: the first day, then every interval. */
  plannedDates: z.array(z.string()),
  sessionsDone: z.number().int(),
  lastSessionOn: z.string().nullable(),
  /** The earliest day of the next session: the last one plus the interval (or the first planned day). */
  nextDueOn: z.string().nullable(),
  expectedResults: z.string().nullable(),
  postCare: z.string().nullable(),
  allergyTest: allergyTestSchema.nullable(),
  priceMinor: z.number().int().nullable(),
  currency: z.string(),
  notes: z.string().nullable(),
  /** The plan's assessment when last saved: warnings and notes the doctor accepted. */
  assessment: assessmentSchema,
  cancelReason: z.string().nullable(),
  cancelledAt: z.date().nullable(),
  completedAt: z.date().nullable(),
  createdBy: z.uuid().nullable(),
  /** Who sees the patient for this course: the practitioner of its latest session, else the doctor who planned it. */
  practitioner: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Course = z.infer<typeof courseSchema>;
