import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, page, problemSchema } from '../../domain/api/common.ts';
import { kitAnswer, kitCheckBody, kitCheckSchema, kitItemPatchBody, kitItemSchema, newKitItemBody } from '../../domain/api/emergency-kit.ts';
import { actorOf } from '../context.ts';
import { addKitItem, getKit, listKitChecks, recordKitCheck, removeKitItem, updateKitItem } from './service.ts';

const errors = { 400: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

/** The anti-shock kit: its items, its state (what the emergency-kit rule reads) and its checks. */
export const emergencyKitRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (req: Parameters<typeof actorOf>[0]) => ({ db: app.db, config: app.config, actor: actorOf(req) });
  const tags = ['emergency-kit'];
  const manage = { capability: 'emergency-kit.manage' } as const;

  app.get(
    '/emergency-kit',
    { config: { capability: 'clinic.read' }, schema: { tags, description: 'The kit today: ready for sessions or not and why, its items, its last check', response: { 200: kitAnswer, 403: problemSchema } } },
    async (req) => getKit(ctx(req)),
  );
  app.get(
    '/emergency-kit/items',
    { config: { capability: 'clinic.read' }, schema: { tags, response: { 200: z.object({ items: z.array(kitItemSchema), nextCursor: z.null() }), 403: problemSchema } } },
    async (req) => ({ items: (await getKit(ctx(req))).items, nextCursor: null }),
  );
  app.post('/emergency-kit/items', { config: manage, schema: { tags, body: newKitItemBody, response: { 201: kitItemSchema, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await addKitItem(ctx(req), req.body)),
  );
  app.patch('/emergency-kit/items/:id', { config: manage, schema: { tags, params: idParams, body: kitItemPatchBody, response: { 200: kitItemSchema, ...errors } } }, async (req) =>
    updateKitItem(ctx(req), req.params.id, req.body),
  );
  app.delete('/emergency-kit/items/:id', { config: manage, schema: { tags, params: idParams, response: { 204: z.null(), ...errors } } }, async (req, reply) => {
    await removeKitItem(ctx(req), req.params.id);
    return reply.status(204).send(null);
  });
  app.get(
    '/emergency-kit/checks',
    {
      config: { capability: 'clinic.read' },
      schema: { tags, querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(100).default(20), cursor: z.string().max(20).optional() }), response: { 200: page(kitCheckSchema), ...errors } },
    },
    async (req) => listKitChecks(ctx(req), req.query),
  );
  app.post(
    '/emergency-kit/checks',
    { config: manage, schema: { tags, description: 'A check of the whole kit: every item with its state as found', body: kitCheckBody, response: { 201: kitCheckSchema, ...errors } } },
    async (req, reply) => reply.status(201).send(await recordKitCheck(ctx(req), req.body)),
  );
};
