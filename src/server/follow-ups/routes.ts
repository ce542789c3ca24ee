import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { refusedSchema } from '../../domain/api/clinical.ts';
import { idParams, page, problemSchema } from '../../domain/api/common.ts';
import { completeFollowUpAnswer, completeFollowUpBody, followUpItemSchema, followUpListQuery, followUpPatchBody } from '../../domain/api/follow-ups.ts';
import { actorOf } from '../context.ts';
import { completeFollowUp, getFollowUp, listFollowUps, updateFollowUp } from './service.ts';

const errors = { 400: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: refusedSchema };

/** Follow-ups after sessions and adverse events: the due list, completion, rescheduling. */
export const followUpRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (req: Parameters<typeof actorOf>[0]) => ({ db: app.db, config: app.config, actor: actorOf(req) });
  const tags = ['follow-ups'];

  app.get(
    '/follow-ups',
    {
      config: { capability: 'clinical.read' },
      schema: { tags, description: 'The due list, soonest due first; `overdue` marks open ones past their time', querystring: followUpListQuery, response: { 200: page(followUpItemSchema), ...errors } },
    },
    async (req) => listFollowUps(ctx(req), req.query),
  );
  app.get('/follow-ups/:id', { config: { capability: 'clinical.read' }, schema: { tags, params: idParams, response: { 200: followUpItemSchema, ...errors } } }, async (req) =>
    getFollowUp(ctx(req), req.params.id),
  );
  app.patch(
    '/follow-ups/:id',
    { config: { capability: 'clinical.write' }, schema: { tags, description: 'Reschedules or reassigns an open follow-up', params: idParams, body: followUpPatchBody, response: { 200: followUpItemSchema, ...errors } } },
    async (req) => updateFollowUp(ctx(req), req.params.id, req.body),
  );
  app.post(
    '/follow-ups/:id/complete',
    {
      config: { capability: 'clinical.write' },
      schema: {
        tags,
        description: 'Records what was found; for an adverse event also resolves, monitors or reopens it and schedules the next follow-up; `openAdverseEvent` records a new event in the same transaction',
        params: idParams,
        body: completeFollowUpBody,
        response: { 200: completeFollowUpAnswer, ...errors },
      },
    },
    async (req) => completeFollowUp(ctx(req), req.params.id, req.body),
  );
};
