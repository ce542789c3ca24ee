// W5: a clinic day's mix across the chain — find a patient, open her chart, look at her photos,
// record a session — from 1 to 64 clients at once.
import type { HttpLoad } from '../lib/load.ts';
import { Rng } from '../lib/rng.ts';
import type { Database } from '../../src/server/db/database.ts';
import type { ChartTarget } from './chart.ts';
import type { SearchQuery } from './search.ts';
import { sessionLoad, type SessionLedger } from './session.ts';
import { benchMark, type BenchClinic, type CourseSupply } from './setup.ts';

/** Shares of the mix: searches, charts, photo lists, sessions recorded. */
export const mixShares: [kind: 'search' | 'chart' | 'photos' | 'session', share: number][] = [
  ['search', 35],
  ['chart', 25],
  ['photos', 25],
  ['session', 15],
];

/** Patients whose chart or photos the mix opens: any treated patient of the data set, not only long records. */
export async function treatedPatients(db: Database, clinics: BenchClinic[], n = 400): Promise<{ clinic: BenchClinic; patientId: string }[]> {
  const byId = new Map(clinics.map((c) => [c.id, c]));
  const r = await db.tx({ system: true }, (q) =>
    q.query<{ clinic_id: string; patient_id: string }>(
      `SELECT DISTINCT ON (md5(c.patient_id::text)) c.clinic_id, c.patient_id FROM courses c
       WHERE c.notes IS DISTINCT FROM $1 AND EXISTS (SELECT 1 FROM photos p WHERE p.clinic_id = c.clinic_id AND p.patient_id = c.patient_id)
       ORDER BY md5(c.patient_id::text) LIMIT $2`,
      [benchMark, n],
    ),
  );
  return r.rows.flatMap((x) => {
    const clinic = byId.get(x.clinic_id);
    return clinic ? [{ clinic, patientId: x.patient_id }] : [];
  });
}

/** The HTTP load of the mix; the kind of each request is its tag. */
export function mixLoad(url: string, o: { searches: SearchQuery[]; patients: { clinic: BenchClinic; patientId: string }[]; longCharts: ChartTarget[]; supply: CourseSupply; ledger: SessionLedger }): HttpLoad {
  const rng = new Rng('mix:order');
  const sessions = sessionLoad(url, o.supply, o.ledger);
  return {
    url,
    connections: 0,
    next: () => {
      const kind = rng.weighted(mixShares);
      const auth = (c: BenchClinic) => ({ authorization: `Bearer ${c.token}` });
      switch (kind) {
        case 'search': {
          const s = rng.pick(o.searches);
          return { method: 'GET', path: `/api/v1/patients?q=${encodeURIComponent(s.q)}&limit=20`, headers: auth(s.clinic), tag: kind };
        }
        case 'chart': {
          // One chart in ten is a long record; the rest, ordinary treated patients.
          const p = rng.chance(0.1) ? rng.pick(o.longCharts) : rng.pick(o.patients);
          return { method: 'GET', path: `/api/v1/patients/${p.patientId}/chart`, headers: auth(p.clinic), tag: kind };
        }
        case 'photos': {
          const p = rng.pick(o.patients);
          return { method: 'GET', path: `/api/v1/patients/${p.patientId}/photos`, headers: auth(p.clinic), tag: kind };
        }
        case 'session':
          return { ...sessions.next(), tag: kind };
      }
    },
    onAnswer: (status, body, tag) => {
      if (tag === 'session') sessions.onAnswer?.(status, body, tag);
    },
  };
}
