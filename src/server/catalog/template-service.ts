import { uuidv7 } from 'uuidv7';
import type { CocktailTemplate, NewTemplate, TemplatePatch } from '../../domain/api/catalog.ts';
import { appendAudit } from '../audit/audit.ts';
import type { ServiceContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { Problem } from '../errors.ts';
import { catalogAudit, cursorOffset, pageOf, referenceNotFound, uniqueAsConflict } from './common.ts';
import { productsRepository } from './repository.ts';
import { templatesRepository, type TemplateFields } from './template-repository.ts';

const templateConflicts = { cocktail_templates_code_key: { path: 'body.code', message: 'a cocktail template with this code already exists' } };

/** Every component must name a product of this clinic: another clinic's product is not found. */
async function checkComponents(q: Queryable, clinicId: string, components: { productId: string }[]): Promise<void> {
  const known = await productsRepository.exists(q, clinicId, components.map((c) => c.productId));
  const missing = components.findIndex((c) => !known.has(c.productId));
  if (missing >= 0) throw referenceNotFound('Product', `body.components[${missing}].productId`);
}

/** Lists the clinic's cocktail templates with their components. */
export async function listTemplates(ctx: ServiceContext, f: { q?: string | undefined; indication?: string | undefined; active?: boolean | undefined; limit: number; cursor?: string | undefined }) {
  const offset = cursorOffset(f.cursor);
  const rows = await ctx.db.tx({ clinicId: ctx.actor.clinicId }, (q) => templatesRepository.list(q, ctx.actor.clinicId, { ...f, limit: f.limit + 1, offset }), { readOnly: true });
  return pageOf(rows, f.limit, offset);
}

/** Reads one cocktail template. */
export async function getTemplate(ctx: ServiceContext, id: string): Promise<CocktailTemplate> {
  const found = await ctx.db.tx({ clinicId: ctx.actor.clinicId }, (q) => templatesRepository.byId(q, ctx.actor.clinicId, id), { readOnly: true });
  if (!found) throw Problem.notFound('Cocktail template');
  return found;
}

/** Adds a cocktail template. */
export async function createTemplate(ctx: ServiceContext, input: NewTemplate): Promise<CocktailTemplate> {
  return ctx.db.tx({ clinicId: ctx.actor.clinicId }, async (q) => {
    const clinicId = ctx.actor.clinicId;
    await checkComponents(q, clinicId, input.components);
    const id = uuidv7();
    const fields: TemplateFields = {
      code: input.code ?? null,
      name: input.name,
      indication: input.indication ?? null,
      technique: input.technique ?? null,
      depthMm: input.depthMm ?? null,
      notes: input.notes ?? null,
      active: input.active ?? true,
    };
    await uniqueAsConflict(templateConflicts, () => templatesRepository.insert(q, id, clinicId, fields));
    await templatesRepository.setComponents(q, clinicId, id, input.components);
    await appendAudit(q, catalogAudit(ctx, 'cocktail-template.create', 'cocktail-template', id, { name: input.name, components: input.components.length }));
    return (await templatesRepository.byId(q, clinicId, id)) as CocktailTemplate;
  });
}

/** Edits a template; `components`, when given, replaces them all. */
export async function updateTemplate(ctx: ServiceContext, id: string, patch: TemplatePatch): Promise<CocktailTemplate> {
  return ctx.db.tx({ clinicId: ctx.actor.clinicId }, async (q) => {
    const clinicId = ctx.actor.clinicId;
    const current = await templatesRepository.byId(q, clinicId, id);
    if (!current) throw Problem.notFound('Cocktail template');
    if (patch.components) await checkComponents(q, clinicId, patch.components);
    const pick = <K extends keyof TemplateFields>(k: K): TemplateFields[K] => (patch[k] === undefined ? current[k] : (patch[k] as TemplateFields[K]));
    const next: TemplateFields = {
      code: pick('code'),
      name: pick('name'),
      indication: pick('indication'),
      technique: pick('technique'),
      depthMm: pick('depthMm'),
      notes: pick('notes'),
      active: pick('active'),
    };
    await uniqueAsConflict(templateConflicts, () => templatesRepository.update(q, clinicId, id, next));
    if (patch.components) await templatesRepository.setComponents(q, clinicId, id, patch.components);
    await appendAudit(q, catalogAudit(ctx, 'cocktail-template.update', 'cocktail-template', id, { fields: Object.keys(patch) }));
    return (await templatesRepository.byId(q, clinicId, id)) as CocktailTemplate;
  });
}
