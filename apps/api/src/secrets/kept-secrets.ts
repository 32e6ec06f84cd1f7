import { randomBytes } from 'node:crypto';
import type { Config } from '../config.ts';
import type { Tx } from '../db/client.ts';

/**
 * Secrets a server makes for itself when none is configured (never in production, where
 * config.ts refuses to start without them). Each is generated once and kept in the database,
 * so manage links and staff sessions survive restarts, and every process on the database (the
 * HTTP workers of API_PROCESSES, other instances, the notifier worker) uses the same one.
 * See docs/decisions/0010-secrets.md.
 */

export const KEPT_SECRET_NAMES = ['JWT_SECRET', 'BOOKING_LINK_SECRET'] as const;
export type SecretName = (typeof KEPT_SECRET_NAMES)[number];

/** The secret named, made now if no process has made it yet. */
export async function keptSecret(db: Tx, name: SecretName): Promise<string> {
  // NOTE: processes starting at once each offer a value; INSERT IGNORE keeps the first and the
  // read-back gives every process that one, so two processes never sign with different secrets.
  const offered = randomBytes(32).toString('hex');
  await db.$executeRaw`INSERT IGNORE INTO server_secret (name, value) VALUES (${name}, ${offered})`;
  const kept = await db.serverSecret.findUniqueOrThrow({ where: { name } });
  return kept.value;
}

/**
 * The configuration with every secret not set in the environment replaced by the kept one.
 * Calls `announce` once per secret taken from the database, for the start-up log.
 */
export async function withKeptSecrets(
  config: Config,
  db: Tx,
  announce: (message: string) => void = () => {},
): Promise<Config> {
  if (config.keptSecrets.length === 0) return config;
  const values: Partial<Record<SecretName, string>> = {};
  for (const name of config.keptSecrets) {
    values[name] = await keptSecret(db, name);
    announce(
      `${name} is not set: using the one generated for this database and kept in its server_secret table (set ${name} in production)`,
    );
  }
  return {
    ...config,
    jwtSecret: values.JWT_SECRET ?? config.jwtSecret,
    bookingLinkSecret: values.BOOKING_LINK_SECRET ?? config.bookingLinkSecret,
    keptSecrets: [],
  };
}
