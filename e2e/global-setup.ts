import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { FakeRazorpay } from '@sevabook/api/testing/fake-razorpay';
import { FakeTwilio } from '@sevabook/api/testing/fake-twilio';
import { startApi, freePort } from './support/api-server.ts';
import { processRefunds } from './support/razorpay-refunds.ts';
import { DEFAULT_SERVER_URL, databaseUrlNamed, onServer } from './support/database.ts';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * Once per run: a fresh database `sevabook_e2e_<random>` on the server of DATABASE_URL, the real
 * API started on a free port against it (it migrates, seeds the demo temple and serves the
 * built sites), and both torn down at the end. WhatsApp goes to a fake Twilio and payments to a
 * fake Razorpay, both run in this process (the real SDKs' requests, through TWILIO_API_BASE and
 * RAZORPAY_API_BASE): the specs read what a devotee was sent (support/whatsapp.ts), and the
 * fake's Checkout page stands in for Razorpay's (RAZORPAY_CHECKOUT_URL). The specs read where
 * things are from the E2E_* variables set here (Playwright's workers inherit them).
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const serverUrl = process.env.DATABASE_URL ?? DEFAULT_SERVER_URL;
  const name = `sevabook_e2e_${randomBytes(4).toString('hex')}`;
  const databaseUrl = databaseUrlNamed(serverUrl, name);
  await dropStaleE2eDatabases(serverUrl);
  await onServer(serverUrl, (c) =>
    c.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`),
  );

  const adminEmail = 'admin@e2e.sevabook.test';
  const adminPassword = `e2e-${randomBytes(12).toString('hex')}`;
  const twilio = await new FakeTwilio().start();
  const razorpay = await new FakeRazorpay().start();
  let api;
  try {
    api = await startApi(
      repoRoot,
      {
        DATABASE_URL: databaseUrl,
        NOTIFIER: 'inline',
        RATE_LIMIT_PER_IP_PER_MIN: '100000',
        // The admin specs sign staff in and out many times a minute, all from 127.0.0.1.
        LOGIN_RATE_LIMIT_PER_MIN: '1000',
        NODE_ENV: 'test',
        ADMIN_EMAIL: adminEmail,
        ADMIN_PASSWORD: adminPassword,
        LOG_LEVEL: 'warn',
        TWILIO_ACCOUNT_SID: twilio.accountSid,
        TWILIO_AUTH_TOKEN: twilio.authToken,
        TWILIO_WHATSAPP_FROM: 'whatsapp:+14155238886',
        TWILIO_API_BASE: twilio.url,
        RAZORPAY_KEY_ID: razorpay.keyId,
        RAZORPAY_KEY_SECRET: razorpay.keySecret,
        RAZORPAY_WEBHOOK_SECRET: razorpay.webhookSecret,
        RAZORPAY_API_BASE: razorpay.url,
        RAZORPAY_CHECKOUT_URL: razorpay.checkoutUrl,
      },
      await freePort(),
    );
  } catch (error) {
    await twilio.close();
    await razorpay.close();
    await onServer(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS \`${name}\``));
    throw error;
  }

  process.env.E2E_BASE_URL = api.baseUrl;
  process.env.E2E_DATABASE_URL = databaseUrl;
  process.env.E2E_ADMIN_EMAIL = adminEmail;
  process.env.E2E_ADMIN_PASSWORD = adminPassword;
  process.env.E2E_FAKE_TWILIO_URL = twilio.url;
  process.env.E2E_TWILIO_ACCOUNT_SID = twilio.accountSid;
  process.env.E2E_TWILIO_AUTH_TOKEN = twilio.authToken;
  process.env.E2E_FAKE_RAZORPAY_URL = razorpay.url;
  const stopRefunds = processRefunds(razorpay, api.baseUrl);

  return async () => {
    stopRefunds();
    await api.stop();
    await twilio.close();
    await razorpay.close();
    await onServer(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS \`${name}\``));
  };
}

/**
 * Databases left behind by runs that were killed before their teardown. Only those whose
 * tables are hours old go, so a run going on at the same time keeps its own.
 */
async function dropStaleE2eDatabases(serverUrl: string): Promise<void> {
  await onServer(serverUrl, async (c) => {
    const rows = await c.query<Array<{ name: string }>>(
      `SELECT DISTINCT TABLE_SCHEMA AS name FROM information_schema.TABLES
        WHERE TABLE_SCHEMA LIKE 'sevabook\\_e2e\\_%' AND CREATE_TIME < NOW() - INTERVAL 6 HOUR`,
    );
    for (const { name } of rows) {
      if (/^sevabook_e2e_[0-9a-f]+$/.test(name))
        await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
    }
  });
}
