import { randomBytes } from 'node:crypto';
import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { appForSuite } from '../app.ts';
import { testDatabase, testDatabaseUrl, testDb } from '../db.ts';
import { createBooking, createSlot } from '../factories.ts';
import { FAKE_ACCOUNT_SID, FAKE_AUTH_TOKEN } from '../fake-twilio.ts';

// Behind a proxy: the app is reached at an internal address, Twilio signs the public one.
const PUBLIC_URL = 'https://seva.example.org';
const PATH = '/api/v1/webhooks/twilio/status';

const db = testDb();

/** The app with Twilio configured, so that it checks signatures, behind the proxy. */
function buildWebhookApp({ ratePerIpPerMin = 1_000_000 } = {}) {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: testDatabaseUrl(),
    PUBLIC_URL,
    LOG_LEVEL: 'silent',
    SERVE_SPAS: 'false',
    NOTIFIER: 'off',
    RATE_LIMIT_PER_IP_PER_MIN: String(ratePerIpPerMin),
    TWILIO_ACCOUNT_SID: FAKE_ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: FAKE_AUTH_TOKEN,
    TWILIO_WHATSAPP_FROM: '+14155238886',
  });
  return buildApp(config, { database: testDatabase(), logger: false });
}

const app = appForSuite(buildWebhookApp);

/** An outbox row already sent, with its Twilio SID. */
async function sentNotification(
  overrides: { status?: 'sending' | 'sent'; providerSid?: string | null } = {},
) {
  const slot = await createSlot(db);
  const { booking } = await createBooking(db, { slotId: slot.id });
  const sid = `SM${randomBytes(16).toString('hex')}`;
  const row = await db.notification.create({
    data: {
      bookingId: booking.id,
      kind: 'confirmation',
      eventSeq: 1,
      dueAt: new Date(),
      status: overrides.status ?? 'sent',
      attempts: 1,
      providerSid: overrides.providerSid === undefined ? sid : overrides.providerSid,
      sentAt: new Date(),
    },
  });
  return { row, sid };
}

function callback(
  params: Record<string, string>,
  options: { query?: string; signature?: string | null; token?: string } = {},
) {
  const url = `${PATH}${options.query ?? ''}`;
  const signature =
    options.signature === undefined
      ? twilio.getExpectedTwilioSignature(
          options.token ?? FAKE_AUTH_TOKEN,
          `${PUBLIC_URL}${url}`,
          params,
        )
      : options.signature;
  return app.inject({
    method: 'POST',
    url,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(signature === null ? {} : { 'x-twilio-signature': signature }),
    },
    payload: new URLSearchParams(params).toString(),
  });
}

const statusOf = async (id: number) =>
  (await db.notification.findUniqueOrThrow({ where: { id } })).status;

