// The clinic's follow-up and readiness settings (CLINICAL_RULES: every threshold is a clinic
// setting with a default). Stored as top-level keys of the clinic's settings, beside the safety
// engine's `assessment` key.
import { z } from 'zod';

export interface SafetySettings {
  /** Hours after every session at which a follow-up falls due. */
  followUpHours: number[];
  /** Kit items whose expiry falls within this many days are flagged on the day list. */
  kitExpiryWarningDays: number;
  /** Lots in stock whose expiry falls within this many days are flagged on the day list. */
  lotExpiryWarningDays: number;
  /** A nodule, abscess or non-healing lesion this many days after a session is suspect… */
  atypicalInfectionFromDays: number;
  /** …up to this many days after it. */
  atypicalInfectionToDays: number;
}

export const DEFAULT_SAFETY_SETTINGS: Readonly<SafetySettings> = Object.freeze({
  followUpHours: [72, 168],
  kitExpiryWarningDays: 30,
  lotExpiryWarningDays: 30,
  atypicalInfectionFromDays: 7,
  atypicalInfectionToDays: 84,
});

export const SAFETY_SETTING_KEYS = Object.keys(DEFAULT_SAFETY_SETTINGS) as (keyof SafetySettings)[];

const days = (max: number) =>
  z
    .number({ error: 'must be a number' })
    .int({ error: 'must be a whole number' })
    .min(0, { error: `must be between 0 and ${max}` })
    .max(max, { error: `must be between 0 and ${max}` });

/** A clinic's own settings: only what differs from the defaults. */
export const safetySettingsSchema = z
  .strictObject({
    followUpHours: z
      .array(z.number({ error: 'must be a number' }).int({ error: 'must be whole hours' }).min(1, { error: 'must be between 1 and 8760 hours' }).max(8760, { error: 'must be between 1 and 8760 hours' }), {
        error: 'must be a list of hours',
      })
      .min(1, { error: 'must list at least one time' })
      .max(6, { error: 'must list at most 6 times' })
      .refine((h) => new Set(h).size === h.length, { error: 'must not repeat a time' }),
    kitExpiryWarningDays: days(365),
    lotExpiryWarningDays: days(365),
    atypicalInfectionFromDays: days(60),
    atypicalInfectionToDays: days(365),
  })
  .partial()
  .superRefine((s, ctx) => {
    const from = s.atypicalInfectionFromDays ?? DEFAULT_SAFETY_SETTINGS.atypicalInfectionFromDays;
    const to = s.atypicalInfectionToDays ?? DEFAULT_SAFETY_SETTINGS.atypicalInfectionToDays;
    if (from > to) ctx.addIssue({ code: 'custom', path: [s.atypicalInfectionToDays === undefined ? 'atypicalInfectionFromDays' : 'atypicalInfectionToDays'], message: `the window must not end (${to} days) before it starts (${from} days)` });
  });
export type ClinicSafetySettings = z.infer<typeof safetySettingsSchema>;

/** The settings with every default filled in; hours in ascending order. */
export function resolveSafetySettings(own: ClinicSafetySettings): SafetySettings {
  const out: SafetySettings = { ...DEFAULT_SAFETY_SETTINGS, followUpHours: [...DEFAULT_SAFETY_SETTINGS.followUpHours] };
  for (const key of SAFETY_SETTING_KEYS) {
    const v = own[key];
    if (v !== undefined) (out as unknown as Record<string, unknown>)[key] = v;
  }
  out.followUpHours = [...out.followUpHours].sort((a, b) => a - b);
  return out;
}
