// W4: many practitioners at once drawing on the same last ampoule of a lot. Correctness under load:
// exactly as many sessions succeed as the stock allows, every other request is refused with
// 422 insufficient-stock, the stock is never seen below zero, and no request fails with a 5xx.
import { uuidv7 } from 'uuidv7';
import type { Database } from '../../src/server/db/database.ts';
import type { ReadyCourse } from './setup.ts';
import { sessionBody } from './session.ts';

/** The cocktail of W4's courses: one product, one ampoule (3 ml) a session. */
export const ampouleCocktail = [{ code: 'revita-complex', volumeMl: 3 }];

/** One burst and what came of it. */
export interface AmpouleRound {
  clients: number;
  ampoules: number;
  successes: number;
  refused: number;
  other4xx: number;
  status5xx: number;
  networkErrors: number;
  finalStockMl: number;
  minSeenMl: number;
  ledgerMatches: boolean;
  sessionsOnLot: number;
  maxLatencyMs: number;
}

/** A burst of `courses.length` concurrent sessions on a fresh lot holding `ampoules` ampoules. */
export async function ampouleRound(url: string, db: Database, courses: ReadyCourse[], ampoules: number): Promise<AmpouleRound> {
  const clinic = courses[0]?.clinic;
  if (!clinic) throw new Error('no courses for the burst');
  const perSession = ampouleCocktail[0]?.volumeMl ?? 3;
  const lotId = uuidv7();
  await db.tx({ clinicId: clinic.id }, async (q) => {
    await q.query(
      `INSERT INTO lots (id, clinic_id, product_id, lot_number, expires_on, quantity_received_ml, quantity_on_hand_ml, supplier, received_on)
       SELECT $1, $2, p.id, $3, current_date + 365, $4, $4, 'bench', current_date FROM products p WHERE p.clinic_id = $2 AND p.code = $5`,
      [lotId, clinic.id, `LAST-${lotId.slice(-10)}`, ampoules * perSession, ampouleCocktail[0]?.code],
    );
    await q.query("INSERT INTO stock_movements (id, clinic_id, lot_id, delta_ml, reason, note) VALUES ($1, $2, $3, $4, 'received', 'bench: last ampoule')", [uuidv7(), clinic.id, lotId, ampoules * perSession]);
  });
  const bodies = courses.map((c) => JSON.stringify({ ...sessionBody(c, ampouleCocktail), lots: [{ lotId, volumeMl: perSession }] }));

  // Watch the stock while the burst runs: it must never be seen below zero.
  let watching = true;
  let minSeen = Infinity;
  const watcher = (async () => {
    while (watching) {
      const r = await db.pool.query<{ n: string }>('SELECT quantity_on_hand_ml AS n FROM lots WHERE id = $1', [lotId]).catch(() => undefined);
      const n = Number(r?.rows[0]?.n);
      if (Number.isFinite(n)) minSeen = Math.min(minSeen, n);
    }
  })();

  const counts = { successes: 0, refused: 0, other4xx: 0, status5xx: 0, networkErrors: 0 };
  let maxLatency = 0;
  await Promise.all(
    bodies.map(async (body, i) => {
      const t0 = performance.now();
      try {
        const res = await fetch(`${url}/api/v1/sessions`, {
          method: 'POST',
          headers: { authorization: `Bearer ${courses[i]?.clinic.token}`, 'content-type': 'application/json' },
          body,
        });
        const text = await res.text();
        if (res.status === 201) counts.successes++;
        else if (res.status === 422 && text.includes('insufficient-stock')) counts.refused++;
        else if (res.status >= 500) counts.status5xx++;
        else counts.other4xx++;
      } catch {
        counts.networkErrors++;
      }
      maxLatency = Math.max(maxLatency, performance.now() - t0);
    }),
  );
  watching = false;
  await watcher;
  const after = await db.tx({ clinicId: clinic.id }, (q) =>
    q.query<{ on_hand: string; ledger: string; sessions: number }>(
      `SELECT l.quantity_on_hand_ml AS on_hand, (SELECT sum(delta_ml) FROM stock_movements m WHERE m.clinic_id = l.clinic_id AND m.lot_id = l.id) AS ledger,
              (SELECT count(*)::int FROM session_lots s WHERE s.clinic_id = l.clinic_id AND s.lot_id = l.id) AS sessions
       FROM lots l WHERE l.clinic_id = $1 AND l.id = $2`,
      [clinic.id, lotId],
    ),
  );
  const row = after.rows[0];
  const finalStock = Number(row?.on_hand);
  return {
    clients: courses.length,
    ampoules,
    ...counts,
    finalStockMl: finalStock,
    minSeenMl: Math.min(minSeen, finalStock),
    ledgerMatches: Number(row?.ledger) === finalStock,
    sessionsOnLot: row?.sessions ?? -1,
    maxLatencyMs: maxLatency,
  };
}
