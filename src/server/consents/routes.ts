import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, page, problemSchema } from '../../domain/api/common.ts';
import {
  consentLangQuery,
  consentProblemSchema,
  consentListQuery,
  consentSchema,
  consentSummarySchema,
  consentTemplateSchema,
  newTemplateVersionBody,
  photoConsentBody,
  placeholderSchema,
  produceConsentBody,
  signatureParams,
  signConsentBody,
  templateListQuery,
  verifyConsentSchema,
  withdrawConsentBody,
} from '../../domain/api/consents.ts';
import { actorOf } from '../context.ts';
import { consentPdf, consentSignature } from './documents.ts';
import { getConsent, listPatientConsents, producePhotoConsent, produceTreatmentConsent } from './service.ts';
import { signConsent, verifyConsent, withdrawConsent } from './sign.ts';
import { addTemplateVersion, getTemplate, listTemplates, placeholderList } from './templates-service.ts';

const errors = { 400: problemSchema, 403: problemSchema, 404: problemSchema, 409: consentProblemSchema, 422: consentProblemSchema };
const binary = z.any().describe('binary');

/** Informed consent: templates, producing from a course plan, signing, withdrawal, PDF, verification. */
export const consentRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (req: Parameters<typeof actorOf>[0]) => ({ db: app.db, config: app.config, actor: actorOf(req) });
  const tags = ['consents'];

  app.get('/consent-templates', { config: { capability: 'consent-templates.read' }, schema: { tags, querystring: templateListQuery, response: { 200: page(consentTemplateSchema), ...errors } } }, async (req) => ({
    items: await listTemplates(ctx(req), req.query),
    nextCursor: null,
  }));
  app.get('/consent-templates/placeholders', { config: { capability: 'consent-templates.read' }, schema: { tags, response: { 200: z.object({ items: z.array(placeholderSchema) }) } } }, async () => ({
    items: placeholderList(),
  }));
  app.get('/consent-templates/:id', { config: { capability: 'consent-templates.read' }, schema: { tags, params: idParams, response: { 200: consentTemplateSchema, ...errors } } }, async (req) =>
    getTemplate(ctx(req), req.params.id),
  );
  app.post(
    '/consent-templates',
    {
      config: { capability: 'consent-templates.manage' },
      schema: { tags, description: 'Saves an edited template as its next version, which becomes the active one', body: newTemplateVersionBody, response: { 201: consentTemplateSchema, ...errors } },
    },
    async (req, reply) => reply.status(201).send(await addTemplateVersion(ctx(req), req.body)),
  );

  app.post(
    '/courses/:id/consent',
    {
      config: { capability: 'consents.manage' },
      schema: {
        tags,
        description: 'Produces the draft treatment consent of a course from the plan and the active template. 422 `consent-plan-incomplete` names the missing plan fields.',
        params: idParams,
        querystring: consentLangQuery,
        body: produceConsentBody,
        response: { 201: consentSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await produceTreatmentConsent(ctx(req), req.params.id, req.body, req.query.lang)),
  );
  app.post(
    '/patients/:id/photo-consent',
    { config: { capability: 'consents.manage' }, schema: { tags, description: 'Produces a draft photo-use consent for the patient', params: idParams, querystring: consentLangQuery, body: photoConsentBody, response: { 201: consentSchema, ...errors } } },
    async (req, reply) => reply.status(201).send(await producePhotoConsent(ctx(req), req.params.id, req.body.photoUse, req.query.lang)),
  );
  app.get('/patients/:id/consents', { config: { capability: 'clinical.read' }, schema: { tags, params: idParams, querystring: consentListQuery, response: { 200: page(consentSummarySchema), ...errors } } }, async (req) =>
    listPatientConsents(ctx(req), req.params.id, req.query),
  );
  app.get('/consents/:id', { config: { capability: 'clinical.read' }, schema: { tags, params: idParams, response: { 200: consentSchema, ...errors } } }, async (req) => getConsent(ctx(req), req.params.id));
  app.post(
    '/consents/:id/sign',
    {
      config: { capability: 'consents.sign' },
      // Two drawn signatures as base64 PNG may exceed the default 1 MB body.
      bodyLimit: 4 * 1024 * 1024,
      schema: {
        tags,
        description: 'The patient signs (drawn signature and typed name) and the calling doctor countersigns. Freezes the text and stores its SHA-256; 409 when not a draft or the plan changed.',
        params: idParams,
        body: signConsentBody,
        response: { 200: consentSchema, ...errors },
      },
    },
    async (req) => signConsent(ctx(req), req.params.id, req.body),
  );
  app.post(
    '/consents/:id/withdraw',
    { config: { capability: 'consents.manage' }, schema: { tags, description: "Records the patient's withdrawal; the course's sessions are blocked from then on", params: idParams, body: withdrawConsentBody, response: { 200: consentSchema, ...errors } } },
    async (req) => withdrawConsent(ctx(req), req.params.id, req.body.reason),
  );
  app.get(
    '/consents/:id/verify',
    { config: { capability: 'clinical.read' }, schema: { tags, description: 'Recomputes the hash of the stored consent and compares it with the hash stored at signing', params: idParams, response: { 200: verifyConsentSchema, ...errors } } },
    async (req) => verifyConsent(ctx(req), req.params.id),
  );
  app.get(
    '/consents/:id/pdf',
    { config: { capability: 'clinical.read' }, schema: { tags, description: 'The consent as PDF (application/pdf)', params: idParams, response: { 200: binary, ...errors } } },
    async (req, reply) => {
      const { pdf, fileName } = await consentPdf(ctx(req), req.params.id);
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${fileName}"`).header('cache-control', 'private, no-store').send(pdf);
    },
  );
  app.get(
    '/consents/:id/signatures/:party',
    { config: { capability: 'clinical.read' }, schema: { tags, description: 'A signature image as stored (image/png or image/svg+xml)', params: signatureParams, response: { 200: binary, ...errors } } },
    async (req, reply) => {
      const s = await consentSignature(ctx(req), req.params.id, req.params.party);
      return reply.type(s.contentType).header('cache-control', 'private, no-store').header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'").send(s.bytes);
    },
  );
};
