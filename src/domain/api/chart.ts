// The chart: everything the chart screen shows of a patient, in one answer.
import { z } from 'zod';
import { adverseEventSchema } from './adverse-events.ts';
import { courseSchema } from './courses.ts';
import { allergyEntrySchema, conditionEntrySchema, weightSchema } from './history.ts';
import { patientSchema } from './patients.ts';
import { DECISIONS, LEVELS, RULE_IDS, type RuleId } from '../assessment/rules.ts';
import { substanceClassSchema } from '../vocabulary/index.ts';
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

/**
 * A session as the chart lists it: when, where, how much, which lots, what the engine decided and
 * whether it is signed. The whole record — documentation, the catalog snapshot of its products, the
 * findings' text and facts, amendments, follow-ups — is GET /sessions/{id}, read when it is opened;
 * carrying all of it for every session made a long chart four times the size.
 */
export const chartSessionSchema = sessionSchema
  .pick({
    id: true,
    courseId: true,
    patientId: true,
    number: true,
    practitionerId: true,
    supervisingDoctorId: true,
    performedAt: true,
    sessionDate: true,
    technique: true,
    depthMm: true,
    areas: true,
    totalVolumeMl: true,
    lots: true,
    immediateReactions: true,
    overrideReason: true,
    overriddenBy: true,
    signedAt: true,
    signedBy: true,
  })
  .extend({
    /** The engine's decision at save. */
    decision: z.enum(DECISIONS),
    /** The rules behind it, each with its level; their messages are the session's. */
    findings: z.array(z.object({ rule: z.enum(RULE_IDS as [RuleId, ...RuleId[]]), level: z.enum(LEVELS) })),
    /** The substance classes of the products given, as the catalog had them that day (later rules read them: the lipolytic interval). */
    substanceClasses: z.array(substanceClassSchema),
    /** How many amendments the session has had since it was signed. */
    amendmentCount: z.number().int(),
  });
export type ChartSession = z.infer<typeof chartSessionSchema>;

export const chartSchema = z.object({
  patient: patientSchema,
  history: z.object({
    conditions: z.array(conditionEntrySchema),
    allergies: z.array(allergyEntrySchema),
    weight: weightSchema.nullable(),
    /** When the history was last recorded (an entry or a questionnaire); null: never taken, so an empty list says nothing. */
    lastRecordedAt: z.date().nullable(),
  }),
  courses: z.array(courseSchema.extend({ sessions: z.array(chartSessionSchema) })),
  consents: z.array(chartConsentSchema),
  photos: z.array(chartPhotoSchema),
  /** Adverse events not yet resolved. */
  adverseEvents: z.array(adverseEventSchema),
  /** Follow-ups still open, soonest due first; `overdue` when their time has passed. */
  followUps: z.array(followUpSchema.extend({ overdue: z.boolean() })),
});
export type Chart = z.infer<typeof chartSchema>;
