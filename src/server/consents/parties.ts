// The clinic, patient and doctor a consent names, read in the request's transaction.
import type { Lang } from '../../domain/vocabulary/index.ts';
import type { Queryable } from '../db/database.ts';
import { Problem } from '../errors.ts';

export interface ClinicRow {
  name: string;
  currency: string;
  time_zone: string;
}

export interface PatientRow {
  id: string;
  given_name: string;
  family_name: string;
  patronymic: string | null;
  birth_date: string;
  preferred_language: Lang;
}

/** The caller's clinic. */
export async function loadClinic(q: Queryable, clinicId: string): Promise<ClinicRow> {
  const r = await q.query<ClinicRow>('SELECT name, currency, time_zone FROM clinics WHERE id = $1', [clinicId]);
  if (!r.rows[0]) throw Problem.notFound('Clinic');
  return r.rows[0];
}

/** A patient of the transaction's clinic, or undefined. */
export async function loadPatient(q: Queryable, id: string): Promise<PatientRow | undefined> {
  const r = await q.query<PatientRow>('SELECT id, given_name, family_name, patronymic, birth_date, preferred_language FROM patients WHERE id = $1', [id]);
  return r.rows[0];
}

/** A user's display name and role (undefined for an unknown id). */
export async function loadUser(q: Queryable, id: string): Promise<{ display_name: string; role: string } | undefined> {
  const r = await q.query<{ display_name: string; role: string }>('SELECT display_name, role FROM users WHERE id = $1', [id]);
  return r.rows[0];
}
