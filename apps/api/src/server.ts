import cluster from 'node:cluster';
import type { FastifyBaseLogger } from 'fastify';
import { pino } from 'pino';
import { buildApp, loggerOptions } from './app.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { createDb, type Db } from './db/client.ts';
import { Database } from './db/database.ts';
import { checkDatabaseReachable } from './db/database-check.ts';
import { applyMigrations, ensureDatabase } from './db/migrate.ts';
import { createNotifier } from './notifications/create-notifier.ts';
import { announcePaymentMode } from './payments/payment-settings.ts';
import { ensureFirstAdmin, seedDemoData, type FirstAdmin } from './db/seed.ts';
import { withPreparationLock } from './db/startup-lock.ts';
import { ManageTokens } from './bookings/manage-token.ts';
import { withKeptSecrets } from './secrets/kept-secrets.ts';
import { retirePublicLinks } from './secrets/retired-link-secret.ts';
import { materialiseSlots } from './slots/materialise.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Set by the primary on each HTTP worker it starts (1, 2, …); read back as `config.workerIndex`. */
const WORKER_INDEX = 'SEVABOOK_WORKER_INDEX';

/**
 * `pnpm start`: make sure the database exists and is migrated, seed demo data into an empty
 * one, make the coming days' slots, then serve the API and the two SPAs on one port.
 *
 * With API_PROCESSES=N above 1, this process prepares the database and starts N HTTP workers
 * (node:cluster) that share the port, so a machine's cores all serve; the notifier runs in the
 * first of them. Everything they share lives in the database (or Redis), as it does for
 * several instances behind a load balancer (docs/deployment.md).
 */
async function main() {
  const config = loadConfig();
  if (config.processes > 1 && cluster.isPrimary) return runPrimary(config);
  if (cluster.isWorker) return serveWithKeptSecrets(config, config.workerIndex ?? 1);

  // The database is prepared before the app is built: secrets not configured are kept there.
  const log = pino(loggerOptions(config));
  const database = openDatabase(config, log);
  const admin = await prepareDatabase(config, database.prisma, log);
  const ready = await keepSecrets(config, database.prisma, log);
  const app = await buildApp(ready, { database });
  scheduleDailySlots(ready, app.db, app.log);
  await serve(ready, 1, app, database);
  printBanner(ready, admin);
}

/**
 * The secrets not configured, from the database (made there by the first process to start),
 * announced in the log. On an install that ran without BOOKING_LINK_SECRET before, the links
 * made from the former public default are closed and replaced.
 */
async function keepSecrets(config: Config, db: Db, log: FastifyBaseLogger): Promise<Config> {
  const ready = await withKeptSecrets(config, db, (message) => log.warn(message));
  if (config.keptSecrets.includes('BOOKING_LINK_SECRET')) {
    const closed = await retirePublicLinks(db, new ManageTokens(ready.bookingLinkSecret));
    if (closed > 0) {
      log.warn(
        `${closed} bookings had manage links made from the former public default secret: they have new links now, and the old ones no longer open them`,
      );
    }
  }
  return ready;
}

/** An HTTP worker of several: the primary made the kept secrets; every worker reads the same. */
async function serveWithKeptSecrets(config: Config, index: number): Promise<void> {
  const database = openDatabase(config, pino(loggerOptions(config)));
  const ready = await withKeptSecrets(config, database.prisma);
  await serve(ready, index, await buildApp(ready, { database }), database);
}

function openDatabase(config: Config, log: FastifyBaseLogger): Database {
  return new Database({
    databaseUrl: config.databaseUrl,
    poolSize: config.databasePoolSize,
    timeZone: config.templeTimeZone,
    log,
  });
}

/** Migrations, demo data, the first admin and the coming days' slots; once across instances. */
async function prepareDatabase(
  config: Config,
  db: Db,
  logger: FastifyBaseLogger,
): Promise<FirstAdmin | null | undefined> {
  const log = (message: string) => logger.info(message);
  await checkDatabaseReachable(config.databaseUrl);
  await ensureDatabase(config.databaseUrl);
  await applyMigrations(config.databaseUrl, { log });
  // Several instances may start at once: one prepares, the others then find it done.
  return withPreparationLock(config.databaseUrl, async () => {
    await seedDemoData(db, config, log);
    const firstAdmin = await ensureFirstAdmin(db, config, log);
    await materialise(config, db, logger);
    return firstAdmin;
  });
}

