// Builds the real app on this test file's own database, and gives each test a fresh clinic with
// one signed-in user per role: tests isolate by clinic, never by truncating tables.
import crypto from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll } from 'vitest';
import { uuidv7 } from 'uuidv7';
import type { Role } from '../src/domain/permissions.ts';
import { buildApp } from '../src/server/app.ts';
import { hashPassword } from '../src/server/auth/secrets.ts';
import { loadConfig, type Config } from '../src/server/config.ts';
import type { Database } from '../src/server/db/database.ts';
import { testDatabase } from './db.ts';

export const testPassword = 'correct-horse-battery';
let passwordHash: Promise<string> | undefined;

/** A signed-in user: send requests as them with `call`. */
export interface Caller {
  userId: string;
  email: string;
  role: Role;
  clinicId: string;
  /** Injects a request with this user's cookie and CSRF token. */
  call(options: InjectOptions): Promise<LightMyRequestResponse>;
}

/** A clinic of the test, with one signed-in user per role. */
export type TestClinic = { id: string; name: string } & Record<Role, Caller>;

/** The app on a fresh database for this file, plus helpers. */
export interface TestContext {
  app: FastifyInstance;
  db: Database;
  url: string;
  config: Config;
  /** A new clinic with a signed-in owner, doctor, nurse and receptionist. */
  clinic(): Promise<TestClinic>;
  /** Logs in over the API and returns a caller. */
  login(email: string, password: string): Promise<Caller>;
}

/** Sets up the app for one test file (call at the top level of the file). */
export async function setupTestApp(overrides: Partial<Config> = {}): Promise<TestContext> {
  const { db, url } = await testDatabase();
  // Every test logs in from 127.0.0.1: the per-address login limit is tested on its own.
  const config: Config = { ...loadConfig({}), loginRatePerMinute: 100_000, ...overrides };
  const app = await buildApp({ config, db });
  await app.ready();
  afterAll(async () => {
    await app.close();
  });

  const login = async (email: string, password: string): Promise<Caller> => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
    if (res.statusCode !== 200) throw new Error(`login of ${email} failed: ${res.statusCode} ${res.body}`);
    const body = res.json<{ user: { id: string; role: Role; clinicId: string }; csrfToken: string }>();
    const cookie = res.cookies.find((c) => c.name === 'mesochart_session');
    if (!cookie) throw new Error('no session cookie');
    return {
      userId: body.user.id,
      email,
      role: body.user.role,
      clinicId: body.user.clinicId,
      call: (options) =>
        app.inject({
          ...options,
          headers: { ...(options.headers ?? {}), cookie: `mesochart_session=${cookie.value}`, 'x-csrf-token': body.csrfToken },
        }),
    };
  };

  const clinic = async (): Promise<TestClinic> => {
    passwordHash ??= hashPassword(testPassword);
    const hash = await passwordHash;
    const id = uuidv7();
    const name = `Clinic ${crypto.randomBytes(4).toString('hex')}`;
    const emails = {} as Record<Role, string>;
    await db.tx({ system: true }, async (q) => {
      await q.query('INSERT INTO clinics (id, name, default_language) VALUES ($1, $2, $3)', [id, name, 'en']);
      for (const role of ['owner', 'doctor', 'nurse', 'reception'] as const) {
        emails[role] = `${role}.${id}@test.mesochart.app`;
        await q.query('INSERT INTO users (id, clinic_id, email, display_name, role, password_hash, language) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
          uuidv7(),
          id,
          emails[role],
          `Test ${role}`,
          role,
          hash,
          'en',
        ]);
      }
    });
    const [owner, doctor, nurse, reception] = await Promise.all((['owner', 'doctor', 'nurse', 'reception'] as const).map((r) => login(emails[r], testPassword)));
    return { id, name, owner: owner!, doctor: doctor!, nurse: nurse!, reception: reception! };
  };

  return { app, db, url, config, clinic, login };
}
