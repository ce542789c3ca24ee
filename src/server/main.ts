import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { demoClinicName, demoPassword, demoUsers, seedDemo } from './db/demo.ts';
import { openDatabase } from './db/open.ts';

/**
 * `mesochart serve`: opens (or starts) the database, migrates, seeds the demo clinic on first
 * start, serves the app, and on SIGINT/SIGTERM drains requests before it stops the database.
 */
export async function serve(): Promise<number> {
  const config = loadConfig();
  const say = (msg: string) => console.log(`mesochart: ${msg}`);
  const opened = await openDatabase(config, say, { poolSize: 20 });
  let closing = false;
  try {
    const anyClinic = await opened.db.tx({ system: true }, (q) => q.query('SELECT 1 FROM clinics LIMIT 1'));
    if (anyClinic.rowCount === 0 && process.env.MESOCHART_DEMO !== 'off') {
      await seedDemo(opened.db);
      say(`seeded the demo clinic "${demoClinicName}"`);
    }
    const hasDemo = await opened.db.tx({ system: true }, (q) => q.query('SELECT 1 FROM clinics WHERE name = $1', [demoClinicName]));
    const app = await buildApp({ config, db: opened.db, logger: true, sealIntervalMs: 1000 });
    const shutdown = async (signal: string) => {
      if (closing) return;
      closing = true;
      say(`${signal} received: finishing requests in flight, then stopping`);
      await app.close();
      await opened.close();
      say('stopped cleanly');
      process.exit(0);
    };
    process.on('SIGINT', () => void shutdown('SIGINT'));
    process.on('SIGTERM', () => void shutdown('SIGTERM'));
    await app.listen({ port: config.port, host: config.host });
    const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    const address = `http://${shownHost}:${config.port}`;
    const lines = [
      '',
      `  Mesochart is running at ${address}`,
      `  API documentation:       ${address}/api/docs`,
      `  Database:                ${opened.embedded ? `embedded PostgreSQL in ${config.dataDir}` : 'DATABASE_URL'}`,
    ];
    if (hasDemo.rowCount) {
      lines.push('', `  Demo logins (password: ${demoPassword}):`);
      for (const u of demoUsers) lines.push(`    ${u.role.padEnd(10)} ${u.email}`);
    }
    lines.push('', '  Press Ctrl-C to stop.', '');
    console.log(lines.join('\n'));
    return await new Promise<number>(() => {});
  } catch (err) {
    if (!closing) await opened.close().catch(() => {});
    throw err;
  }
}
