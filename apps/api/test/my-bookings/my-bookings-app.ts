import type { FastifyInstance } from 'fastify';
import { buildApp, loggerOptions } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { testDatabase, testDatabaseUrl } from '../db.ts';
import type { FakeTwilio } from '../fake-twilio.ts';
import { TEST_JWT_SECRET } from '../staff-factories.ts';

/**
 * The app for "my bookings" tests: the staff tests' JWT secret (so a staff token made by the
 * factories is a real one here), WhatsApp through the fake Twilio when one is given, and every
 * log line kept in `lines` to be searched for personal data.
 */
export async function buildMyBookingsApp(
  options: { twilio?: FakeTwilio; env?: Record<string, string> } = {},
): Promise<{ app: FastifyInstance; lines: string[] }> {
  const lines: string[] = [];
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: testDatabaseUrl(),
    JWT_SECRET: TEST_JWT_SECRET,
    SERVE_SPAS: 'false',
    NOTIFIER: 'off',
    LOG_LEVEL: 'trace',
    RATE_LIMIT_PER_IP_PER_MIN: '100000',
    SIGN_IN_RATE_LIMIT_PER_IP_PER_HOUR: '100000',
    ...(options.twilio
      ? {
          TWILIO_ACCOUNT_SID: options.twilio.accountSid,
          TWILIO_AUTH_TOKEN: options.twilio.authToken,
          TWILIO_WHATSAPP_FROM: '+14155238886',
          TWILIO_API_BASE: options.twilio.url,
          NOTIFIER_SEND_TIMEOUT_MS: '2000',
        }
      : {}),
    ...options.env,
  });
  const app = await buildApp(config, {
    database: testDatabase(),
    logger: { ...loggerOptions(config), stream: { write: (line: string) => lines.push(line) } },
  });
  await app.ready();
  return { app, lines };
}

/** The code in the newest WhatsApp message the fake Twilio took for `phone`. */
export function lastCodeSentTo(twilio: FakeTwilio, phone: string): string {
  const body = twilio.messagesTo(phone).at(-1)?.body ?? '';
  const code = /^[^:\n]+: (\d{6})$/m.exec(body)?.[1];
  if (!code) throw new Error('No code was sent to this phone');
  return code;
}
