import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can, type Role } from '../../domain/permissions.ts';
import { appendAudit, systemClinicId } from '../audit/audit.ts';
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
}

async function resolveActor(app: FastifyInstance, request: FastifyRequest): Promise<Actor | null> {
  const header = request.headers.authorization;
  const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
  const cookie = request.cookies[sessionCookie];
  if (!bearer && !cookie) return null;
  const { sessionIdleMinutes } = app.config;
  return app.db.tx({ system: true }, async (q) => {
    let row: CredentialRow | undefined;
    if (bearer) {
      row = (
        await q.query<CredentialRow>(
          `SELECT 'token' AS kind, t.id, t.clinic_id, t.user_id, u.role, u.email, u.language, NULL AS csrf_token,
                  (t.last_used_at IS NULL OR t.last_used_at < now() - interval '1 minute') AS stale
           FROM api_tokens t JOIN users u ON u.id = t.user_id
           WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND u.active`,
          [secretHash(bearer)],
        )
      ).rows[0];
      if (row?.stale) await q.query('UPDATE api_tokens SET last_used_at = now() WHERE id = $1', [row.id]);
    } else if (cookie) {
      row = (
        await q.query<CredentialRow>(
          `SELECT 'session' AS kind, s.id, s.clinic_id, s.user_id, u.role, u.email, u.language, s.csrf_token,
                  s.last_seen_at < now() - interval '30 seconds' AS stale
           FROM auth_sessions s JOIN users u ON u.id = s.user_id
           WHERE s.token_hash = $1 AND s.ended_at IS NULL AND s.expires_at > now()
             AND s.last_seen_at > now() - make_interval(mins => $2) AND u.active`,
          [secretHash(cookie), sessionIdleMinutes],
        )
      ).rows[0];
      // Touch at most every 30 s: the idle clock needs no write per request.
      if (row?.stale) await q.query('UPDATE auth_sessions SET last_seen_at = now() WHERE id = $1', [row.id]);
    }
    if (!row) return null;
    return {
      userId: row.user_id,
      clinicId: row.clinic_id,
      role: row.role,
      email: row.email,
      language: row.language,
      via: row.kind,
      ...(row.kind === 'session' ? { sessionId: row.id, csrfToken: row.csrf_token ?? '' } : {}),
      ip: request.ip,
    };
  });
}

/**
 * Authenticates every request and enforces the route's declared capability (deny by default).
 * Cookie-authenticated writes must echo the session's CSRF token in `x-csrf-token`. Every
 * refusal is audited.
 */
export function registerAuth(app: FastifyInstance): void {
  app.decorateRequest('actor', null);

  app.addHook('onRequest', async (request) => {
    const config = request.routeOptions.config;
    const url = request.routeOptions.url ?? '';
    if (!url.startsWith('/api/v1/')) return;
    request.actor = await resolveActor(app, request);
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
