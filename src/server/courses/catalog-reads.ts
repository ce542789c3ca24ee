// The catalog rows a course's cocktail snapshot is taken from: products with their composition,
// and the components of a cocktail template.
import type { ComponentSnapshot } from '../../domain/api/courses.ts';
import type { Queryable } from '../db/database.ts';

interface ProductRow {
  id: string;
  code: string;
  name: string;
  name_ru: string | null;
  manufacturer: string | null;
  registration_number: string | null;
  registration_status: string;
  licensed: boolean;
  intradermal: boolean;
  multi_dose: boolean;
  active: boolean;
  substances: { code: string; nameEn: string; nameRu: string; class: ComponentSnapshot['substances'][number]['class']; concentrationMgPerMl: number | null }[];
}

/** A catalog product with what a snapshot keeps of it. */
export interface CatalogProduct {
  id: string;
  code: string;
  active: boolean;
  snapshot: (volumeMl: number) => ComponentSnapshot;
}

export const catalogReads = {
  /** Products of the clinic by id, with their composition, for a cocktail snapshot. */
  async products(q: Queryable, clinicId: string, ids: readonly string[]): Promise<Map<string, CatalogProduct>> {
    if (ids.length === 0) return new Map();
    const r = await q.query<ProductRow>(
      `SELECT p.id, p.code, p.name, p.name_ru, p.manufacturer, p.registration_number, p.registration_status, p.licensed, p.intradermal, p.multi_dose, p.active,
              coalesce((SELECT json_agg(json_build_object('code', s.code, 'nameEn', s.name_en, 'nameRu', s.name_ru, 'class', s.class,
                                                          'concentrationMgPerMl', ps.concentration_mg_per_ml) ORDER BY ps.position)
                        FROM product_substances ps JOIN substances s ON s.clinic_id = ps.clinic_id AND s.id = ps.substance_id
                        WHERE ps.clinic_id = p.clinic_id AND ps.product_id = p.id), '[]') AS substances
       FROM products p WHERE p.clinic_id = $1 AND p.id = ANY($2::uuid[])`,
      [clinicId, [...new Set(ids)]],
    );
    return new Map(
      r.rows.map((p) => [
        p.id,
        {
          id: p.id,
          code: p.code,
          active: p.active,
          snapshot: (volumeMl: number): ComponentSnapshot => ({
            productId: p.id,
            code: p.code,
            name: p.name,
            nameRu: p.name_ru,
            manufacturer: p.manufacturer,
            registrationNumber: p.registration_number,
            registrationStatus: p.registration_status,
            licensed: p.licensed && p.registration_status === 'registered',
            intradermal: p.intradermal,
            multiDose: p.multi_dose,
            volumeMl,
            substances: p.substances.map((s) => ({ ...s, concentrationMgPerMl: s.concentrationMgPerMl === null ? null : Number(s.concentrationMgPerMl) })),
          }),
        },
      ]),
    );
  },

  /** The components of a cocktail template of the clinic; undefined when there is no such template. */
  async templateComponents(q: Queryable, clinicId: string, templateId: string): Promise<{ productId: string; volumeMl: number }[] | undefined> {
    const t = await q.query('SELECT 1 FROM cocktail_templates WHERE clinic_id = $1 AND id = $2', [clinicId, templateId]);
    if (t.rowCount === 0) return undefined;
    const r = await q.query<{ product_id: string; volume_ml: number }>(
      'SELECT product_id, volume_ml FROM cocktail_template_components WHERE clinic_id = $1 AND template_id = $2 ORDER BY position',
      [clinicId, templateId],
    );
    return r.rows.map((x) => ({ productId: x.product_id, volumeMl: Number(x.volume_ml) }));
  },
};
