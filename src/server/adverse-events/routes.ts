import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { adverseEventListQuery, adverseEventSchema, newAdverseEventBody } from '../../domain/api/adverse-events.ts';
import { idParams, page, problemSchema } from '../../domain/api/common.ts';
import { actorOf } from '../context.ts';
import { getAdverseEvent, listAdverseEvents, recordAdverseEvent } from './service.ts';

const errors = { 400: problemSchema, 404: problemSchema };

/** Adverse events of sessions (the minimal record; follow-up, treatment and outcome come later). */
export const adverseEventRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (req: Parameters<typeof actorOf>[0]) => ({ db: app.db, config: app.config, actor: actorOf(req) });
  const tags = ['adverse-events'];

  app.post(
    '/adverse-events',
    { config: { capability: 'adverse-events.write' }, schema: { tags, body: newAdverseEventBody, response: { 201: adverseEventSchema, ...errors } } },
    async (req, reply) => reply.status(201).send(await recordAdverseEvent(ctx(req), req.body)),
  );

  app.get(
    '/adverse-events',
    { config: { capability: 'adverse-events.read' }, schema: { tags, querystring: adverseEventListQuery, response: { 200: page(adverseEventSchema), ...errors } } },
    async (req) => listAdverseEvents(ctx(req), req.query),
  );

  app.get('/adverse-events/:id', { config: { capability: 'adverse-events.read' }, schema: { tags, params: idParams, response: { 200: adverseEventSchema, ...errors } } }, async (req) =>
    getAdverseEvent(ctx(req), req.params.id),
  );
};
