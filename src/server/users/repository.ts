import type { User } from '../../domain/api/auth.ts';
import type { Role } from '../../domain/permissions.ts';
import type { Queryable } from '../db/database.ts';

/** A user row with the secrets the auth service needs; never sent to a client. */
export interface UserRecord extends User {
  passwordHash: string;
  totpSecret: string | null;
  failedLogins: number;
  lockedUntil: Date | null;
}

interface Row {
  id: string;
  clinic_id: string;
  email: string;
  display_name: string;
  role: Role;
  language: 'en' | 'ru';
  totp_enabled: boolean;
  active: boolean;
  password_hash: string;
  totp_secret: string | null;
  failed_logins: number;
  locked_until: Date | null;
}

const columns = 'id, clinic_id, email, display_name, role, language, totp_enabled, active, password_hash, totp_secret, failed_logins, locked_until';

function toRecord(r: Row): UserRecord {
  return {
    id: r.id,
    clinicId: r.clinic_id,
    email: r.email,
    displayName: r.display_name,
    role: r.role,
    language: r.language,
    totpEnabled: r.totp_enabled,
    active: r.active,
    passwordHash: r.password_hash,
    totpSecret: r.totp_secret,
    failedLogins: r.failed_logins,
    lockedUntil: r.locked_until,
  };
}

/** The public view of a user. */
export function publicUser(u: UserRecord): User {
  return {
    id: u.id,
    clinicId: u.clinicId,
    email: u.email,
    displayName: u.displayName,
    role: u.role,
    language: u.language,
    totpEnabled: u.totpEnabled,
    active: u.active,
  };
}

/** Reads and writes users; scoping comes from the transaction's clinic. */
export const usersRepository = {
  async byEmail(q: Queryable, email: string): Promise<UserRecord | undefined> {
    const r = await q.query<Row>(`SELECT ${columns} FROM users WHERE email = $1`, [email.toLowerCase()]);
    return r.rows[0] && toRecord(r.rows[0]);
  },
  async byId(q: Queryable, id: string): Promise<UserRecord | undefined> {
    const r = await q.query<Row>(`SELECT ${columns} FROM users WHERE id = $1`, [id]);
    return r.rows[0] && toRecord(r.rows[0]);
  },
  async list(q: Queryable): Promise<UserRecord[]> {
    const r = await q.query<Row>(`SELECT ${columns} FROM users ORDER BY display_name, email`);
    return r.rows.map(toRecord);
  },
  async insert(
    q: Queryable,
    u: { id: string; clinicId: string; email: string; displayName: string; role: Role; passwordHash: string; language: 'en' | 'ru' },
  ): Promise<UserRecord> {
    const r = await q.query<Row>(
      `INSERT INTO users (id, clinic_id, email, display_name, role, password_hash, language)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${columns}`,
      [u.id, u.clinicId, u.email.toLowerCase(), u.displayName, u.role, u.passwordHash, u.language],
    );
    return toRecord(r.rows[0] as Row);
  },
  async update(
    q: Queryable,
    id: string,
    patch: Partial<{ display_name: string; role: Role; active: boolean; language: string; password_hash: string; totp_secret: string | null; totp_enabled: boolean; failed_logins: number; locked_until: Date | null }>,
  ): Promise<UserRecord | undefined> {
    const keys = Object.keys(patch) as (keyof typeof patch)[];
    if (keys.length === 0) return this.byId(q, id);
    const sets = keys.map((k, i) => `${k} = $${i + 2}`).join(', ');
    const r = await q.query<Row>(`UPDATE users SET ${sets}, updated_at = now() WHERE id = $1 RETURNING ${columns}`, [id, ...keys.map((k) => patch[k])]);
    return r.rows[0] && toRecord(r.rows[0]);
  },
};
