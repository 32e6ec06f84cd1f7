import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';
import { loadConfig, type Config } from '../src/config.ts';
import { testDatabaseUrl, testDb } from './db.ts';

/** The environment every test app starts from; a test passes overrides for what it varies. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return loadConfig(
    {
      NODE_ENV: 'test',
      DATABASE_URL: testDatabaseUrl(),
      LOG_LEVEL: 'silent',
      SERVE_SPAS: 'false',
      RATE_LIMIT_PER_IP_PER_MIN: '1000000',
      NOTIFIER: 'off',
    },
    overrides,
  );
}

/** The whole app on this run's database, ready for `inject` (fastify/demo's test helper shape). */
export async function buildTestApp(overrides: Partial<Config> = {}): Promise<FastifyInstance> {
  const app = await buildApp(testConfig(overrides), { db: testDb(), logger: false });
  await app.ready();
  return app;
}
