// The medical history over the API: conditions and allergies (versioned), weight, questionnaire.
import { z } from 'zod';
import { QUESTIONS_BY_ID } from '../clinical/questionnaire.ts';
import { areaSchema, conditions, conditionSchema, substanceClassSchema } from '../vocabulary/index.ts';
import { isoDate } from './common.ts';

const note = z.string().trim().min(1, 'must not be empty').max(2000, 'must be at most 2000 characters');
const reason = z.string().trim().min(1, 'is required').max(500, 'must be at most 500 characters');
const substanceCode = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case kebab-case substance code, e.g. "lidocaine"').max(80);

/** The entry id of a patient's history entry in the path. */
export const entryParams = z.strictObject({ id: z.uuid({ message: 'must be a UUID' }), entryId: z.uuid({ message: 'must be a UUID' }) });

export const newConditionBody = z
  .strictObject({ code: conditionSchema, onset: isoDate.optional(), endDate: isoDate.optional(), area: areaSchema.optional(), note: note.optional() })
  .superRefine((c, ctx) => {
    const entry = conditions.entries[c.code];
    if (entry.needsOnset && c.onset === undefined) ctx.addIssue({ code: 'custom', path: ['onset'], message: `is required for ${c.code}` });
    if (entry.needsArea && c.area === undefined) ctx.addIssue({ code: 'custom', path: ['area'], message: `is required for ${c.code}` });
    if (c.onset !== undefined && c.endDate !== undefined && c.endDate < c.onset) ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'must not be before onset' });
  });
export type NewCondition = z.infer<typeof newConditionBody>;

/** A change of a condition: a new version. `endDate` resolves it; null clears a field. */
export const conditionPatchBody = z.strictObject({
  onset: isoDate.nullable().optional(),
  endDate: isoDate.nullable().optional(),
  area: areaSchema.optional(),
  note: note.nullable().optional(),
  reason: reason.optional(),
});
export type ConditionPatch = z.infer<typeof conditionPatchBody>;

export const newAllergyBody = z
  .strictObject({ substance: substanceCode.optional(), class: substanceClassSchema.optional(), reaction: note.optional(), note: note.optional() })
  .superRefine((a, ctx) => {
    if ((a.substance === undefined) === (a.class === undefined)) {
      ctx.addIssue({ code: 'custom', path: [a.substance === undefined ? 'substance' : 'class'], message: 'give exactly one of substance or class' });
    }
  });
export type NewAllergy = z.infer<typeof newAllergyBody>;

export const allergyPatchBody = z.strictObject({
  reaction: note.nullable().optional(),
  note: note.nullable().optional(),
  endDate: isoDate.nullable().optional(),
  reason: reason.optional(),
});
export type AllergyPatch = z.infer<typeof allergyPatchBody>;

/** Removing an entry recorded by mistake: a last version that says so; the earlier ones stay. */
export const enteredInErrorBody = z.strictObject({ reason });

const common = {
  id: z.uuid(),
  version: z.number().int(),
  note: z.string().nullable(),
  endDate: z.string().nullable(),
  source: z.enum(['clinician', 'questionnaire']),
  /** In effect on the day asked about (today, or `asOf`): begun and not ended. */
  active: z.boolean(),
  recordedAt: z.date(),
  recordedBy: z.uuid().nullable(),
};

export const conditionEntrySchema = z.object({ ...common, code: conditionSchema, onset: z.string().nullable(), area: areaSchema.nullable() });
export type Condition = z.infer<typeof conditionEntrySchema>;

export const allergyEntrySchema = z.object({ ...common, substance: z.string().nullable(), class: substanceClassSchema.nullable(), reaction: z.string().nullable() });
export type AllergyEntry = z.infer<typeof allergyEntrySchema>;

export const weightSchema = z.object({ weightKg: z.number(), measuredOn: z.string() });

export const historySchema = z.object({
  patientId: z.uuid(),
  /** The day or instant the history is given as of; null for now. */
  asOf: z.string().nullable(),
  conditions: z.array(conditionEntrySchema),
  allergies: z.array(allergyEntrySchema),
  weight: weightSchema.nullable(),
});
export type History = z.infer<typeof historySchema>;

