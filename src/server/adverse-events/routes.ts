import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { adrenalineDoseBody, vitalsReadingBody } from '../../domain/api/adverse-event-checklists.ts';
import { adverseEventVocabulary, adverseEventVocabularySchema } from '../../domain/api/adverse-event-vocabulary.ts';
import { adverseEventListQuery, adverseEventPatchBody, adverseEventSchema, newAdverseEventBody, transitionBody, treatmentBody } from '../../domain/api/adverse-events.ts';
import { idParams, page, problemSchema } from '../../domain/api/common.ts';
import { adverseEventDetailSchema } from '../../domain/api/follow-ups.ts';
import { regulatorReportQuery, regulatorReportSchema } from '../../domain/api/pharmacovigilance.ts';
import { actorOf } from '../context.ts';
import { addToAdverseEvent, transitionAdverseEvent, updateAdverseEvent } from './changes.ts';
import { regulatorReport, regulatorReportPdf } from './regulator-report.ts';
import { getAdverseEvent, listAdverseEvents, recordAdverseEvent } from './service.ts';

const errors = { 400: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

/** Adverse events: recorded, changed, moved through their statuses, treated, reported. */
export const adverseEventRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (req: Parameters<typeof actorOf>[0]) => ({ db: app.db, config: app.config, actor: actorOf(req) });
  const tags = ['adverse-events'];
  const read = { capability: 'adverse-events.read' } as const;
  const write = { capability: 'adverse-events.write' } as const;

  app.get(
    '/adverse-events/vocabulary',
    { config: read, schema: { tags, description: 'Types with their follow-up rule, grades with their meaning, statuses, outcomes… in English and Russian', response: { 200: adverseEventVocabularySchema, 403: problemSchema } } },
    async () => adverseEventVocabulary(),
  );

  app.post(
    '/adverse-events',
    {
      config: write,
      schema: { tags, description: 'Records an event of a session; schedules its first follow-up by type and runs the outbreak check', body: newAdverseEventBody, response: { 201: adverseEventSchema, ...errors } },
    },
    async (req, reply) => reply.status(201).send(await recordAdverseEvent(ctx(req), req.body)),
  );

  app.get('/adverse-events', { config: read, schema: { tags, querystring: adverseEventListQuery, response: { 200: page(adverseEventSchema), ...errors } } }, async (req) =>
    listAdverseEvents(ctx(req), req.query),
  );

  app.get('/adverse-events/:id', { config: read, schema: { tags, params: idParams, response: { 200: adverseEventDetailSchema, ...errors } } }, async (req) =>
    getAdverseEvent(ctx(req), req.params.id),
  );

  app.patch(
    '/adverse-events/:id',
    { config: write, schema: { tags, description: 'Changes the fields given (null clears); the history keeps what was', params: idParams, body: adverseEventPatchBody, response: { 200: adverseEventSchema, ...errors } } },
    async (req) => updateAdverseEvent(ctx(req), req.params.id, req.body),
  );

  app.post(
    '/adverse-events/:id/transitions',
    {
      config: write,
      schema: { tags, description: 'open → monitoring → resolved (with outcome); back to open when it worsens or recurs', params: idParams, body: transitionBody, response: { 200: adverseEventSchema, ...errors } },
    },
    async (req) => transitionAdverseEvent(ctx(req), req.params.id, req.body),
  );

  app.post(
    '/adverse-events/:id/treatments',
    { config: write, schema: { tags, description: 'Adds one treatment as it is given', params: idParams, body: treatmentBody, response: { 201: adverseEventSchema, ...errors } } },
    async (req, reply) => reply.status(201).send(await addToAdverseEvent(ctx(req), req.params.id, { kind: 'treatment', value: req.body })),
  );

  app.post(
    '/adverse-events/:id/adrenaline-doses',
    {
      config: write,
      schema: { tags, description: 'Anaphylaxis: adds one adrenaline dose (0.5 mg IM, thigh, unless told) with its time', params: idParams, body: adrenalineDoseBody, response: { 201: adverseEventSchema, ...errors } },
    },
    async (req, reply) => reply.status(201).send(await addToAdverseEvent(ctx(req), req.params.id, { kind: 'adrenaline-dose', value: req.body })),
  );

  app.post(
    '/adverse-events/:id/vitals',
    { config: write, schema: { tags, description: 'Vasovagal reaction: adds one blood pressure and pulse reading', params: idParams, body: vitalsReadingBody, response: { 201: adverseEventSchema, ...errors } } },
    async (req, reply) => reply.status(201).send(await addToAdverseEvent(ctx(req), req.params.id, { kind: 'vitals', value: req.body })),
  );

  app.get(
    '/adverse-events/:id/report',
    { config: read, schema: { tags, description: "The regulator's adverse-reaction report, prefilled", params: idParams, querystring: regulatorReportQuery, response: { 200: regulatorReportSchema, ...errors } } },
    async (req) => (await regulatorReport(ctx(req), req.params.id, req.query.lang)).report,
  );

  app.get(
    '/adverse-events/:id/report.pdf',
    {
      config: read,
      schema: { tags, description: 'The regulator report as PDF (application/pdf)', params: idParams, querystring: regulatorReportQuery, response: { 200: z.any().describe('application/pdf'), ...errors } },
    },
    async (req, reply) => {
      const { pdf, fileName } = await regulatorReportPdf(ctx(req), req.params.id, req.query.lang);
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${fileName}"`).header('cache-control', 'private, no-store').send(pdf);
    },
  );
};
