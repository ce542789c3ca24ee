// The input of the assessment contract (DESIGN §5) plus the optional extensions the §6 rules need.
// Objects are strict: an unknown field or code is an input error with its path, never ignored.
import { z } from 'zod';
import {
  adverseEventTypeSchema,
  areaSchema,
  conditions,
  conditionSchema,
  indicationSchema,
  severityGradeSchema,
  substanceClassSchema,
  techniqueSchema,
} from '../vocabulary/index.ts';
import { dateProblem } from './dates.ts';
import { clinicSettingsSchema } from './settings.ts';

const isoDate = z.string({ error: (i) => (i.input === undefined ? 'is required' : 'must be a date as YYYY-MM-DD') }).superRefine((text, ctx) => {
  const problem = dateProblem(text);
  if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
});
const positive = z.number().positive({ error: 'must be positive' });
const volumeMl = positive.max(1000, { error: 'must be at most 1000 ml' });
const count = z.number().int({ error: 'must be a whole number' }).min(1, { error: 'must be at least 1' });
const code = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'must be a lower-case kebab-case code, e.g. "hofitol"' });
const text = z.string().trim().min(1, { error: 'must not be empty' }).max(200, { error: 'must be at most 200 characters' });

export const sexSchema = z.enum(['female', 'male', 'other'], {
  error: (i) => (i.input === undefined ? 'is required' : `unknown sex code ${JSON.stringify(i.input)}`),
});

export const patientConditionSchema = z
  .strictObject({ code: conditionSchema, onset: isoDate.optional(), area: areaSchema.optional() })
  .superRefine((c, ctx) => {
    const entry = conditions.entries[c.code];
    if (entry.needsOnset && c.onset === undefined) ctx.addIssue({ code: 'custom', path: ['onset'], message: `is required for ${c.code}` });
    if (entry.needsArea && c.area === undefined) ctx.addIssue({ code: 'custom', path: ['area'], message: `is required for ${c.code}` });
  });

export const allergySchema = z
  .strictObject({ substance: code.optional(), class: substanceClassSchema.optional() })
  .superRefine((a, ctx) => {
    if ((a.substance === undefined) === (a.class === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'must name either a substance or a class' });
    }
  });

export const patientSchema = z.strictObject({
  birthDate: isoDate.optional(),
  sex: sexSchema.optional(),
  weightKg: positive.max(400, { error: 'must be at most 400 kg' }).optional(),
  conditions: z.array(patientConditionSchema).optional(),
  allergies: z.array(allergySchema).optional(),
});

export const inlineSubstanceSchema = z.strictObject({
  code,
  class: substanceClassSchema,
  concentrationMgPerMl: positive.optional(),
  containsAdrenaline: z.boolean().optional(),
});

export const inlineProductSchema = z.strictObject({
  name: text,
  substances: z.array(inlineSubstanceSchema).min(1, { error: 'must list at least one substance' }),
  intradermal: z.boolean(),
  licensed: z.boolean(),
  multiDose: z.boolean().optional(),
});

export const componentSchema = z.strictObject({
  product: z.union([code, inlineProductSchema], { error: 'must be a product code or an inline product' }),
  volumeMl,
});

export const lotSchema = z.strictObject({
  product: text,
  lot: text.optional(),
  expires: isoDate.optional(),
  recalled: z.boolean().optional(),
});

export const procedureSchema = z.strictObject({
  technique: techniqueSchema.optional(),
  depthMm: positive.max(50, { error: 'must be at most 50 mm' }).optional(),
  areas: z.array(z.strictObject({ area: areaSchema, volumeMl })).optional(),
  components: z.array(componentSchema).optional(),
  lots: z.array(lotSchema).optional(),
});

export const historySchema = z.strictObject({
  lastSessionDate: isoDate.optional(),
  openAdverseEvents: z.array(z.strictObject({ type: adverseEventTypeSchema, grade: severityGradeSchema })).optional(),
  vagalReaction: z.boolean().optional(),
  sessionNumber: count.optional(),
  lastLipolyticSessionDate: isoDate.optional(),
});

export const consentSchema = z.strictObject({
  signed: z.boolean(),
  withdrawn: z.boolean().optional(),
  products: z.array(text).optional(),
  sessions: count.optional(),
});

export const clinicSchema = z.strictObject({
  emergencyKit: z.strictObject({ complete: z.boolean(), expires: isoDate.optional() }).optional(),
  settings: clinicSettingsSchema.optional(),
});

export const planSchema = z.strictObject({
  plannedSessions: count,
  intervalDays: count.optional(),
  indications: z.array(indicationSchema),
});

export const assessmentInputSchema = z
  .strictObject({
    date: isoDate,
    patient: patientSchema.optional(),
    procedure: procedureSchema.optional(),
    history: historySchema.optional(),
    consent: consentSchema.optional(),
    clinic: clinicSchema.optional(),
    plan: planSchema.optional(),
  })
  .superRefine((input, ctx) => {
    // Past facts dated after the session day are typing errors, and would count negative days.
    const notAfter = (value: string | undefined, path: PropertyKey[]): void => {
      if (value !== undefined && value > input.date) ctx.addIssue({ code: 'custom', path, message: `must not be after the session date ${input.date}` });
    };
    notAfter(input.patient?.birthDate, ['patient', 'birthDate']);
    input.patient?.conditions?.forEach((c, i) => notAfter(c.onset, ['patient', 'conditions', i, 'onset']));
    notAfter(input.history?.lastSessionDate, ['history', 'lastSessionDate']);
    notAfter(input.history?.lastLipolyticSessionDate, ['history', 'lastLipolyticSessionDate']);
  });

export type AssessmentInput = z.output<typeof assessmentInputSchema>;
export type AssessmentInputJson = z.input<typeof assessmentInputSchema>;
export type InlineProduct = z.output<typeof inlineProductSchema>;
export type PatientCondition = z.output<typeof patientConditionSchema>;
export type Allergy = z.output<typeof allergySchema>;
export type Lot = z.output<typeof lotSchema>;
