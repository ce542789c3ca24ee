import type { Capability, Role } from '../domain/permissions.ts';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';

/** Who is calling: resolved from the session cookie or the API token on every request. */
export interface Actor {
  userId: string;
  clinicId: string;
  role: Role;
  email: string;
  language: 'en' | 'ru';
  via: 'session' | 'token';
  sessionId?: string;
  csrfToken?: string;
  ip: string;
}

/** What a service needs to act for a request: the actor and the database. */
export interface ServiceContext {
  db: Database;
  actor: Actor;
  config: Config;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The capability a route needs; every route under /api/v1 declares one, or `public`. */
    capability?: Capability;
    public?: boolean;
  }
  interface FastifyInstance {
    db: Database;
    config: Config;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** The actor of an authenticated request; routes with a capability always have one. */
export function actorOf(req: { actor: Actor | null }): Actor {
  if (!req.actor) throw new Error('route reached without an authenticated actor');
  return req.actor;
}
