import { describe, expect, it } from 'vitest';
import { setupTestApp, testPassword } from '../../../test/app.ts';
import { currentTotp } from './totp.ts';

const t = await setupTestApp();

describe('login', () => {
  it('logs in each role and answers /auth/me with the capabilities of that role', async () => {
    const c = await t.clinic();
    for (const role of ['owner', 'doctor', 'nurse', 'reception'] as const) {
      const res = await c[role].call({ method: 'GET', url: '/api/v1/auth/me' });
      expect(res.statusCode).toBe(200);
      const me = res.json<{ user: { role: string }; capabilities: string[] }>();
      expect(me.user.role).toBe(role);
      expect(me.capabilities.includes('users.manage')).toBe(role === 'owner');
    }
  });

  it('sets an HttpOnly SameSite session cookie', async () => {
    const c = await t.clinic();
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: c.doctor.email, password: testPassword } });
    const cookie = res.cookies.find((k) => k.name === 'mesochart_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
  });

  it('answers unknown email and wrong password alike, with 401', async () => {
    const c = await t.clinic();
    const a = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'nobody@nowhere.test', password: 'whatever-password' } });
    const b = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: c.nurse.email, password: 'wrong-password' } });
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json().detail).toBe(b.json().detail);
    expect(a.headers['content-type']).toContain('application/problem+json');
  });

  it('locks the account at the fifth failure: the sixth attempt is refused with 423 even with the right password, and each attempt is audited', async () => {
    const c = await t.clinic();
    for (let i = 0; i < 5; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: c.nurse.email, password: `wrong-${i}-password` } });
      expect(res.statusCode).toBe(401);
    }
    const sixth = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: c.nurse.email, password: testPassword } });
    expect(sixth.statusCode).toBe(423);
    const log = await c.owner.call({ method: 'GET', url: '/api/v1/audit-events?action=login&limit=50' });
    const events = log.json<{ items: { outcome: string; details: { email?: string } }[] }>().items.filter((e) => e.details.email === c.nurse.email);
    expect(events.filter((e) => e.outcome === 'failure')).toHaveLength(5);
    expect(events.filter((e) => e.outcome === 'denied')).toHaveLength(1);
  });

  it('refuses a request without a session with 401 problem+json', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/patients' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ status: 401, title: 'Unauthorized' });
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const c = await t.clinic();
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: c.doctor.email, password: testPassword } });
    const cookie = login.cookies.find((k) => k.name === 'mesochart_session')!;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/patients',
      headers: { cookie: `mesochart_session=${cookie.value}` },
      payload: { givenName: 'A', familyName: 'B', birthDate: '1990-01-01', sex: 'female' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().type).toContain('csrf');
  });

  it('ends the session at logout', async () => {
    const c = await t.clinic();
    expect((await c.doctor.call({ method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBe(204);
    expect((await c.doctor.call({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
  });

  it('ends a session idle for longer than the idle timeout', async () => {
    const c = await t.clinic();
    await t.db.tx({ system: true }, (q) => q.query("UPDATE auth_sessions SET last_seen_at = now() - interval '16 minutes' WHERE user_id = $1", [c.doctor.userId]));
    expect((await c.doctor.call({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
  });

  it("ends a user's access at once when an owner deactivates her or changes her role", async () => {
    const c = await t.clinic();
    // Each call is answered from the credential just resolved (the cache of AUTH_CACHE_SECONDS).
    expect((await c.nurse.call({ method: 'GET', url: '/api/v1/patients' })).statusCode).toBe(200);
    expect((await c.owner.call({ method: 'PATCH', url: `/api/v1/users/${c.nurse.userId}`, payload: { role: 'reception' } })).statusCode).toBe(200);
    expect((await c.nurse.call({ method: 'GET', url: '/api/v1/auth/me' })).json<{ user: { role: string } }>().user.role).toBe('reception');
    expect((await c.doctor.call({ method: 'GET', url: '/api/v1/patients' })).statusCode).toBe(200);
    expect((await c.owner.call({ method: 'PATCH', url: `/api/v1/users/${c.doctor.userId}`, payload: { active: false } })).statusCode).toBe(200);
    expect((await c.doctor.call({ method: 'GET', url: '/api/v1/patients' })).statusCode).toBe(401);
  });

  it('ends a session past its absolute lifetime, however active', async () => {
    const c = await t.clinic();
    await t.db.tx({ system: true }, (q) => q.query("UPDATE auth_sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1", [c.doctor.userId]));
    expect((await c.doctor.call({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
  });

  it('asks for the TOTP code once the second factor is on, and accepts the right one', async () => {
    const c = await t.clinic();
    const setup = await c.doctor.call({ method: 'POST', url: '/api/v1/auth/totp/setup' });
    const { secret } = setup.json<{ secret: string }>();
    const wrong = await c.doctor.call({ method: 'POST', url: '/api/v1/auth/totp/enable', payload: { code: '000000' } });
    expect(wrong.statusCode).toBe(422);
    expect((await c.doctor.call({ method: 'POST', url: '/api/v1/auth/totp/enable', payload: { code: await currentTotp(secret) } })).statusCode).toBe(204);
    const without = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: c.doctor.email, password: testPassword } });
    expect(without.statusCode).toBe(401);
    expect(without.json().type).toContain('totp-required');
    const withCode = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: c.doctor.email, password: testPassword, totp: await currentTotp(secret) } });
    expect(withCode.statusCode).toBe(200);
  });

  it('authenticates an API token without a CSRF token, and not after it is revoked', async () => {
    const c = await t.clinic();
    const made = await c.owner.call({ method: 'POST', url: '/api/v1/api-tokens', payload: { name: 'integration', userId: c.doctor.userId } });
    expect(made.statusCode).toBe(201);
    const { id, token } = made.json<{ id: string; token: string }>();
    const create = await t.app.inject({
      method: 'POST',
      url: '/api/v1/patients',
      headers: { authorization: `Bearer ${token}` },
      payload: { givenName: 'Token', familyName: 'Patient', birthDate: '1990-01-01', sex: 'female' },
    });
    expect(create.statusCode).toBe(201);
    await c.owner.call({ method: 'DELETE', url: `/api/v1/api-tokens/${id}` });
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/patients', headers: { authorization: `Bearer ${token}` } });
    expect(after.statusCode).toBe(401);
  });
});

describe('bad input', () => {
  it('names each failing field and writes nothing', async () => {
    const c = await t.clinic();
    const res = await c.doctor.call({ method: 'POST', url: '/api/v1/patients', payload: { givenName: '', familyName: 'X', birthDate: '1990-02-30', sex: 'robot', extra: 1 } });
    expect(res.statusCode).toBe(400);
    const paths = res.json<{ errors: { path: string }[] }>().errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.givenName', 'body.birthDate', 'body.sex', 'body.extra']));
    const list = await c.doctor.call({ method: 'GET', url: '/api/v1/patients' });
    expect(list.json().items).toHaveLength(0);
  });

  it('refuses malformed JSON with 400, an oversized body with 413, a non-UUID id with 400', async () => {
    const c = await t.clinic();
    const bad = await c.doctor.call({ method: 'POST', url: '/api/v1/patients', headers: { 'content-type': 'application/json' }, payload: '{"givenName": ' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const big = await c.doctor.call({ method: 'POST', url: '/api/v1/patients', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ givenName: 'x'.repeat(2_000_000) }) });
    expect(big.statusCode).toBe(413);
    const notUuid = await c.doctor.call({ method: 'GET', url: '/api/v1/patients/123' });
    expect(notUuid.statusCode).toBe(400);
    expect(notUuid.json().errors[0].path).toBe('params.id');
  });
});

describe('credentials changed outside this server', async () => {
  const short = await setupTestApp({ authCacheSeconds: 1 });
  it('are refused once AUTH_CACHE_SECONDS have passed since the credential was last looked up', async () => {
    const c = await short.clinic();
    expect((await c.doctor.call({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(200);
    // Another server (or an operator) ends the session in the database.
    await short.db.tx({ system: true }, (q) => q.query('UPDATE auth_sessions SET ended_at = now() WHERE user_id = $1', [c.doctor.userId]));
    await new Promise((r) => setTimeout(r, 1100));
    expect((await c.doctor.call({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
  });
});

describe('login rate limit', async () => {
  const limited = await setupTestApp({ loginRatePerMinute: 3 });
  it('answers 429 problem+json past the per-address limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await limited.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'x@y.test', password: 'nope-nope-nope' } });
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
  });
});
