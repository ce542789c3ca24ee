// Follow-ups over the API: the due list (per clinic or practitioner, soonest first, overdue
// marked), completing one with what was found — which can open an adverse event in the same
// transaction — and reassigning or rescheduling one.
import { z } from 'zod';
import { FOLLOW_UP_KINDS, followUpOutcomeSchema, adverseEventOutcomeSchema } from '../adverse-events/vocabulary.ts';
import { adverseEventSchema, historyEntrySchema, newAdverseEventBody } from './adverse-events.ts';

const uuid = z.uuid({ message: 'must be a UUID' });
const instant = z.iso.datetime({ offset: true, message: 'must be an ISO date and time with offset, e.g. 2026-11-22T18:00:00+03:00' });

export const FOLLOW_UP_STATUSES = ['open', 'done', 'cancelled'] as const;

export const followUpItemSchema = z.object({
  id: z.uuid(),
  kind: z.enum(FOLLOW_UP_KINDS),
  status: z.enum(FOLLOW_UP_STATUSES),
  dueAt: z.date(),
  /** Open and past its due time. */
  overdue: z.boolean(),
  /** What to check, in both languages. */
  purpose: z.object({ en: z.string(), ru: z.string() }),
  patient: z.object({ id: z.uuid(), familyName: z.string(), givenName: z.string(), patronymic: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable() }),
  sessionId: z.uuid().nullable(),
  sessionPerformedAt: z.date().nullable(),
  /** The adverse event followed, when the follow-up is an event's. */
  adverseEvent: z.object({ id: z.uuid(), type: z.string(), grade: z.number().int(), status: z.string(), onset: z.date() }).nullable(),
  /** Who should do it: the assignee, or the practitioner of the session. */
  practitionerId: z.uuid().nullable(),
  assignedTo: z.uuid().nullable(),
  completedAt: z.date().nullable(),
  completedBy: z.uuid().nullable(),
  findings: z.string().nullable(),
  outcome: z.string().nullable(),
  /** The adverse event this follow-up opened. */
  openedAdverseEventId: z.uuid().nullable(),
  cancelledAt: z.date().nullable(),
  cancelReason: z.string().nullable(),
  createdAt: z.date(),
});
export type FollowUpItem = z.infer<typeof followUpItemSchema>;

export const followUpListQuery = z.strictObject({
  status: z.enum(FOLLOW_UP_STATUSES).default('open'),
  practitionerId: uuid.optional().describe("Follow-ups assigned to this user, or of sessions they performed or supervised"),
  patientId: uuid.optional(),
  adverseEventId: uuid.optional(),
  dueBefore: instant.optional().describe('Only those due before this instant (e.g. the end of today)'),
  overdue: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
  limit: z.coerce.number().int().min(1).max(200).default(100),
  cursor: z.string().max(20).optional(),
});
export type FollowUpListQuery = z.infer<typeof followUpListQuery>;

/** An adverse event found at a follow-up: its session is the follow-up's unless given. */
export const followUpEventBody = newAdverseEventBody.omit({ sessionId: true }).extend({ sessionId: uuid.optional() });

export const completeFollowUpBody = z
  .strictObject({
    findings: z.string().trim().min(1, 'must not be empty').max(4000, 'must be at most 4000 characters'),
    outcome: followUpOutcomeSchema.describe('For an event: resolved, improving, unchanged, worse, complication or not-reached; after a session: as-expected, complication or not-reached'),
    /** How a resolved event ended: recovered unless told. */
    eventOutcome: adverseEventOutcomeSchema.optional(),
    openAdverseEvent: followUpEventBody.optional().describe('Records a new adverse event in the same transaction'),
  })
  .superRefine((b, ctx) => {
    if (b.eventOutcome !== undefined && b.outcome !== 'resolved') ctx.addIssue({ code: 'custom', path: ['eventOutcome'], message: 'is given only with outcome resolved' });
  });
export type CompleteFollowUp = z.infer<typeof completeFollowUpBody>;

export const followUpPatchBody = z
  .strictObject({
    dueAt: instant.optional(),
    assignedTo: uuid.nullable().optional(),
  })
  .refine((b) => b.dueAt !== undefined || b.assignedTo !== undefined, { message: 'must change dueAt or assignedTo', path: [] });

/** Completing a follow-up answers the follow-up, the event it opened, and the one scheduled next. */
export const completeFollowUpAnswer = z.object({
  followUp: followUpItemSchema,
  next: followUpItemSchema.nullable(),
  openedAdverseEventId: z.uuid().nullable(),
});

/** One adverse event with its history and its follow-ups (GET /adverse-events/{id}). */
export const adverseEventDetailSchema = adverseEventSchema.extend({
  history: z.array(historyEntrySchema),
  followUps: z.array(followUpItemSchema),
});
