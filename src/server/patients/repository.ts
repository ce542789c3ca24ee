import type { NewPatient, Patient } from '../../domain/api/patients.ts';
import { searchKey } from '../../domain/transliterate.ts';
import type { Queryable } from '../db/database.ts';

interface Row {
  id: string;
  given_name: string;
  family_name: string;
  patronymic: string | null;
  birth_date: string;
  sex: Patient['sex'];
  phone: string | null;
  email: string | null;
  preferred_language: 'en' | 'ru';
  archived_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export const patientColumns =
  'p.id, p.given_name, p.family_name, p.patronymic, p.birth_date, p.sex, p.phone, p.email, p.preferred_language, p.archived_at, p.created_at, p.updated_at';

/** Maps a patients row to the API shape. */
export function toPatient(r: Row): Patient {
  return {
    id: r.id,
    givenName: r.given_name,
    familyName: r.family_name,
    patronymic: r.patronymic,
    birthDate: r.birth_date,
    sex: r.sex,
    phone: r.phone,
    email: r.email,
    preferredLanguage: r.preferred_language,
    archived: r.archived_at !== null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Digits of a phone number, the form phones are matched in. */
export function phoneDigits(phone: string | null | undefined): string | null {
  const d = phone?.replace(/\D/g, '') ?? '';
  return d.length > 0 ? d : null;
}

function keyOf(p: { givenName: string; familyName: string; patronymic?: string | null | undefined }): string {
  return searchKey([p.familyName, p.givenName, p.patronymic ?? ''].join(' '));
}

/** Reads and writes patients; the transaction's clinic scopes every query. */
export const patientsRepository = {
  async insert(q: Queryable, id: string, clinicId: string, p: NewPatient, createdBy: string): Promise<Patient> {
    const r = await q.query<Row>(
      `INSERT INTO patients AS p (id, clinic_id, given_name, family_name, patronymic, birth_date, sex, phone, email, preferred_language, search_key, phone_digits, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING ${patientColumns}`,
      [id, clinicId, p.givenName, p.familyName, p.patronymic ?? null, p.birthDate, p.sex, p.phone ?? null, p.email ?? null, p.preferredLanguage ?? 'ru', keyOf(p), phoneDigits(p.phone), createdBy],
    );
    return toPatient(r.rows[0] as Row);
  },

  async byId(q: Queryable, id: string): Promise<Patient | undefined> {
    const r = await q.query<Row>(`SELECT ${patientColumns} FROM patients p WHERE p.id = $1`, [id]);
    return r.rows[0] && toPatient(r.rows[0]);
  },

  async update(q: Queryable, id: string, next: Omit<Patient, 'id' | 'createdAt' | 'updatedAt' | 'archived'>, archived: boolean | undefined): Promise<Patient | undefined> {
    const r = await q.query<Row>(
      `UPDATE patients p SET given_name = $2, family_name = $3, patronymic = $4, birth_date = $5, sex = $6, phone = $7, email = $8,
         preferred_language = $9, search_key = $10, phone_digits = $11, updated_at = now(),
         archived_at = CASE WHEN $12::boolean IS NULL THEN archived_at WHEN $12 THEN coalesce(archived_at, now()) ELSE NULL END
       WHERE p.id = $1 RETURNING ${patientColumns}`,
      [id, next.givenName, next.familyName, next.patronymic, next.birthDate, next.sex, next.phone, next.email, next.preferredLanguage, keyOf(next), phoneDigits(next.phone), archived ?? null],
    );
    return r.rows[0] && toPatient(r.rows[0]);
  },

  /**
   * Patients sharing the name and birth date, or the phone: likely the same person registered twice.
   * A patronymic typed on one record and left out on the other still counts as the same name (the
   * receptionist often does not ask for it); two different patronymics do not.
   */
  async duplicates(q: Queryable, p: NewPatient, exceptId: string): Promise<{ row: Patient; reason: 'name-and-birth-date' | 'phone' }[]> {
    const sameName = `(p.search_key = $2 OR ($5 AND starts_with(p.search_key, $6 || ' ')) OR (NOT $5 AND p.patronymic IS NULL AND p.search_key = $6))`;
    const r = await q.query<Row & { reason: 'name-and-birth-date' | 'phone' }>(
      `SELECT ${patientColumns}, CASE WHEN ${sameName} AND p.birth_date = $3 THEN 'name-and-birth-date' ELSE 'phone' END AS reason
       FROM patients p
       WHERE p.id <> $1 AND p.archived_at IS NULL AND ((${sameName} AND p.birth_date = $3) OR ($4::text IS NOT NULL AND p.phone_digits = $4))
       LIMIT 10`,
      [exceptId, keyOf(p), p.birthDate, phoneDigits(p.phone), !p.patronymic?.trim(), keyOf({ ...p, patronymic: null })],
    );
    return r.rows.map((row) => ({ row: toPatient(row), reason: row.reason }));
  },

  /**
   * Ranked search: a date finds by birth date, digits by phone, anything else by name — any part
   * of it, in either script, tolerating a typo (trigram word similarity).
   */
  async search(q: Queryable, clinicId: string, text: string | undefined, options: { includeArchived: boolean; limit: number; offset: number }): Promise<Patient[]> {
    const archived = options.includeArchived ? '' : 'AND p.archived_at IS NULL';
    const t = (text ?? '').trim();
    const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t) ?? /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(t);
    if (date) {
      const iso = t.includes('.') ? `${date[3]}-${date[2]}-${date[1]}` : t;
      const r = await q.query<Row>(`SELECT ${patientColumns} FROM patients p WHERE p.birth_date = $1::date ${archived} ORDER BY p.family_name, p.given_name LIMIT $2 OFFSET $3`, [iso, options.limit, options.offset]);
      return r.rows.map(toPatient);
    }
    const digits = t.replace(/[\s()+-]/g, '');
    if (/^\d{4,}$/.test(digits)) {
      const r = await q.query<Row>(`SELECT ${patientColumns} FROM patients p WHERE p.phone_digits LIKE '%' || $1 || '%' ${archived} ORDER BY p.family_name, p.given_name LIMIT $2 OFFSET $3`, [digits, options.limit, options.offset]);
      return r.rows.map(toPatient);
    }
    const key = searchKey(t);
    if (key === '') {
      const r = await q.query<Row>(`SELECT ${patientColumns} FROM patients p WHERE true ${archived} ORDER BY p.family_name, p.given_name LIMIT $1 OFFSET $2`, [options.limit, options.offset]);
      return r.rows.map(toPatient);
    }
    const ids = await rankedMatches(q, clinicId, key, options);
    if (ids.length === 0) return [];
    const r = await q.query<Row>(`SELECT ${patientColumns} FROM patients p WHERE p.id = ANY($1::uuid[])`, [ids]);
    // The policy on patients decides what is returned; the ranking decides the order.
    const byId = new Map(r.rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [toPatient(row)] : [];
    });
  },
};

/** Below this many exact matches, a search also offers what a mistyped text probably meant. */
const fewExact = 3;

/**
 * The ids of a name search, best first, for one page: names that start with the text (in name
 * order), then names that contain each of its words; when those are fewer than `fewExact`, the same for the text
 * with its unknown words corrected to the nearest words of the clinic's names (so a typo still
 * finds the patient), and last the names most similar to the whole text. Each phase reads
 * patient_search (no policy: migration 0009) through its own index (0011, 0012) and only as far
 * as the page needs; the clinic is named in every phase.
 */
async function rankedMatches(q: Queryable, clinicId: string, key: string, options: { includeArchived: boolean; limit: number; offset: number }): Promise<string[]> {
  const archived = options.includeArchived ? '' : 'AND NOT s.archived';
  const need = Math.max(options.offset + options.limit, fewExact);
  const found = new Set<string>();
  const phase = async (where: string, order: string, params: string[]): Promise<void> => {
    if (found.size >= need) return;
    const r = await q.query<{ patient_id: string }>(
      `SELECT s.patient_id FROM patient_search s WHERE s.clinic_id = $1 ${archived} AND ${where} ORDER BY ${order}, s.patient_id LIMIT $2`,
      [clinicId, need, ...params],
    );
    for (const row of r.rows) if (found.size < need) found.add(row.patient_id);
  };
  // Starts with: a range of the "C"-collated index, read in order ('~' sorts after every key character).
  const startsWith = `(s.search_key COLLATE "C") >= $3 AND (s.search_key COLLATE "C") < $3 || '~'`;
  // The key holds only [a-z0-9@.+ ] (searchKey), so it needs no escaping inside a LIKE pattern.
  const exact = async (text: string): Promise<void> => {
    await phase(startsWith, '(s.search_key COLLATE "C")', [text]);
    // Contains every word, in any order ("Мария Иванова" finds "Иванова Мария"): one LIKE a word,
    // each answered by the trigram GIN index, then a sort of what they found (by the default
    // collation on purpose: an order the "C" index could supply tempts the planner to walk the
    // whole clinic in it).
    const words = [...new Set(text.split(' ').filter((w) => w !== ''))].slice(0, 8);
    const like = words.map((_, i) => `s.search_key LIKE '%' || $${i + 4} || '%'`).join(' AND ');
    await phase(`${like} AND NOT (${startsWith})`, 's.search_key', [text, ...words]);
  };
  await exact(key);
  if (found.size < fewExact) {
    const corrected = await correctedKey(q, clinicId, key);
    if (corrected !== key) await exact(corrected);
  }
  if (found.size < fewExact) {
    await q.query("SELECT set_config('pg_trgm.word_similarity_threshold', '0.45', true)");
    await phase(`$3 <% s.search_key AND s.search_key NOT LIKE '%' || $3 || '%'`, '$3 <<-> s.search_key', [key]);
  }
  return [...found].slice(options.offset, options.offset + options.limit);
}

/**
 * The search key with each word that begins no word of the clinic's patient names replaced by
 * the most similar such word (trigram similarity, the index of migration 0012); words that do
 * begin one (the last word is usually still being typed), short words and words with nothing
 * similar stay as they are.
 */
async function correctedKey(q: Queryable, clinicId: string, key: string): Promise<string> {
  const words = key.split(' ').filter((w) => w !== '');
  const r = await q.query<{ ord: string; word: string; known: boolean; nearest: string | null }>(
    `SELECT w.ord, w.word,
       EXISTS (SELECT 1 FROM patient_name_words d WHERE d.clinic_id = $1 AND d.word >= w.word AND d.word < w.word || '~') AS known,
       (SELECT d.word FROM patient_name_words d WHERE d.clinic_id = $1 AND d.word % w.word ORDER BY d.word <-> w.word, d.word LIMIT 1) AS nearest
     FROM unnest($2::text[]) WITH ORDINALITY AS w(word, ord)
     WHERE length(w.word) >= 3
     ORDER BY w.ord`,
    [clinicId, words],
  );
  const replace = new Map(r.rows.filter((row) => !row.known && row.nearest !== null).map((row) => [Number(row.ord) - 1, row.nearest as string]));
  return words.map((w, i) => replace.get(i) ?? w).join(' ');
}
