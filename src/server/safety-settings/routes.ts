import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemSchema } from '../../domain/api/common.ts';
import { safetySettingsAnswer, safetySettingsBody } from '../../domain/api/today.ts';
import { actorOf } from '../context.ts';
import { getSafetySettings, replaceSafetySettings } from './service.ts';

/** The follow-up and readiness settings of the clinic: read by all, changed by the owner. */
export const safetySettingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (req: Parameters<typeof actorOf>[0]) => ({ db: app.db, config: app.config, actor: actorOf(req) });
  const tags = ['clinic'];

  app.get(
    '/clinic/safety-settings',
    { config: { capability: 'clinic.read' }, schema: { tags, description: 'Follow-up times after a session, expiry warnings, the atypical-infection window', response: { 200: safetySettingsAnswer, 403: problemSchema } } },
    async (req) => getSafetySettings(ctx(req)),
  );
  app.put(
    '/clinic/safety-settings',
    {
      config: { capability: 'clinic.manage' },
      schema: { tags, description: 'Replaces the settings; a setting left out returns to its default', body: safetySettingsBody, response: { 200: safetySettingsAnswer, 400: problemSchema, 403: problemSchema } },
    },
    async (req) => replaceSafetySettings(ctx(req), req.body),
  );
};
