// The chain: clinics in Russian cities (and a few abroad, in English), their staff with one
// password hash shared by all (argon2 is slow on purpose: hashed once), the starter catalog loaded
// through the server's own import, and a complete anti-shock kit. Returns what the patients'
// records need of each clinic: staff ids, product snapshots, the engine's product facts.
import type { ProductResolver } from '../../src/domain/catalog/index.ts';
import type { ComponentSnapshot } from '../../src/domain/api/courses.ts';
import type { ClinicSettings } from '../../src/domain/assessment/settings.ts';
import { hashPassword } from '../../src/server/auth/secrets.ts';
import { loadClinicSettings } from '../../src/server/catalog/clinic-service.ts';
import { productResolver } from '../../src/server/catalog/product-facts.ts';
import { importStarterCatalog } from '../../src/server/catalog/starter-import.ts';
import { emergencyKit, loadClinicFacts } from '../../src/server/clinical/clinic.ts';
import { catalogReads } from '../../src/server/courses/catalog-reads.ts';
import type { Database } from '../../src/server/db/database.ts';
import { addDays } from '../../src/domain/clinical/calendar.ts';
import { STARTER_PRODUCTS } from '../../src/domain/catalog/index.ts';
import { personName } from '../lib/names.ts';
import { Rng } from '../lib/rng.ts';

/** The password of every generated user (`mesochart user` commands can change it). */
export const benchPassword = 'bench-password-2026';

const cities: [string, string][] = [
  ['Москва', 'Europe/Moscow'], ['Санкт-Петербург', 'Europe/Moscow'], ['Казань', 'Europe/Moscow'], ['Екатеринбург', 'Asia/Yekaterinburg'],
  ['Новосибирск', 'Asia/Novosibirsk'], ['Краснодар', 'Europe/Moscow'], ['Самара', 'Europe/Samara'], ['Нижний Новгород', 'Europe/Moscow'],
  ['Ростов-на-Дону', 'Europe/Moscow'], ['Уфа', 'Asia/Yekaterinburg'], ['Красноярск', 'Asia/Krasnoyarsk'], ['Пермь', 'Asia/Yekaterinburg'],
  ['Воронеж', 'Europe/Moscow'], ['Волгоград', 'Europe/Volgograd'], ['Омск', 'Asia/Omsk'], ['Тюмень', 'Asia/Yekaterinburg'],
  ['Калининград', 'Europe/Kaliningrad'], ['Владивосток', 'Asia/Vladivostok'], ['Иркутск', 'Asia/Irkutsk'], ['Сочи', 'Europe/Moscow'],
];
const abroad: [string, string, string][] = [
  ['Dubai Marina', 'Asia/Dubai', 'AED'], ['Limassol', 'Asia/Nicosia', 'EUR'], ['Riga', 'Europe/Riga', 'EUR'], ['Tbilisi', 'Asia/Tbilisi', 'GEL'],
];
const streets = ['ул. Тверская', 'Невский пр.', 'ул. Баумана', 'пр. Ленина', 'ул. Пушкина', 'ул. Садовая', 'Кутузовский пр.', 'ул. Мира', 'ул. Гагарина', 'ул. Советская'];
const brands = ['Мезо Эстетик', 'Лаванда', 'Эстетика Плюс', 'Бьюти Лаб', 'Дерма Клиник'];

export type StaffRole = 'owner' | 'doctor' | 'nurse' | 'reception';

/** What a clinic's generated records need to know about it. */
export interface ClinicWorld {
  index: number;
  id: string;
  name: string;
  timeZone: string;
  language: 'en' | 'ru';
  owner: string;
  doctors: string[];
  nurses: string[];
  reception: string[];
  products: Map<string, { id: string; snapshot: (volumeMl: number) => ComponentSnapshot }>;
  templates: Map<string, string>;
  resolver: ProductResolver;
  settings: ClinicSettings;
  kit: { complete: boolean; expires?: string };
  followUpHours: number[];
}

interface ClinicPlan {
  index: number;
  id: string;
  name: string;
  timeZone: string;
  currency: string;
  language: 'en' | 'ru';
  createdMs: number;
  staff: { id: string; role: StaffRole; email: string; name: string; language: 'en' | 'ru' }[];
}

function planClinic(seed: string, index: number, startMs: number): ClinicPlan {
  const rng = new Rng(`${seed}:clinic:${index}`);
  const foreign = index % 8 === 7;
  const [city, timeZone, currency] = foreign ? (abroad[Math.floor(index / 8) % abroad.length] as [string, string, string]) : [...(cities[index % cities.length] as [string, string]), 'RUB'];
  const brand = brands[Math.floor(index / cities.length) % brands.length] ?? 'Мезо Эстетик';
  const language = foreign ? 'en' : 'ru';
  const name = foreign ? `Meso Aesthetic ${city} #${index + 1}` : `${brand} — ${city}, ${rng.pick(streets)}, ${rng.int(1, 120)} (№${index + 1})`;
  const createdMs = startMs - rng.int(30, 400) * 86_400_000;
  const staff: ClinicPlan['staff'] = [];
  const counts: [StaffRole, number][] = [['owner', 1], ['doctor', rng.int(3, 6)], ['nurse', rng.int(2, 4)], ['reception', rng.int(2, 3)]];
  for (const [role, n] of counts) {
    for (let k = 1; k <= n; k++) {
      const person = personName(rng, role !== 'doctor' || rng.chance(0.8), foreign ? 0.9 : 0);
      const display = `${role === 'doctor' ? (foreign ? 'Dr. ' : 'Др. ') : ''}${person.givenName} ${person.familyName}`;
      staff.push({ id: rng.uuid7(createdMs + staff.length * 60_000), role, email: `${role}${k}.c${index + 1}@bench.mesochart.test`, name: display, language });
    }
  }
  return { index, id: rng.uuid7(createdMs - 3_600_000), name, timeZone, currency, language, createdMs, staff };
}

