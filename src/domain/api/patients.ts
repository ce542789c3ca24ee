import { z } from 'zod';
import { isoDate, language } from './common.ts';

export const sexes = ['female', 'male', 'other', 'unknown'] as const;

const name = z.string().trim().min(1, 'is required').max(100);

const birthDate = isoDate.refine((d) => d >= '1900-01-01' && d <= new Date().toISOString().slice(0, 10), 'must be between 1900-01-01 and today');

export const newPatientBody = z.strictObject({
  givenName: name,
  familyName: name,
  patronymic: z.string().trim().max(100).optional(),
  birthDate,
  sex: z.enum(sexes),
  phone: z.string().trim().regex(/^\+?[\d\s()-]{5,20}$/, 'must be a phone number').optional(),
  email: z.string().trim().toLowerCase().email('must be an email address').max(254).optional(),
  preferredLanguage: language.optional(),
});
export type NewPatient = z.infer<typeof newPatientBody>;

export const updatePatientBody = newPatientBody.partial().extend({
  patronymic: z.string().trim().max(100).nullable().optional(),
  phone: z.string().trim().regex(/^\+?[\d\s()-]{5,20}$/, 'must be a phone number').nullable().optional(),
  email: z.string().trim().toLowerCase().email('must be an email address').max(254).nullable().optional(),
});

export const patientSchema = z.object({
  id: z.uuid(),
  givenName: z.string(),
  familyName: z.string(),
  patronymic: z.string().nullable(),
  birthDate: z.string(),
  sex: z.enum(sexes),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  preferredLanguage: language,
  archived: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Patient = z.infer<typeof patientSchema>;

export const possibleDuplicate = z.object({ id: z.uuid(), givenName: z.string(), familyName: z.string(), birthDate: z.string(), phone: z.string().nullable(), reason: z.enum(['name-and-birth-date', 'phone']) });

export const createdPatientSchema = patientSchema.extend({ possibleDuplicates: z.array(possibleDuplicate) });

export const patientSearchQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  includeArchived: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});
