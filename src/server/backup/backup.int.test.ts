import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../test/app.ts';
import { testDatabase } from '../../../test/db.ts';
import { clinicalClinic, consentedCourse, sessionBody } from '../../../test/fixtures/clinical.ts';
import { sealAudit, verifyAudit } from '../audit/audit.ts';
import { backup, restore } from './backup.ts';

const source = await setupTestApp();
const target = await testDatabase();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mesochart-backup-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function counts(db: typeof target.db): Promise<Record<string, number>> {
  return db.tx({ system: true }, async (q) => {
    const out: Record<string, number> = {};
    for (const t of ['clinics', 'users', 'patients', 'audit_events', 'audit_seals']) {
      out[t] = (await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`)).rows[0]!.n;
    }
    return out;
  });
}

describe('backup and restore', () => {
  it('restores a snapshot whole into an empty database, with files, and the audit chain still verifies', async () => {
    const c = await source.clinic();
    await c.doctor.call({ method: 'POST', url: '/api/v1/patients', payload: { givenName: 'Анна', familyName: 'Резервная', birthDate: '1988-08-08', sex: 'female', phone: '+7 900 000-00-01' } });
    await sealAudit(source.db);
    const dataDir = path.join(tmp, 'source-data');
    fs.mkdirSync(path.join(dataDir, 'files', 'ab'), { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'files', 'ab', 'abcdef'), 'photo bytes');
    const out = path.join(tmp, 'snapshot');
    const manifest = await backup(source.db, dataDir, out);
    expect(manifest.files).toHaveLength(1);

    const restoredDir = path.join(tmp, 'restored-data');
    await restore(target.db, restoredDir, out);
    expect(await counts(target.db)).toEqual(await counts(source.db));
    expect(fs.readFileSync(path.join(restoredDir, 'files', 'ab', 'abcdef'), 'utf8')).toBe('photo bytes');
    const names = await target.db.tx({ system: true }, (q) => q.query<{ family_name: string }>("SELECT family_name FROM patients WHERE family_name = 'Резервная'"));
    expect(names.rows).toHaveLength(1);
    expect((await verifyAudit(target.db)).ok).toBe(true);
    // The restored events are sealed already: the sealer's list is empty and sealing adds nothing.
    const unsealed = await target.db.tx({ system: true }, (q) => q.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_unsealed'));
    expect(unsealed.rows[0]?.n).toBe(0);
    expect(await sealAudit(target.db)).toBe(0);
    // The search tables are rebuilt from the restored patients, words for typo correction included.
    const words = await target.db.tx({ system: true }, (q) => q.query<{ word: string }>("SELECT word FROM patient_name_words WHERE word = 'rezervnaia'"));
    expect(words.rows).toHaveLength(1);
    expect((await verifyAudit(target.db)).ok).toBe(true);
  });

  it('restores sessions, their generated summary columns computed again from the record', async () => {
    const c = await clinicalClinic(source);
    const { courseId } = await consentedCourse(c, source.db, 'revita-complex');
    const saved = await c.doctor.call({ method: 'POST', url: '/api/v1/sessions', payload: sessionBody(courseId, c.products['revita-complex']!.lotId, { daysAgo: 3 }) });
    expect(saved.statusCode, saved.body).toBe(201);
    const out = path.join(tmp, 'with-sessions');
    await backup(source.db, path.join(tmp, 'none'), out);
    const fresh = await testDatabase();
    await restore(fresh.db, path.join(tmp, 'restored-sessions'), out);
    const read = (db: typeof target.db) =>
      db.tx({ system: true }, (q) => q.query<{ id: string; decision: string | null }>('SELECT id, decision, finding_rules, finding_levels, substance_classes FROM sessions ORDER BY id'));
    const restored = (await read(fresh.db)).rows;
    expect(restored.length).toBeGreaterThan(0);
    expect(restored).toEqual((await read(source.db)).rows);
    expect(restored.every((r) => r.decision !== null)).toBe(true);
  });

  it('refuses a damaged backup and a database that is not empty, and changes nothing', async () => {
    const out = path.join(tmp, 'damaged');
    await backup(source.db, path.join(tmp, 'none'), out);
    const file = path.join(out, 'tables', 'patients.ndjson');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('Резервная', 'Подделка'));
    const fresh = await testDatabase();
    await expect(restore(fresh.db, path.join(tmp, 'x'), out)).rejects.toThrow(/checksum mismatch in tables\/patients\.ndjson/);
    expect((await counts(fresh.db)).clinics).toBe(0);
    await expect(restore(target.db, path.join(tmp, 'y'), path.join(tmp, 'snapshot'))).rejects.toThrow(/not empty/);
  });
});
