import { describe, expect, it } from 'vitest';
import { setupTestApp, type Caller, type TestClinic } from '../../../test/app.ts';

const t = await setupTestApp();

interface Listed {
  items: { id: string; familyName: string; givenName: string; archived: boolean }[];
  nextCursor: string | null;
}

async function register(c: Caller, body: Record<string, unknown>): Promise<{ id: string; possibleDuplicates: { id: string; reason: string }[] }> {
  const r = await c.call({ method: 'POST', url: '/api/v1/patients', payload: { sex: 'female', birthDate: '1985-04-02', ...body } });
  expect(r.statusCode, r.body).toBe(201);
  return r.json();
}

async function search(c: Caller, q: string, extra = ''): Promise<Listed> {
  const r = await c.call({ method: 'GET', url: `/api/v1/patients?q=${encodeURIComponent(q)}${extra}` });
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
}

async function patientCount(c: TestClinic): Promise<number> {
  const r = await t.db.tx({ clinicId: c.id }, (q) => q.query<{ n: number }>('SELECT count(*)::int AS n FROM patients'));
  return r.rows[0]!.n;
}

/** A small register of the kind a clinic keeps: both scripts, shared surnames, one archived. */
async function register9(c: TestClinic): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  const people: [string, Record<string, unknown>][] = [
    ['ivanova-elena', { familyName: 'Иванова', givenName: 'Елена', patronymic: 'Сергеевна', phone: '+7 916 123-45-67' }],
    ['ivanova-maria', { familyName: 'Иванова', givenName: 'Мария', birthDate: '1990-11-30' }],
    ['ivanov', { familyName: 'Иванов', givenName: 'Пётр', sex: 'male' }],
    ['smirnova', { familyName: 'Смирнова', givenName: 'Юлия', phone: '+7 903 555 01 02' }],
    ['bianchi', { familyName: 'Bianchi', givenName: 'Giulia', birthDate: '1979-06-15' }],
    ['kovalenko', { familyName: 'Kovalenko', givenName: 'Yana' }],
    ['schmidt', { familyName: 'Schmidt', givenName: 'Anna' }],
    ['makarova', { familyName: 'Макарова', givenName: 'Ольга' }],
    ['archived', { familyName: 'Иванова', givenName: 'Архивная' }],
  ];
  for (const [key, body] of people) ids[key] = (await register(c.reception, body)).id;
  const archived = await c.reception.call({ method: 'PATCH', url: `/api/v1/patients/${ids.archived}`, payload: { archived: true } });
  expect(archived.statusCode, archived.body).toBe(200);
  return ids;
}

