// The chart: everything the chart screen shows of a patient, in one answer.
import { z } from 'zod';
import { adverseEventSchema } from './adverse-events.ts';
import { courseSchema } from './courses.ts';
import { allergyEntrySchema, conditionEntrySchema, weightSchema } from './history.ts';
import { patientSchema } from './patients.ts';
import { followUpSchema, sessionSchema } from './sessions.ts';

/** A consent's metadata as the chart lists it (the text and signatures are the consents API's). */
export const chartConsentSchema = z.object({
  id: z.uuid(),
  courseId: z.uuid().nullable(),
  kind: z.string(),
  language: z.string(),
  status: z.string(),
  productCodes: z.array(z.string()),
  sessions: z.number().int().nullable(),
  photoUse: z.string().nullable(),
  templateVersion: z.number().int().nullable(),
  contentHash: z.string().nullable(),
  signedAt: z.date().nullable(),
  withdrawnAt: z.date().nullable(),
  supersededAt: z.date().nullable(),
  createdAt: z.date(),
});

/** A photo's metadata as the chart lists it (the files are the photos API's). */
export const chartPhotoSchema = z.object({
  id: z.uuid(),
  courseId: z.uuid().nullable(),
  sessionId: z.uuid().nullable(),
  view: z.string(),
  phase: z.string(),
  takenAt: z.date().nullable(),
});
export type ChartPhoto = z.infer<typeof chartPhotoSchema>;

export const chartSchema = z.object({
  patient: patientSchema,
  history: z.object({ conditions: z.array(conditionEntrySchema), allergies: z.array(allergyEntrySchema), weight: weightSchema.nullable() }),
  courses: z.array(courseSchema.extend({ sessions: z.array(sessionSchema) })),
  consents: z.array(chartConsentSchema),
  photos: z.array(chartPhotoSchema),
  /** Adverse events not yet resolved. */
  adverseEvents: z.array(adverseEventSchema),
  /** Follow-ups still open, soonest due first; `overdue` when their time has passed. */
  followUps: z.array(followUpSchema.extend({ overdue: z.boolean() })),
});
export type Chart = z.infer<typeof chartSchema>;
