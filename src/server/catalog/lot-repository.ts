import type { Lot, LotListQuery, StockMovement } from '../../domain/api/catalog-lots.ts';
import type { Queryable } from '../db/database.ts';

interface LotRow {
  id: string;
  product_id: string;
  product_code: string;
  product_name: string;
  lot_number: string;
  expires_on: string;
  quantity_received_ml: number;
  quantity_on_hand_ml: number;
  supplier: string | null;
  received_on: string | null;
  recalled_at: Date | null;
  recall_reason: string | null;
  expires_in_days: number;
  created_at: Date;
  updated_at: Date;
}

// "Today" is the clinic's calendar day, not the server's: a lot expiring on the 31st is still
// usable at 23:30 in Vladivostok whatever the server's clock says.
const lotSelect = `
  SELECT l.id, l.product_id, p.code AS product_code, p.name AS product_name, l.lot_number, l.expires_on,
         l.quantity_received_ml, l.quantity_on_hand_ml, l.supplier, l.received_on, l.recalled_at, l.recall_reason,
         l.created_at, l.updated_at, (l.expires_on - d.today) AS expires_in_days
  FROM lots l
  JOIN products p ON p.clinic_id = l.clinic_id AND p.id = l.product_id
  CROSS JOIN LATERAL (SELECT (now() AT TIME ZONE c.time_zone)::date AS today FROM clinics c WHERE c.id = l.clinic_id) d`;

