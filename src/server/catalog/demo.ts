// The demo clinic's catalog: the starter catalog plus plausible lots of every product, so that the
// demo shows stock, expiry warnings and the lot-expired rule at work.
import { uuidv7 } from 'uuidv7';
import { addMonths, daysInMonth } from '../../domain/assessment/dates.ts';
import { STARTER_PRODUCTS, type StarterProduct } from '../../domain/catalog/index.ts';
import type { DemoStep } from '../db/demo.ts';
import type { Queryable } from '../db/database.ts';
import { lotsRepository } from './lot-repository.ts';
import { importStarterCatalog } from './starter-import.ts';

/** One lot the demo receives. */
export interface DemoLot {
  product: string;
  lot: string;
  expires: string;
  receivedOn: string;
  receivedMl: number;
  onHandMl: number;
  supplier: string;
}

// Months from the seeding day to each product's main lot: mostly 6–18 months ahead.
const monthsAhead = [14, 9, 18, 11, 7, 16, 12, 6, 13, 10, 15, 8, 17, 12, 9];
// The product whose older lot has already expired, and the one whose older lot is nearly used up.
const expiredProduct = 'dmae-3';
const lowProduct = 'hyalo-nx-15';

const lastDayOfMonth = (date: string): string => `${date.slice(0, 8)}${String(daysInMonth(Number(date.slice(0, 4)), Number(date.slice(5, 7)))).padStart(2, '0')}`;

/** Lot numbers read like a manufacturer's: product letters, year and month made, batch ('HA2611-03'). */
function lotNumber(product: StarterProduct, made: string, batch: number): string {
  const letters = product.code.replace(/[^a-z]/g, '').slice(0, 2).toUpperCase();
  return `${letters}${made.slice(2, 4)}${made.slice(5, 7)}-${String(batch).padStart(2, '0')}`;
}

function receivedMl(product: StarterProduct): number {
  const units = product.ampouleMl >= 50 ? 1 : product.multiDose ? 3 : 10;
  return Math.round(product.ampouleMl * units * 100) / 100;
}

/** The demo lots relative to `today`: one per product, plus an expired one and a nearly empty one. */
export function demoLots(today: string): DemoLot[] {
  const lots: DemoLot[] = [];
  const receivedOn = addMonths(today, -1);
  STARTER_PRODUCTS.forEach((p, i) => {
    const ahead = monthsAhead[i % monthsAhead.length] ?? 12;
    const expires = lastDayOfMonth(addMonths(today, ahead));
    const ml = receivedMl(p);
    lots.push({ product: p.code, lot: lotNumber(p, addMonths(expires, -24), 3 + (i % 5)), expires, receivedOn, receivedMl: ml, onHandMl: ml, supplier: p.distributor });
    if (p.code === expiredProduct) {
      const old = lastDayOfMonth(addMonths(today, -1));
      lots.push({ product: p.code, lot: lotNumber(p, addMonths(old, -24), 1), expires: old, receivedOn: addMonths(today, -14), receivedMl: ml, onHandMl: Math.min(ml, 5), supplier: p.distributor });
    }
    if (p.code === lowProduct) {
      const older = lastDayOfMonth(addMonths(today, 6));
      lots.push({ product: p.code, lot: lotNumber(p, addMonths(older, -24), 2), expires: older, receivedOn: addMonths(today, -5), receivedMl: ml, onHandMl: 1, supplier: p.distributor });
    }
  });
  return lots;
}

/** Receives the demo lots into a clinic, each with its ledger: received, then what was used before. */
export async function seedDemoLots(q: Queryable, clinicId: string, byUserId: string | null): Promise<number> {
  const today = await lotsRepository.clinicToday(q, clinicId);
  const products = new Map((await q.query<{ code: string; id: string }>('SELECT code, id FROM products WHERE clinic_id = $1', [clinicId])).rows.map((r) => [r.code, r.id]));
  let count = 0;
  for (const l of demoLots(today)) {
    const productId = products.get(l.product);
    if (productId === undefined) continue;
    const id = uuidv7();
    await lotsRepository.insert(q, id, clinicId, productId, { lot: l.lot, expires: l.expires, supplier: l.supplier, receivedOn: l.receivedOn }, l.receivedMl);
    await lotsRepository.addMovement(q, { id: uuidv7(), clinicId, lotId: id, deltaMl: l.receivedMl, reason: 'received', note: null, byUserId });
    const used = Math.round((l.receivedMl - l.onHandMl) * 100) / 100;
    if (used > 0) {
      await lotsRepository.changeStock(q, clinicId, id, -used);
      await lotsRepository.addMovement(q, { id: uuidv7(), clinicId, lotId: id, deltaMl: -used, reason: 'adjustment', note: 'Opening balance: used before the clinic kept its records in Mesochart', byUserId });
    }
    count++;
  }
  return count;
}

/** The demo step of the catalog: the starter catalog and its lots, received by the demo nurse. */
export const catalogDemoStep: DemoStep = async (q, clinicId, users) => {
  await importStarterCatalog(q, clinicId);
  await seedDemoLots(q, clinicId, users.nurse);
};
