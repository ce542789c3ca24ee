import type { Product, Substance } from '../../domain/api/catalog.ts';
import type { SubstanceClass } from '../../domain/vocabulary/index.ts';
import type { Queryable } from '../db/database.ts';

// Every query names the clinic as well as relying on row-level security: a database role that
// bypasses RLS (a superuser DATABASE_URL) must still never see another clinic's catalog.

interface SubstanceRow {
  id: string;
  code: string;
  name_en: string;
  name_ru: string;
  class: SubstanceClass;
  compositae: boolean;
  fish_derived: boolean;
  notes: string | null;
  created_at: Date;
  updated_at: Date;
}

const substanceColumns = 's.id, s.code, s.name_en, s.name_ru, s.class, s.compositae, s.fish_derived, s.notes, s.created_at, s.updated_at';

function toSubstance(r: SubstanceRow): Substance {
  return {
    id: r.id,
    code: r.code,
    nameEn: r.name_en,
    nameRu: r.name_ru,
    class: r.class,
    compositae: r.compositae,
    fishDerived: r.fish_derived,
    notes: r.notes,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** A substance row as stored, without the timestamps the database sets. */
export type SubstanceFields = Omit<Substance, 'id' | 'createdAt' | 'updatedAt'>;

// The database runs with the C locale, whose lower() folds ASCII only: Cyrillic is folded here,
// and ё read as е, as people type it.
const upperCyrillic = 'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯё';
const lowerCyrillic = 'абвгдеежзийклмнопрстуфхцчшщъыьэюяе';

/** SQL folding a column for case-insensitive search in English and Russian. */
export function folded(column: string): string {
  return `lower(translate(${column}, '${upperCyrillic}', '${lowerCyrillic}'))`;
}

/** Text to match anywhere in a folded name or code, with LIKE's wildcards taken literally. */
export function likePattern(text: string): string {
  const fold = text.toLowerCase().replace(/ё/g, 'е');
  return `%${fold.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export const substancesRepository = {
  async insert(q: Queryable, id: string, clinicId: string, s: SubstanceFields): Promise<Substance> {
    const r = await q.query<SubstanceRow>(
      `INSERT INTO substances AS s (id, clinic_id, code, name_en, name_ru, class, compositae, fish_derived, notes)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${substanceColumns}`,
      [id, clinicId, s.code, s.nameEn, s.nameRu, s.class, s.compositae, s.fishDerived, s.notes],
    );
    return toSubstance(r.rows[0] as SubstanceRow);
  },

  async byId(q: Queryable, clinicId: string, id: string): Promise<Substance | undefined> {
    const r = await q.query<SubstanceRow>(`SELECT ${substanceColumns} FROM substances s WHERE s.clinic_id = $1 AND s.id = $2`, [clinicId, id]);
    return r.rows[0] && toSubstance(r.rows[0]);
  },

  /** The clinic's substances among `ids` and `codes`, for resolving a composition in one query. */
  async byIdsOrCodes(q: Queryable, clinicId: string, ids: string[], codes: string[]): Promise<Substance[]> {
    const r = await q.query<SubstanceRow>(
      `SELECT ${substanceColumns} FROM substances s WHERE s.clinic_id = $1 AND (s.id = ANY($2::uuid[]) OR s.code = ANY($3::text[]))`,
      [clinicId, ids, codes],
    );
    return r.rows.map(toSubstance);
  },

  async update(q: Queryable, clinicId: string, id: string, s: SubstanceFields): Promise<Substance | undefined> {
    const r = await q.query<SubstanceRow>(
      `UPDATE substances s SET code = $3, name_en = $4, name_ru = $5, class = $6, compositae = $7, fish_derived = $8, notes = $9, updated_at = now()
       WHERE s.clinic_id = $1 AND s.id = $2 RETURNING ${substanceColumns}`,
      [clinicId, id, s.code, s.nameEn, s.nameRu, s.class, s.compositae, s.fishDerived, s.notes],
    );
    return r.rows[0] && toSubstance(r.rows[0]);
  },

  async list(q: Queryable, clinicId: string, f: { q?: string | undefined; class?: string | undefined; limit: number; offset: number }): Promise<Substance[]> {
    const r = await q.query<SubstanceRow>(
      `SELECT ${substanceColumns} FROM substances s
       WHERE s.clinic_id = $1
         AND ($2::text IS NULL OR s.code LIKE $2 OR ${folded('s.name_en')} LIKE $2 OR ${folded('s.name_ru')} LIKE $2)
         AND ($3::text IS NULL OR s.class = $3)
       ORDER BY s.code LIMIT $4 OFFSET $5`,
      [clinicId, f.q ? likePattern(f.q) : null, f.class ?? null, f.limit, f.offset],
    );
    return r.rows.map(toSubstance);
  },
};

interface ProductRow {
  id: string;
  code: string;
  name: string;
  name_ru: string | null;
  manufacturer: string | null;
  distributor: string | null;
  registration_number: string | null;
  registration_status: Product['registrationStatus'];
  licensed: boolean;
  intradermal: boolean;
  ampoule_ml: number | null;
  multi_dose: boolean;
  active: boolean;
  notes: string | null;
  created_at: Date;
  updated_at: Date;
  substances: { substance_id: string; code: string; name_en: string; name_ru: string; class: SubstanceClass; concentration_mg_per_ml: number | null; contains_adrenaline: boolean }[];
}

// The composition comes back as one JSON array per product, in its stored order.
const productSelect = `
  SELECT p.id, p.code, p.name, p.name_ru, p.manufacturer, p.distributor, p.registration_number, p.registration_status,
         p.licensed, p.intradermal, p.ampoule_ml, p.multi_dose, p.active, p.notes, p.created_at, p.updated_at,
         coalesce((SELECT json_agg(json_build_object('substance_id', s.id, 'code', s.code, 'name_en', s.name_en, 'name_ru', s.name_ru,
                     'class', s.class, 'concentration_mg_per_ml', ps.concentration_mg_per_ml, 'contains_adrenaline', ps.contains_adrenaline)
                   ORDER BY ps.position)
                   FROM product_substances ps JOIN substances s ON s.clinic_id = ps.clinic_id AND s.id = ps.substance_id
                   WHERE ps.clinic_id = p.clinic_id AND ps.product_id = p.id), '[]') AS substances
  FROM products p`;

function toProduct(r: ProductRow): Product {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    nameRu: r.name_ru,
    manufacturer: r.manufacturer,
    distributor: r.distributor,
    registrationNumber: r.registration_number,
    registrationStatus: r.registration_status,
    licensed: r.licensed,
    intradermal: r.intradermal,
    ampouleMl: r.ampoule_ml,
    multiDose: r.multi_dose,
    active: r.active,
    notes: r.notes,
    substances: r.substances.map((s) => ({
      substanceId: s.substance_id,
      code: s.code,
      nameEn: s.name_en,
      nameRu: s.name_ru,
      class: s.class,
      // json_build_object hands numerics over as JSON numbers already.
      concentrationMgPerMl: s.concentration_mg_per_ml === null ? null : Number(s.concentration_mg_per_ml),
      containsAdrenaline: s.contains_adrenaline,
    })),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** A product row as stored, without its composition and timestamps. */
export type ProductFields = Omit<Product, 'id' | 'substances' | 'createdAt' | 'updatedAt'>;

/** One stored line of a composition. */
export interface CompositionLine {
  substanceId: string;
  concentrationMgPerMl: number | null;
  containsAdrenaline: boolean;
}

const productValues = (p: ProductFields) => [
  p.code,
  p.name,
  p.nameRu,
  p.manufacturer,
  p.distributor,
  p.registrationNumber,
  p.registrationStatus,
  p.licensed,
  p.intradermal,
  p.ampouleMl,
  p.multiDose,
  p.active,
  p.notes,
];

export const productsRepository = {
  async insert(q: Queryable, id: string, clinicId: string, p: ProductFields): Promise<void> {
    await q.query(
      `INSERT INTO products (id, clinic_id, code, name, name_ru, manufacturer, distributor, registration_number, registration_status,
         licensed, intradermal, ampoule_ml, multi_dose, active, notes)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
      [id, clinicId, ...productValues(p)],
    );
  },

  async update(q: Queryable, clinicId: string, id: string, p: ProductFields): Promise<void> {
    await q.query(
      `UPDATE products SET code = $3, name = $4, name_ru = $5, manufacturer = $6, distributor = $7, registration_number = $8,
         registration_status = $9, licensed = $10, intradermal = $11, ampoule_ml = $12, multi_dose = $13, active = $14, notes = $15, updated_at = now()
       WHERE clinic_id = $1 AND id = $2`,
      [clinicId, id, ...productValues(p)],
    );
  },

  /** Replaces a product's composition with `lines`, in their order. */
  async setComposition(q: Queryable, clinicId: string, productId: string, lines: CompositionLine[]): Promise<void> {
    await q.query('DELETE FROM product_substances WHERE clinic_id = $1 AND product_id = $2', [clinicId, productId]);
    if (lines.length === 0) return;
    await q.query(
      `INSERT INTO product_substances (clinic_id, product_id, substance_id, concentration_mg_per_ml, contains_adrenaline, position)
       SELECT $1, $2, u.substance_id, u.concentration, u.adrenaline, u.position
       FROM unnest($3::uuid[], $4::numeric[], $5::boolean[], $6::int[]) AS u(substance_id, concentration, adrenaline, position)`,
      [clinicId, productId, lines.map((l) => l.substanceId), lines.map((l) => l.concentrationMgPerMl), lines.map((l) => l.containsAdrenaline), lines.map((_, i) => i)],
    );
  },

  async byId(q: Queryable, clinicId: string, id: string): Promise<Product | undefined> {
    const r = await q.query<ProductRow>(`${productSelect} WHERE p.clinic_id = $1 AND p.id = $2`, [clinicId, id]);
    return r.rows[0] && toProduct(r.rows[0]);
  },

  async byCodes(q: Queryable, clinicId: string, codes: string[]): Promise<Product[]> {
    const r = await q.query<ProductRow>(`${productSelect} WHERE p.clinic_id = $1 AND p.code = ANY($2::text[])`, [clinicId, codes]);
    return r.rows.map(toProduct);
  },

  /** Whether a product of this clinic exists (for lots and templates that reference it). */
  async exists(q: Queryable, clinicId: string, ids: string[]): Promise<Set<string>> {
    const r = await q.query<{ id: string }>('SELECT id FROM products WHERE clinic_id = $1 AND id = ANY($2::uuid[])', [clinicId, ids]);
    return new Set(r.rows.map((x) => x.id));
  },

  async list(q: Queryable, clinicId: string, f: { q?: string | undefined; active?: boolean | undefined; limit: number; offset: number }): Promise<Product[]> {
    const r = await q.query<ProductRow>(
      `${productSelect}
       WHERE p.clinic_id = $1
         AND ($2::text IS NULL OR p.code LIKE $2 OR ${folded('p.name')} LIKE $2 OR ${folded('p.name_ru')} LIKE $2)
         AND ($3::boolean IS NULL OR p.active = $3)
       ORDER BY lower(p.name), p.code LIMIT $4 OFFSET $5`,
      [clinicId, f.q ? likePattern(f.q) : null, f.active ?? null, f.limit, f.offset],
    );
    return r.rows.map(toProduct);
  },
};
