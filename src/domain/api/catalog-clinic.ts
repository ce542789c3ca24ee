// The clinic as the catalog and the safety engine see it: its identity and its assessment
// settings; and the HTTP door of the safety engine.
import { z } from 'zod';
import { clinicSettingsSchema } from '../assessment/settings.ts';
import { language } from './common.ts';

/** The engine's thresholds and rule switches with every default filled in. */
export const effectiveSettingsSchema = z.record(z.string(), z.union([z.number(), z.record(z.string(), z.boolean())]));

export const clinicSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  timeZone: z.string(),
  currency: z.string(),
  language,
  /** What the clinic changed from the defaults of CLINICAL_RULES (PUT /clinic/settings). */
  settings: clinicSettingsSchema,
  /** The settings the safety engine runs with: the clinic's over the defaults. */
  effectiveSettings: effectiveSettingsSchema,
});
export type ClinicAnswer = z.infer<typeof clinicSchema>;

/** PUT /clinic/settings replaces the clinic's settings: a setting left out returns to its default. */
export const clinicSettingsBody = clinicSettingsSchema;

/** `?lang=` of POST /assessments: the language of the findings' messages (default: the user's). */
export const assessmentQuery = z.strictObject({ lang: language.optional() });
