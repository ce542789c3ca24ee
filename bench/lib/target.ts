// Where the benchmark's data lives: an embedded PostgreSQL in a data directory of its own
// (bench/data/<size>), or the server at DATABASE_URL. Opened through the server's own code.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../src/server/config.ts';
import { openDatabase, type OpenedDatabase } from '../../src/server/db/open.ts';

/** The bench/ directory. */
export const benchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The repository's root. */
export const rootDir = path.resolve(benchDir, '..');

/** A short name of a data set's size: 100000 → "100k", 1000000 → "1m". */
export function sizeLabel(patients: number): string {
  if (patients >= 1_000_000 && patients % 1_000_000 === 0) return `${patients / 1_000_000}m`;
  if (patients >= 1000 && patients % 1000 === 0) return `${patients / 1000}k`;
  return String(patients);
}

/** The default data directory of a data set of `patients` patients. */
export function defaultDataDir(patients: number): string {
  return path.join(benchDir, 'data', sizeLabel(patients));
}

/** Opens (starting the embedded server if need be) and migrates the data set's database. */
export async function openTarget(dataDir: string, log: (msg: string) => void, poolSize = 4): Promise<OpenedDatabase> {
  const config = loadConfig({ ...process.env, DATA_DIR: dataDir });
  return openDatabase(config, log, { poolSize });
}

/**
 * The application role's URL of the embedded database in `dataDir`, while a server runs on it
 * (the port is the one the last start chose). DATABASE_URL when it is set.
 */
export function appUrlOf(dataDir: string): string {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const state = JSON.parse(fs.readFileSync(path.join(dataDir, 'embedded-postgres.json'), 'utf8')) as { port: number };
  const secret = fs.readFileSync(path.join(dataDir, 'app-db.secret'), 'utf8').trim();
  return `postgres://mesochart:${encodeURIComponent(secret)}@127.0.0.1:${state.port}/mesochart`;
}
