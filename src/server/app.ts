import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { uuidv7 } from 'uuidv7';
import { auditRoutes } from './audit/routes.ts';
import { sealAudit } from './audit/audit.ts';
import { authRoutes } from './auth/routes.ts';
import { catalogRoutes } from './catalog/routes.ts';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import { patientRoutes } from './patients/routes.ts';
import { consentRoutes } from './consents/routes.ts';
import { photoRoutes } from './photos/routes.ts';
import { adverseEventRoutes } from './adverse-events/routes.ts';
import { alertRoutes } from './alerts/routes.ts';
import { emergencyKitRoutes } from './emergency-kit/routes.ts';
import { followUpRoutes } from './follow-ups/routes.ts';
import { lotTraceRoutes } from './lot-trace/routes.ts';
import { reportRoutes } from './reports/routes.ts';
import { safetySettingsRoutes } from './safety-settings/routes.ts';
import { todayRoutes } from './today/routes.ts';
import { chartRoutes } from './chart/routes.ts';
import { courseRoutes } from './courses/routes.ts';
import { historyRoutes } from './history/routes.ts';
import { sessionRoutes } from './sessions/routes.ts';
import { registerAuth } from './plugins/auth.ts';
import { registerErrorHandling } from './plugins/errors.ts';
import { registerOpenApi } from './plugins/openapi.ts';
import { webPlugin } from './plugins/web.ts';
import { userRoutes } from './users/routes.ts';

/** One route of the app as registered. */
export interface RegisteredRoute {
  method: string;
  url: string;
  config: { capability?: string; public?: boolean };
}

declare module 'fastify' {
  interface FastifyInstance {
    routeList: RegisteredRoute[];
  }
}

/** Everything the app needs from outside: tests pass their own. */
export interface AppOptions {
  config: Config;
  db: Database;
  /** Logger on (the server) or off (tests). */
  logger?: boolean;
  /** How often the audit sealer chains new events; 0 turns it off (tests seal explicitly). */
  sealIntervalMs?: number;
}

/** The API route plugins of every capability, mounted under /api/v1. */
export const apiRoutes = [authRoutes, userRoutes, auditRoutes, patientRoutes, catalogRoutes, consentRoutes, photoRoutes, historyRoutes, courseRoutes, sessionRoutes, adverseEventRoutes, chartRoutes, followUpRoutes, alertRoutes, lotTraceRoutes, reportRoutes, emergencyKitRoutes, todayRoutes, safetySettingsRoutes];

/** Builds the whole app — the API, its documentation and the web client — without listening. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config, db } = options;
  const app = Fastify({
    logger: options.logger ? { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization'] } : false,
    bodyLimit: 1024 * 1024,
    trustProxy: config.trustProxy,
    genReqId: () => uuidv7(),
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();

  // The route table as registered, so a test can walk it (every /api/v1 route needs a capability).
  const routeList: RegisteredRoute[] = [];
  app.decorate('routeList', routeList);
  app.addHook('onRoute', (r) => {
    for (const method of Array.isArray(r.method) ? r.method : [r.method]) {
      if (method !== 'HEAD') routeList.push({ method, url: r.url ?? r.path, config: r.config ?? {} });
    }
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', db);
  app.decorate('config', config);

  registerErrorHandling(app);
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        // Served over plain HTTP on a clinic's LAN or localhost unless a TLS proxy is in front.
        upgradeInsecureRequests: config.cookieSecure === 'true' ? [] : null,
      },
    },
    hsts: config.cookieSecure === 'true',
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => ({ statusCode: 429, message: `Too many requests: try again in ${Math.ceil(ctx.ttl / 1000)} s` }),
  });
  await registerOpenApi(app);
  registerAuth(app);

  app.get('/api/health', { schema: { hide: true } }, async (_req, reply) => {
    try {
      await db.ping();
      return { status: 'ok' };
    } catch {
      return reply.status(503).type('application/problem+json').send({ type: 'about:blank', title: 'Database unavailable', status: 503 });
    }
  });

  await app.register(
    async (api) => {
      for (const routes of apiRoutes) await api.register(routes);
    },
    { prefix: '/api/v1' },
  );
  await app.register(webPlugin, {});

  const every = options.sealIntervalMs ?? 0;
  if (every > 0) {
    let timer: NodeJS.Timeout | undefined;
    let running: Promise<unknown> = Promise.resolve();
    app.addHook('onReady', async () => {
      timer = setInterval(() => {
        running = sealAudit(db).catch((err: unknown) => app.log.error({ err }, 'audit sealing failed'));
      }, every);
      timer.unref();
    });
    app.addHook('onClose', async () => {
      clearInterval(timer);
      await running;
      await sealAudit(db);
    });
  }
  return app;
}