describe('patient search', () => {
  // One row per way a receptionist looks a patient up: what she types, who must be found first,
  // who must be found at all, and who must not be.
  const cases: { rule: string; q: string; first?: string; found: string[]; absent?: string[] }[] = [
    { rule: 'any part of the family name, in Cyrillic', q: 'Иван', first: 'ivanov', found: ['ivanova-elena', 'ivanova-maria', 'ivanov'], absent: ['smirnova', 'archived'] },
    { rule: 'the Cyrillic name typed in Latin letters', q: 'ivanova', found: ['ivanova-elena', 'ivanova-maria'], absent: ['makarova'] },
    { rule: 'a Latin name typed in Cyrillic letters', q: 'Бианчи', first: 'bianchi', found: ['bianchi'] },
    { rule: 'family and given name together', q: 'Иванова Мар', first: 'ivanova-maria', found: ['ivanova-maria'] },
    { rule: 'given name before family name', q: 'Мария Иванова', first: 'ivanova-maria', found: ['ivanova-maria'] },
    { rule: 'the given name alone', q: 'Giulia', first: 'bianchi', found: ['bianchi'] },
    { rule: 'the patronymic', q: 'Сергеевна', first: 'ivanova-elena', found: ['ivanova-elena'] },
    { rule: 'one letter mistyped', q: 'Смирнава', first: 'smirnova', found: ['smirnova'] },
    { rule: 'one letter missing', q: 'Kovalnko', first: 'kovalenko', found: ['kovalenko'] },
    { rule: 'two letters swapped', q: 'Binachi', first: 'bianchi', found: ['bianchi'] },
    { rule: 'a mistyped family name and the given name still being typed', q: 'Ивонова Ел', first: 'ivanova-elena', found: ['ivanova-elena'], absent: ['smirnova'] },
    { rule: 'y and j spellings of the same sound', q: 'Jana Kovalenko', first: 'kovalenko', found: ['kovalenko'] },
    { rule: 'ё typed as е', q: 'Петр', first: 'ivanov', found: ['ivanov'] },
    { rule: 'case does not matter', q: 'SCHMIDT', first: 'schmidt', found: ['schmidt'] },
    { rule: 'phone digits, however they were written', q: '123-45-67', first: 'ivanova-elena', found: ['ivanova-elena'] },
    { rule: 'phone digits without separators', q: '5550102', first: 'smirnova', found: ['smirnova'] },
    { rule: 'birth date in ISO form', q: '1979-06-15', first: 'bianchi', found: ['bianchi'] },
    { rule: 'birth date as written in Russia', q: '30.11.1990', first: 'ivanova-maria', found: ['ivanova-maria'] },
    { rule: 'an unrelated name finds nobody', q: 'Zzyzx', found: [], absent: ['ivanova-elena', 'bianchi'] },
  ];

  it.each(cases)('finds by $rule ($q)', async ({ q, first, found, absent }) => {
    const c = await t.clinic();
    const ids = await register9(c);
    const got = (await search(c.reception, q)).items.map((p) => p.id);
    if (first) expect(got[0]).toBe(ids[first]);
    for (const key of found) expect(got, key).toContain(ids[key]);
    for (const key of absent ?? []) expect(got, key).not.toContain(ids[key]);
    if (found.length === 0) expect(got).toEqual([]);
  });

  it('ranks a name that starts with the text above one that only contains it', async () => {
    const c = await t.clinic();
    const inside = await register(c.reception, { familyName: 'Кузнецова', givenName: 'Анна' });
    const starts = await register(c.reception, { familyName: 'Анна', givenName: 'Ева' });
    const got = (await search(c.reception, 'Анна')).items.map((p) => p.id);
    expect(got.indexOf(starts.id)).toBeLessThan(got.indexOf(inside.id));
  });

  it('lists archived patients only when asked to', async () => {
    const c = await t.clinic();
    const ids = await register9(c);
    expect((await search(c.reception, 'Архивная')).items).toEqual([]);
    const withArchived = await search(c.reception, 'Архивная', '&includeArchived=true');
    expect(withArchived.items.map((p) => [p.id, p.archived])).toEqual([[ids.archived, true]]);
  });

  it('pages through many namesakes without repeating or skipping anyone', async () => {
    const c = await t.clinic();
    const made = new Set<string>();
    for (let i = 0; i < 7; i++) made.add((await register(c.reception, { familyName: 'Петрова', givenName: `Анна${'а'.repeat(i)}` })).id);
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const pageOf: Listed = await search(c.reception, 'Петрова', `&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...pageOf.items.map((p) => p.id));
      cursor = pageOf.nextCursor;
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen)).toEqual(made);
  });

  it('never finds another clinic’s patients, and audits each search with the patients listed', async () => {
    const a = await t.clinic();
    const b = await t.clinic();
    const theirs = await register(b.reception, { familyName: 'Чужая', givenName: 'Пациентка' });
    const mine = await register(a.reception, { familyName: 'Чужаева', givenName: 'Своя' });
    const got = (await search(a.reception, 'Чужа')).items.map((p) => p.id);
    expect(got).toEqual([mine.id]);
    expect((await a.reception.call({ method: 'GET', url: `/api/v1/patients/${theirs.id}` })).statusCode).toBe(404);
    const audit = await t.db.tx({ clinicId: a.id }, (q) =>
      q.query<{ details: { results: string[] } }>("SELECT details FROM audit_events WHERE action = 'patient.search' ORDER BY id DESC LIMIT 1"),
    );
    expect(audit.rows[0]?.details.results).toEqual([mine.id]);
  });
});

describe('patient registration and editing', () => {
  it('flags a likely duplicate by name and birth date, and by phone, but registers the patient', async () => {
    const c = await t.clinic();
    const first = await register(c.reception, { familyName: 'Орлова', givenName: 'Вера', phone: '+7 926 000-11-22' });
    const sameName = await register(c.reception, { familyName: 'орлова', givenName: 'Вера' });
    expect(sameName.possibleDuplicates).toEqual([expect.objectContaining({ id: first.id, reason: 'name-and-birth-date' })]);
    const samePhone = await register(c.reception, { familyName: 'Другая', givenName: 'Ирина', birthDate: '1970-01-01', phone: '8 (926) 000 11 22'.replace(/^8/, '+7') });
    expect(samePhone.possibleDuplicates).toEqual([expect.objectContaining({ id: first.id, reason: 'phone' })]);
    const stranger = await register(c.reception, { familyName: 'Новая', givenName: 'Ольга', birthDate: '1991-01-01' });
    expect(stranger.possibleDuplicates).toEqual([]);
    expect(await patientCount(c)).toBe(4);
  });

  it('takes a name without the patronymic for the same name, and two different patronymics for different people', async () => {
    const c = await t.clinic();
    const full = await register(c.reception, { familyName: 'Павлова', givenName: 'Екатерина', patronymic: 'Андреевна', birthDate: '1984-05-30' });
    const bare = await register(c.reception, { familyName: 'Павлова', givenName: 'Екатерина', birthDate: '1984-05-30' });
    expect(bare.possibleDuplicates).toEqual([expect.objectContaining({ id: full.id, reason: 'name-and-birth-date' })]);
    const other = await register(c.reception, { familyName: 'Павлова', givenName: 'Екатерина', patronymic: 'Игоревна', birthDate: '1984-05-30' });
    // The bare record may be either of them; the other patronymic is someone else.
    expect(other.possibleDuplicates.map((d: { id: string }) => d.id)).toEqual([bare.id]);
    const longerName = await register(c.reception, { familyName: 'Павлова', givenName: 'Екатерина-Мария', birthDate: '1984-05-30' });
    expect(longerName.possibleDuplicates).toEqual([]);
  });

  it('edits demographics, and a renamed patient is found by her new name only', async () => {
    const c = await t.clinic();
    const p = await register(c.reception, { familyName: 'Девичья', givenName: 'Анна' });
    const r = await c.reception.call({ method: 'PATCH', url: `/api/v1/patients/${p.id}`, payload: { familyName: 'Замужняя', phone: null } });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ familyName: 'Замужняя', givenName: 'Анна', phone: null });
    expect((await search(c.reception, 'Замужняя')).items.map((x) => x.id)).toEqual([p.id]);
    expect((await search(c.reception, 'Девичья')).items).toEqual([]);
  });

  const invalid: { rule: string; payload: Record<string, unknown>; field: string }[] = [
    { rule: 'a family name is required', payload: { givenName: 'Анна', birthDate: '1985-01-01', sex: 'female' }, field: 'familyName' },
    { rule: 'a blank name is not a name', payload: { familyName: '   ', givenName: 'Анна', birthDate: '1985-01-01', sex: 'female' }, field: 'familyName' },
    { rule: 'a birth date in the future', payload: { familyName: 'Будущая', givenName: 'Анна', birthDate: '2999-01-01', sex: 'female' }, field: 'birthDate' },
    { rule: 'a birth date that is no date', payload: { familyName: 'Ошибка', givenName: 'Анна', birthDate: '1985-02-30', sex: 'female' }, field: 'birthDate' },
    { rule: 'an unknown sex', payload: { familyName: 'Ошибка', givenName: 'Анна', birthDate: '1985-01-01', sex: 'f' }, field: 'sex' },
    { rule: 'a phone with letters', payload: { familyName: 'Ошибка', givenName: 'Анна', birthDate: '1985-01-01', sex: 'female', phone: 'call me' }, field: 'phone' },
    { rule: 'an e-mail without @', payload: { familyName: 'Ошибка', givenName: 'Анна', birthDate: '1985-01-01', sex: 'female', email: 'anna.example.com' }, field: 'email' },
    { rule: 'an unknown field', payload: { familyName: 'Ошибка', givenName: 'Анна', birthDate: '1985-01-01', sex: 'female', bloodType: 'A' }, field: 'bloodType' },
  ];

  it.each(invalid)('refuses $rule, naming the field, and registers nobody', async ({ payload, field }) => {
    const c = await t.clinic();
    const r = await c.reception.call({ method: 'POST', url: '/api/v1/patients', payload });
    expect(r.statusCode).toBe(400);
    expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(JSON.stringify(r.json<{ errors: unknown[] }>().errors)).toContain(field);
    expect(await patientCount(c)).toBe(0);
  });

  it('refuses to edit another clinic’s patient or a malformed id, and changes nothing', async () => {
    const a = await t.clinic();
    const b = await t.clinic();
    const theirs = await register(b.reception, { familyName: 'Чужая', givenName: 'Анна' });
    expect((await a.reception.call({ method: 'PATCH', url: `/api/v1/patients/${theirs.id}`, payload: { familyName: 'Взломанная' } })).statusCode).toBe(404);
    expect((await a.reception.call({ method: 'PATCH', url: '/api/v1/patients/not-a-uuid', payload: { familyName: 'X' } })).statusCode).toBe(400);
    const bad = await b.reception.call({ method: 'PATCH', url: `/api/v1/patients/${theirs.id}`, payload: { birthDate: 'yesterday' } });
    expect(bad.statusCode).toBe(400);
    const still = await b.reception.call({ method: 'GET', url: `/api/v1/patients/${theirs.id}` });
    expect(still.json()).toMatchObject({ familyName: 'Чужая', birthDate: '1985-04-02' });
  });

  it('refuses a cursor that is not one of ours', async () => {
    const c = await t.clinic();
    const r = await c.reception.call({ method: 'GET', url: '/api/v1/patients?q=a&cursor=-5' });
    expect(r.statusCode).toBe(400);
  });
});
