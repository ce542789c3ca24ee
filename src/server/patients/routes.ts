import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, page, problemSchema } from '../../domain/api/common.ts';
import { createdPatientSchema, newPatientBody, patientSchema, patientSearchQuery, updatePatientBody } from '../../domain/api/patients.ts';
import { actorOf } from '../context.ts';
import { z } from 'zod';
import { getPatient, registerPatient, searchPatients, updatePatient } from './service.ts';

/** Patients: register, find, read and edit demographics, archive. */
export const patientRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (req: Parameters<typeof actorOf>[0]) => ({ db: app.db, config: app.config, actor: actorOf(req) });

  app.post('/patients', { config: { capability: 'patients.write' }, schema: { tags: ['patients'], body: newPatientBody, response: { 201: createdPatientSchema, 400: problemSchema } } }, async (req, reply) =>
    reply.status(201).send(await registerPatient(ctx(req), req.body)),
  );

  app.get('/patients', { config: { capability: 'patients.read' }, schema: { tags: ['patients'], querystring: patientSearchQuery, response: { 200: page(patientSchema) } } }, async (req) =>
    searchPatients(ctx(req), req.query),
  );

  app.get('/patients/:id', { config: { capability: 'patients.read' }, schema: { tags: ['patients'], params: idParams, response: { 200: patientSchema, 404: problemSchema } } }, async (req) =>
    getPatient(ctx(req), req.params.id),
  );

  app.patch(
    '/patients/:id',
    { config: { capability: 'patients.write' }, schema: { tags: ['patients'], params: idParams, body: updatePatientBody.extend({ archived: z.boolean().optional() }), response: { 200: patientSchema, 404: problemSchema } } },
    async (req) => updatePatient(ctx(req), req.params.id, req.body),
  );
};
