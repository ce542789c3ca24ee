import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemSchema } from '../../domain/api/common.ts';
import { todaySchema } from '../../domain/api/today.ts';
import { actorOf } from '../context.ts';
import { today } from './service.ts';

/** The clinic's day list, filtered by role. */
export const todayRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/today',
    {
      config: { capability: 'clinic.read' },
      schema: {
        tags: ['today'],
        description: 'Alerts of the day, most severe first: kit and lots expiring, suspected outbreaks, recalls, unsigned sessions, overdue follow-ups. Reception gets the follow-up counts only.',
        response: { 200: todaySchema, 403: problemSchema },
      },
    },
    async (req) => today({ db: app.db, config: app.config, actor: actorOf(req) }),
  );
};
