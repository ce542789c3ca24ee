import { uuidv7 } from 'uuidv7';
import type { User } from '../../domain/api/auth.ts';
import { appendAudit, systemClinicId } from '../audit/audit.ts';
import type { Config } from '../config.ts';
import type { ServiceContext } from '../context.ts';
import type { Database } from '../db/database.ts';
import { Problem } from '../errors.ts';
import { publicUser, usersRepository } from '../users/repository.ts';
import { dummyHash, newSecret, secretHash, verifyPassword } from './secrets.ts';
import { checkTotp, newTotp } from './totp.ts';

/** A new login: the cookie secret (shown once), its CSRF token, and the user. */
export interface LoginResult {
  user: User;
  sessionSecret: string;
  csrfToken: string;
  expiresAt: Date;
}

/**
 * Checks email, password and (when enabled) the TOTP code, and opens a session. Unknown email and
 * wrong password get the same answer; repeated failures lock the account for a while. Every
 * attempt is audited, in the transaction that counts it.
 */
export async function login(
  db: Database,
  config: Config,
  input: { email: string; password: string; totp?: string | undefined },
  client: { ip: string; userAgent?: string | undefined },
): Promise<LoginResult> {
  const outcome = await db.tx({ system: true }, async (q) => {
    const user = await usersRepository.byEmail(q, input.email);
    const audit = (clinicId: string, outcome: 'success' | 'failure' | 'denied', reason?: string) =>
      appendAudit(q, {
        clinicId,
        actorUserId: user?.id,
        actorRole: user?.role,
        action: 'login',
        recordType: 'user',
        recordId: user?.id ?? null,
        ip: client.ip,
        outcome,
        details: { email: input.email, ...(reason ? { reason } : {}) },
      });
    if (!user || !user.active) {
      await verifyPassword(await dummyHash(), input.password);
      await audit(user?.clinicId ?? systemClinicId, 'failure', user ? 'inactive user' : 'unknown email');
      return { kind: 'bad' as const };
    }
    if (user.lockedUntil && user.lockedUntil > new Date()) {
      await audit(user.clinicId, 'denied', 'account locked');
      return { kind: 'locked' as const, until: user.lockedUntil };
    }
    const passwordOk = await verifyPassword(user.passwordHash, input.password);
    if (passwordOk && user.totpEnabled && input.totp === undefined) {
      await audit(user.clinicId, 'failure', 'second factor required');
      return { kind: 'totp-required' as const };
    }
    const totpOk = !user.totpEnabled || (user.totpSecret !== null && input.totp !== undefined && (await checkTotp(user.totpSecret, input.totp)));
    if (!passwordOk || !totpOk) {
      const failures = user.failedLogins + 1;
      const lock = failures >= config.loginMaxFailures;
      await usersRepository.update(q, user.id, {
        failed_logins: lock ? 0 : failures,
        locked_until: lock ? new Date(Date.now() + config.loginLockMinutes * 60_000) : null,
      });
      await audit(user.clinicId, 'failure', passwordOk ? 'wrong second factor' : lock ? 'wrong password; account locked' : 'wrong password');
      return { kind: 'bad' as const };
    }
    await usersRepository.update(q, user.id, { failed_logins: 0, locked_until: null });
    const sessionSecret = newSecret();
    const csrfToken = newSecret();
    const expiresAt = new Date(Date.now() + config.sessionAbsoluteHours * 3_600_000);
    await q.query(
      `INSERT INTO auth_sessions (id, clinic_id, user_id, token_hash, csrf_token, expires_at, ip, user_agent)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [uuidv7(), user.clinicId, user.id, secretHash(sessionSecret), csrfToken, expiresAt, client.ip, client.userAgent?.slice(0, 300) ?? null],
    );
    await audit(user.clinicId, 'success');
    return { kind: 'ok' as const, result: { user: publicUser(user), sessionSecret, csrfToken, expiresAt } };
  });
  switch (outcome.kind) {
    case 'ok':
      return outcome.result;
    case 'bad':
      throw new Problem(401, 'invalid-credentials', 'Unauthorized', 'Wrong email or password');
    case 'totp-required':
      throw new Problem(401, 'totp-required', 'Unauthorized', 'Enter the 6-digit code from your authenticator app');
    case 'locked': {
      const minutes = Math.max(1, Math.ceil((outcome.until.getTime() - Date.now()) / 60_000));
      throw new Problem(423, 'account-locked', 'Locked', `Too many failed attempts: the account is locked for ${minutes} more minute(s)`, undefined, {
        retryAfterSeconds: minutes * 60,
      });
    }
  }
}

/** Ends the caller's session. */
export async function logout(ctx: ServiceContext): Promise<void> {
  await ctx.db.tx({ clinicId: ctx.actor.clinicId }, async (q) => {
    if (ctx.actor.sessionId) await q.query('UPDATE auth_sessions SET ended_at = now() WHERE id = $1', [ctx.actor.sessionId]);
    await appendAudit(q, {
      clinicId: ctx.actor.clinicId,
      actorUserId: ctx.actor.userId,
      actorRole: ctx.actor.role,
      action: 'logout',
      recordType: 'user',
      recordId: ctx.actor.userId,
      ip: ctx.actor.ip,
      outcome: 'success',
    });
  });
}

/** Starts TOTP enrolment: stores a new secret (not yet enabled) and returns it with its URI. */
export async function startTotp(ctx: ServiceContext): Promise<{ secret: string; uri: string }> {
  const t = newTotp(ctx.actor.email);
  await ctx.db.tx({ clinicId: ctx.actor.clinicId }, async (q) => {
    const u = await usersRepository.byId(q, ctx.actor.userId);
    if (u?.totpEnabled) throw Problem.conflict('The second factor is already enabled');
    await usersRepository.update(q, ctx.actor.userId, { totp_secret: t.secret, totp_enabled: false });
  });
  return t;
}

/** Turns TOTP on once the user proves the authenticator works with a current code. */
export async function enableTotp(ctx: ServiceContext, code: string): Promise<void> {
  await ctx.db.tx({ clinicId: ctx.actor.clinicId }, async (q) => {
    const u = await usersRepository.byId(q, ctx.actor.userId);
    if (!u?.totpSecret) throw Problem.conflict('Start the set-up first (POST /api/v1/auth/totp/setup)');
    if (!(await checkTotp(u.totpSecret, code))) throw Problem.unprocessable('totp-invalid', 'The code does not match', [{ path: 'body.code', message: 'does not match' }]);
    await usersRepository.update(q, u.id, { totp_enabled: true });
    await appendAudit(q, {
      clinicId: u.clinicId,
      actorUserId: u.id,
      actorRole: u.role,
      action: 'totp.enable',
      recordType: 'user',
      recordId: u.id,
      ip: ctx.actor.ip,
      outcome: 'success',
    });
  });
}
