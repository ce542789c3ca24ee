import { recallLotIn } from '../lot-trace/service.ts';
import { uuidv7 } from 'uuidv7';
import type { Adjustment, Lot, LotListQuery, LotPatch, NewLot, StockMovement } from '../../domain/api/catalog-lots.ts';
import { appendAudit } from '../audit/audit.ts';
import type { ServiceContext } from '../context.ts';
import { Problem } from '../errors.ts';
import { catalogAudit, cursorOffset, pageOf, referenceNotFound, uniqueAsConflict } from './common.ts';
import { lotsRepository, type LotFields } from './lot-repository.ts';
import { productsRepository } from './repository.ts';

const lotConflicts = { lots_clinic_id_product_id_lot_number_key: { path: 'body.lot', message: 'this product already has a lot with this number' } };

const receivedInFuture = (today: string) =>
  Problem.badRequest(`body.receivedOn: must not be after today (${today})`, [{ path: 'body.receivedOn', message: `must not be after today (${today})` }]);

/** Lists the clinic's lots, soonest expiry first, filtered by product, usability or expiry window. */
export async function listLots(ctx: ServiceContext, f: LotListQuery) {
  const offset = cursorOffset(f.cursor);
  const rows = await ctx.db.tx({ clinicId: ctx.actor.clinicId }, (q) => lotsRepository.list(q, ctx.actor.clinicId, f, offset), { readOnly: true });
  return pageOf(rows, f.limit, offset);
}

/** Reads one lot. */
export async function getLot(ctx: ServiceContext, id: string): Promise<Lot> {
  const found = await ctx.db.tx({ clinicId: ctx.actor.clinicId }, (q) => lotsRepository.byId(q, ctx.actor.clinicId, id), { readOnly: true });
  if (!found) throw Problem.notFound('Lot');
  return found;
}

/**
 * Receives a lot: the lot with its stock, and the 'received' line of the stock ledger. An expiry
 * already past is accepted — the clinic records what it has — and the answer flags it `expired`.
 */
export async function receiveLot(ctx: ServiceContext, input: NewLot): Promise<Lot> {
  return ctx.db.tx({ clinicId: ctx.actor.clinicId }, async (q) => {
    const clinicId = ctx.actor.clinicId;
    const known = await productsRepository.exists(q, clinicId, [input.productId]);
    if (!known.has(input.productId)) throw referenceNotFound('Product', 'body.productId');
    const today = await lotsRepository.clinicToday(q, clinicId);
    if (input.receivedOn !== undefined && input.receivedOn > today) throw receivedInFuture(today);
    const id = uuidv7();
    const fields: LotFields = { lot: input.lot, expires: input.expires, supplier: input.supplier ?? null, receivedOn: input.receivedOn ?? today };
    await uniqueAsConflict(lotConflicts, () => lotsRepository.insert(q, id, clinicId, input.productId, fields, input.quantity));
    await lotsRepository.addMovement(q, { id: uuidv7(), clinicId, lotId: id, deltaMl: input.quantity, reason: 'received', note: null, byUserId: ctx.actor.userId });
    const lot = (await lotsRepository.byId(q, clinicId, id)) as Lot;
    await appendAudit(q, catalogAudit(ctx, 'lot.receive', 'lot', id, { productId: input.productId, lot: input.lot, expires: input.expires, quantityMl: input.quantity, expired: lot.expired }));
    return lot;
  });
}

