import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { ConfigError, type Config } from '../config.ts';
import { ensureAppDatabase } from './bootstrap.ts';
import { Database } from './database.ts';
import { startEmbeddedPostgres } from './embedded.ts';
import { lockDataDir } from './lock.ts';
import { migrate } from './migrate.ts';

/** An open, migrated database, and how to let go of it. */
export interface OpenedDatabase {
  db: Database;
  url: string;
  embedded: boolean;
  close(): Promise<void>;
}

async function reachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (err) {
    throw new ConfigError(`DATABASE_URL: cannot connect (${(err as Error).message})`);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Opens Mesochart's database: the server at DATABASE_URL, or else the embedded PostgreSQL in
 * DATA_DIR (started, or adopted if a crashed process left it running). Applies pending migrations.
 * The data directory is locked for this process in both cases (photos and documents live there).
 */
export async function openDatabase(config: Config, log: (msg: string) => void, options: { poolSize?: number } = {}): Promise<OpenedDatabase> {
  const unlock = lockDataDir(config.dataDir);
  try {
    if (config.databaseUrl) {
      await reachable(config.databaseUrl);
      await migrate(config.databaseUrl, log);
      const db = new Database(config.databaseUrl, options.poolSize);
      return {
        db,
        url: config.databaseUrl,
        embedded: false,
        close: async () => {
          await db.close();
          unlock();
        },
      };
    }
    const server = await startEmbeddedPostgres(config.dataDir, log);
    const secretFile = path.join(config.dataDir, 'app-db.secret');
    if (!fs.existsSync(secretFile)) fs.writeFileSync(secretFile, crypto.randomBytes(24).toString('base64url'), { mode: 0o600 });
    const url = await ensureAppDatabase(server.adminUrl, 'mesochart', 'mesochart', fs.readFileSync(secretFile, 'utf8').trim());
    await migrate(url, log);
    const db = new Database(url, options.poolSize);
    return {
      db,
      url,
      embedded: true,
      close: async () => {
        await db.close();
        await server.stop();
        unlock();
      },
    };
  } catch (err) {
    unlock();
    throw err;
  }
}
