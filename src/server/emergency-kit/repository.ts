// The anti-shock kit's items and checks in the database.
import type { KitItem, NewKitItem } from '../../domain/api/emergency-kit.ts';
import type { Queryable } from '../db/database.ts';

export interface ItemRow {
  id: string;
  name: string;
  kind: KitItem['kind'];
  required: boolean;
  present: boolean;
  lot: string | null;
  expires_on: string | null;
  quantity: number | null;
  notes: string | null;
  position: number;
  last_checked_at: Date | null;
  last_checked_by: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface CheckRow {
  id: string;
  checked_by: string;
  checked_at: Date;
  items: { itemId: string; name: string; kind: string; required: boolean; present: boolean; lot: string | null; expiresOn: string | null; state: string; note: string | null }[];
  ready: boolean;
  notes: string | null;
}

/** The columns a PATCH may set, as stored. */
export interface ItemFields {
  name: string;
  kind: string;
  required: boolean;
  present: boolean;
  lot: string | null;
  expires_on: string | null;
  quantity: number | null;
  notes: string | null;
  position: number;
}

export const kitRepository = {
  async items(q: Queryable, clinicId: string, lock = false): Promise<ItemRow[]> {
    const r = await q.query<ItemRow>(`SELECT * FROM emergency_kit_items WHERE clinic_id = $1 ORDER BY position, created_at, id${lock ? ' FOR UPDATE' : ''}`, [clinicId]);
    return r.rows;
  },

  async item(q: Queryable, clinicId: string, id: string, lock = false): Promise<ItemRow | undefined> {
    const r = await q.query<ItemRow>(`SELECT * FROM emergency_kit_items WHERE clinic_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`, [clinicId, id]);
    return r.rows[0];
  },

  async insert(q: Queryable, id: string, clinicId: string, b: NewKitItem, position: number): Promise<void> {
    await q.query(
      `INSERT INTO emergency_kit_items (id, clinic_id, name, kind, required, present, lot, expires_on, quantity, notes, position) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [id, clinicId, b.name, b.kind, b.required, b.present, b.lot ?? null, b.expiresOn ?? null, b.quantity ?? null, b.notes ?? null, position],
    );
  },

  async update(q: Queryable, clinicId: string, id: string, f: ItemFields): Promise<void> {
    await q.query(
      `UPDATE emergency_kit_items SET name = $3, kind = $4, required = $5, present = $6, lot = $7, expires_on = $8, quantity = $9, notes = $10, position = $11, updated_at = now()
       WHERE clinic_id = $1 AND id = $2`,
      [clinicId, id, f.name, f.kind, f.required, f.present, f.lot, f.expires_on, f.quantity, f.notes, f.position],
    );
  },

  async checked(q: Queryable, clinicId: string, id: string, f: ItemFields, at: Date, by: string): Promise<void> {
    await this.update(q, clinicId, id, f);
    await q.query('UPDATE emergency_kit_items SET last_checked_at = $3, last_checked_by = $4 WHERE clinic_id = $1 AND id = $2', [clinicId, id, at, by]);
  },

  async remove(q: Queryable, clinicId: string, id: string): Promise<void> {
    await q.query('DELETE FROM emergency_kit_items WHERE clinic_id = $1 AND id = $2', [clinicId, id]);
  },

  async insertCheck(q: Queryable, clinicId: string, c: CheckRow): Promise<void> {
    await q.query('INSERT INTO emergency_kit_checks (id, clinic_id, checked_by, checked_at, items, ready, notes) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      c.id,
      clinicId,
      c.checked_by,
      c.checked_at,
      JSON.stringify(c.items),
      c.ready,
      c.notes,
    ]);
  },

  async checks(q: Queryable, clinicId: string, limit: number, offset: number): Promise<CheckRow[]> {
    const r = await q.query<CheckRow>('SELECT id, checked_by, checked_at, items, ready, notes FROM emergency_kit_checks WHERE clinic_id = $1 ORDER BY checked_at DESC, id DESC LIMIT $2 OFFSET $3', [
      clinicId,
      limit,
      offset,
    ]);
    return r.rows;
  },
};
