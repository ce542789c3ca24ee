// W3: recording a session — the engine's assessment on the record, the session with its lots and
// injection points, the stock taken, follow-ups and the audit event, in one transaction. Each
// request records the first session of a ready course. Afterwards every write is counted: none
// acknowledged and missing, none twice, none half-written.
import type { Config } from '../../src/server/config.ts';
import type { Database } from '../../src/server/db/database.ts';
import { recordSession } from '../../src/server/sessions/service.ts';
import type { NewSession } from '../../src/domain/api/sessions.ts';
import type { HttpLoad } from '../lib/load.ts';
import type { RecordingDatabase, Trace } from '../lib/trace.ts';
import type { BenchClinic, CourseSupply, ReadyCourse } from './setup.ts';

/** The cocktail of the session workloads' courses (the starter face-revitalisation template). */
export const sessionCocktail = [
  { code: 'hyalo-nx-15', volumeMl: 2 },
  { code: 'revita-complex', volumeMl: 3 },
];

/** A session body as the session screen sends it. */
export function sessionBody(c: ReadyCourse, cocktail = sessionCocktail): NewSession {
  const total = cocktail.reduce((a, x) => a + x.volumeMl, 0);
  const face = Math.round(total * 0.7 * 10) / 10;
  return {
    courseId: c.courseId,
    performedAt: new Date(Date.now() - 60_000).toISOString(),
    areas: [
      { area: 'face', volumeMl: face },
      { area: 'neck', volumeMl: Math.round((total - face) * 10) / 10 },
    ],
    lots: cocktail.map((x) => {
      const lotId = c.clinic.lots.get(x.code);
      if (!lotId) throw new Error(`no bench lot of ${x.code}`);
      return { lotId, volumeMl: x.volumeMl };
    }),
    depthMm: 1,
    needle: { gauge: 32, lengthMm: 4 },
    anaesthesia: { method: 'topical', agent: 'EMLA cream, 30 minutes' },
    asepsis: { skinCleaned: true, anaestheticApplied: 'EMLA', disinfectedAfter: true },
    injectionPoints: [
      { area: 'face', zone: 'malar-left', x: 0.34, y: 0.47, volumeMl: 0.05, depthMm: 1 },
      { area: 'face', zone: 'malar-right', x: 0.66, y: 0.47, volumeMl: 0.05, depthMm: 1 },
      { area: 'face', zone: 'forehead', x: 0.5, y: 0.18 },
      { area: 'face', zone: 'perioral', x: 0.5, y: 0.7 },
      { area: 'neck', zone: 'anterior', x: 0.5, y: 0.8, volumeMl: 0.05 },
      { area: 'neck', zone: 'lateral-left', x: 0.38, y: 0.78 },
    ],
    immediateReactions: [{ type: 'erythema', note: 'Mild, gone within the hour' }],
    durationMinutes: 35,
    notes: 'Tolerated well; same cocktail next time.',
    // Only read when the engine warns; a doctor records, so a warning does not stop the workload.
    overrideReason: 'Discussed with the patient; benefits outweigh the risk',
  };
}

/** What the session workload acknowledged and used. */
export class SessionLedger {
  readonly acknowledged = new Set<string>();
  readonly used: ReadyCourse[] = [];
  duplicateAnswers = 0;
  /** Requests sent when no ready course was left (each fails; a sign to provision more). */
  starved = 0;
}