/** Corrects a lot's number, expiry, supplier or receipt date, or recalls it (or clears a recall). */
export async function updateLot(ctx: ServiceContext, id: string, patch: LotPatch): Promise<Lot> {
  return ctx.db.tx({ clinicId: ctx.actor.clinicId }, async (q) => {
    const clinicId = ctx.actor.clinicId;
    const current = await lotsRepository.byId(q, clinicId, id);
    if (!current) throw Problem.notFound('Lot');
    const today = await lotsRepository.clinicToday(q, clinicId);
    if (patch.receivedOn && patch.receivedOn > today) throw receivedInFuture(today);
    const next: LotFields = {
      lot: patch.lot ?? current.lot,
      expires: patch.expires ?? current.expires,
      supplier: patch.supplier === undefined ? current.supplier : patch.supplier,
      receivedOn: patch.receivedOn === undefined ? current.receivedOn : patch.receivedOn,
    };
    // A reason alone edits the reason of a recalled lot; it never recalls one by itself.
    const recalled = patch.recalled ?? (patch.recallReason ? current.recalled : undefined);
    if (recalled === false && patch.recallReason) {
      throw Problem.badRequest('body.recallReason: the lot is not recalled; send recalled: true to recall it', [{ path: 'body.recallReason', message: 'the lot is not recalled; send recalled: true to recall it' }]);
    }
    const recalling = patch.recalled === true && !current.recalled;
    if (recalling && !patch.recallReason) {
      throw Problem.badRequest('body.recallReason: a recall needs its reason', [{ path: 'body.recallReason', message: 'is required to recall a lot' }]);
    }
    // A new recall goes through the recall flow (who recalled, the alert with the recipients).
    const recall = recalled === undefined || recalling ? undefined : { recalled, reason: patch.recallReason ?? null };
    await uniqueAsConflict(lotConflicts, () => lotsRepository.update(q, clinicId, id, next, recall));
    if (recalling) await recallLotIn(q, ctx, id, patch.recallReason as string);
    const lot = (await lotsRepository.byId(q, clinicId, id)) as Lot;
    const action = patch.recalled === false && current.recalled ? 'lot.recall-clear' : 'lot.update';
    // A pure recall is audited by the recall flow itself; anything else edited alongside is audited here.
    const onlyRecall = recalling && Object.keys(patch).every((k) => k === 'recalled' || k === 'recallReason');
    if (!onlyRecall) await appendAudit(
      q,
      catalogAudit(ctx, action, 'lot', id, {
        fields: Object.keys(patch),
        ...(next.expires !== current.expires ? { expires: { before: current.expires, after: next.expires } } : {}),
        ...(next.lot !== current.lot ? { lot: { before: current.lot, after: next.lot } } : {}),
        ...(patch.recallReason ? { recallReason: patch.recallReason } : {}),
      }),
    );
    return lot;
  });
}

/**
 * A manual stock change in one transaction: the guarded stock update and its ledger line. Stock
 * never goes below zero: a change that would is refused with 409 and changes nothing.
 */
export async function adjustStock(ctx: ServiceContext, id: string, input: Adjustment): Promise<{ lot: Lot; movement: StockMovement }> {
  return ctx.db.tx({ clinicId: ctx.actor.clinicId }, async (q) => {
    const clinicId = ctx.actor.clinicId;
    const current = await lotsRepository.byId(q, clinicId, id);
    if (!current) throw Problem.notFound('Lot');
    const after = await lotsRepository.changeStock(q, clinicId, id, input.deltaMl);
    if (after === undefined) {
      throw Problem.conflict(
        `Lot ${current.lot} of ${current.productName} has ${current.quantity} ml on hand: a change of ${input.deltaMl} ml would take the stock below zero`,
        { onHandMl: current.quantity, deltaMl: input.deltaMl },
      );
    }
    const movement = await lotsRepository.addMovement(q, { id: uuidv7(), clinicId, lotId: id, deltaMl: input.deltaMl, reason: input.reason, note: input.note, byUserId: ctx.actor.userId });
    await appendAudit(q, catalogAudit(ctx, 'lot.adjust', 'lot', id, { reason: input.reason, deltaMl: input.deltaMl, onHandBefore: current.quantity, onHandAfter: after, note: input.note }));
    return { lot: (await lotsRepository.byId(q, clinicId, id)) as Lot, movement };
  });
}

/** The stock ledger of one lot, oldest first: its lines sum to the stock on hand. */
export async function lotMovements(ctx: ServiceContext, id: string): Promise<{ items: StockMovement[]; nextCursor: null }> {
  return ctx.db.tx(
    { clinicId: ctx.actor.clinicId },
    async (q) => {
      const lot = await lotsRepository.byId(q, ctx.actor.clinicId, id);
      if (!lot) throw Problem.notFound('Lot');
      return { items: await lotsRepository.movements(q, ctx.actor.clinicId, id), nextCursor: null };
    },
    { readOnly: true },
  );
}
