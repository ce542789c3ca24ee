// Pharmacovigilance: counts and rates of adverse events per product, lot, practitioner, technique
// or area over a period (events per 100 sessions, the session counts as denominators), and the
// prefilled report of one event with the fields regulators ask for.
import { z } from 'zod';
import { isoDate, language } from './common.ts';

export const REPORT_GROUPS = ['product', 'lot', 'practitioner', 'technique', 'area'] as const;
export type ReportGroup = (typeof REPORT_GROUPS)[number];

export const pvReportQuery = z
  .strictObject({
    from: isoDate.describe('First session day of the period (clinic calendar)'),
    to: isoDate.describe('Last session day of the period, included'),
    groupBy: z.enum(REPORT_GROUPS, { error: `must be one of ${REPORT_GROUPS.join(', ')}` }),
    lang: language.optional(),
  })
  .superRefine((q, ctx) => {
    if (q.to < q.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
    else if (Date.parse(q.to) - Date.parse(q.from) > 3 * 366 * 86_400_000) ctx.addIssue({ code: 'custom', path: ['to'], message: 'the period must be at most 3 years' });
  });
export type PvReportQuery = z.infer<typeof pvReportQuery>;

const counts = {
  /** Sessions of the period exposed to the group: the denominator. */
  sessions: z.number().int(),
  /** Events of those sessions (any status, any source). */
  events: z.number().int(),
  seriousEvents: z.number().int(),
  /** Events per 100 sessions; null when the group had no session. */
  ratePer100: z.number().nullable(),
  byType: z.record(z.string(), z.number().int()),
  byGrade: z.record(z.string(), z.number().int()),
};

export const pvReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  groupBy: z.enum(REPORT_GROUPS),
  totals: z.object(counts),
  items: z.array(z.object({ key: z.string(), label: z.string(), ...counts })),
  /** How events are attributed: a session with two products counts under both. */
  note: z.string(),
});
export type PvReport = z.infer<typeof pvReportSchema>;

export const regulatorReportQuery = z.strictObject({ lang: language.optional() });

/** One event as a regulator's adverse-reaction form asks for it, prefilled from the record. */
export const regulatorReportSchema = z.object({
  eventId: z.uuid(),
  language: language,
  generatedAt: z.date(),
  clinic: z.object({ name: z.string() }),
  patient: z.object({ initials: z.string(), ageYears: z.number().int(), sex: z.string(), sexLabel: z.string() }),
  products: z.array(
    z.object({
      name: z.string(),
      code: z.string(),
      manufacturer: z.string().nullable(),
      distributor: z.string().nullable(),
      registrationNumber: z.string().nullable(),
      lotNumber: z.string(),
      expiresOn: z.string(),
      volumeMl: z.number(),
    }),
  ),
  administration: z.object({ date: z.string(), performedAt: z.date(), technique: z.string(), techniqueLabel: z.string(), areas: z.array(z.string()), depthMm: z.number() }),
  reaction: z.object({
    type: z.string(),
    label: z.string(),
    description: z.string(),
    onset: z.date(),
    onsetDate: z.string(),
    area: z.string().nullable(),
    grade: z.number().int(),
    gradeLabel: z.string(),
    expected: z.boolean().nullable(),
  }),
  seriousness: z.object({ serious: z.boolean(), criteria: z.array(z.object({ code: z.string(), label: z.string() })) }),
  treatment: z.array(z.object({ drug: z.string(), dose: z.string(), route: z.string(), at: z.string() })),
  outcome: z.object({ status: z.string(), code: z.string(), label: z.string(), resolvedAt: z.date().nullable() }),
  reporter: z.object({ name: z.string(), role: z.string(), email: z.string() }).nullable(),
  source: z.string(),
});
export type RegulatorReport = z.infer<typeof regulatorReportSchema>;
