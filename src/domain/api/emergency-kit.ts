// The clinic's anti-shock kit over the API: items with lot and expiry, its state (what the
// safety engine's emergency-kit rule reads), and the checks that record who looked and what they
// found.
import { z } from 'zod';
import { KIT_ITEM_STATES } from '../adverse-events/readiness.ts';
import { isoDate } from './common.ts';

export const KIT_ITEM_KINDS = ['adrenaline', 'antihistamine', 'corticosteroid', 'atropine', 'infusion-set', 'other'] as const;

const kitDate = isoDate.refine((d) => d >= '2000-01-01' && d <= '2100-12-31', 'must be between 2000-01-01 and 2100-12-31');
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const kitItemSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(KIT_ITEM_KINDS),
  /** A required item missing makes the kit incomplete (sessions are refused). */
  required: z.boolean(),
  present: z.boolean(),
  lot: z.string().nullable(),
  expiresOn: z.string().nullable(),
  quantity: z.number().int().nullable(),
  notes: z.string().nullable(),
  position: z.number().int(),
  /** Today, against the clinic's expiry warning. */
  state: z.enum(KIT_ITEM_STATES),
  expiresInDays: z.number().int().nullable(),
  lastCheckedAt: z.date().nullable(),
  lastCheckedBy: z.uuid().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type KitItem = z.infer<typeof kitItemSchema>;

export const newKitItemBody = z.strictObject({
  name: text(200),
  kind: z.enum(KIT_ITEM_KINDS, { error: `must be one of ${KIT_ITEM_KINDS.join(', ')}` }),
  required: z.boolean().default(true),
  present: z.boolean().default(true),
  lot: text(64).optional(),
  expiresOn: kitDate.optional().describe('The last day it may be used'),
  quantity: z.number().int('must be a whole number').min(0, 'must not be negative').max(1000, 'must be at most 1000').optional(),
  notes: text(1000).optional(),
  position: z.number().int().min(0).max(1000).optional(),
});
export type NewKitItem = z.infer<typeof newKitItemBody>;

export const kitItemPatchBody = z
  .strictObject({
    name: text(200).optional(),
    kind: z.enum(KIT_ITEM_KINDS, { error: `must be one of ${KIT_ITEM_KINDS.join(', ')}` }).optional(),
    required: z.boolean().optional(),
    present: z.boolean().optional(),
    lot: text(64).nullable().optional(),
    expiresOn: kitDate.nullable().optional(),
    quantity: z.number().int('must be a whole number').min(0, 'must not be negative').max(1000, 'must be at most 1000').nullable().optional(),
    notes: text(1000).nullable().optional(),
    position: z.number().int().min(0).max(1000).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'must change at least one field', path: [] });
export type KitItemPatch = z.infer<typeof kitItemPatchBody>;

/** The kit as the emergency-kit rule sees it today. */
export const kitStateSchema = z.object({
  /** Sessions may proceed: complete, and nothing it needs is past its date. */
  ready: z.boolean(),
  /** Every required item present and adrenaline, antihistamine and corticosteroid there. */
  complete: z.boolean(),
  /** The earliest expiry among the items the rule counts. */
  expires: z.string().nullable(),
  missing: z.array(z.object({ id: z.uuid().nullable(), name: z.string(), kind: z.string() })),
  expired: z.array(z.object({ id: z.uuid(), name: z.string(), expiresOn: z.string() })),
  expiring: z.array(z.object({ id: z.uuid(), name: z.string(), expiresOn: z.string(), expiresInDays: z.number().int() })),
  warningDays: z.number().int(),
});

export const kitCheckItemBody = z.strictObject({
  itemId: z.uuid({ message: 'must be a UUID' }),
  present: z.boolean(),
  lot: text(64).nullable().optional(),
  expiresOn: kitDate.nullable().optional().describe('As read on the package; replaces the recorded expiry'),
  quantity: z.number().int().min(0).max(1000).nullable().optional(),
  note: text(500).optional(),
});

/** A check of the whole kit: every item, once. */
export const kitCheckBody = z.strictObject({
  items: z
    .array(kitCheckItemBody)
    .min(1, 'must list every item of the kit')
    .max(200)
    .refine((items) => new Set(items.map((i) => i.itemId)).size === items.length, 'must list each item once'),
  notes: text(2000).optional(),
});
export type KitCheckBody = z.infer<typeof kitCheckBody>;

export const kitCheckSchema = z.object({
  id: z.uuid(),
  checkedAt: z.date(),
  checkedBy: z.uuid(),
  ready: z.boolean(),
  notes: z.string().nullable(),
  items: z.array(z.object({ itemId: z.uuid(), name: z.string(), kind: z.string(), required: z.boolean(), present: z.boolean(), lot: z.string().nullable(), expiresOn: z.string().nullable(), state: z.string(), note: z.string().nullable() })),
});

export const kitAnswer = z.object({
  state: kitStateSchema,
  items: z.array(kitItemSchema),
  lastCheck: kitCheckSchema.nullable(),
});
