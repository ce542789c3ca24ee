import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { chartSchema } from '../../domain/api/chart.ts';
import { idParams, problemSchema } from '../../domain/api/common.ts';
import { actorOf } from '../context.ts';
import { getChart } from './service.ts';

/** The chart: what the chart screen needs of a patient, in one answer. */
export const chartRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/patients/:id/chart',
    { config: { capability: 'clinical.read' }, schema: { tags: ['chart'], params: idParams, response: { 200: chartSchema, 400: problemSchema, 404: problemSchema } } },
    async (req) => getChart({ db: app.db, config: app.config, actor: actorOf(req) }, req.params.id),
  );
};
