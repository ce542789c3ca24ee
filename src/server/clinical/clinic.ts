// What the clinical record needs to know about the clinic: its time zone (what "today" and a
// session's day mean), its follow-up schedule, and the state of its anti-shock kit.
import { localDate } from '../../domain/clinical/calendar.ts';
import type { Queryable } from '../db/database.ts';
import { Problem } from '../errors.ts';

/** Hours after a session at which follow-ups fall due, unless the clinic sets its own. */
export const DEFAULT_FOLLOW_UP_HOURS: readonly number[] = [72, 168];

/** The kit kinds an anti-shock kit cannot do without (anaphylaxis: adrenaline, antihistamine, steroid). */
export const ESSENTIAL_KIT_KINDS = ['adrenaline', 'antihistamine', 'corticosteroid'] as const;

export interface ClinicFacts {
  id: string;
  timeZone: string;
  currency: string;
  followUpHours: number[];
}

function followUpHoursOf(raw: unknown): number[] {
  if (!Array.isArray(raw)) return [...DEFAULT_FOLLOW_UP_HOURS];
  const hours = raw.filter((h): h is number => typeof h === 'number' && Number.isInteger(h) && h > 0 && h <= 24 * 365);
  return hours.length > 0 ? [...new Set(hours)].sort((a, b) => a - b) : [...DEFAULT_FOLLOW_UP_HOURS];
}

/** The clinic's time zone, currency and follow-up schedule. */
export async function loadClinicFacts(q: Queryable, clinicId: string): Promise<ClinicFacts> {
  const r = await q.query<{ id: string; time_zone: string; currency: string; follow_up_hours: unknown }>(
    "SELECT id, time_zone, currency, settings -> 'followUpHours' AS follow_up_hours FROM clinics WHERE id = $1",
    [clinicId],
  );
  const row = r.rows[0];
  if (!row) throw Problem.notFound('Clinic');
  return { id: row.id, timeZone: row.time_zone, currency: row.currency, followUpHours: followUpHoursOf(row.follow_up_hours) };
}

/** Today in the clinic's time zone. */
export function clinicToday(clinic: ClinicFacts, now: Date = new Date()): string {
  return localDate(now, clinic.timeZone);
}

/**
 * The kit as the emergency-kit rule reads it: complete when every required item is present and
 * each essential kind is there; `expires` is the earliest expiry of those items, which the rule
 * compares with the session day.
 */
export async function emergencyKit(q: Queryable, clinicId: string): Promise<{ complete: boolean; expires?: string }> {
  const r = await q.query<{ missing_required: number; kinds: string[] | null; expires: string | null }>(
    `SELECT count(*) FILTER (WHERE required AND NOT present) AS missing_required,
            array_agg(DISTINCT kind) FILTER (WHERE present) AS kinds,
            min(expires_on) FILTER (WHERE present AND (required OR kind = ANY($2::text[]))) AS expires
     FROM emergency_kit_items WHERE clinic_id = $1`,
    [clinicId, ESSENTIAL_KIT_KINDS],
  );
  const row = r.rows[0];
  const kinds = new Set(row?.kinds ?? []);
  const complete = (row?.missing_required ?? 0) === 0 && ESSENTIAL_KIT_KINDS.every((k) => kinds.has(k));
  return row?.expires ? { complete, expires: row.expires } : { complete };
}
