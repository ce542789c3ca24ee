// What every generator step shares: the clinic being filled, its random stream, the clock of the
// generated world, the buffered tables, and audit events written as the app writes them.
import type { ClinicWorld } from './clinics.ts';
import type { Rng } from '../lib/rng.ts';
import type { Features, Tables } from './tables.ts';

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const MINUTE = 60_000;

/** The generation of one clinic's records. */
export interface Gen {
  rng: Rng;
  clinic: ClinicWorld;
  t: Tables;
  /** The generated world's "now": nothing happens after it. */
  nowMs: number;
  /** The earliest record of the chain. */
  startMs: number;
  /** Patients only, with a lighter history (the search data set). */
  light: boolean;
  features: Features;
}

/** An instant as the text PostgreSQL reads for timestamptz. */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** The calendar day (UTC) of an instant. */
export function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Midnight UTC of a calendar day. */
export function msOf(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

/** An audit event of the generated history, shaped as the app's clinical audit events. */
export function audit(
  g: Gen,
  atMs: number,
  actor: { id: string; role: string },
  action: string,
  recordType: string | null,
  recordId: string | null,
  details: Record<string, unknown> = {},
): void {
  const ip = `10.${(g.clinic.index % 250) + 1}.0.${(actor.id.charCodeAt(35) % 200) + 10}`;
  g.t.audit.add([g.rng.uuid7(atMs), g.clinic.id, iso(atMs), actor.id, actor.role, action, recordType, recordId, ip, 'success', JSON.stringify(details)]);
}

/** A staff member of the clinic as an audit actor. */
export function staff(g: Gen, role: 'doctor' | 'nurse' | 'reception' | 'owner', id?: string): { id: string; role: string } {
  const c = g.clinic;
  const pool = role === 'doctor' ? c.doctors : role === 'nurse' ? c.nurses : role === 'reception' ? c.reception : [c.owner];
  return { id: id ?? g.rng.pick(pool), role };
}
