// Lots of the catalog and their stock: receiving, correcting, recalling, adjusting. Quantities are
// ml with two decimals; `expires` is the last day the lot may be used.
import { z } from 'zod';
import { isoDate } from './common.ts';
import { volumeMl } from './catalog.ts';

/** An expiry or receipt date: a real calendar date in a plausible range (catches typed years). */
const lotDate = isoDate.refine((d) => d >= '2000-01-01' && d <= '2100-12-31', 'must be between 2000-01-01 and 2100-12-31');
const lotNumber = z.string().trim().min(1, 'must not be empty').max(64, 'must be at most 64 characters');
const supplier = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

/**
 * Where a lot stands today (in the clinic's time zone): `recalled` and `expired` lots must not be
 * used whatever their stock; `empty` has nothing on hand; `usable` is everything else.
 */
export const LOT_STATUSES = ['usable', 'empty', 'expired', 'recalled'] as const;

export const lotSchema = z.object({
  id: z.uuid(),
  productId: z.uuid(),
  productCode: z.string(),
  productName: z.string(),
  lot: z.string(),
  expires: z.string(),
  quantityReceived: z.number(),
  /** On hand, in ml. */
  quantity: z.number(),
  supplier: z.string().nullable(),
  receivedOn: z.string().nullable(),
  recalled: z.boolean(),
  recalledAt: z.date().nullable(),
  recallReason: z.string().nullable(),
  /** Past its last day of use, today in the clinic's time zone. */
  expired: z.boolean(),
  /** Days from today to the last day of use; negative once expired. */
  expiresInDays: z.number().int(),
  status: z.enum(LOT_STATUSES),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Lot = z.infer<typeof lotSchema>;

export const newLotBody = z.strictObject({
  productId: z.uuid('must be a UUID'),
  lot: lotNumber,
  expires: lotDate,
  /** ml received. */
  quantity: volumeMl,
  supplier: supplier.optional(),
  receivedOn: lotDate.optional(),
});
export type NewLot = z.infer<typeof newLotBody>;

export const updateLotBody = z
  .strictObject({
    lot: lotNumber.optional(),
    expires: lotDate.optional(),
    supplier: supplier.nullable().optional(),
    receivedOn: lotDate.nullable().optional(),
    recalled: z.boolean().optional(),
    recallReason: z.string().trim().min(1, 'must not be empty').max(500).nullable().optional(),
    // Stock moves only through the ledger, so that the on-hand figure stays explainable.
    quantity: z.never({ error: 'cannot be edited: record a stock change with POST /api/v1/lots/{id}/adjustments' }).optional(),
  })
  .superRefine((b, ctx) => {
    if (b.recallReason && b.recalled === false) ctx.addIssue({ code: 'custom', path: ['recallReason'], message: 'must not be given when clearing a recall' });
  });
export type LotPatch = z.infer<typeof updateLotBody>;

export const lotListQuery = z.strictObject({
  productId: z.uuid('must be a UUID').optional(),
  /** Only lots that may be used today: in date, not recalled, stock above zero. */
  usable: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
  /** Only lots still in date whose last day of use falls within this many days. */
  expiringWithinDays: z.coerce.number().int('must be a whole number').min(0, 'must not be negative').max(3650, 'must be at most 3650').optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(20).optional(),
});
export type LotListQuery = z.infer<typeof lotListQuery>;

/** A manual stock change: a correction (either sign) or a write-off (negative). */
export const adjustmentBody = z
  .strictObject({
    deltaMl: z
      .number()
      .refine((v) => v !== 0, 'must not be zero')
      .refine((v) => Math.abs(v) <= 100_000, 'must be at most 100000 ml either way')
      .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, 'must have at most 2 decimal places'),
    reason: z.enum(['adjustment', 'write-off'], { error: (i) => (i.input === undefined ? 'is required' : 'must be adjustment or write-off') }),
    note: z.string().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters'),
  })
  .superRefine((b, ctx) => {
    if (b.reason === 'write-off' && b.deltaMl > 0) ctx.addIssue({ code: 'custom', path: ['deltaMl'], message: 'must be negative for a write-off' });
  });
export type Adjustment = z.infer<typeof adjustmentBody>;

export const stockMovementSchema = z.object({
  id: z.uuid(),
  lotId: z.uuid(),
  deltaMl: z.number(),
  reason: z.enum(['received', 'session', 'adjustment', 'write-off', 'recall', 'amendment']),
  sessionId: z.uuid().nullable(),
  note: z.string().nullable(),
  at: z.date(),
  byUserId: z.uuid().nullable(),
});
export type StockMovement = z.infer<typeof stockMovementSchema>;

export const adjustmentAnswer = z.object({ lot: lotSchema, movement: stockMovementSchema });
