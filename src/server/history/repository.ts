// The medical history in the database: entries (identity) and their versions (content). Versions
// are never changed; a change appends a version and closes the validity of the one it replaces.
import type { AllergyEntry, Condition, HistoryVersion } from '../../domain/api/history.ts';
import type { AreaCode, ConditionCode, SubstanceClass } from '../../domain/vocabulary/index.ts';
import type { Queryable } from '../db/database.ts';

export type EntryKind = 'condition' | 'allergy';
export type Change = HistoryVersion['change'];

/** What a version says: every field of either kind, null where it does not apply. */
export interface VersionFields {
  code: ConditionCode | null;
  onset: string | null;
  endDate: string | null;
  area: AreaCode | null;
  substance: string | null;
  substanceClass: SubstanceClass | null;
  reaction: string | null;
  note: string | null;
  source: 'clinician' | 'questionnaire';
}

export interface VersionRow {
  id: string;
  entry_id: string;
  patient_id: string;
  kind: EntryKind;
  version: number;
  change: Change;
  code: ConditionCode | null;
  onset: string | null;
  end_date: string | null;
  area: AreaCode | null;
  substance: string | null;
  substance_class: SubstanceClass | null;
  reaction: string | null;
  note: string | null;
  source: 'clinician' | 'questionnaire';
  entered_in_error: boolean;
  reason: string | null;
  recorded_by: string | null;
  recorded_at: Date;
  valid_to: Date | null;
}

const versionColumns = `v.id, v.entry_id, v.patient_id, e.kind, v.version, v.change, v.code, v.onset, v.end_date, v.area, v.substance, v.substance_class,
  v.reaction, v.note, v.source, v.entered_in_error, v.reason, v.recorded_by, v.recorded_at, v.valid_to`;

/** In effect on `day`: begun (or undated) and not yet ended. */
export function activeOn(row: Pick<VersionRow, 'onset' | 'end_date'>, day: string): boolean {
  return (row.onset === null || row.onset <= day) && (row.end_date === null || row.end_date > day);
}

/** The fields a version row holds, for building the next version. */
export function fieldsOf(row: VersionRow): VersionFields {
  return {
    code: row.code,
    onset: row.onset,
    endDate: row.end_date,
    area: row.area,
    substance: row.substance,
    substanceClass: row.substance_class,
    reaction: row.reaction,
    note: row.note,
    source: row.source,
  };
}

/** A condition version as the API shows it. */
export function toCondition(r: VersionRow, day: string): Condition {
  return {
    id: r.entry_id,
    version: r.version,
    code: r.code as ConditionCode,
    onset: r.onset,
    endDate: r.end_date,
    area: r.area,
    note: r.note,
    source: r.source,
    active: activeOn(r, day),
    recordedAt: r.recorded_at,
    recordedBy: r.recorded_by,
  };
}

/** An allergy version as the API shows it. */
export function toAllergy(r: VersionRow, day: string): AllergyEntry {
  return {
    id: r.entry_id,
    version: r.version,
    substance: r.substance,
    class: r.substance_class,
    reaction: r.reaction,
    note: r.note,
    endDate: r.end_date,
    source: r.source,
    active: activeOn({ onset: null, end_date: r.end_date }, day),
    recordedAt: r.recorded_at,
    recordedBy: r.recorded_by,
  };
}

/** A version as the versions list shows it. */
export function toVersion(r: VersionRow): HistoryVersion {
  return {
    id: r.id,
    entryId: r.entry_id,
    kind: r.kind,
    version: r.version,
    change: r.change,
    code: r.code,
    onset: r.onset,
    endDate: r.end_date,
    area: r.area,
    substance: r.substance,
    class: r.substance_class,
    reaction: r.reaction,
    note: r.note,
    source: r.source,
    enteredInError: r.entered_in_error,
    reason: r.reason,
    recordedAt: r.recorded_at,
    recordedBy: r.recorded_by,
    validTo: r.valid_to,
  };
}

