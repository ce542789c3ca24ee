// Stock: the clinic receives a lot of each product every few months; sessions draw on the lot of
// their period. Lots are written first with no stock and given their quantities once every
// session of the clinic is known (received = used + what is left), with the ledger to match.
import { addMonths, daysInMonth } from '../../src/domain/assessment/dates.ts';
import type { Queryable } from '../../src/server/db/database.ts';
import { DAY, dayOf, type Gen, iso } from './common.ts';

/** A lot as sessions use it. */
export interface LotRec {
  id: string;
  productId: string;
  code: string;
  lotNumber: string;
  expiresOn: string;
  receivedMs: number;
  usedMl: number;
  last: boolean;
}

const periodMs = 120 * DAY;

/** The clinic's lots: one per product per period from the chain's start to now. */
export class ClinicLots {
  private readonly byProduct = new Map<string, LotRec[]>();

  constructor(
    private readonly g: Gen,
    codes: readonly string[],
  ) {
    const periods = Math.max(1, Math.floor((g.nowMs - g.startMs) / periodMs) + 1);
    for (const code of codes) {
      const product = g.clinic.products.get(code);
      if (!product) throw new Error(`clinic has no product ${code}`);
      const lots: LotRec[] = [];
      for (let k = 0; k < periods; k++) {
        const receivedMs = g.startMs + k * periodMs - 10 * DAY;
        const made = addMonths(dayOf(receivedMs), -g.rng.int(1, 4));
        const expires = addMonths(made, 24);
        const letters = code.replace(/[^a-z]/g, '').slice(0, 2).toUpperCase();
        lots.push({
          id: g.rng.uuid7(receivedMs),
          productId: product.id,
          code,
          lotNumber: `${letters}${made.slice(2, 4)}${made.slice(5, 7)}-${String(g.rng.int(1, 40)).padStart(2, '0')}`,
          expiresOn: `${expires.slice(0, 8)}${String(daysInMonth(Number(expires.slice(0, 4)), Number(expires.slice(5, 7)))).padStart(2, '0')}`,
          receivedMs,
          usedMl: 0,
          last: k === periods - 1,
        });
      }
      this.byProduct.set(code, lots);
    }
  }

  /** The lot of a product a session on `atMs` draws from. */
  lotFor(code: string, atMs: number): LotRec {
    const lots = this.byProduct.get(code);
    if (!lots) throw new Error(`no lots of ${code}`);
    const k = Math.min(lots.length - 1, Math.max(0, Math.floor((atMs - this.g.startMs) / periodMs)));
    return lots[k] as LotRec;
  }

  /** Writes the lots with no stock yet (sessions refer to them). */
  async insert(q: Queryable): Promise<void> {
    const all = [...this.byProduct.values()].flat();
    await q.query(
      `INSERT INTO lots (id, clinic_id, product_id, lot_number, expires_on, quantity_received_ml, quantity_on_hand_ml, supplier, received_on, created_at, updated_at)
       SELECT t.id, $1, t.product_id, t.lot_number, t.expires_on, 0, 0, 'ООО «Мезо-Дистрибуция»', t.received_on, t.at, t.at
       FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::date[], $6::date[], $7::timestamptz[]) AS t(id, product_id, lot_number, expires_on, received_on, at)`,
      [this.g.clinic.id, all.map((l) => l.id), all.map((l) => l.productId), all.map((l) => l.lotNumber), all.map((l) => l.expiresOn), all.map((l) => dayOf(l.receivedMs)), all.map((l) => iso(l.receivedMs))],
    );
  }

  /** Sets each lot's quantities from what its sessions used, with the 'received' entry of the ledger. */
  async settle(q: Queryable, receivedBy: string): Promise<void> {
    const all = [...this.byProduct.values()].flat().filter((l) => l.receivedMs <= this.g.nowMs);
    const left = all.map((l) => (l.last ? this.g.rng.int(40, 200) : this.g.rng.chance(0.3) ? this.g.rng.int(1, 8) : 0));
    const received = all.map((l, i) => Math.round((l.usedMl + (left[i] ?? 0)) * 100) / 100);
    await q.query(
      `UPDATE lots SET quantity_received_ml = t.received, quantity_on_hand_ml = t.remaining
       FROM unnest($1::uuid[], $2::numeric[], $3::numeric[]) AS t(id, received, remaining) WHERE lots.clinic_id = $4 AND lots.id = t.id`,
      [all.map((l) => l.id), received, left, this.g.clinic.id],
    );
    for (const [i, l] of all.entries()) {
      if ((received[i] ?? 0) <= 0) continue;
      this.g.t.movements.add([this.g.rng.uuid7(l.receivedMs), this.g.clinic.id, l.id, received[i], 'received', null, null, iso(l.receivedMs), receivedBy]);
    }
  }
}