async function materialise(config: Config, db: Db, logger: FastifyBaseLogger): Promise<void> {
  const created = await materialiseSlots(db, {
    timeZone: config.templeTimeZone,
    horizonDays: config.slotHorizonDays,
  });
  if (created > 0) logger.info(`Made ${created} new slots from the schedules`);
}

function scheduleDailySlots(config: Config, db: Db, logger: FastifyBaseLogger): void {
  const daily = setInterval(
    () =>
      void withPreparationLock(config.databaseUrl, () => materialise(config, db, logger)).catch(
        (err: unknown) => logger.error({ err }, 'slot materialisation failed'),
      ),
    DAY_MS,
  );
  daily.unref();
}

/**
 * Serves HTTP until SIGINT or SIGTERM. The outbox notifier runs here too, unless it runs as its
 * own process (NOTIFIER=off, `pnpm worker`), and only in the first of several HTTP workers.
 */
async function serve(
  config: Config,
  index: number,
  app: Awaited<ReturnType<typeof buildApp>>,
  database: Database,
): Promise<void> {
  const notifier =
    config.notifier === 'inline' && index === 1
      ? createNotifier(config, app.db, app.log)
      : undefined;
  if (index === 1) announcePaymentMode(config, app.log);
  if (config.notifier === 'off' && index === 1) {
    app.log.info(
      'NOTIFIER=off: run `pnpm --filter @sevabook/api worker` to send WhatsApp messages',
    );
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      app.log.info(`${signal}: shutting down`);
      void (notifier?.stop() ?? Promise.resolve())
        .then(() => app.close())
        .then(() => database.close())
        .then(() => process.exit(0));
    });
  }
  await app.listen({ host: config.host, port: config.port });
  notifier?.start();
}

/**
 * The primary of API_PROCESSES workers: prepares the database, starts the workers with the
 * secrets they must share, starts a worker again if one dies, and stops them all on a signal.
 */
async function runPrimary(config: Config): Promise<void> {
  const db = createDb(config.databaseUrl, 2);
  const log = pino(loggerOptions(config));
  const admin = await prepareDatabase(config, db, log);
  scheduleDailySlots(config, db, log);
  // Made here once, before any worker starts; each worker reads the same from the database,
  // so tokens signed by one verify in all without secrets passing through the environment.
  await keepSecrets(config, db, log);
  let stopping = false;
  const start = (index: number) => {
    const worker = cluster.fork({ [WORKER_INDEX]: String(index) });
    let listened = false;
    worker.on('exit', (code, signal) => {
      if (stopping) return;
      if (!listened) {
        // It could not even start (its error is above): starting it again would only loop.
        log.error(`HTTP worker ${index} could not start; stopping`);
        process.kill(process.pid, 'SIGTERM');
        process.exitCode = 1;
        return;
      }
      log.error(`HTTP worker ${index} exited (${signal ?? code}); starting it again`);
      setTimeout(() => void start(index), 1_000);
    });
    return new Promise<void>((listening) =>
      worker.once('listening', () => {
        listened = true;
        listening();
      }),
    );
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stopping = true;
      log.info(`${signal}: stopping ${config.processes} HTTP workers`);
      const workers = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
      void Promise.all(
        workers.map(
          (worker) =>
            new Promise<void>((exited) => {
              worker.once('exit', () => exited());
              worker.process.kill('SIGTERM');
            }),
        ),
      )
        .then(() => db.$disconnect())
        .then(() => process.exit());
    });
  }
  await Promise.all(Array.from({ length: config.processes }, (_, i) => start(i + 1)));
  printBanner(config, admin, config.processes);
}

function printBanner(config: Config, admin: FirstAdmin | null | undefined, processes = 1): void {
  const url = config.publicUrl;
  const lines = [
    '',
    `  Sevabook is running for ${config.templeName}${processes > 1 ? ` (${processes} HTTP processes)` : ''}`,
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
