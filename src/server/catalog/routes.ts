import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  cocktailTemplateSchema,
  newProductBody,
  newSubstanceBody,
  newTemplateBody,
  productListQuery,
  productSchema,
  starterImportSchema,
  substanceListQuery,
  substanceSchema,
  templateListQuery,
  updateProductBody,
  updateSubstanceBody,
  updateTemplateBody,
} from '../../domain/api/catalog.ts';
import { idParams, page, problemSchema } from '../../domain/api/common.ts';
import { appendAudit } from '../audit/audit.ts';
import { actorOf } from '../context.ts';
import { assessmentRoutes } from './assessment-routes.ts';
import { clinicRoutes } from './clinic-routes.ts';
import { catalogAudit } from './common.ts';
import { lotRoutes } from './lot-routes.ts';
import { createProduct, createSubstance, getProduct, listProducts, listSubstances, updateProduct, updateSubstance } from './service.ts';
import { importStarterCatalog } from './starter-import.ts';
import { createTemplate, getTemplate, listTemplates, updateTemplate } from './template-service.ts';

const errors = { 400: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

/**
 * The catalog: substances, products, cocktail templates and the starter import; lots, the clinic's
 * settings and the assessments door are registered from their own files.
 */
export const catalogRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (req: Parameters<typeof actorOf>[0]) => ({ db: app.db, config: app.config, actor: actorOf(req) });
  const tags = ['catalog'];

  app.get('/substances', { config: { capability: 'catalog.read' }, schema: { tags, querystring: substanceListQuery, response: { 200: page(substanceSchema), ...errors } } }, async (req) =>
    listSubstances(ctx(req), req.query),
  );
  app.post('/substances', { config: { capability: 'catalog.write' }, schema: { tags, body: newSubstanceBody, response: { 201: substanceSchema, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await createSubstance(ctx(req), req.body)),
  );
  app.patch('/substances/:id', { config: { capability: 'catalog.write' }, schema: { tags, params: idParams, body: updateSubstanceBody, response: { 200: substanceSchema, ...errors } } }, async (req) =>
    updateSubstance(ctx(req), req.params.id, req.body),
  );

  // Reception reads products (to price and book), never the rest of the catalog.
  app.get('/products', { config: { capability: 'catalog.read-products' }, schema: { tags, querystring: productListQuery, response: { 200: page(productSchema), ...errors } } }, async (req) =>
    listProducts(ctx(req), req.query),
  );
  app.get('/products/:id', { config: { capability: 'catalog.read-products' }, schema: { tags, params: idParams, response: { 200: productSchema, ...errors } } }, async (req) =>
    getProduct(ctx(req), req.params.id),
  );
  app.post('/products', { config: { capability: 'catalog.write' }, schema: { tags, body: newProductBody, response: { 201: productSchema, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await createProduct(ctx(req), req.body)),
  );
  app.patch('/products/:id', { config: { capability: 'catalog.write' }, schema: { tags, params: idParams, body: updateProductBody, response: { 200: productSchema, ...errors } } }, async (req) =>
    updateProduct(ctx(req), req.params.id, req.body),
  );

  app.get('/cocktail-templates', { config: { capability: 'catalog.read' }, schema: { tags, querystring: templateListQuery, response: { 200: page(cocktailTemplateSchema), ...errors } } }, async (req) =>
    listTemplates(ctx(req), req.query),
  );
  app.get('/cocktail-templates/:id', { config: { capability: 'catalog.read' }, schema: { tags, params: idParams, response: { 200: cocktailTemplateSchema, ...errors } } }, async (req) =>
    getTemplate(ctx(req), req.params.id),
  );
  app.post('/cocktail-templates', { config: { capability: 'catalog.write' }, schema: { tags, body: newTemplateBody, response: { 201: cocktailTemplateSchema, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await createTemplate(ctx(req), req.body)),
  );
  app.patch(
    '/cocktail-templates/:id',
    { config: { capability: 'catalog.write' }, schema: { tags, params: idParams, body: updateTemplateBody, response: { 200: cocktailTemplateSchema, ...errors } } },
    async (req) => updateTemplate(ctx(req), req.params.id, req.body),
  );

  app.post('/catalog/import-starter', { config: { capability: 'catalog.import' }, schema: { tags, response: { 200: starterImportSchema, ...errors } } }, async (req) => {
    const c = ctx(req);
    return app.db.tx({ clinicId: c.actor.clinicId }, async (q) => {
      const result = await importStarterCatalog(q, c.actor.clinicId);
      await appendAudit(q, catalogAudit(c, 'catalog.import-starter', 'catalog', null, result));
      return result;
    });
  });

  await app.register(lotRoutes);
  await app.register(clinicRoutes);
  await app.register(assessmentRoutes);
};
