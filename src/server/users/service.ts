import { uuidv7 } from 'uuidv7';
import type { User } from '../../domain/api/auth.ts';
import type { Role } from '../../domain/permissions.ts';
import { appendAudit } from '../audit/audit.ts';
import { hashPassword, newSecret, passwordProblem, secretHash } from '../auth/secrets.ts';
import type { ServiceContext } from '../context.ts';
import type { Database, Queryable } from '../db/database.ts';
import { Problem } from '../errors.ts';
import { publicUser, usersRepository } from './repository.ts';

/** Input of a new user. */
export interface NewUser {
  email: string;
  displayName: string;
  role: Role;
  password: string;
  language?: 'en' | 'ru' | undefined;
}

async function insertUser(q: Queryable, clinicId: string, input: NewUser): Promise<User> {
  const problem = passwordProblem(input.password);
  if (problem) throw Problem.badRequest(`password ${problem}`, [{ path: 'body.password', message: problem }]);
  const taken = await q.query('SELECT 1 FROM users WHERE email = $1', [input.email.toLowerCase()]);
  if (taken.rowCount) throw Problem.conflict(`A user with the email ${input.email} already exists`);
  const user = await usersRepository.insert(q, {
    id: uuidv7(),
    clinicId,
    email: input.email,
    displayName: input.displayName,
    role: input.role,
    passwordHash: await hashPassword(input.password),
    language: input.language ?? 'ru',
  });
  return publicUser(user);
}

/** Creates a clinic if no clinic has that name, and returns its id. */
export async function ensureClinic(q: Queryable, name: string, options: { timeZone?: string; currency?: string; language?: 'en' | 'ru' } = {}): Promise<{ id: string; created: boolean }> {
  const found = await q.query<{ id: string }>('SELECT id FROM clinics WHERE lower(name) = lower($1)', [name]);
  if (found.rows[0]) return { id: found.rows[0].id, created: false };
  const id = uuidv7();
  await q.query('INSERT INTO clinics (id, name, time_zone, currency, default_language) VALUES ($1, $2, $3, $4, $5)', [
    id,
    name,
    options.timeZone ?? 'Europe/Moscow',
    options.currency ?? 'RUB',
    options.language ?? 'ru',
  ]);
  return { id, created: true };
}

/** `mesochart user add`: creates the user, and the clinic when it is new; audited as a system action. */
export async function addUserFromCli(db: Database, clinicName: string, input: NewUser): Promise<{ user: User; clinicCreated: boolean }> {
  return db.tx({ system: true }, async (q) => {
    const clinic = await ensureClinic(q, clinicName);
    const user = await insertUser(q, clinic.id, input);
    await appendAudit(q, { clinicId: clinic.id, action: 'user.create', recordType: 'user', recordId: user.id, outcome: 'success', details: { via: 'cli', role: input.role } });
    return { user, clinicCreated: clinic.created };
  });
}

/** An owner adds a user to their clinic. */
export async function createUser(ctx: ServiceContext, input: NewUser): Promise<User> {
  return ctx.db.tx({ clinicId: ctx.actor.clinicId }, async (q) => {
    const user = await insertUser(q, ctx.actor.clinicId, input);
    await appendAudit(q, auditOf(ctx, 'user.create', user.id, { role: input.role }));
    return user;
  });
}

/** The users of the caller's clinic. */
export async function listUsers(ctx: ServiceContext): Promise<User[]> {
  return ctx.db.tx({ clinicId: ctx.actor.clinicId }, async (q) => (await usersRepository.list(q)).map(publicUser), { readOnly: true });
}

/** An owner changes a user's name, role, language, password or deactivates them. */
export async function updateUser(
  ctx: ServiceContext,
  id: string,
  patch: { displayName?: string | undefined; role?: Role | undefined; active?: boolean | undefined; language?: 'en' | 'ru' | undefined; password?: string | undefined },
): Promise<User> {
  return ctx.db.tx({ clinicId: ctx.actor.clinicId }, async (q) => {
    const existing = await usersRepository.byId(q, id);
    if (!existing) throw Problem.notFound('User');
    if (id === ctx.actor.userId && (patch.active === false || (patch.role && patch.role !== 'owner'))) {
      throw Problem.conflict('Owners cannot deactivate themselves or give up their own owner role');
    }
    if (patch.password) {
      const problem = passwordProblem(patch.password);
      if (problem) throw Problem.badRequest(`password ${problem}`, [{ path: 'body.password', message: problem }]);
    }
    const updated = await usersRepository.update(q, id, {
      ...(patch.displayName !== undefined ? { display_name: patch.displayName } : {}),
      ...(patch.role !== undefined ? { role: patch.role } : {}),
      ...(patch.active !== undefined ? { active: patch.active } : {}),
      ...(patch.language !== undefined ? { language: patch.language } : {}),
      ...(patch.password !== undefined ? { password_hash: await hashPassword(patch.password), failed_logins: 0, locked_until: null } : {}),
    });
    // A deactivated user or a new password ends every open session of that user.
    if (patch.active === false || patch.password !== undefined) {
      await q.query('UPDATE auth_sessions SET ended_at = now() WHERE user_id = $1 AND ended_at IS NULL', [id]);
    }
    const { password: _pw, ...visible } = patch;
    await appendAudit(q, auditOf(ctx, 'user.update', id, { ...visible, passwordChanged: patch.password !== undefined }));
    return publicUser(updated as NonNullable<typeof updated>);
  });
}

/** The caller changes their own interface language. */
export async function setOwnLanguage(ctx: ServiceContext, language: 'en' | 'ru'): Promise<void> {
  await ctx.db.tx({ clinicId: ctx.actor.clinicId }, (q) => usersRepository.update(q, ctx.actor.userId, { language }).then(() => undefined));
}

/** Creates an API token for a user (shown once; stored hashed). */
export async function createApiToken(db: Database, scope: { clinicId: string; userId: string; actorUserId?: string; ip?: string }, name: string): Promise<{ id: string; token: string }> {
  const token = newSecret('mct_');
  const id = uuidv7();
  await db.tx({ clinicId: scope.clinicId }, async (q) => {
    await q.query('INSERT INTO api_tokens (id, clinic_id, user_id, name, token_hash) VALUES ($1, $2, $3, $4, $5)', [id, scope.clinicId, scope.userId, name, secretHash(token)]);
    await appendAudit(q, { clinicId: scope.clinicId, actorUserId: scope.actorUserId ?? null, action: 'api-token.create', recordType: 'api-token', recordId: id, ip: scope.ip ?? null, outcome: 'success', details: { name, forUser: scope.userId } });
  });
  return { id, token };
}

function auditOf(ctx: ServiceContext, action: string, recordId: string, details: Record<string, unknown>) {
  return { clinicId: ctx.actor.clinicId, actorUserId: ctx.actor.userId, actorRole: ctx.actor.role, action, recordType: 'user', recordId, ip: ctx.actor.ip, outcome: 'success' as const, details };
}
