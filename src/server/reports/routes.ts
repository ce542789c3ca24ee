import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../domain/api/common.ts';
import { pvReportQuery, pvReportSchema } from '../../domain/api/pharmacovigilance.ts';
import { actorOf } from '../context.ts';
import { adverseEventReport, adverseEventReportCsv } from './service.ts';

const errors = { 400: problemSchema, 403: problemSchema };

/** Pharmacovigilance: adverse events per 100 sessions by product, lot, practitioner, technique or area. */
export const reportRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (req: Parameters<typeof actorOf>[0]) => ({ db: app.db, config: app.config, actor: actorOf(req) });
  const tags = ['reports'];

  app.get(
    '/reports/adverse-events',
    {
      config: { capability: 'reports.read' },
      schema: { tags, description: 'Counts and rates (events per 100 sessions, session counts as denominators) over a period of session days', querystring: pvReportQuery, response: { 200: pvReportSchema, ...errors } },
    },
    async (req) => adverseEventReport(ctx(req), req.query),
  );
  app.get(
    '/reports/adverse-events.csv',
    { config: { capability: 'reports.read' }, schema: { tags, description: 'The same as CSV (text/csv, UTF-8 with BOM)', querystring: pvReportQuery, response: { 200: z.any().describe('text/csv'), ...errors } } },
    async (req, reply) => {
      const { csv, fileName } = await adverseEventReportCsv(ctx(req), req.query);
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${fileName}"`).header('cache-control', 'private, no-store').send(Buffer.from(csv, 'utf8'));
    },
  );
};
