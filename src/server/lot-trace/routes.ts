import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, language, problemSchema } from '../../domain/api/common.ts';
import { recallAnswer, recallBody, recipientsAnswer } from '../../domain/api/lot-trace.ts';
import { actorOf } from '../context.ts';
import { lotRecipients, recallContactsCsv, recallLot } from './service.ts';

const errors = { 400: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

/** Who received a lot, recalling it, and the recall's contact list. */
export const lotTraceRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (req: Parameters<typeof actorOf>[0]) => ({ db: app.db, config: app.config, actor: actorOf(req) });
  const tags = ['lots'];

  app.get(
    '/lots/:id/recipients',
    {
      config: { capability: 'lots.trace' },
      schema: { tags, description: 'Every patient and session that received the lot, with contact details and their adverse events', params: idParams, response: { 200: recipientsAnswer, ...errors } },
    },
    async (req) => lotRecipients(ctx(req), req.params.id),
  );

  app.post(
    '/lots/:id/recall',
    {
      config: { capability: 'lots.recall' },
      schema: {
        tags,
        description: 'Recalls the lot: the safety engine refuses it from now on (lot-recalled); raises an alert and answers the patients to contact',
        params: idParams,
        body: recallBody,
        response: { 200: recallAnswer, ...errors },
      },
    },
    async (req) => recallLot(ctx(req), req.params.id, req.body.reason),
  );

  app.get(
    '/lots/:id/recall-contacts.csv',
    {
      config: { capability: 'lots.trace' },
      schema: {
        tags,
        description: 'The recipients to contact, one row per patient, as CSV (text/csv, UTF-8 with BOM)',
        params: idParams,
        querystring: z.strictObject({ lang: language.optional() }),
        response: { 200: z.any().describe('text/csv'), ...errors },
      },
    },
    async (req, reply) => {
      const { csv, fileName } = await recallContactsCsv(ctx(req), req.params.id, req.query.lang);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(csv, 'utf8'));
    },
  );
};
