// Adverse events over the API: the minimal record the safety engine reads (issue 6 extends it).
import { z } from 'zod';
import { adverseEventTypeSchema, areaSchema, severityGradeSchema } from '../vocabulary/index.ts';

const uuid = z.uuid({ message: 'must be a UUID' });

export const ADVERSE_EVENT_STATUSES = ['open', 'monitoring', 'resolved'] as const;

export const newAdverseEventBody = z.strictObject({
  sessionId: uuid,
  type: adverseEventTypeSchema,
  grade: severityGradeSchema,
  onset: z.iso.datetime({ offset: true, message: 'must be an ISO date and time, e.g. 2026-11-22T18:00:00+03:00' }),
  description: z.string().trim().min(1, 'is required').max(4000, 'must be at most 4000 characters'),
  area: areaSchema.optional(),
  expected: z.boolean().optional(),
});
export type NewAdverseEvent = z.infer<typeof newAdverseEventBody>;

export const adverseEventSchema = z.object({
  id: z.uuid(),
  patientId: z.uuid(),
  sessionId: z.uuid(),
  type: adverseEventTypeSchema,
  grade: z.number().int(),
  onset: z.date(),
  area: z.string().nullable(),
  description: z.string(),
  expected: z.boolean().nullable(),
  status: z.enum(ADVERSE_EVENT_STATUSES),
  outcome: z.string().nullable(),
  resolvedAt: z.date().nullable(),
  reportedBy: z.uuid().nullable(),
  createdAt: z.date(),
});
export type AdverseEvent = z.infer<typeof adverseEventSchema>;

export const adverseEventListQuery = z.strictObject({
  patientId: uuid.optional(),
  status: z.enum(ADVERSE_EVENT_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(20).optional(),
});
