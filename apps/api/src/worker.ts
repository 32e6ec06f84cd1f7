import { pino } from 'pino';
import { ConfigError, loadConfig } from './config.ts';
import { createDb } from './db/client.ts';
import { checkDatabaseReachable } from './db/database-check.ts';
import { redactingLoggerOptions } from './log-redaction.ts';
import { createNotifier } from './notifications/create-notifier.ts';
import { announcePaymentMode } from './payments/payment-settings.ts';
import { withKeptSecrets } from './secrets/kept-secrets.ts';

/**
 * `pnpm --filter @sevabook/api worker`: the outbox notifier (with the payments' work: holds
 * that ran out and Razorpay refunds, payments/payment-workers.ts) alone, for when the API runs with
 * NOTIFIER=off or more sending capacity is wanted. Any number of copies may run against one
 * database; each claims its own rows. SIGINT/SIGTERM finish the sends in flight and hand back
 * the rest; a harder kill loses nothing either (leases run out and the rows are looked up).
 */
async function main() {
  const config = loadConfig();
  const log = pino({ ...redactingLoggerOptions(), level: config.logLevel, name: 'notifier' });
  await checkDatabaseReachable(config.databaseUrl);
  // A notifier needs few connections: one claim and a handful of updates at a time.
  const db = createDb(config.databaseUrl, Math.min(config.databasePoolSize, 5));
  // The manage links in its messages must be the ones the API checks: same kept secret.
  const ready = await withKeptSecrets(config, db, (message) => log.warn(message));
  const notifier = createNotifier(ready, db, log);
  announcePaymentMode(ready, log);

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log.info(`${signal}: stopping the notifier`);
      void notifier
        .stop()
        .then(() => db.$disconnect())
        .then(() => process.exit(0));
    });
  }
  notifier.start();
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(
    error instanceof ConfigError ? `${message}\n` : `The notifier could not start: ${message}\n`,
  );
  process.exit(1);
});
