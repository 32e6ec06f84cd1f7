import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig, type Config } from '../src/config.ts';
import { testDatabase, testDatabaseUrl } from './db.ts';

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
  const app = await buildApp(testConfig(overrides), { database: testDatabase(), logger: false });
  await app.ready();
  return app;
}

/** What a test does with an app: send it requests. */
export interface TestApp {
  inject(request: InjectOptions | string): Promise<LightMyRequestResponse>;
}

/**
 * One app for all the tests of a file or `describe`: built before the first, closed after the
 * last. NOTE: the app exists only once `beforeAll` has run, so send requests from tests and
 * hooks, not while the suite is being collected.
 */
export function appForSuite(build: () => Promise<FastifyInstance> = buildTestApp): TestApp {
  let app: FastifyInstance | undefined;
  beforeAll(async () => {
    app = await build();
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
  });
  return {
    inject(request) {
      if (!app) throw new Error('The app is built in beforeAll: send requests from tests.');
      return app.inject(request);
    },
  };
}

/** Who sends a request: a staff user or an API key, by the headers that say so. */
export interface Caller {
  headers: Record<string, string>;
}

/** A request without credentials. */
export const ANONYMOUS: Caller = { headers: {} };

/** A request as an HTTP log reads it: method, URL, who asks, and the body if there is one. */
export function send(
  app: TestApp,
  method: NonNullable<InjectOptions['method']>,
  url: string,
  caller: Caller,
  payload?: InjectOptions['payload'],
): Promise<LightMyRequestResponse> {
  return app.inject({
    method,
    url,
    headers: caller.headers,
    ...(payload === undefined ? {} : { payload }),
  });
}

/** Only the status code, for the checks of who may do what and which input is refused. */
export async function statusOf(...request: Parameters<typeof send>): Promise<number> {
  return (await send(...request)).statusCode;
}