export const historyRepository = {
  /**
   * The instant a change is recorded at: read after the entry is locked, so versions of one entry
   * follow each other in time; in milliseconds, so an instant read back from the API (JSON keeps
   * milliseconds) and sent as `asOf` finds the version recorded at that instant.
   */
  async changeInstant(q: Queryable): Promise<Date> {
    const r = await q.query<{ at: Date }>("SELECT date_trunc('milliseconds', clock_timestamp()) AS at");
    return (r.rows[0] as { at: Date }).at;
  },

  async insertEntry(q: Queryable, e: { id: string; clinicId: string; patientId: string; kind: EntryKind; createdBy: string }): Promise<void> {
    await q.query('INSERT INTO history_entries (id, clinic_id, patient_id, kind, created_by) VALUES ($1, $2, $3, $4, $5)', [e.id, e.clinicId, e.patientId, e.kind, e.createdBy]);
  },

  /** Appends a version (the caller has closed the previous one); returns it as stored. */
  async insertVersion(
    q: Queryable,
    v: { id: string; clinicId: string; entryId: string; patientId: string; version: number; change: Change; enteredInError: boolean; reason: string | null; recordedBy: string; at: Date } & VersionFields,
  ): Promise<VersionRow> {
    const r = await q.query<VersionRow>(
      `WITH v AS (
         INSERT INTO history_versions (id, clinic_id, entry_id, patient_id, version, change, code, onset, end_date, area, substance, substance_class,
                                       reaction, note, source, entered_in_error, reason, recorded_by, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19) RETURNING *)
       SELECT ${versionColumns} FROM v JOIN history_entries e ON e.clinic_id = v.clinic_id AND e.id = v.entry_id`,
      [
        v.id,
        v.clinicId,
        v.entryId,
        v.patientId,
        v.version,
        v.change,
        v.code,
        v.onset,
        v.endDate,
        v.area,
        v.substance,
        v.substanceClass,
        v.reaction,
        v.note,
        v.source,
        v.enteredInError,
        v.reason,
        v.recordedBy,
        v.at,
      ],
    );
    return r.rows[0] as VersionRow;
  },

  /** The current version of an entry of the patient, locking the entry against a concurrent change. */
  async currentForUpdate(q: Queryable, clinicId: string, patientId: string, entryId: string, kind: EntryKind): Promise<VersionRow | undefined> {
    const r = await q.query<VersionRow>(
      `SELECT ${versionColumns} FROM history_entries e JOIN history_versions v ON v.clinic_id = e.clinic_id AND v.entry_id = e.id AND v.valid_to IS NULL
       WHERE e.clinic_id = $1 AND e.patient_id = $2 AND e.id = $3 AND e.kind = $4 FOR UPDATE OF e`,
      [clinicId, patientId, entryId, kind],
    );
    return r.rows[0];
  },

  async closeVersion(q: Queryable, clinicId: string, versionId: string, at: Date): Promise<void> {
    await q.query('UPDATE history_versions SET valid_to = $3 WHERE clinic_id = $1 AND id = $2 AND valid_to IS NULL', [clinicId, versionId, at]);
  },

  /**
   * The history of a patient as it stood at an instant (now when omitted): each entry's version
   * valid then, leaving out entries entered in error. Ordered by kind, then as recorded.
   */
  async asOf(q: Queryable, clinicId: string, patientId: string, at?: Date): Promise<VersionRow[]> {
    const r = at
      ? await q.query<VersionRow>(
          `SELECT ${versionColumns} FROM history_versions v JOIN history_entries e ON e.clinic_id = v.clinic_id AND e.id = v.entry_id
           WHERE v.clinic_id = $1 AND v.patient_id = $2 AND v.recorded_at <= $3 AND (v.valid_to IS NULL OR v.valid_to > $3) AND NOT v.entered_in_error
           ORDER BY e.kind, e.id`,
          [clinicId, patientId, at],
        )
      : await q.query<VersionRow>(
          `SELECT ${versionColumns} FROM history_versions v JOIN history_entries e ON e.clinic_id = v.clinic_id AND e.id = v.entry_id
           WHERE v.clinic_id = $1 AND v.patient_id = $2 AND v.valid_to IS NULL AND NOT v.entered_in_error
           ORDER BY e.kind, e.id`,
          [clinicId, patientId],
        );
    return r.rows;
  },

  /** Every version of a patient's history (or of one entry), oldest first. */
  async versions(q: Queryable, clinicId: string, patientId: string, options: { entryId?: string | undefined; limit: number; offset: number }): Promise<VersionRow[]> {
    const r = await q.query<VersionRow>(
      `SELECT ${versionColumns} FROM history_versions v JOIN history_entries e ON e.clinic_id = v.clinic_id AND e.id = v.entry_id
       WHERE v.clinic_id = $1 AND v.patient_id = $2 AND ($3::uuid IS NULL OR v.entry_id = $3)
       ORDER BY v.recorded_at, v.entry_id, v.version LIMIT $4 OFFSET $5`,
      [clinicId, patientId, options.entryId ?? null, options.limit, options.offset],
    );
    return r.rows;
  },

  /** The instant that ends a calendar day in the clinic's time zone (the last microsecond of it). */
  async endOfDay(q: Queryable, clinicId: string, day: string): Promise<Date> {
    const r = await q.query<{ at: Date }>(
      `SELECT ((($2::date + 1)::timestamp AT TIME ZONE c.time_zone) - interval '1 microsecond') AS at FROM clinics c WHERE c.id = $1`,
      [clinicId, day],
    );
    return (r.rows[0] as { at: Date }).at;
  },

  async insertWeight(q: Queryable, w: { id: string; clinicId: string; patientId: string; weightKg: number; measuredOn: string; recordedBy: string }): Promise<void> {
    await q.query('INSERT INTO patient_weights (id, clinic_id, patient_id, weight_kg, measured_on, recorded_by) VALUES ($1, $2, $3, $4, $5, $6)', [
      w.id,
      w.clinicId,
      w.patientId,
      w.weightKg,
      w.measuredOn,
      w.recordedBy,
    ]);
  },

  /** The latest weight measured on or before `day`, as recorded by `at` (now when omitted). */
  async weightOn(q: Queryable, clinicId: string, patientId: string, day: string, at?: Date): Promise<{ weightKg: number; measuredOn: string } | null> {
    const r = await q.query<{ weight_kg: number; measured_on: string }>(
      `SELECT weight_kg, measured_on FROM patient_weights
       WHERE clinic_id = $1 AND patient_id = $2 AND measured_on <= $3 AND ($4::timestamptz IS NULL OR recorded_at <= $4)
       ORDER BY measured_on DESC, recorded_at DESC LIMIT 1`,
      [clinicId, patientId, day, at ?? null],
    );
    const row = r.rows[0];
    return row ? { weightKg: Number(row.weight_kg), measuredOn: row.measured_on } : null;
  },

  /**
   * When the history was last recorded — an entry's version or a health questionnaire, whatever
   * it said — or null when it never was: "nothing recorded" then means "never asked".
   */
  async lastRecordedAt(q: Queryable, clinicId: string, patientId: string): Promise<Date | null> {
    const r = await q.query<{ at: Date | null }>(
      `SELECT greatest((SELECT max(recorded_at) FROM history_versions WHERE clinic_id = $1 AND patient_id = $2),
                       (SELECT max(recorded_at) FROM questionnaire_responses WHERE clinic_id = $1 AND patient_id = $2)) AS at`,
      [clinicId, patientId],
    );
    return r.rows[0]?.at ?? null;
  },

  async insertQuestionnaire(q: Queryable, r: { id: string; clinicId: string; patientId: string; version: number; answers: unknown; recordedBy: string }): Promise<void> {
    await q.query('INSERT INTO questionnaire_responses (id, clinic_id, patient_id, questionnaire_version, answers, recorded_by) VALUES ($1, $2, $3, $4, $5, $6)', [
      r.id,
      r.clinicId,
      r.patientId,
      r.version,
      JSON.stringify(r.answers),
      r.recordedBy,
    ]);
  },
};
