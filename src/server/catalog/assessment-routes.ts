import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { assessmentQuery } from '../../domain/api/catalog-clinic.ts';
import { problemSchema } from '../../domain/api/common.ts';
import { assessmentInputSchema, assessmentSchema } from '../../domain/assessment/index.ts';
import { actorOf } from '../context.ts';
import { runAssessment } from './assessment-service.ts';

/** POST /assessments: the safety engine over HTTP, for doctors and nurses. */
export const assessmentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/assessments',
    {
      config: { capability: 'assessments.run' },
      schema: { tags: ['assessments'], querystring: assessmentQuery, body: assessmentInputSchema, response: { 200: assessmentSchema, 400: problemSchema, 403: problemSchema } },
      // The body schema documents the contract; the engine's own parser validates it, so that a
      // bad input gets exactly the paths and words of the command line (`procedure.areas[0].volumeMl`).
      validatorCompiler: (route) => (route.httpPart === 'body' ? (data: unknown) => ({ value: data }) : validatorCompiler(route as unknown as Parameters<typeof validatorCompiler>[0])),
    },
    async (req) => {
      const actor = actorOf(req);
      // Unvalidated JSON as sent (see validatorCompiler above), whatever its declared type.
      const raw: unknown = req.body;
      return runAssessment({ db: app.db, config: app.config, actor }, raw, req.query.lang ?? actor.language);
    },
  );
};