/** `asOf`: a day (the record as it stood at the end of that day, clinic time) or an instant. */
export const historyQuery = z.strictObject({
  asOf: z
    .union([isoDate, z.iso.datetime({ offset: true, message: 'must be a date (YYYY-MM-DD) or an ISO instant' })], {
      error: 'must be a date (YYYY-MM-DD) or an ISO instant',
    })
    .optional(),
});

export const historyVersionSchema = z.object({
  id: z.uuid(),
  entryId: z.uuid(),
  kind: z.enum(['condition', 'allergy']),
  version: z.number().int(),
  change: z.enum(['created', 'updated', 'resolved', 'entered-in-error']),
  code: z.string().nullable(),
  onset: z.string().nullable(),
  endDate: z.string().nullable(),
  area: z.string().nullable(),
  substance: z.string().nullable(),
  class: z.string().nullable(),
  reaction: z.string().nullable(),
  note: z.string().nullable(),
  source: z.enum(['clinician', 'questionnaire']),
  enteredInError: z.boolean(),
  reason: z.string().nullable(),
  recordedAt: z.date(),
  recordedBy: z.uuid().nullable(),
  validTo: z.date().nullable(),
});
export type HistoryVersion = z.infer<typeof historyVersionSchema>;

export const historyVersionsQuery = z.strictObject({
  entryId: z.uuid({ message: 'must be a UUID' }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
  cursor: z.string().max(20).optional(),
});

export const weightBody = z.strictObject({
  weightKg: z.number().positive('must be positive').max(400, 'must be at most 400 kg'),
  measuredOn: isoDate.optional(),
});

/** One answer; `note` is what the patient adds (which drug, since when), kept as the note of the entries a "yes" records. */
export const answerSchema = z
  .strictObject({ questionId: z.string().max(60), answer: z.boolean(), date: isoDate.optional(), note: note.optional() })
  .superRefine((a, ctx) => {
    const question = QUESTIONS_BY_ID.get(a.questionId);
    if (question === undefined) {
      ctx.addIssue({ code: 'custom', path: ['questionId'], message: `unknown question ${JSON.stringify(a.questionId)}` });
      return;
    }
    if (a.answer && question.asksDate !== undefined && a.date === undefined) ctx.addIssue({ code: 'custom', path: ['date'], message: 'is required when the answer is yes' });
    if (a.date !== undefined && question.asksDate === undefined) ctx.addIssue({ code: 'custom', path: ['date'], message: 'this question asks no date' });
  });

export const questionnaireBody = z
  .strictObject({ answers: z.array(answerSchema).min(1, 'must answer at least one question').max(100) })
  .superRefine((b, ctx) => {
    const seen = new Set<string>();
    b.answers.forEach((a, i) => {
      if (seen.has(a.questionId)) ctx.addIssue({ code: 'custom', path: ['answers', i, 'questionId'], message: 'answered twice' });
      seen.add(a.questionId);
    });
  });
export type QuestionnaireAnswers = z.infer<typeof questionnaireBody>;

export const questionSchema = z.object({
  id: z.string(),
  text: z.object({ en: z.string(), ru: z.string() }),
  asksDate: z.object({ en: z.string(), ru: z.string() }).nullable(),
  conditions: z.array(z.string()),
  allergies: z.array(z.object({ substance: z.string().optional(), class: z.string().optional() })),
});

export const questionnaireSchema = z.object({ version: z.number().int(), questions: z.array(questionSchema) });

export const questionnaireResultSchema = z.object({
  id: z.uuid(),
  questionnaireVersion: z.number().int(),
  conditions: z.array(conditionEntrySchema),
  allergies: z.array(allergyEntrySchema),
  /** Mapped entries the history already held (active, same code and area): not recorded twice. */
  alreadyRecorded: z.array(z.object({ questionId: z.string(), entryId: z.uuid() })),
});
