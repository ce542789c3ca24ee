// The authorization matrix, derived from the route table itself: every route under /api/v1 must
// declare a capability (or be public), and every role is checked against every route — so a
// route added tomorrow is covered without anyone remembering to add it here.
import { describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { can, permissionTable, roles, type Capability } from '../src/domain/permissions.ts';
import { setupTestApp } from './app.ts';

interface SeenRoute {
  method: string;
  url: string;
  capability?: Capability;
  public?: boolean;
}

const t = await setupTestApp();
const routes: SeenRoute[] = t.app.routeList
  .filter((r) => r.url.startsWith('/api/v1/'))
  .map((r) => ({ method: r.method, url: r.url, ...(r.config.capability ? { capability: r.config.capability as Capability } : {}), ...(r.config.public ? { public: true } : {}) }));

describe('route table', () => {
  it('has routes under /api/v1', () => {
    expect(routes.length).toBeGreaterThan(10);
  });

  it('declares a known capability (or public) on every /api/v1 route', () => {
    const undeclared = routes.filter((r) => !r.public && !(r.capability && r.capability in permissionTable)).map((r) => `${r.method} ${r.url}`);
    expect(undeclared).toEqual([]);
  });

  it('keeps public routes to login only', () => {
    expect(routes.filter((r) => r.public).map((r) => `${r.method} ${r.url}`)).toEqual(['POST /api/v1/auth/login']);
  });
});

function fill(url: string): string {
  return url.replace(/:(\w+)/g, () => uuidv7());
}

describe('authorization matrix', () => {
  const guarded = routes.filter((r) => r.capability);

  it.each(guarded.map((r) => [`${r.method} ${r.url}`, r] as const))('%s answers 401 without credentials', async (_name, r) => {
    const res = await t.app.inject({ method: r.method as 'GET', url: fill(r.url), payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : {} });
    expect(res.statusCode).toBe(401);
  });

  it('gives every role exactly the routes its capabilities allow', async () => {
    const c = await t.clinic();
    const wrong: string[] = [];
    for (const r of guarded) {
      for (const role of roles) {
        // Logging out would end the caller's session for the rest of the matrix.
        if (r.url === '/api/v1/auth/logout') continue;
        const res = await c[role].call({ method: r.method as 'GET', url: fill(r.url), payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : {} });
        const allowed = can(role, r.capability as Capability);
        const refused = res.statusCode === 403 && String(res.json<{ type: string }>().type).endsWith('/forbidden');
        if (allowed === refused || res.statusCode === 401 || res.statusCode >= 500) wrong.push(`${role} ${r.method} ${r.url} → ${res.statusCode} (allowed: ${allowed})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('records every refused access in the audit log', async () => {
    const c = await t.clinic();
    const res = await c.reception.call({ method: 'GET', url: '/api/v1/audit-events' });
    expect(res.statusCode).toBe(403);
    const log = await c.owner.call({ method: 'GET', url: '/api/v1/audit-events?outcome=denied' });
    const denied = log.json<{ items: { actorUserId: string; action: string }[] }>().items;
    expect(denied.some((e) => e.actorUserId === c.reception.userId && e.action === 'GET /api/v1/audit-events')).toBe(true);
  });
});

describe('tenancy', () => {
  it("answers 404 to another clinic's patient, and never lists it", async () => {
    const a = await t.clinic();
    const b = await t.clinic();
    const created = await a.doctor.call({ method: 'POST', url: '/api/v1/patients', payload: { givenName: 'Вера', familyName: 'Тенантова', birthDate: '1980-01-01', sex: 'female' } });
    expect(created.statusCode).toBe(201);
    const id = created.json<{ id: string }>().id;
    const read = await b.doctor.call({ method: 'GET', url: `/api/v1/patients/${id}` });
    expect(read.statusCode).toBe(404);
    expect(read.body).not.toContain('Тенантова');
    const edit = await b.doctor.call({ method: 'PATCH', url: `/api/v1/patients/${id}`, payload: { familyName: 'Changed' } });
    expect(edit.statusCode).toBe(404);
    const search = await b.doctor.call({ method: 'GET', url: '/api/v1/patients?q=Tenantova' });
    expect(search.json<{ items: unknown[] }>().items).toHaveLength(0);
    const still = await a.doctor.call({ method: 'GET', url: `/api/v1/patients/${id}` });
    expect(still.json<{ familyName: string }>().familyName).toBe('Тенантова');
  });

  it("keeps another clinic's rows out of reach at the database too (row-level security)", async () => {
    const a = await t.clinic();
    const b = await t.clinic();
    await a.doctor.call({ method: 'POST', url: '/api/v1/patients', payload: { givenName: 'Row', familyName: 'Level', birthDate: '1980-01-01', sex: 'female' } });
    // A query with no WHERE clause at all still sees only the transaction's clinic.
    const seen = await t.db.tx({ clinicId: b.id }, (q) => q.query('SELECT count(*)::int AS n FROM patients'));
    expect(seen.rows[0]).toEqual({ n: 0 });
    const none = await t.db.tx({ clinicId: b.id }, (q) => q.query('SELECT count(*)::int AS n FROM users'));
    expect(none.rows[0]).toEqual({ n: 4 });
    // And a write into another clinic is refused by the policy.
    await expect(
      t.db.tx({ clinicId: b.id }, (q) =>
        q.query("INSERT INTO patients (id, clinic_id, given_name, family_name, birth_date, sex, search_key) VALUES ($1, $2, 'X', 'Y', '1990-01-01', 'female', 'x y')", [uuidv7(), a.id]),
      ),
    ).rejects.toThrow(/row-level security/);
  });
});
