import crypto from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import { canonicalJson } from '../../domain/canonical-json.ts';
import type { Database, Queryable } from '../db/database.ts';

/** The clinic id of events that belong to no clinic (a failed login for an unknown email). */
export const systemClinicId = '00000000-0000-0000-0000-000000000000';

export type AuditOutcome = 'success' | 'denied' | 'failure' | 'not-found';

/** One audited access: who did what to which record, from where, and how it ended. */
export interface AuditEvent {
  clinicId: string;
  actorUserId?: string | null;
  actorRole?: string | null;
  action: string;
  recordType?: string | null;
  recordId?: string | null;
  ip?: string | null;
  outcome: AuditOutcome;
  details?: Record<string, unknown>;
}

/**
 * Appends audit events in the caller's transaction, so the record of an access commits or rolls
 * back with the access itself. Events carry a millisecond time set here, so that what is hashed
 * is exactly what is stored.
 */
export async function appendAudit(q: Queryable, ...events: AuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  const now = new Date();
  const cols = 11;
  const values: unknown[] = [];
  const rows = events.map((e, i) => {
    values.push(
      uuidv7(),
      e.clinicId,
      now,
      e.actorUserId ?? null,
      e.actorRole ?? null,
      e.action,
      e.recordType ?? null,
      e.recordId ?? null,
      e.ip ?? null,
      e.outcome,
      JSON.stringify(e.details ?? {}),
    );
    return `(${Array.from({ length: cols }, (_, j) => `$${i * cols + j + 1}`).join(',')})`;
  });
  await q.query(
    `INSERT INTO audit_events (id, clinic_id, at, actor_user_id, actor_role, action, record_type, record_id, ip, outcome, details)
     VALUES ${rows.join(',')}`,
    values,
  );
}

interface EventRow {
  id: string;
  clinic_id: string;
  at: Date;
  actor_user_id: string | null;
  actor_role: string | null;
  action: string;
  record_type: string | null;
  record_id: string | null;
  ip: string | null;
  outcome: string;
  details: unknown;
}

const eventColumns = 'e.id, e.clinic_id, e.at, e.actor_user_id, e.actor_role, e.action, e.record_type, e.record_id, e.ip, e.outcome, e.details';

function eventHash(e: EventRow): Buffer {
  const content = canonicalJson([
    e.id,
    e.clinic_id,
    e.at.toISOString(),
    e.actor_user_id,
    e.actor_role,
    e.action,
    e.record_type,
    e.record_id,
    e.ip,
    e.outcome,
    e.details,
  ]);
  return crypto.createHash('sha256').update(content).digest();
}

function chainHash(prev: Buffer, event: Buffer): Buffer {
  return crypto.createHash('sha256').update(prev).update(event).digest();
}

const genesis: Buffer = Buffer.alloc(32);
const sealLock = 7_204_118_002;

/**
 * Chains the events not yet sealed onto each clinic's audit chain, in id (time) order. One sealer
 * at a time across every server (advisory lock); appends never wait for it.
 * Returns the number of events sealed.
 */
