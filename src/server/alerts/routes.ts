import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, page, problemSchema } from '../../domain/api/common.ts';
import { acknowledgeBody, alertListQuery, alertSchema } from '../../domain/api/lot-trace.ts';
import { actorOf } from '../context.ts';
import { acknowledgeAlert, getAlert, listAlerts } from './service.ts';

const errors = { 400: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

/** Stored alerts: a suspected outbreak with the other recipients of its lots, a recalled lot. */
export const alertRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (req: Parameters<typeof actorOf>[0]) => ({ db: app.db, config: app.config, actor: actorOf(req) });
  const tags = ['alerts'];

  app.get(
    '/alerts',
    { config: { capability: 'clinical.read' }, schema: { tags, description: 'Open alerts first, newest first; recipients read now', querystring: alertListQuery, response: { 200: page(alertSchema), ...errors } } },
    async (req) => listAlerts(ctx(req), req.query),
  );
  app.get('/alerts/:id', { config: { capability: 'clinical.read' }, schema: { tags, params: idParams, response: { 200: alertSchema, ...errors } } }, async (req) =>
    getAlert(ctx(req), req.params.id),
  );
  app.post(
    '/alerts/:id/acknowledge',
    { config: { capability: 'alerts.acknowledge' }, schema: { tags, params: idParams, body: acknowledgeBody, response: { 200: alertSchema, ...errors } } },
    async (req) => acknowledgeAlert(ctx(req), req.params.id, req.body.note),
  );
};