/** Creates the clinics, their staff, catalog and kit; returns each clinic's world. */
export async function createClinics(db: Database, seed: string, count: number, startMs: number, today: string, log: (m: string) => void): Promise<ClinicWorld[]> {
  const hash = await hashPassword(benchPassword);
  const plans = Array.from({ length: count }, (_, i) => planClinic(seed, i, startMs));
  const worlds: ClinicWorld[] = [];
  for (const p of plans) {
    await db.tx({ system: true }, async (q) => {
      await q.query('INSERT INTO clinics (id, name, time_zone, currency, default_language, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
        p.id,
        p.name,
        p.timeZone,
        p.currency,
        p.language,
        new Date(p.createdMs),
      ]);
      await q.query(
        `INSERT INTO users (id, clinic_id, email, display_name, role, password_hash, language, created_at, updated_at)
         SELECT t.id, $1, t.email, t.name, t.role, $2, $3, $4, $4 FROM unnest($5::uuid[], $6::text[], $7::text[], $8::text[]) AS t(id, email, name, role)`,
        [p.id, hash, p.language, new Date(p.createdMs), p.staff.map((s) => s.id), p.staff.map((s) => s.email), p.staff.map((s) => s.name), p.staff.map((s) => s.role)],
      );
    });
    await db.tx({ clinicId: p.id }, async (q) => {
      await importStarterCatalog(q, p.id);
      const kit: [string, string][] = [
        ['Адреналин (эпинефрин) 0,1% 1 мл ×3', 'adrenaline'],
        ['Хлоропирамин 2% 1 мл ×2', 'antihistamine'],
        ['Преднизолон 30 мг/мл ×3', 'corticosteroid'],
        ['Атропин 0,1% 1 мл ×2', 'atropine'],
        ['Система для инфузий с 0,9% NaCl 500 мл', 'infusion-set'],
      ];
      const nurse = p.staff.find((s) => s.role === 'nurse')?.id ?? null;
      const rng = new Rng(`${seed}:kit:${p.index}`);
      for (const [i, [name, kind]] of kit.entries()) {
        await q.query(
          `INSERT INTO emergency_kit_items (id, clinic_id, name, kind, required, lot, expires_on, last_checked_at, last_checked_by)
           VALUES ($1, $2, $3, $4, true, $5, $6, $7, $8)`,
          [rng.uuid7(startMs - 86_400_000 + i), p.id, name, kind, `AK-${rng.int(1000, 9999)}`, addDays(today, rng.int(200, 500)), new Date(startMs - 2 * 86_400_000), nurse],
        );
      }
    });
    worlds.push(await clinicWorld(db, p));
    log(`  clinic ${p.index + 1}/${count}: ${p.name} (${p.staff.length} staff, starter catalog imported)`);
  }
  return worlds;
}

async function clinicWorld(db: Database, p: ClinicPlan): Promise<ClinicWorld> {
  return db.tx({ clinicId: p.id }, async (q) => {
    const ids = new Map((await q.query<{ code: string; id: string }>('SELECT code, id FROM products WHERE clinic_id = $1', [p.id])).rows.map((r) => [r.code, r.id]));
    const catalog = await catalogReads.products(q, p.id, [...ids.values()]);
    const templates = new Map((await q.query<{ code: string; id: string }>('SELECT code, id FROM cocktail_templates WHERE clinic_id = $1 AND code IS NOT NULL', [p.id])).rows.map((r) => [r.code, r.id]));
    const byRole = (role: StaffRole) => p.staff.filter((s) => s.role === role).map((s) => s.id);
    return {
      index: p.index,
      id: p.id,
      name: p.name,
      timeZone: p.timeZone,
      language: p.language,
      owner: byRole('owner')[0] as string,
      doctors: byRole('doctor'),
      nurses: byRole('nurse'),
      reception: byRole('reception'),
      products: new Map([...catalog.values()].map((c) => [c.code, { id: c.id, snapshot: c.snapshot }])),
      templates,
      resolver: await productResolver(q, STARTER_PRODUCTS.map((x) => x.code)),
      settings: await loadClinicSettings(q, p.id),
      kit: await emergencyKit(q, p.id),
      followUpHours: (await loadClinicFacts(q, p.id)).followUpHours,
    };
  });
}