function toLot(r: LotRow): Lot {
  const expired = r.expires_in_days < 0;
  const recalled = r.recalled_at !== null;
  return {
    id: r.id,
    productId: r.product_id,
    productCode: r.product_code,
    productName: r.product_name,
    lot: r.lot_number,
    expires: r.expires_on,
    quantityReceived: r.quantity_received_ml,
    quantity: r.quantity_on_hand_ml,
    supplier: r.supplier,
    receivedOn: r.received_on,
    recalled,
    recalledAt: r.recalled_at,
    recallReason: r.recall_reason,
    expired,
    expiresInDays: r.expires_in_days,
    status: recalled ? 'recalled' : expired ? 'expired' : r.quantity_on_hand_ml <= 0 ? 'empty' : 'usable',
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

interface MovementRow {
  id: string;
  lot_id: string;
  delta_ml: number;
  reason: StockMovement['reason'];
  session_id: string | null;
  note: string | null;
  at: Date;
  by_user_id: string | null;
}

const toMovement = (r: MovementRow): StockMovement => ({
  id: r.id,
  lotId: r.lot_id,
  deltaMl: r.delta_ml,
  reason: r.reason,
  sessionId: r.session_id,
  note: r.note,
  at: r.at,
  byUserId: r.by_user_id,
});

/** The fields of a lot a write sets. */
export interface LotFields {
  lot: string;
  expires: string;
  supplier: string | null;
  receivedOn: string | null;
}

export const lotsRepository = {
  async insert(q: Queryable, id: string, clinicId: string, productId: string, f: LotFields, quantityMl: number): Promise<void> {
    await q.query(
      `INSERT INTO lots (id, clinic_id, product_id, lot_number, expires_on, quantity_received_ml, quantity_on_hand_ml, supplier, received_on)
       VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $8)`,
      [id, clinicId, productId, f.lot, f.expires, quantityMl, f.supplier, f.receivedOn],
    );
  },

  async update(q: Queryable, clinicId: string, id: string, f: LotFields, recall: { recalled: boolean; reason: string | null } | undefined): Promise<void> {
    await q.query(
      `UPDATE lots SET lot_number = $3, expires_on = $4, supplier = $5, received_on = $6, updated_at = now(),
         recalled_at = CASE WHEN $7::boolean IS NULL THEN recalled_at WHEN $7 THEN coalesce(recalled_at, now()) ELSE NULL END,
         recall_reason = CASE WHEN $7::boolean IS NULL THEN recall_reason WHEN $7 THEN coalesce($8, recall_reason) ELSE NULL END
       WHERE clinic_id = $1 AND id = $2`,
      [clinicId, id, f.lot, f.expires, f.supplier, f.receivedOn, recall?.recalled ?? null, recall?.reason ?? null],
    );
  },

  async byId(q: Queryable, clinicId: string, id: string): Promise<Lot | undefined> {
    const r = await q.query<LotRow>(`${lotSelect} WHERE l.clinic_id = $1 AND l.id = $2`, [clinicId, id]);
    return r.rows[0] && toLot(r.rows[0]);
  },

  async list(q: Queryable, clinicId: string, f: LotListQuery, offset: number): Promise<Lot[]> {
    const r = await q.query<LotRow>(
      `${lotSelect}
       WHERE l.clinic_id = $1
         AND ($2::uuid IS NULL OR l.product_id = $2)
         AND (NOT $3::boolean OR (l.recalled_at IS NULL AND l.expires_on >= d.today AND l.quantity_on_hand_ml > 0))
         AND ($4::int IS NULL OR l.expires_on BETWEEN d.today AND d.today + $4::int)
       ORDER BY l.expires_on, l.lot_number, l.id LIMIT $5 OFFSET $6`,
      [clinicId, f.productId ?? null, f.usable, f.expiringWithinDays ?? null, f.limit + 1, offset],
    );
    return r.rows.map(toLot);
  },

  /**
   * Changes the stock on hand by `deltaMl` unless that would take it below zero: the guard is in
   * the UPDATE itself, so two concurrent changes can never both pass it. Returns the new stock, or
   * undefined when the change was refused (or the lot is not this clinic's).
   */
  async changeStock(q: Queryable, clinicId: string, id: string, deltaMl: number): Promise<number | undefined> {
    const r = await q.query<{ quantity_on_hand_ml: number }>(
      `UPDATE lots SET quantity_on_hand_ml = quantity_on_hand_ml + $3, updated_at = now()
       WHERE clinic_id = $1 AND id = $2 AND quantity_on_hand_ml + $3 >= 0 RETURNING quantity_on_hand_ml`,
      [clinicId, id, deltaMl],
    );
    return r.rows[0]?.quantity_on_hand_ml;
  },

  async addMovement(
    q: Queryable,
    m: { id: string; clinicId: string; lotId: string; deltaMl: number; reason: StockMovement['reason']; note: string | null; byUserId: string | null },
  ): Promise<StockMovement> {
    const r = await q.query<MovementRow>(
      `INSERT INTO stock_movements (id, clinic_id, lot_id, delta_ml, reason, note, by_user_id) VALUES ($1, $2, $3, $4, $5, $6, $7)
       RETURNING id, lot_id, delta_ml, reason, session_id, note, at, by_user_id`,
      [m.id, m.clinicId, m.lotId, m.deltaMl, m.reason, m.note, m.byUserId],
    );
    return toMovement(r.rows[0] as MovementRow);
  },

  async movements(q: Queryable, clinicId: string, lotId: string): Promise<StockMovement[]> {
    const r = await q.query<MovementRow>(
      'SELECT id, lot_id, delta_ml, reason, session_id, note, at, by_user_id FROM stock_movements WHERE clinic_id = $1 AND lot_id = $2 ORDER BY at, id',
      [clinicId, lotId],
    );
    return r.rows.map(toMovement);
  },

  /** Today's date in the clinic's time zone, as YYYY-MM-DD. */
  async clinicToday(q: Queryable, clinicId: string): Promise<string> {
    const r = await q.query<{ today: string }>('SELECT ((now() AT TIME ZONE time_zone)::date)::text AS today FROM clinics WHERE id = $1', [clinicId]);
    const today = r.rows[0]?.today;
    if (today === undefined) throw new Error(`clinic ${clinicId} not found`);
    return today;
  },
};
