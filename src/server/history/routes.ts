import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, page, problemSchema } from '../../domain/api/common.ts';
import {
  allergyEntrySchema,
  allergyPatchBody,
  conditionEntrySchema,
  conditionPatchBody,
  enteredInErrorBody,
  entryParams,
  historyQuery,
  historySchema,
  historyVersionSchema,
  historyVersionsQuery,
  newAllergyBody,
  newConditionBody,
  questionnaireBody,
  questionnaireResultSchema,
  questionnaireSchema,
  weightBody,
  weightSchema,
} from '../../domain/api/history.ts';
import { conflictSchema } from '../../domain/api/clinical.ts';
import { actorOf } from '../context.ts';
import { questionnaire, recordQuestionnaire } from './questionnaire.ts';
import { addAllergy, addCondition, getHistory, listVersions, recordWeight, removeEntry, updateAllergy, updateCondition } from './service.ts';

const errors = { 400: problemSchema, 404: problemSchema, 409: conflictSchema };

/** The medical history: conditions and allergies (versioned), weight, the health questionnaire. */
export const historyRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (req: Parameters<typeof actorOf>[0]) => ({ db: app.db, config: app.config, actor: actorOf(req) });
  const tags = ['history'];

  app.get(
    '/patients/:id/history',
    { config: { capability: 'clinical.read' }, schema: { tags, params: idParams, querystring: historyQuery, response: { 200: historySchema, ...errors } } },
    async (req) => getHistory(ctx(req), req.params.id, req.query.asOf),
  );

  app.get(
    '/patients/:id/history/versions',
    { config: { capability: 'clinical.read' }, schema: { tags, params: idParams, querystring: historyVersionsQuery, response: { 200: page(historyVersionSchema), ...errors } } },
    async (req) => listVersions(ctx(req), req.params.id, req.query),
  );

  app.post(
    '/patients/:id/conditions',
    { config: { capability: 'clinical.write' }, schema: { tags, params: idParams, body: newConditionBody, response: { 201: conditionEntrySchema, ...errors } } },
    async (req, reply) => reply.status(201).send(await addCondition(ctx(req), req.params.id, req.body)),
  );

  app.patch(
    '/patients/:id/conditions/:entryId',
    { config: { capability: 'clinical.write' }, schema: { tags, params: entryParams, body: conditionPatchBody, response: { 200: conditionEntrySchema, ...errors } } },
    async (req) => updateCondition(ctx(req), req.params.id, req.params.entryId, req.body),
  );

  app.post(
    '/patients/:id/conditions/:entryId/entered-in-error',
    { config: { capability: 'clinical.write' }, schema: { tags, params: entryParams, body: enteredInErrorBody, response: { 200: historyVersionSchema, ...errors } } },
    async (req) => removeEntry(ctx(req), req.params.id, req.params.entryId, 'condition', req.body.reason),
  );

  app.post(
    '/patients/:id/allergies',
    { config: { capability: 'clinical.write' }, schema: { tags, params: idParams, body: newAllergyBody, response: { 201: allergyEntrySchema, ...errors } } },
    async (req, reply) => reply.status(201).send(await addAllergy(ctx(req), req.params.id, req.body)),
  );

  app.patch(
    '/patients/:id/allergies/:entryId',
    { config: { capability: 'clinical.write' }, schema: { tags, params: entryParams, body: allergyPatchBody, response: { 200: allergyEntrySchema, ...errors } } },
    async (req) => updateAllergy(ctx(req), req.params.id, req.params.entryId, req.body),
  );

  app.post(
    '/patients/:id/allergies/:entryId/entered-in-error',
    { config: { capability: 'clinical.write' }, schema: { tags, params: entryParams, body: enteredInErrorBody, response: { 200: historyVersionSchema, ...errors } } },
    async (req) => removeEntry(ctx(req), req.params.id, req.params.entryId, 'allergy', req.body.reason),
  );

  app.post(
    '/patients/:id/weight',
    { config: { capability: 'clinical.write' }, schema: { tags, params: idParams, body: weightBody, response: { 201: weightSchema, ...errors } } },
    async (req, reply) => reply.status(201).send(await recordWeight(ctx(req), req.params.id, req.body)),
  );

  app.get(
    '/questionnaire',
    { config: { capability: 'patients.read' }, schema: { tags, querystring: z.strictObject({}), response: { 200: questionnaireSchema } } },
    async () => questionnaire(),
  );

  app.post(
    '/patients/:id/questionnaire',
    { config: { capability: 'clinical.write' }, schema: { tags, params: idParams, body: questionnaireBody, response: { 201: questionnaireResultSchema, ...errors } } },
    async (req, reply) => reply.status(201).send(await recordQuestionnaire(ctx(req), req.params.id, req.body)),
  );
};
