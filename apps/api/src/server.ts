import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { checkDatabaseReachable } from './db/database-check.ts';
import { applyMigrations, ensureDatabase } from './db/migrate.ts';
import { createNotifier } from './notifications/create-notifier.ts';
import { ensureFirstAdmin, seedDemoData } from './db/seed.ts';
import { withPreparationLock } from './db/startup-lock.ts';
import { materialiseSlots } from './slots/materialise.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * `pnpm start`: make sure the database exists and is migrated, seed demo data into an empty
 * one, make the coming days' slots, then serve the API and the two SPAs on one port.
 */
async function main() {
  const config = loadConfig();
  const app = await buildApp(config);
  const log = (message: string) => app.log.info(message);

  await checkDatabaseReachable(config.databaseUrl);
  await ensureDatabase(config.databaseUrl);
  await applyMigrations(config.databaseUrl, { log });
  const materialise = async () => {
    const created = await materialiseSlots(app.db, {
      timeZone: config.templeTimeZone,
      horizonDays: config.slotHorizonDays,
    });
    if (created > 0) app.log.info(`Made ${created} new slots from the schedules`);
  };
  // Several instances may start at once: one prepares, the others then find it done.
  const admin = await withPreparationLock(config.databaseUrl, async () => {
    await seedDemoData(app.db, config, log);
    const firstAdmin = await ensureFirstAdmin(app.db, config, log);
    await materialise();
    return firstAdmin;
  });
  const daily = setInterval(
    () =>
      void withPreparationLock(config.databaseUrl, materialise).catch((err: unknown) =>
        app.log.error({ err }, 'slot materialisation failed'),
      ),
    DAY_MS,
  );
  daily.unref();

  if (config.jwtSecretGenerated) {
    app.log.warn(
      'JWT_SECRET is not set: generated one for this process (staff must log in again after a restart)',
    );
  }

  // The outbox notifier, unless it runs as its own process (NOTIFIER=off, `pnpm worker`).
  const notifier =
    config.notifier === 'inline' ? createNotifier(config, app.db, app.log) : undefined;
  if (!notifier)
    app.log.info(
      'NOTIFIER=off: run `pnpm --filter @sevabook/api worker` to send WhatsApp messages',
    );

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      app.log.info(`${signal}: shutting down`);
      void (notifier?.stop() ?? Promise.resolve())
        .then(() => app.close())
        .then(() => process.exit(0));
    });
  }

  await app.listen({ host: config.host, port: config.port });
  notifier?.start();
  const url = config.publicUrl;
  const lines = [
    '',
    `  Sevabook is running for ${config.templeName}`,
    `  Devotee site   ${url}/`,
    `  Admin site     ${url}/admin/`,
    `  API            ${url}/api/v1`,
    `  API docs       ${url}/docs`,
  ];
  if (admin) {
    const password = admin.passwordGenerated ? admin.password : '(the ADMIN_PASSWORD you set)';
    lines.push(`  First admin    ${admin.email} / ${password}`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(
      `Sevabook could not start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
  }
  process.exit(1);
});