export async function sealAudit(db: Database, batch = 5000): Promise<number> {
  let total = 0;
  for (;;) {
    const sealed = await db.tx({ system: true }, async (q) => {
      const got = await q.query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS ok', [sealLock]);
      if (!got.rows[0]?.ok) return 0;
      // The work list (migration 0010) rather than a scan of the whole log; an entry whose event
      // is already sealed (left by a restore) is dropped without sealing it twice.
      const listed = await q.query<EventRow & { already: boolean }>(
        `SELECT ${eventColumns}, EXISTS (SELECT 1 FROM audit_seals s WHERE s.event_id = u.event_id) AS already
         FROM audit_unsealed u JOIN audit_events e ON e.id = u.event_id
         ORDER BY u.event_id LIMIT $1`,
        [batch],
      );
      if (listed.rows.length === 0) return 0;
      const events = listed.rows.filter((e) => !e.already);
      const clinics = [...new Set(events.map((e) => e.clinic_id))];
      // Each clinic's last link, one backward step of the primary key each. (DISTINCT ON over the
      // clinics read every seal they have: at a million events, seconds of a core every second.)
      const heads = await q.query<{ clinic_id: string; seq: number; chain_hash: Buffer }>(
        `SELECT c.id AS clinic_id, h.seq, h.chain_hash FROM unnest($1::uuid[]) AS c(id)
         CROSS JOIN LATERAL (SELECT s.seq, s.chain_hash FROM audit_seals s WHERE s.clinic_id = c.id ORDER BY s.seq DESC LIMIT 1) h`,
        [clinics],
      );
      const head = new Map(heads.rows.map((h) => [h.clinic_id, { seq: h.seq, hash: h.chain_hash }]));
      const cols: { clinic: string[]; seq: number[]; event: string[]; eh: Buffer[]; ch: Buffer[] } = { clinic: [], seq: [], event: [], eh: [], ch: [] };
      for (const e of events) {
        const h = head.get(e.clinic_id) ?? { seq: 0, hash: genesis };
        const eh = eventHash(e);
        const next = { seq: h.seq + 1, hash: chainHash(h.hash, eh) };
        head.set(e.clinic_id, next);
        cols.clinic.push(e.clinic_id);
        cols.seq.push(next.seq);
        cols.event.push(e.id);
        cols.eh.push(eh);
        cols.ch.push(next.hash);
      }
      await q.query(
        `INSERT INTO audit_seals (clinic_id, seq, event_id, event_hash, chain_hash)
         SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::uuid[], $4::bytea[], $5::bytea[])`,
        [cols.clinic, cols.seq, cols.event, cols.eh, cols.ch],
      );
      await q.query('DELETE FROM audit_unsealed WHERE event_id = ANY($1::uuid[])', [listed.rows.map((e) => e.id)]);
      return listed.rows.length;
    });
    total += sealed;
    if (sealed < batch) return total;
  }
}

/** The first broken link of a clinic's audit chain, or nothing when the chain verifies. */
export interface ChainBreak {
  clinicId: string;
  seq: number;
  eventId: string;
  reason: string;
}

/** The result of checking every clinic's chain. */
export interface VerifyResult {
  ok: boolean;
  clinics: number;
  events: number;
  breaks: ChainBreak[];
}

/**
 * Recomputes every clinic's chain from the stored events and names the first broken link of each:
 * an altered event (its hash no longer matches), a removed event, or an altered or missing seal.
 */
export async function verifyAudit(db: Database): Promise<VerifyResult> {
  return db.tx(
    { system: true },
    async (q) => {
      const clinics = (await q.query<{ clinic_id: string }>('SELECT DISTINCT clinic_id FROM audit_seals')).rows.map((r) => r.clinic_id);
      const breaks: ChainBreak[] = [];
      let count = 0;
      for (const clinicId of clinics) {
        let prev: Buffer = genesis;
        let expectedSeq = 1;
        let lastSeq = 0;
        const pageSize = 10_000;
        let broken: ChainBreak | undefined;
        while (!broken) {
          const rows = await q.query<EventRow & { seq: number; event_id: string; event_hash: Buffer; chain_hash: Buffer; missing: boolean }>(
            `SELECT s.seq, s.event_id, s.event_hash, s.chain_hash, e.id IS NULL AS missing, ${eventColumns}
             FROM audit_seals s LEFT JOIN audit_events e ON e.id = s.event_id
             WHERE s.clinic_id = $1 AND s.seq > $2 ORDER BY s.seq LIMIT $3`,
            [clinicId, lastSeq, pageSize],
          );
          for (const r of rows.rows) {
            count++;
            const at = { clinicId, seq: r.seq, eventId: r.event_id };
            if (r.seq !== expectedSeq) broken = { ...at, reason: `seal ${expectedSeq} is missing` };
            else if (r.missing) broken = { ...at, reason: 'the event was removed' };
            else if (!eventHash(r).equals(r.event_hash)) broken = { ...at, reason: 'the event was altered after it was recorded' };
            else if (!chainHash(prev, r.event_hash).equals(r.chain_hash)) broken = { ...at, reason: 'the chain hash does not follow from the previous link' };
            if (broken) break;
            prev = r.chain_hash;
            expectedSeq++;
            lastSeq = r.seq;
          }
          if (rows.rows.length < pageSize) break;
        }
        if (broken) breaks.push(broken);
      }
      return { ok: breaks.length === 0, clinics: clinics.length, events: count, breaks };
    },
    { readOnly: true },
  );
}
