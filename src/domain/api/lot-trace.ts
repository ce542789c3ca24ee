// Tracing a lot to the patients who received it: the recipients list, the recall (the lot becomes
// unusable and its recipients are to be contacted), and the stored alerts — a suspected atypical
// mycobacterial infection with the other recipients of the same lots, a recalled lot.
import { z } from 'zod';
import { ALERT_KINDS, ALERT_SEVERITIES } from '../adverse-events/vocabulary.ts';

const uuid = z.uuid({ message: 'must be a UUID' });

export const tracedLotSchema = z.object({
  id: z.uuid(),
  lotNumber: z.string(),
  expiresOn: z.string(),
  productId: z.uuid(),
  productCode: z.string(),
  productName: z.string(),
  manufacturer: z.string().nullable(),
  recalled: z.boolean(),
  recalledAt: z.date().nullable(),
  recallReason: z.string().nullable(),
  recalledBy: z.uuid().nullable(),
  quantityOnHandMl: z.number(),
});

export const recipientPatientSchema = z.object({
  id: z.uuid(),
  familyName: z.string(),
  givenName: z.string(),
  patronymic: z.string().nullable(),
  birthDate: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  preferredLanguage: z.string(),
});

/** One session in which a patient received one of the lots. */
export const recipientSchema = z.object({
  sessionId: z.uuid(),
  performedAt: z.date(),
  sessionDate: z.string(),
  practitionerId: z.uuid(),
  lotId: z.uuid(),
  lotNumber: z.string(),
  volumeMl: z.number(),
  patient: recipientPatientSchema,
  /** The patient's adverse events after that session. */
  adverseEvents: z.array(z.object({ id: z.uuid(), type: z.string(), grade: z.number().int(), status: z.string(), onset: z.date() })),
});
export type Recipient = z.infer<typeof recipientSchema>;

export const recipientsAnswer = z.object({
  lot: tracedLotSchema,
  /** Distinct patients among the items. */
  patients: z.number().int(),
  items: z.array(recipientSchema),
  nextCursor: z.null(),
});

export const recallBody = z.strictObject({
  reason: z.string().trim().min(1, 'must not be empty').max(1000, 'must be at most 1000 characters').describe('Why: the manufacturer’s notice, a suspected contamination…'),
});

export const recallAnswer = z.object({
  lot: tracedLotSchema,
  alertId: z.uuid(),
  patients: z.number().int(),
  /** The recipients to contact (GET /lots/{id}/recall-contacts.csv gives them as CSV). */
  items: z.array(recipientSchema),
});

export const alertSchema = z.object({
  id: z.uuid(),
  kind: z.enum(ALERT_KINDS),
  severity: z.enum(ALERT_SEVERITIES),
  status: z.enum(['open', 'acknowledged']),
  title: z.object({ en: z.string(), ru: z.string() }),
  adverseEvent: z.object({ id: z.uuid(), type: z.string(), grade: z.number().int(), onset: z.date(), sessionId: z.uuid(), daysAfterSession: z.number().int() }).nullable(),
  patientId: z.uuid().nullable(),
  lots: z.array(tracedLotSchema),
  /** Everyone else who received these lots, read now (the alert's own session left out). */
  recipients: z.array(recipientSchema),
  /** Distinct other patients among the recipients. */
  otherPatients: z.number().int(),
  /** What the alert recorded when raised. */
  details: z.record(z.string(), z.unknown()),
  createdAt: z.date(),
  createdBy: z.uuid().nullable(),
  acknowledgedAt: z.date().nullable(),
  acknowledgedBy: z.uuid().nullable(),
  acknowledgement: z.string().nullable(),
});
export type Alert = z.infer<typeof alertSchema>;

export const alertListQuery = z.strictObject({
  status: z.enum(['open', 'acknowledged']).optional(),
  kind: z.enum(ALERT_KINDS).optional(),
  adverseEventId: uuid.optional(),
  lotId: uuid.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(20).optional(),
});

export const acknowledgeBody = z.strictObject({
  note: z.string().trim().min(1, 'must not be empty').max(2000, 'must be at most 2000 characters').optional().describe('What was done: patients called, samples sent…'),
});
