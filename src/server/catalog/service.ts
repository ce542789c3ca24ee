import { uuidv7 } from 'uuidv7';
import type { CompositionItem, NewProduct, NewSubstance, Product, ProductPatch, Substance, SubstancePatch } from '../../domain/api/catalog.ts';
import { appendAudit } from '../audit/audit.ts';
import type { ServiceContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { Problem, type FieldIssue } from '../errors.ts';
import { catalogAudit, codeIsFixed, cursorOffset, pageOf, uniqueAsConflict } from './common.ts';
import { productsRepository, substancesRepository, type CompositionLine, type ProductFields, type SubstanceFields } from './repository.ts';

const substanceConflicts = { substances_clinic_id_code_key: { path: 'body.code', message: 'a substance with this code already exists' } };
const productConflicts = { products_clinic_id_code_key: { path: 'body.code', message: 'a product with this code already exists' } };

/** Lists the clinic's substances, by code, optionally matching text or a class. */
export async function listSubstances(ctx: ServiceContext, f: { q?: string | undefined; class?: string | undefined; limit: number; cursor?: string | undefined }) {
  const offset = cursorOffset(f.cursor);
  const rows = await ctx.db.tx({ clinicId: ctx.actor.clinicId }, (q) => substancesRepository.list(q, ctx.actor.clinicId, { ...f, limit: f.limit + 1, offset }), { readOnly: true });
  return pageOf(rows, f.limit, offset);
}

/** Adds a substance to the clinic's catalog. */
export async function createSubstance(ctx: ServiceContext, input: NewSubstance): Promise<Substance> {
  return ctx.db.tx({ clinicId: ctx.actor.clinicId }, async (q) => {
    const id = uuidv7();
    const fields: SubstanceFields = { code: input.code, nameEn: input.nameEn, nameRu: input.nameRu, class: input.class, compositae: input.compositae ?? false, fishDerived: input.fishDerived ?? false, notes: input.notes ?? null };
    const saved = await uniqueAsConflict(substanceConflicts, () => substancesRepository.insert(q, id, ctx.actor.clinicId, fields));
    await appendAudit(q, catalogAudit(ctx, 'substance.create', 'substance', id, { code: input.code, class: input.class }));
    return saved;
  });
}

/** Edits a substance; its code is fixed once created. */
export async function updateSubstance(ctx: ServiceContext, id: string, patch: SubstancePatch): Promise<Substance> {
  return ctx.db.tx({ clinicId: ctx.actor.clinicId }, async (q) => {
    const current = await substancesRepository.byId(q, ctx.actor.clinicId, id);
    if (!current) throw Problem.notFound('Substance');
    if (patch.code !== undefined && patch.code !== current.code) throw codeIsFixed('body.code');
    const next: SubstanceFields = {
      code: current.code,
      nameEn: patch.nameEn ?? current.nameEn,
      nameRu: patch.nameRu ?? current.nameRu,
      class: patch.class ?? current.class,
      compositae: patch.compositae ?? current.compositae,
      fishDerived: patch.fishDerived ?? current.fishDerived,
      notes: patch.notes === undefined ? current.notes : patch.notes,
    };
    const saved = await substancesRepository.update(q, ctx.actor.clinicId, id, next);
    if (!saved) throw Problem.notFound('Substance');
    await appendAudit(q, catalogAudit(ctx, 'substance.update', 'substance', id, { fields: Object.keys(patch), ...(patch.class && patch.class !== current.class ? { classBefore: current.class, classAfter: patch.class } : {}) }));
    return saved;
  });
}

/**
 * Resolves a composition (substances by id or code) against the clinic's substances; every
 * unknown or repeated substance is a 400 naming its place in the list.
 */
async function resolveComposition(q: Queryable, clinicId: string, items: CompositionItem[]): Promise<CompositionLine[]> {
  const ids = items.flatMap((s) => (s.substanceId ? [s.substanceId] : []));
  const codes = items.flatMap((s) => (s.code ? [s.code] : []));
  const found = await substancesRepository.byIdsOrCodes(q, clinicId, ids, codes);
  const byId = new Map(found.map((s) => [s.id, s]));
  const byCode = new Map(found.map((s) => [s.code, s]));
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  const lines: CompositionLine[] = [];
  items.forEach((item, i) => {
    const s = item.substanceId ? byId.get(item.substanceId) : byCode.get(item.code ?? '');
    const field = item.substanceId ? 'substanceId' : 'code';
    if (!s) {
      issues.push({ path: `body.substances[${i}].${field}`, message: `no such substance in this clinic's catalog: ${JSON.stringify(item.substanceId ?? item.code)}` });
      return;
    }
    if (seen.has(s.id)) {
      issues.push({ path: `body.substances[${i}].${field}`, message: `substance ${s.code} is listed twice` });
      return;
    }
    seen.add(s.id);
    lines.push({ substanceId: s.id, concentrationMgPerMl: item.concentrationMgPerMl ?? null, containsAdrenaline: item.containsAdrenaline ?? false });
  });
  if (issues.length > 0) throw Problem.badRequest(issues.map((x) => `${x.path}: ${x.message}`).join('; '), issues);
  return lines;
}

/** Lists the clinic's products with their composition, by name. */
export async function listProducts(ctx: ServiceContext, f: { q?: string | undefined; active?: boolean | undefined; limit: number; cursor?: string | undefined }) {
  const offset = cursorOffset(f.cursor);
  const rows = await ctx.db.tx({ clinicId: ctx.actor.clinicId }, (q) => productsRepository.list(q, ctx.actor.clinicId, { ...f, limit: f.limit + 1, offset }), { readOnly: true });
  return pageOf(rows, f.limit, offset);
}

/** Reads one product with its composition. */
export async function getProduct(ctx: ServiceContext, id: string): Promise<Product> {
  const found = await ctx.db.tx({ clinicId: ctx.actor.clinicId }, (q) => productsRepository.byId(q, ctx.actor.clinicId, id), { readOnly: true });
  if (!found) throw Problem.notFound('Product');
  return found;
}

/** Adds a product with its composition. */
export async function createProduct(ctx: ServiceContext, input: NewProduct): Promise<Product> {
  return ctx.db.tx({ clinicId: ctx.actor.clinicId }, async (q) => {
    const clinicId = ctx.actor.clinicId;
    const lines = await resolveComposition(q, clinicId, input.substances);
    const id = uuidv7();
    const fields: ProductFields = {
      code: input.code,
      name: input.name,
      nameRu: input.nameRu ?? null,
      manufacturer: input.manufacturer ?? null,
      distributor: input.distributor ?? null,
      registrationNumber: input.registrationNumber ?? null,
      registrationStatus: input.registrationStatus ?? 'registered',
      licensed: input.licensed,
      intradermal: input.intradermal,
      ampouleMl: input.ampouleMl ?? null,
      multiDose: input.multiDose ?? false,
      active: input.active ?? true,
      notes: input.notes ?? null,
    };
    await uniqueAsConflict(productConflicts, () => productsRepository.insert(q, id, clinicId, fields));
    await productsRepository.setComposition(q, clinicId, id, lines);
    await appendAudit(q, catalogAudit(ctx, 'product.create', 'product', id, { code: input.code, licensed: input.licensed, intradermal: input.intradermal, substances: lines.length }));
    return (await productsRepository.byId(q, clinicId, id)) as Product;
  });
}

/** Edits a product; `substances`, when given, replaces the whole composition. Its code is fixed. */
export async function updateProduct(ctx: ServiceContext, id: string, patch: ProductPatch): Promise<Product> {
  return ctx.db.tx({ clinicId: ctx.actor.clinicId }, async (q) => {
    const clinicId = ctx.actor.clinicId;
    const current = await productsRepository.byId(q, clinicId, id);
    if (!current) throw Problem.notFound('Product');
    if (patch.code !== undefined && patch.code !== current.code) throw codeIsFixed('body.code');
    const lines = patch.substances === undefined ? undefined : await resolveComposition(q, clinicId, patch.substances);
    const pick = <K extends keyof ProductFields>(k: K): ProductFields[K] => (patch[k] === undefined ? current[k] : (patch[k] as ProductFields[K]));
    const next: ProductFields = {
      code: current.code,
      name: pick('name'),
      nameRu: pick('nameRu'),
      manufacturer: pick('manufacturer'),
      distributor: pick('distributor'),
      registrationNumber: pick('registrationNumber'),
      registrationStatus: pick('registrationStatus'),
      licensed: pick('licensed'),
      intradermal: pick('intradermal'),
      ampouleMl: pick('ampouleMl'),
      multiDose: pick('multiDose'),
      active: pick('active'),
      notes: pick('notes'),
    };
    await productsRepository.update(q, clinicId, id, next);
    if (lines) await productsRepository.setComposition(q, clinicId, id, lines);
    // Safety-relevant flags are audited with their before and after values.
    const changed = (['licensed', 'intradermal', 'registrationStatus', 'multiDose', 'active'] as const).filter((k) => next[k] !== current[k]);
    await appendAudit(
      q,
      catalogAudit(ctx, 'product.update', 'product', id, {
        fields: Object.keys(patch),
        ...(changed.length ? { changes: Object.fromEntries(changed.map((k) => [k, { before: current[k], after: next[k] }])) } : {}),
      }),
    );
    return (await productsRepository.byId(q, clinicId, id)) as Product;
  });
}
