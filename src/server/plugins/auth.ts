import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can, type Role } from '../../domain/permissions.ts';
import { appendAudit, systemClinicId } from '../audit/audit.ts';
import { ActorCache, type CachedActor } from '../auth/actor-cache.ts';
import { secretHash } from '../auth/secrets.ts';
import type { Actor } from '../context.ts';
import { Problem } from '../errors.ts';

export const sessionCookie = 'mesochart_session';

const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

interface CredentialRow {
  kind: 'session' | 'token';
  id: string;
  clinic_id: string;
  user_id: string;
  role: Role;
  email: string;
  language: 'en' | 'ru';
  csrf_token: string | null;
  stale: boolean;
  /** When a session ends however active it is; null for a token. */
  expires_at: Date | null;
}

async function resolveActor(app: FastifyInstance, cache: ActorCache, request: FastifyRequest): Promise<Actor | null> {
  const header = request.headers.authorization;
  const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
  const cookie = request.cookies[sessionCookie];
  if (!bearer && !cookie) return null;
  // The kind is part of the key: a token and a cookie never stand for one another.
  const key = bearer ? `t:${secretHash(bearer).toString('base64')}` : `s:${secretHash(cookie ?? '').toString('base64')}`;
  const known = cache.get(key);
  if (known) return { ...known, ip: request.ip };
  const { sessionIdleMinutes } = app.config;
  const mark = cache.mark();
  const row = await app.db.tx({ system: true }, async (q) => {
    let found: CredentialRow | undefined;
    if (bearer) {
      found = (
        await q.query<CredentialRow>(
          `SELECT 'token' AS kind, t.id, t.clinic_id, t.user_id, u.role, u.email, u.language, NULL AS csrf_token,
                  (t.last_used_at IS NULL OR t.last_used_at < now() - interval '1 minute') AS stale, NULL::timestamptz AS expires_at
           FROM api_tokens t JOIN users u ON u.id = t.user_id
           WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND u.active`,
          [secretHash(bearer)],
        )
      ).rows[0];
      if (found?.stale) await q.query('UPDATE api_tokens SET last_used_at = now() WHERE id = $1', [found.id]);
    } else if (cookie) {
      found = (
        await q.query<CredentialRow>(
          `SELECT 'session' AS kind, s.id, s.clinic_id, s.user_id, u.role, u.email, u.language, s.csrf_token,
                  s.last_seen_at < now() - interval '30 seconds' AS stale, s.expires_at
           FROM auth_sessions s JOIN users u ON u.id = s.user_id
           WHERE s.token_hash = $1 AND s.ended_at IS NULL AND s.expires_at > now()
             AND s.last_seen_at > now() - make_interval(mins => $2) AND u.active`,
          [secretHash(cookie), sessionIdleMinutes],
        )
      ).rows[0];
      // Touch at most every 30 s: the idle clock needs no write per request.
      if (found?.stale) await q.query('UPDATE auth_sessions SET last_seen_at = now() WHERE id = $1', [found.id]);
    }
    return found;
  });
  if (!row) return null;
  const actor: CachedActor = {
    userId: row.user_id,
    clinicId: row.clinic_id,
    role: row.role,
    email: row.email,
    language: row.language,
    via: row.kind,
    ...(row.kind === 'session' ? { sessionId: row.id, csrfToken: row.csrf_token ?? '' } : {}),
  };
  // A session seen now was active within the last 30 s, so it stays within its idle timeout for
  // longer than the cache keeps it; its absolute end bounds the entry.
  cache.set(key, actor, mark, row.expires_at?.getTime());
  return { ...actor, ip: request.ip };
}

// Routes whose writes change who a credential belongs to, or whether it is good: users, their
// roles and languages, sessions (login, logout) and API tokens.
const credentialRoutes = /^\/api\/v1\/(auth|users|api-tokens)(\/|$)/;

/**
 * Authenticates every request and enforces the route's declared capability (deny by default).
 * Cookie-authenticated writes must echo the session's CSRF token in `x-csrf-token`. Every
 * refusal is audited.
 */
export function registerAuth(app: FastifyInstance): void {
  app.decorateRequest('actor', null);
  const cache = new ActorCache(app.config.authCacheSeconds * 1000);

  // Such a write, done or refused, may have changed what the cache holds: it starts afresh before
  // the answer leaves, so the client's next request already meets the change.
  app.addHook('onSend', async (request) => {
    if (unsafe.has(request.method) && credentialRoutes.test(request.routeOptions.url ?? '')) cache.clear();
  });

  app.addHook('onRequest', async (request) => {
    const config = request.routeOptions.config;
    const url = request.routeOptions.url ?? '';
    if (!url.startsWith('/api/v1/')) return;
    request.actor = await resolveActor(app, cache, request);
    if (config.public) return;
    const actor = request.actor;
    const deny = async (outcome: 'denied', reason: string, clinicId: string) => {
      await app.db.tx({ system: true }, (q) =>
        appendAudit(q, {
          clinicId,
          actorUserId: actor?.userId,
          actorRole: actor?.role,
          action: `${request.method} ${url}`,
          ip: request.ip,
          outcome,
          details: { reason },
        }),
      );
    };
    if (!actor) {
      await deny('denied', 'unauthenticated', systemClinicId);
      throw Problem.unauthorized();
    }
    if (!config.capability || !can(actor.role, config.capability)) {
      await deny('denied', `role ${actor.role} lacks ${config.capability ?? 'an undeclared capability'}`, actor.clinicId);
      throw Problem.forbidden();
    }
    if (actor.via === 'session' && unsafe.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || sent !== actor.csrfToken) {
        await deny('denied', 'missing or wrong CSRF token', actor.clinicId);
        throw new Problem(403, 'csrf', 'Forbidden', 'Missing or wrong x-csrf-token header');
      }
    }
  });
}
