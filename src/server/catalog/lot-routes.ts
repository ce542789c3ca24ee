import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { adjustmentAnswer, adjustmentBody, lotListQuery, lotSchema, newLotBody, stockMovementSchema, updateLotBody } from '../../domain/api/catalog-lots.ts';
import { idParams, page, problemSchema } from '../../domain/api/common.ts';
import { actorOf } from '../context.ts';
import { adjustStock, getLot, listLots, lotMovements, receiveLot, updateLot } from './lot-service.ts';

const errors = { 400: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

/** Lots: read by clinical staff; received, corrected, recalled and adjusted by whoever keeps stock. */
export const lotRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (req: Parameters<typeof actorOf>[0]) => ({ db: app.db, config: app.config, actor: actorOf(req) });
  const tags = ['lots'];

  app.get('/lots', { config: { capability: 'catalog.read' }, schema: { tags, querystring: lotListQuery, response: { 200: page(lotSchema), ...errors } } }, async (req) =>
    listLots(ctx(req), req.query),
  );
  app.get('/lots/:id', { config: { capability: 'catalog.read' }, schema: { tags, params: idParams, response: { 200: lotSchema, ...errors } } }, async (req) =>
    getLot(ctx(req), req.params.id),
  );
  app.get(
    '/lots/:id/movements',
    { config: { capability: 'catalog.read' }, schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(stockMovementSchema), nextCursor: z.null() }), ...errors } } },
    async (req) => lotMovements(ctx(req), req.params.id),
  );
  app.post('/lots', { config: { capability: 'inventory.write' }, schema: { tags, body: newLotBody, response: { 201: lotSchema, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await receiveLot(ctx(req), req.body)),
  );
  app.patch('/lots/:id', { config: { capability: 'inventory.write' }, schema: { tags, params: idParams, body: updateLotBody, response: { 200: lotSchema, ...errors } } }, async (req) =>
    updateLot(ctx(req), req.params.id, req.body),
  );
  app.post(
    '/lots/:id/adjustments',
    { config: { capability: 'inventory.write' }, schema: { tags, params: idParams, body: adjustmentBody, response: { 201: adjustmentAnswer, ...errors } } },
    async (req, reply) => reply.status(201).send(await adjustStock(ctx(req), req.params.id, req.body)),
  );
};
