// Statements run prepared (src/server/db/database.ts). A prepared statement's generic plan is made
// once and reused for every clinic: row-level security must hold in it, not only in the plan made
// for the first caller. PostgreSQL is told to use generic plans from the first call, so the test
// does not depend on when it would choose them itself.
import { afterAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { testDatabase } from '../../../test/db.ts';
import { patientsRepository } from '../patients/repository.ts';
import { Database, statement } from './database.ts';

const { url } = await testDatabase();
// One connection, so that every call below meets the same prepared statements.
const generic = new Database(`${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent('-c plan_cache_mode=force_generic_plan')}`, 1);
afterAll(() => generic.close());

async function clinicWithPatient(familyName: string): Promise<{ clinicId: string; patientId: string }> {
  const clinicId = uuidv7();
  const patientId = uuidv7();
  await generic.tx({ system: true }, async (q) => {
    await q.query('INSERT INTO clinics (id, name, default_language) VALUES ($1, $2, $3)', [clinicId, `Clinic ${familyName}`, 'en']);
    await q.query("INSERT INTO patients (id, clinic_id, given_name, family_name, birth_date, sex, search_key) VALUES ($1, $2, 'Anna', $3, '1990-01-01', 'female', $4)", [
      patientId,
      clinicId,
      familyName,
      familyName.toLowerCase(),
    ]);
  });
  return { clinicId, patientId };
}

describe('prepared statements', () => {
  it('keep each clinic to its own rows when one generic plan serves every clinic', async () => {
    const a = await clinicWithPatient('Alpha');
    const b = await clinicWithPatient('Beta');
    const countText = 'SELECT count(*)::int AS n, min(family_name) AS name FROM patients WHERE $1::int = 1';
    for (let round = 0; round < 4; round++) {
      for (const [mine, other, name] of [
        [a, b, 'Alpha'],
        [b, a, 'Beta'],
      ] as const) {
        await generic.tx({ clinicId: mine.clinicId }, async (q) => {
          expect((await patientsRepository.byId(q, mine.patientId))?.familyName).toBe(name);
          expect(await patientsRepository.byId(q, other.patientId)).toBeUndefined();
          expect((await q.query(countText, [1])).rows[0]).toEqual({ n: 1, name });
        });
      }
    }
    // They did run prepared, on generic plans.
    const plans = await generic.tx({ system: true }, (q) =>
      q.query<{ generic_plans: number }>('SELECT generic_plans FROM pg_prepared_statements WHERE name = $1', [statement(countText, [1]).name]),
    );
    expect(plans.rows[0]?.generic_plans).toBeGreaterThanOrEqual(8);
  });

  it('are not used for pattern searches, whose best plan depends on the pattern', () => {
    expect(statement('SELECT 1 FROM patient_search WHERE search_key LIKE $1', ['iv%']).name).toBeUndefined();
    expect(statement('SELECT 1 FROM patient_search WHERE $1 <% search_key', ['ivanova']).name).toBeUndefined();
    expect(statement('SELECT 1 FROM patients WHERE id = $1', [uuidv7()]).name).toMatch(/^m\d+$/);
    expect(statement('BEGIN; SELECT 1').name).toBeUndefined();
  });
});
