import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { language, problemSchema } from '../../domain/api/common.ts';
import { loginAnswer, loginBody, meSchema, totpEnableBody } from '../../domain/api/auth.ts';
import { capabilitiesOf } from '../../domain/permissions.ts';
import { actorOf } from '../context.ts';
import { Problem } from '../errors.ts';
import { sessionCookie } from '../plugins/auth.ts';
import { publicUser, usersRepository } from '../users/repository.ts';
import { setOwnLanguage } from '../users/service.ts';
import { enableTotp, login, logout, startTotp } from './service.ts';

/** Login, logout, the current user, and the second factor. */
export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (req: Parameters<typeof actorOf>[0]) => ({ db: app.db, config: app.config, actor: actorOf(req) });

  app.post(
    '/auth/login',
    {
      config: { public: true, rateLimit: { max: app.config.loginRatePerMinute, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], body: loginBody, response: { 200: loginAnswer, 401: problemSchema, 423: problemSchema } },
    },
    async (req, reply) => {
      const result = await login(app.db, app.config, req.body, { ip: req.ip, userAgent: req.headers['user-agent'] });
      const secure = app.config.cookieSecure === 'true' || (app.config.cookieSecure === 'auto' && req.protocol === 'https');
      reply.setCookie(sessionCookie, result.sessionSecret, {
        httpOnly: true,
        sameSite: 'strict',
        secure,
        path: '/',
        expires: result.expiresAt,
      });
      return { user: result.user, csrfToken: result.csrfToken };
    },
  );

  app.post('/auth/logout', { config: { capability: 'self' }, schema: { tags: ['auth'], response: { 204: z.null() } } }, async (req, reply) => {
    await logout(ctx(req));
    reply.clearCookie(sessionCookie, { path: '/' });
    return reply.status(204).send(null);
  });

  app.get('/auth/me', { config: { capability: 'self' }, schema: { tags: ['auth'], response: { 200: meSchema } } }, async (req) => {
    const actor = actorOf(req);
    return app.db.tx(
      { clinicId: actor.clinicId },
      async (q) => {
        const user = await usersRepository.byId(q, actor.userId);
        const clinic = (await q.query<{ id: string; name: string; time_zone: string; currency: string }>('SELECT id, name, time_zone, currency FROM clinics WHERE id = $1', [actor.clinicId])).rows[0];
        if (!user || !clinic) throw Problem.unauthorized();
        return {
          user: publicUser(user),
          clinic: { id: clinic.id, name: clinic.name, timeZone: clinic.time_zone, currency: clinic.currency },
          capabilities: capabilitiesOf(actor.role),
          csrfToken: actor.csrfToken ?? null,
        };
      },
      { readOnly: true },
    );
  });

  app.put('/auth/me/language', { config: { capability: 'self' }, schema: { tags: ['auth'], body: z.strictObject({ language }), response: { 204: z.null() } } }, async (req, reply) => {
    await setOwnLanguage(ctx(req), req.body.language);
    return reply.status(204).send(null);
  });

  app.post('/auth/totp/setup', { config: { capability: 'self' }, schema: { tags: ['auth'], response: { 200: z.object({ secret: z.string(), uri: z.string() }) } } }, async (req) => startTotp(ctx(req)));

  app.post('/auth/totp/enable', { config: { capability: 'self' }, schema: { tags: ['auth'], body: totpEnableBody, response: { 204: z.null() } } }, async (req, reply) => {
    await enableTotp(ctx(req), req.body.code);
    return reply.status(204).send(null);
  });
};
