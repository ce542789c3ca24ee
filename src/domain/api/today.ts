// The clinic's day list (GET /api/v1/today) and the follow-up and readiness settings behind it.
// Clinical staff see every alert; reception sees counts only, never a patient's clinical facts.
import { z } from 'zod';
import { safetySettingsSchema } from '../adverse-events/settings.ts';

export const TODAY_ALERT_KINDS = [
  'kit-incomplete',
  'kit-item-expired',
  'kit-item-expiring',
  'lot-expired-in-stock',
  'lot-expiring',
  'suspected-outbreak',
  'lot-recall',
  'unsigned-sessions',
  'overdue-follow-ups',
] as const;
export type TodayAlertKind = (typeof TODAY_ALERT_KINDS)[number];

export const todayAlertSchema = z.object({
  kind: z.enum(TODAY_ALERT_KINDS),
  severity: z.enum(['critical', 'warning', 'info']),
  /** One line in the caller's language. */
  message: z.string(),
  /** What the line is about: ids and figures for the screen to link and format. */
  facts: z.record(z.string(), z.unknown()),
});
export type TodayAlert = z.infer<typeof todayAlertSchema>;

export const todaySchema = z.object({
  /** Today in the clinic's time zone. */
  date: z.string(),
  timeZone: z.string(),
  /** Most severe first. Empty for reception, who sees the counts only. */
  alerts: z.array(todayAlertSchema),
  counts: z.object({
    overdueFollowUps: z.number().int(),
    followUpsDueToday: z.number().int(),
    /** Clinical roles only (null for reception). */
    unsignedSessions: z.number().int().nullable(),
    openAlerts: z.number().int().nullable(),
  }),
  /** Whether sessions may proceed today as far as the kit goes; null for reception. */
  kitReady: z.boolean().nullable(),
});
export type Today = z.infer<typeof todaySchema>;

export const safetySettingsBody = safetySettingsSchema;

export const safetySettingsAnswer = z.object({
  /** What the clinic changed from the defaults. */
  settings: z.record(z.string(), z.unknown()),
  /** Every setting with the defaults filled in. */
  effective: z.object({
    followUpHours: z.array(z.number().int()),
    kitExpiryWarningDays: z.number().int(),
    lotExpiryWarningDays: z.number().int(),
    atypicalInfectionFromDays: z.number().int(),
    atypicalInfectionToDays: z.number().int(),
  }),
});
