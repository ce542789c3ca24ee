// Helpers of the catalog's integration tests: a few records made over the API, and counts read
// straight from the database to prove that a refused request wrote nothing.
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Caller, TestContext } from '../../../test/app.ts';

/** Asserts the status, and shows the body when it differs (a failing test says why). */
export function expectStatus(res: LightMyRequestResponse, status: number): void {
  expect(res.statusCode, res.body).toBe(status);
}

/** The JSON answer of a request that must succeed with `status`. */
export async function ok<T = Record<string, unknown>>(res: Promise<LightMyRequestResponse> | LightMyRequestResponse, status = 200): Promise<T> {
  const r = await res;
  expectStatus(r, status);
  return r.json<T>();
}

/** Rows of a catalog table for one clinic, read without row-level security. */
export async function countRows(t: TestContext, table: 'substances' | 'products' | 'product_substances' | 'lots' | 'stock_movements' | 'cocktail_templates' | 'cocktail_template_components', clinicId: string): Promise<number> {
  return t.db.tx({ system: true }, async (q) => {
    const r = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE clinic_id = $1`, [clinicId]);
    return r.rows[0]?.n ?? 0;
  });
}

/** Audit events of a clinic with this action, newest first. */
export async function auditEvents(t: TestContext, clinicId: string, action: string): Promise<{ actor_role: string | null; record_id: string | null; outcome: string; details: Record<string, unknown> }[]> {
  return t.db.tx({ system: true }, async (q) =>
    (
      await q.query<{ actor_role: string | null; record_id: string | null; outcome: string; details: Record<string, unknown> }>(
        'SELECT actor_role, record_id, outcome, details FROM audit_events WHERE clinic_id = $1 AND action = $2 ORDER BY id DESC',
        [clinicId, action],
      )
    ).rows,
  );
}

/** Creates a substance as `who` and returns its id. */
export async function makeSubstance(who: Caller, code: string, cls = 'vitamin'): Promise<string> {
  const body = await ok<{ id: string }>(who.call({ method: 'POST', url: '/api/v1/substances', payload: { code, nameEn: `${code} en`, nameRu: `${code} ru`, class: cls } }), 201);
  return body.id;
}

/** Creates a licensed intradermal product with one substance (created too) and returns its id. */
export async function makeProduct(who: Caller, code: string, extra: Record<string, unknown> = {}): Promise<string> {
  const substance = `${code}-substance`;
  await makeSubstance(who, substance);
  const body = await ok<{ id: string }>(
    who.call({ method: 'POST', url: '/api/v1/products', payload: { code, name: `Product ${code}`, licensed: true, intradermal: true, ampouleMl: 5, substances: [{ code: substance }], ...extra } }),
    201,
  );
  return body.id;
}

/** Receives a lot of a product as `who` and returns the answer. */
export async function makeLot(who: Caller, productId: string, lot: string, expires: string, quantity: number): Promise<{ id: string; quantity: number; expired: boolean; status: string }> {
  return ok(who.call({ method: 'POST', url: '/api/v1/lots', payload: { productId, lot, expires, quantity } }), 201);
}

/** Today in the clinic's time zone, as the server computes it. */
export async function clinicToday(t: TestContext, clinicId: string): Promise<string> {
  return t.db.tx({ system: true }, async (q) => {
    const r = await q.query<{ today: string }>('SELECT ((now() AT TIME ZONE time_zone)::date)::text AS today FROM clinics WHERE id = $1', [clinicId]);
    return r.rows[0]?.today ?? '';
  });
}

/** `date` moved by `days`, as YYYY-MM-DD. */
export function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
