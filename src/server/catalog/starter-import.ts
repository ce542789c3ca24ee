// Loads the starter catalog (src/domain/catalog and the starter templates) into one clinic. Safe
// to run again: whatever the clinic already has under a code is kept as the clinic left it.
import { uuidv7 } from 'uuidv7';
import type { StarterImportResult } from '../../domain/api/catalog.ts';
import { STARTER_PRODUCTS, STARTER_SUBSTANCES } from '../../domain/catalog/index.ts';
import type { Labels } from '../../domain/vocabulary/index.ts';
import type { Queryable } from '../db/database.ts';
import { productsRepository } from './repository.ts';
import { STARTER_TEMPLATES } from './starter-templates.ts';
import { templatesRepository } from './template-repository.ts';

async function idsByCode(q: Queryable, table: 'substances' | 'products', clinicId: string): Promise<Map<string, string>> {
  const r = await q.query<{ code: string; id: string }>(`SELECT code, id FROM ${table} WHERE clinic_id = $1`, [clinicId]);
  return new Map(r.rows.map((x) => [x.code, x.id]));
}

/**
 * Imports the starter substances, products (with composition) and cocktail templates into a
 * clinic, by code; texts in the clinic's language. Runs in the caller's transaction, so it serves
 * the demo seed and the owner's import alike. Returns what was created and what already existed.
 */
export async function importStarterCatalog(q: Queryable, clinicId: string): Promise<StarterImportResult> {
  // Two imports of one clinic at once (a double click) run one after the other, not into a 500.
  await q.query("SELECT pg_advisory_xact_lock(hashtext('mesochart.starter-import:' || $1::text))", [clinicId]);
  const lang = (await q.query<{ lang: 'en' | 'ru' }>('SELECT default_language AS lang FROM clinics WHERE id = $1', [clinicId])).rows[0]?.lang ?? 'ru';
  const pick = (l: Labels | undefined): string | null => (l ? l[lang] : null);
  const result: StarterImportResult = { substances: { created: 0, existing: 0 }, products: { created: 0, existing: 0 }, templates: { created: 0, existing: 0 } };

  for (const s of STARTER_SUBSTANCES) {
    const r = await q.query(
      `INSERT INTO substances (id, clinic_id, code, name_en, name_ru, class, compositae, fish_derived, notes)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (clinic_id, code) DO NOTHING`,
      [uuidv7(), clinicId, s.code, s.name.en, s.name.ru, s.class, s.compositae === true, s.fishDerived === true, pick(s.notes)],
    );
    result.substances[r.rowCount ? 'created' : 'existing']++;
  }

  const substanceIds = await idsByCode(q, 'substances', clinicId);
  for (const p of STARTER_PRODUCTS) {
    const id = uuidv7();
    const r = await q.query(
      `INSERT INTO products (id, clinic_id, code, name, name_ru, manufacturer, distributor, registration_number, registration_status,
         licensed, intradermal, ampoule_ml, multi_dose, notes)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) ON CONFLICT (clinic_id, code) DO NOTHING`,
      [id, clinicId, p.code, p.name.en, p.name.ru, p.manufacturer, p.distributor, p.registrationNumber, p.registrationStatus, p.licensed, p.intradermal, p.ampouleMl, p.multiDose, pick(p.notes)],
    );
    if (!r.rowCount) {
      result.products.existing++;
      continue;
    }
    result.products.created++;
    await productsRepository.setComposition(
      q,
      clinicId,
      id,
      p.composition.map((c) => {
        const substanceId = substanceIds.get(c.substance);
        if (substanceId === undefined) throw new Error(`starter product ${p.code} names unknown substance ${c.substance}`);
        return { substanceId, concentrationMgPerMl: c.concentrationMgPerMl ?? null, containsAdrenaline: c.containsAdrenaline === true };
      }),
    );
  }

  const productIds = await idsByCode(q, 'products', clinicId);
  const templateCodes = await templatesRepository.codes(q, clinicId);
  for (const t of STARTER_TEMPLATES) {
    if (templateCodes.has(t.code)) {
      result.templates.existing++;
      continue;
    }
    const components = t.components.map((c) => {
      const productId = productIds.get(c.product);
      if (productId === undefined) throw new Error(`starter template ${t.code} names unknown product ${c.product}`);
      return { productId, volumeMl: c.volumeMl };
    });
    const id = uuidv7();
    await templatesRepository.insert(q, id, clinicId, { code: t.code, name: t.name[lang], indication: t.indication, technique: t.technique, depthMm: t.depthMm, notes: t.notes[lang], active: true });
    await templatesRepository.setComponents(q, clinicId, id, components);
    result.templates.created++;
  }
  return result;
}
