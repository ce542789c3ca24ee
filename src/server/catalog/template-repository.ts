import type { CocktailTemplate } from '../../domain/api/catalog.ts';
import type { Queryable } from '../db/database.ts';
import { folded, likePattern } from './repository.ts';

interface TemplateRow {
  id: string;
  code: string | null;
  name: string;
  indication: CocktailTemplate['indication'];
  technique: CocktailTemplate['technique'];
  depth_mm: number | null;
  notes: string | null;
  active: boolean;
  created_at: Date;
  updated_at: Date;
  components: { product_id: string; product_code: string; product_name: string; volume_ml: number }[];
}

const templateSelect = `
  SELECT t.id, t.code, t.name, t.indication, t.technique, t.depth_mm, t.notes, t.active, t.created_at, t.updated_at,
         coalesce((SELECT json_agg(json_build_object('product_id', p.id, 'product_code', p.code, 'product_name', p.name, 'volume_ml', c.volume_ml)
                     ORDER BY c.position)
                   FROM cocktail_template_components c JOIN products p ON p.clinic_id = c.clinic_id AND p.id = c.product_id
                   WHERE c.clinic_id = t.clinic_id AND c.template_id = t.id), '[]') AS components
  FROM cocktail_templates t`;

// Sums of two-decimal volumes, without binary fractions showing (0.1 + 0.2).
const sumMl = (values: number[]): number => Math.round(values.reduce((a, b) => a + b * 100, 0)) / 100;

function toTemplate(r: TemplateRow): CocktailTemplate {
  const components = r.components.map((c) => ({ productId: c.product_id, productCode: c.product_code, productName: c.product_name, volumeMl: Number(c.volume_ml) }));
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    indication: r.indication,
    technique: r.technique,
    depthMm: r.depth_mm,
    notes: r.notes,
    active: r.active,
    components,
    totalVolumeMl: sumMl(components.map((c) => c.volumeMl)),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** A template as stored, without its components and timestamps. */
export type TemplateFields = Omit<CocktailTemplate, 'id' | 'components' | 'totalVolumeMl' | 'createdAt' | 'updatedAt'>;

const values = (t: TemplateFields) => [t.code, t.name, t.indication, t.technique, t.depthMm, t.notes, t.active];

export const templatesRepository = {
  async insert(q: Queryable, id: string, clinicId: string, t: TemplateFields): Promise<void> {
    await q.query(
      `INSERT INTO cocktail_templates (id, clinic_id, code, name, indication, technique, depth_mm, notes, active)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [id, clinicId, ...values(t)],
    );
  },

  async update(q: Queryable, clinicId: string, id: string, t: TemplateFields): Promise<void> {
    await q.query(
      `UPDATE cocktail_templates SET code = $3, name = $4, indication = $5, technique = $6, depth_mm = $7, notes = $8, active = $9, updated_at = now()
       WHERE clinic_id = $1 AND id = $2`,
      [clinicId, id, ...values(t)],
    );
  },

  /** Replaces the components of a template, in their order. */
  async setComponents(q: Queryable, clinicId: string, templateId: string, components: { productId: string; volumeMl: number }[]): Promise<void> {
    await q.query('DELETE FROM cocktail_template_components WHERE clinic_id = $1 AND template_id = $2', [clinicId, templateId]);
    await q.query(
      `INSERT INTO cocktail_template_components (clinic_id, template_id, product_id, volume_ml, position)
       SELECT $1, $2, u.product_id, u.volume_ml, u.position FROM unnest($3::uuid[], $4::numeric[], $5::int[]) AS u(product_id, volume_ml, position)`,
      [clinicId, templateId, components.map((c) => c.productId), components.map((c) => c.volumeMl), components.map((_, i) => i)],
    );
  },

  async byId(q: Queryable, clinicId: string, id: string): Promise<CocktailTemplate | undefined> {
    const r = await q.query<TemplateRow>(`${templateSelect} WHERE t.clinic_id = $1 AND t.id = $2`, [clinicId, id]);
    return r.rows[0] && toTemplate(r.rows[0]);
  },

  async codes(q: Queryable, clinicId: string): Promise<Set<string>> {
    const r = await q.query<{ code: string }>('SELECT code FROM cocktail_templates WHERE clinic_id = $1 AND code IS NOT NULL', [clinicId]);
    return new Set(r.rows.map((x) => x.code));
  },

  async list(q: Queryable, clinicId: string, f: { q?: string | undefined; indication?: string | undefined; active?: boolean | undefined; limit: number; offset: number }): Promise<CocktailTemplate[]> {
    const r = await q.query<TemplateRow>(
      `${templateSelect}
       WHERE t.clinic_id = $1
         AND ($2::text IS NULL OR ${folded('t.name')} LIKE $2 OR t.code LIKE $2)
         AND ($3::text IS NULL OR t.indication = $3)
         AND ($4::boolean IS NULL OR t.active = $4)
       ORDER BY lower(t.name), t.id LIMIT $5 OFFSET $6`,
      [clinicId, f.q ? likePattern(f.q) : null, f.indication ?? null, f.active ?? null, f.limit, f.offset],
    );
    return r.rows.map(toTemplate);
  },
};