describe('POST /api/v1/webhooks/twilio/status', () => {
  it('records delivery from a correctly signed callback', async () => {
    const { row, sid } = await sentNotification();
    const res = await callback({
      MessageSid: sid,
      MessageStatus: 'delivered',
      AccountSid: FAKE_ACCOUNT_SID,
    });
    expect(res.statusCode).toBe(204);
    const after = await db.notification.findUniqueOrThrow({ where: { id: row.id } });
    expect(after.status).toBe('delivered');
    expect(after.deliveredAt).not.toBeNull();
  });

  it('refuses an unsigned callback with 403 problem+json and changes nothing', async () => {
    const { row, sid } = await sentNotification();
    const res = await callback({ MessageSid: sid, MessageStatus: 'read' }, { signature: null });
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 403, code: 'forbidden' });
    expect(await statusOf(row.id)).toBe('sent');
  });

  it('refuses a callback signed with another token, or whose body was altered after signing', async () => {
    const { row, sid } = await sentNotification();
    const wrongToken = await callback(
      { MessageSid: sid, MessageStatus: 'read' },
      { token: 'not-the-auth-token' },
    );
    expect(wrongToken.statusCode).toBe(403);
    const signedForDelivered = twilio.getExpectedTwilioSignature(
      FAKE_AUTH_TOKEN,
      `${PUBLIC_URL}${PATH}`,
      {
        MessageSid: sid,
        MessageStatus: 'delivered',
      },
    );
    const altered = await callback(
      { MessageSid: sid, MessageStatus: 'read' },
      { signature: signedForDelivered },
    );
    expect(altered.statusCode).toBe(403);
    expect(await statusOf(row.id)).toBe('sent');
  });

  it('refuses a signature made for another host (the public URL is what counts)', async () => {
    const { row, sid } = await sentNotification();
    const params = { MessageSid: sid, MessageStatus: 'delivered' };
    const forInternalHost = twilio.getExpectedTwilioSignature(
      FAKE_AUTH_TOKEN,
      `http://localhost:80${PATH}`,
      params,
    );
    const res = await callback(params, { signature: forInternalHost });
    expect(res.statusCode).toBe(403);
    expect(await statusOf(row.id)).toBe('sent');
  });

  it('only moves forward: a late "sent" or "delivered" never overwrites "read"', async () => {
    const { row, sid } = await sentNotification();
    for (const status of ['read', 'delivered', 'sent', 'queued']) {
      expect((await callback({ MessageSid: sid, MessageStatus: status })).statusCode).toBe(204);
    }
    const after = await db.notification.findUniqueOrThrow({ where: { id: row.id } });
    expect(after.status).toBe('read');
    expect(after.readAt).not.toBeNull();
  });

  it('a replayed callback changes nothing', async () => {
    const { row, sid } = await sentNotification();
    await callback({ MessageSid: sid, MessageStatus: 'delivered' });
    const first = await db.notification.findUniqueOrThrow({ where: { id: row.id } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const replay = await callback({ MessageSid: sid, MessageStatus: 'delivered' });
    expect(replay.statusCode).toBe(204);
    const second = await db.notification.findUniqueOrThrow({ where: { id: row.id } });
    expect(second).toEqual(first);
  });

  it('records an undelivered message as failed with Twilio’s error code and reason', async () => {
    const { row, sid } = await sentNotification();
    await callback({ MessageSid: sid, MessageStatus: 'undelivered', ErrorCode: '63016' });
    const after = await db.notification.findUniqueOrThrow({ where: { id: row.id } });
    expect(after).toMatchObject({ status: 'failed', lastErrorCode: '63016' });
    expect(after.lastError).toMatch(/24-hour WhatsApp window/);
  });

  it('matches a message whose SID the sender never recorded through the row named in the callback URL', async () => {
    const { row } = await sentNotification({ status: 'sending', providerSid: null });
    const sid = `SM${randomBytes(16).toString('hex')}`;
    const res = await callback(
      { MessageSid: sid, MessageStatus: 'sent' },
      { query: `?notification=${row.id}` },
    );
    expect(res.statusCode).toBe(204);
    const after = await db.notification.findUniqueOrThrow({ where: { id: row.id } });
    expect(after).toMatchObject({ status: 'sent', providerSid: sid, leaseUntil: null });
    // A second message claiming the same row is not attached over the first.
    const other = `SM${randomBytes(16).toString('hex')}`;
    await callback(
      { MessageSid: other, MessageStatus: 'delivered' },
      { query: `?notification=${row.id}` },
    );
    expect((await db.notification.findUniqueOrThrow({ where: { id: row.id } })).providerSid).toBe(
      sid,
    );
  });

  it('is not held to the per-address request limit meant for devotees', async () => {
    const limited = await buildWebhookApp({ ratePerIpPerMin: 2 });
    const { sid } = await sentNotification();
    const statuses: number[] = [];
    for (const status of ['sent', 'delivered', 'read', 'read', 'read']) {
      const params = { MessageSid: sid, MessageStatus: status };
      const res = await limited.inject({
        method: 'POST',
        url: PATH,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-twilio-signature': twilio.getExpectedTwilioSignature(
            FAKE_AUTH_TOKEN,
            `${PUBLIC_URL}${PATH}`,
            params,
          ),
        },
        payload: new URLSearchParams(params).toString(),
      });
      statuses.push(res.statusCode);
    }
    await limited.close();
    expect(statuses).toEqual([204, 204, 204, 204, 204]);
  });

  it('answers 403 when Twilio is not configured, whatever the signature', async () => {
    const bare = await buildApp(
      loadConfig({
        NODE_ENV: 'test',
        DATABASE_URL: testDatabaseUrl(),
        LOG_LEVEL: 'silent',
        SERVE_SPAS: 'false',
        NOTIFIER: 'off',
      }),
      { database: testDatabase(), logger: false },
    );
    const res = await bare.inject({
      method: 'POST',
      url: PATH,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': 'anything',
      },
      payload: 'MessageSid=SM1&MessageStatus=read',
    });
    await bare.close();
    expect(res.statusCode).toBe(403);
  });
});
