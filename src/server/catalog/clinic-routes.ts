import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { clinicSchema, clinicSettingsBody } from '../../domain/api/catalog-clinic.ts';
import { problemSchema } from '../../domain/api/common.ts';
import { actorOf } from '../context.ts';
import { getClinic, replaceClinicSettings } from './clinic-service.ts';

/** The caller's clinic, and its safety-engine settings (owners change them). */
export const clinicRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (req: Parameters<typeof actorOf>[0]) => ({ db: app.db, config: app.config, actor: actorOf(req) });
  const tags = ['clinic'];

  app.get('/clinic', { config: { capability: 'clinic.read' }, schema: { tags, response: { 200: clinicSchema, 403: problemSchema } } }, async (req) => getClinic(ctx(req)));

  app.put(
    '/clinic/settings',
    { config: { capability: 'clinic.manage' }, schema: { tags, body: clinicSettingsBody, response: { 200: clinicSchema, 400: problemSchema, 403: problemSchema } } },
    async (req) => replaceClinicSettings(ctx(req), req.body),
  );
};
