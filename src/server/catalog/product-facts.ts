// The clinic's catalog as the safety engine sees it: products by code, in the engine's
// ProductFacts shape. The engine resolves codes synchronously, so the products are loaded first.
import { withSubstanceFlags, type ProductFacts, type ProductResolver, type SubstanceFacts } from '../../domain/catalog/index.ts';
import type { SubstanceClass } from '../../domain/vocabulary/index.ts';
import type { Queryable } from '../db/database.ts';

interface FactsRow {
  code: string;
  name: string;
  name_ru: string | null;
  registration_status: string;
  licensed: boolean;
  intradermal: boolean;
  multi_dose: boolean;
  substances: { code: string; class: SubstanceClass; concentration: number | null; adrenaline: boolean; compositae: boolean; fish: boolean }[];
}

function toFacts(r: FactsRow): ProductFacts {
  return {
    code: r.code,
    name: r.name,
    ...(r.name_ru !== null && r.name_ru !== r.name ? { nameRu: r.name_ru } : {}),
    intradermal: r.intradermal,
    // A licence counts only with a registration in force: pending, expired or revoked ones do not.
    licensed: r.licensed && r.registration_status === 'registered',
    multiDose: r.multi_dose,
    substances: r.substances.map((s) => {
      const facts: SubstanceFacts = {
        code: s.code,
        class: s.class,
        ...(s.concentration === null ? {} : { concentrationMgPerMl: Number(s.concentration) }),
        ...(s.adrenaline ? { containsAdrenaline: true } : {}),
        ...(s.compositae ? { compositae: true } : {}),
        ...(s.fish ? { fishDerived: true } : {}),
      };
      // A clinic's own arnica still counts as an Asteraceae plant, flagged or not.
      return withSubstanceFlags(facts);
    }),
  };
}

/**
 * Loads the products of the transaction's clinic with these codes, with their composition, as the
 * engine's facts. Scoped by `app_clinic()`, the clinic the transaction was opened for, so that
 * even a database role that bypasses row-level security reads only that clinic.
 */
export async function loadProductFacts(q: Queryable, codes: readonly string[]): Promise<Map<string, ProductFacts>> {
  if (codes.length === 0) return new Map();
  const r = await q.query<FactsRow>(
    `SELECT p.code, p.name, p.name_ru, p.registration_status, p.licensed, p.intradermal, p.multi_dose,
            coalesce((SELECT json_agg(json_build_object('code', s.code, 'class', s.class, 'concentration', ps.concentration_mg_per_ml,
                        'adrenaline', ps.contains_adrenaline, 'compositae', s.compositae, 'fish', s.fish_derived) ORDER BY ps.position)
                      FROM product_substances ps JOIN substances s ON s.clinic_id = ps.clinic_id AND s.id = ps.substance_id
                      WHERE ps.clinic_id = p.clinic_id AND ps.product_id = p.id), '[]') AS substances
     FROM products p WHERE p.clinic_id = app_clinic() AND p.code = ANY($1::text[])`,
    [[...new Set(codes)]],
  );
  return new Map(r.rows.map((row) => [row.code, toFacts(row)]));
}

/**
 * A resolver of product codes against the clinic's catalog, for `assess`: loads the products of
 * `codes` (in the transaction's clinic) and answers undefined for any other code.
 */
export async function productResolver(q: Queryable, codes: readonly string[]): Promise<ProductResolver> {
  const facts = await loadProductFacts(q, codes);
  return (code) => facts.get(code);
}
