// W2: opening the chart of a patient with a long history — every course with its sessions, the
// history, consents, photos, open adverse events and follow-ups, in one answer.
import { getChart } from '../../src/server/chart/service.ts';
import type { Config } from '../../src/server/config.ts';
import type { HttpLoad } from '../lib/load.ts';
import { Rng } from '../lib/rng.ts';
import type { RecordingDatabase, Trace } from '../lib/trace.ts';
import { benchMark, type BenchClinic } from './setup.ts';

/** A chart as the workload opens it, with the SQL the app ran for it. */
export interface ChartTarget {
  clinic: BenchClinic;
  patientId: string;
  sessions: number;
  courses: number;
  bytes: number;
  trace: Trace;
}

/** The `n` patients with the most sessions (of the data set, not the bench's own courses). */
export async function longCharts(db: RecordingDatabase, config: Config, clinics: BenchClinic[], n = 40): Promise<ChartTarget[]> {
  const byId = new Map(clinics.map((c) => [c.id, c]));
  const rows = await db.tx({ system: true }, (q) =>
    q.query<{ patient_id: string; clinic_id: string; sessions: number; courses: number }>(
      `SELECT s.patient_id, s.clinic_id, count(*)::int AS sessions, count(DISTINCT s.course_id)::int AS courses
       FROM sessions s WHERE NOT EXISTS (SELECT 1 FROM courses c WHERE c.clinic_id = s.clinic_id AND c.patient_id = s.patient_id AND c.notes = $1)
       GROUP BY 1, 2 ORDER BY count(*) DESC, s.patient_id LIMIT $2`,
      [benchMark, n],
    ),
  );
  const out: ChartTarget[] = [];
  for (const r of rows.rows) {
    const clinic = byId.get(r.clinic_id);
    if (!clinic) continue;
    let bytes = 0;
    const trace = await db.record(async () => {
      bytes = Buffer.byteLength(JSON.stringify(await getChart({ db, config, actor: clinic.actor }, r.patient_id)));
    });
    out.push({ clinic, patientId: r.patient_id, sessions: r.sessions, courses: r.courses, bytes, trace });
  }
  return out;
}

/** The HTTP load: each request one of the charts, in a seeded random order. */
export function chartLoad(url: string, targets: ChartTarget[]): HttpLoad {
  const rng = new Rng('chart:order');
  return {
    url,
    connections: 0,
    next: () => {
      const t = rng.pick(targets);
      return { method: 'GET', path: `/api/v1/patients/${t.patientId}/chart`, headers: { authorization: `Bearer ${t.clinic.token}` } };
    },
  };
}