/** The HTTP load: each request records the first session of the next ready course. */
export function sessionLoad(url: string, supply: CourseSupply, ledger: SessionLedger): HttpLoad {
  return {
    url,
    connections: 0,
    next: (): { method: string; path: string; headers: Record<string, string>; body: string } => {
      if (supply.left === 0) {
        ledger.starved++;
        return { method: 'POST', path: '/api/v1/sessions', headers: { 'content-type': 'application/json' }, body: '{}' };
      }
      const c = supply.take();
      ledger.used.push(c);
      return {
        method: 'POST',
        path: '/api/v1/sessions',
        headers: { authorization: `Bearer ${c.clinic.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(sessionBody(c)),
      };
    },
    onAnswer: (status, body) => {
      if (status !== 201) return;
      const id = (JSON.parse(body) as { id: string }).id;
      if (ledger.acknowledged.has(id)) ledger.duplicateAnswers++;
      ledger.acknowledged.add(id);
    },
  };
}

/** One session recorded per clinic through the app's service, its transaction recorded for replay. */
export async function sessionTraces(db: RecordingDatabase, config: Config, clinics: BenchClinic[], supply: CourseSupply): Promise<Map<string, { trace: Trace; course: ReadyCourse }>> {
  const out = new Map<string, { trace: Trace; course: ReadyCourse }>();
  for (const clinic of clinics) {
    const course = supply.take();
    if (course.clinic.id !== clinic.id) throw new Error('capture courses must come one per clinic, in order');
    const trace = await db.record(() => recordSession({ db, config, actor: clinic.actor }, sessionBody(course)));
    out.set(clinic.id, { trace, course });
  }
  return out;
}

/** The verdict on the writes of a session workload. */
export interface WriteCheck {
  requested: number;
  acknowledged: number;
  committed: number;
  lost: number;
  duplicated: number;
  incomplete: number;
  unacknowledgedCommitted: number;
}

/**
 * Counts what the courses used got: every acknowledged session present once, no course with two
 * sessions, every session with both lots, both stock movements, its follow-ups and its audit event.
 */
export async function checkWrites(db: Database, used: ReadyCourse[], acknowledged: Set<string> | null, followUpsPerSession: number): Promise<WriteCheck> {
  const courseIds = used.map((c) => c.courseId);
  const r = await db.tx({ system: true }, (q) =>
    q.query<{ committed: number; duplicated: number; incomplete: number; acked: number }>(
      `WITH s AS (SELECT id, clinic_id, course_id FROM sessions WHERE course_id = ANY($1::uuid[])),
            l AS (SELECT session_id, count(*) AS n FROM session_lots WHERE session_id IN (SELECT id FROM s) GROUP BY 1),
            m AS (SELECT session_id, count(*) AS n FROM stock_movements WHERE session_id IN (SELECT id FROM s) GROUP BY 1),
            f AS (SELECT session_id, count(*) AS n FROM follow_ups WHERE session_id IN (SELECT id FROM s) GROUP BY 1),
            a AS (SELECT record_id, count(*) AS n FROM audit_events
                  WHERE action = 'session.create' AND record_type = 'session' AND (clinic_id, record_id) IN (SELECT clinic_id, id::text FROM s) GROUP BY 1)
       SELECT (SELECT count(*) FROM s)::int AS committed,
              (SELECT count(*) FROM (SELECT course_id FROM s GROUP BY course_id HAVING count(*) > 1) d)::int AS duplicated,
              (SELECT count(*) FROM s LEFT JOIN l ON l.session_id = s.id LEFT JOIN m ON m.session_id = s.id LEFT JOIN f ON f.session_id = s.id LEFT JOIN a ON a.record_id = s.id::text
               WHERE coalesce(l.n, 0) <> 2 OR coalesce(m.n, 0) <> 2 OR coalesce(f.n, 0) <> $3 OR coalesce(a.n, 0) <> 1)::int AS incomplete,
              (SELECT count(*) FROM s WHERE s.id = ANY($2::uuid[]))::int AS acked`,
      [courseIds, [...(acknowledged ?? [])], followUpsPerSession],
    ),
  );
  const row = r.rows[0] as { committed: number; duplicated: number; incomplete: number; acked: number };
  const acked = acknowledged?.size ?? row.committed;
  return {
    requested: used.length,
    acknowledged: acked,
    committed: row.committed,
    lost: acknowledged ? acked - row.acked : 0,
    duplicated: row.duplicated,
    incomplete: row.incomplete,
    unacknowledgedCommitted: acknowledged ? row.committed - row.acked : 0,
  };
}
