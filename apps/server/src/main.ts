import { randomBytes } from 'node:crypto';
import { loadConfig } from './platform/config.ts';
import { openDatabase } from './platform/db/connect.ts';
import { migrate } from './platform/db/migrator.ts';
import { systemClock } from './platform/clock.ts';
import type { AppDeps } from './platform/deps.ts';
import { createApp } from './app.ts';
import { seedCrmDemo } from './crm/index.ts';
import { ensureAdminFromConfig, isDirectoryEmpty, seedDemoCompany } from './org/index.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const handle = await openDatabase(config.databaseUrl, config.dataDir);
  const applied = await migrate(handle);
  const deps: AppDeps = { db: handle.db, clock: systemClock, config, handle, instanceId: randomBytes(4).toString('hex') };
  const { app } = await createApp(deps);
  if (applied.length) app.log.info({ applied }, 'migrations applied');
  const admin = await ensureAdminFromConfig(deps);
  if (admin === 'created') app.log.info('administrator created from CONCORD_ADMIN_EMAIL');
  if (process.argv.includes('--demo')) {
    if (await isDirectoryEmpty(deps)) {
      const r = await seedDemoCompany(deps, null);
      app.log.info(r, 'demo company seeded');
    } else app.log.info('--demo: the directory already has people, the demo company is not added');
    // The CRM belongs to the first administrator; on a first run without one, `npx concord demo` adds it later.
    await seedCrmDemo(deps, null).then(
      (crm) => app.log.info(crm, crm.created ? 'demo CRM seeded' : 'demo CRM already present'),
      (err: unknown) => app.log.warn({ err }, 'demo CRM not seeded'),
    );
  }
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  const where = config.databaseUrl ? 'PostgreSQL' : `PGlite in ${config.dataDir}`;
  app.log.info(`Concord is running at http://${config.host}:${config.port} (database: ${where})`);
  if (admin === 'not_configured' && (await app.inject({ url: '/api/v1/auth/me' })).json<{ setupRequired: boolean }>().setupRequired) {
    app.log.info(`First run: open http://${config.host}:${config.port}/ to create the administrator`);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
