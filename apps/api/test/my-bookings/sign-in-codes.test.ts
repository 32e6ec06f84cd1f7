import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../db.ts';
import { createBooking, createSlot, uniquePhone } from '../factories.ts';
import { FakeTwilio } from '../fake-twilio.ts';
import { buildMyBookingsApp, lastCodeSentTo } from './my-bookings-app.ts';

const db = testDb();
let twilio: FakeTwilio;
let app: FastifyInstance;
let lines: string[];

beforeAll(async () => {
  twilio = await new FakeTwilio().start();
  ({ app, lines } = await buildMyBookingsApp({ twilio }));
});
afterAll(async () => {
  await app.close();
  await twilio.close();
});

const askForCode = (phone: string, language = 'en') =>
  app.inject({
    method: 'POST',
    url: '/api/v1/my-bookings/sign-in-codes',
    payload: { phone, language },
  });

const redeem = (phone: string, code: string) =>
  app.inject({ method: 'POST', url: '/api/v1/my-bookings/sessions', payload: { phone, code } });

const codesOf = (phone: string) =>
  db.phoneSignInCode.findMany({ where: { phone }, orderBy: { id: 'asc' } });

/** A six-digit code that is not `code`. */
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('POST /api/v1/my-bookings/sign-in-codes', () => {
  it('sends a 6-digit code through Twilio and keeps only a keyed hash of it, for 10 minutes', async () => {
    const phone = uniquePhone();
    const res = await askForCode(phone);
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ expiresInSeconds: 600, resendAfterSeconds: 60 });

    const [sent] = twilio.messagesTo(phone);
    expect(sent?.from).toBe('whatsapp:+14155238886');
    expect(sent?.body).toContain('Do not share it with anyone');
    const code = lastCodeSentTo(twilio, phone);
    expect(code).toMatch(/^\d{6}$/);

    const [row] = await codesOf(phone);
    expect(row?.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.codeHash).not.toContain(code);
    expect(row?.codeHash).not.toBe(createHash('sha256').update(code).digest('hex'));
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBe(10 * 60_000);
    expect(row).toMatchObject({ attempts: 0, usedAt: null });
  });

  it('writes the message in Kannada with the glossary’s terms when asked', async () => {
    const phone = uniquePhone();
    expect((await askForCode(phone, 'kn')).statusCode).toBe(202);
    const body = twilio.messagesTo(phone)[0]?.body ?? '';
    expect(body).toContain('ನಮಸ್ಕಾರ');
    expect(body).toMatch(/^ಕೋಡ್: \d{6}$/m);
    expect(body).toContain('ಮಾನ್ಯತೆಯ ಅವಧಿ: 10 ನಿಮಿಷಗಳು');
  });

  it('answers a phone with bookings and one without in the same way', async () => {
    const withBookings = uniquePhone();
    const slot = await createSlot(db);
    await createBooking(db, { slotId: slot.id, phone: withBookings });
    const a = await askForCode(withBookings);
    const b = await askForCode(uniquePhone());
    expect([a.statusCode, a.body]).toEqual([b.statusCode, b.body]);
  });

  it('stores the number as bookings do, in E.164, however it was typed', async () => {
    const phone = uniquePhone();
    const typed = `0${phone.slice(3, 8)} ${phone.slice(8)}`;
    expect((await askForCode(typed)).statusCode).toBe(202);
    expect(await codesOf(phone)).toHaveLength(1);
  });

  it('refuses a fourth code for one phone within 15 minutes, with Retry-After, and keeps no row for it', async () => {
    const phone = uniquePhone();
    for (let i = 0; i < 3; i++) expect((await askForCode(phone)).statusCode).toBe(202);
    const refused = await askForCode(phone);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({ code: 'rate_limited' });
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(await codesOf(phone)).toHaveLength(3);
    expect(twilio.messagesTo(phone)).toHaveLength(3);
    // Another phone is not held back by it.
    expect((await askForCode(uniquePhone())).statusCode).toBe(202);
  });

  it('lets no more than 3 through when many requests for one phone race', async () => {
    const phone = uniquePhone();
    const answers = await Promise.all(Array.from({ length: 8 }, () => askForCode(phone)));
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s === 202).length).toBeLessThanOrEqual(3);
    expect(statuses.filter((s) => s !== 202 && s !== 429)).toEqual([]);
    expect((await codesOf(phone)).length).toBeLessThanOrEqual(3);
  });

  it('tells the devotee when WhatsApp could not take the message, and does not count it', async () => {
    const phone = uniquePhone();
    twilio.failFor(`whatsapp:${phone}`, { status: 503, code: 20500 });
    try {
      const res = await askForCode(phone);
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ code: 'service_unavailable' });
      expect(await codesOf(phone)).toHaveLength(0);
    } finally {
      twilio.stopFailingFor(`whatsapp:${phone}`);
    }
  });
});

describe('POST /api/v1/my-bookings/sessions', () => {
  it('gives a 15-minute session for the right code, once', async () => {
    const phone = uniquePhone();
    await askForCode(phone);
    const code = lastCodeSentTo(twilio, phone);
    const res = await redeem(phone, code);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, phone });
    expect((await codesOf(phone))[0]?.usedAt).toBeInstanceOf(Date);

    const again = await redeem(phone, code);
    expect(again.statusCode).toBe(401);
    expect(again.json()).toMatchObject({ code: 'code_invalid' });
  });

  it('refuses a wrong code and counts the try', async () => {
    const phone = uniquePhone();
    await askForCode(phone);
    const res = await redeem(phone, wrong(lastCodeSentTo(twilio, phone)));
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'code_invalid' });
    expect(await codesOf(phone)).toMatchObject([{ attempts: 1, usedAt: null }]);
  });

  it('refuses the right code after 5 wrong tries', async () => {
    const phone = uniquePhone();
    await askForCode(phone);
    const code = lastCodeSentTo(twilio, phone);
    for (let i = 0; i < 5; i++) expect((await redeem(phone, wrong(code))).statusCode).toBe(401);
    const res = await redeem(phone, code);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'too_many_attempts' });
    expect(await codesOf(phone)).toMatchObject([{ attempts: 5, usedAt: null }]);
  });

  it('never counts more than 5 tries however many wrong guesses arrive at once', async () => {
    const phone = uniquePhone();
    await askForCode(phone);
    const code = lastCodeSentTo(twilio, phone);
    const answers = await Promise.all(Array.from({ length: 12 }, () => redeem(phone, wrong(code))));
    const codes = answers.map((a) => a.json<{ code: string }>().code);
    expect(codes.filter((c) => c === 'code_invalid')).toHaveLength(5);
    expect(codes.filter((c) => c === 'too_many_attempts')).toHaveLength(7);
    expect(await codesOf(phone)).toMatchObject([{ attempts: 5, usedAt: null }]);
  });

  it('refuses a code after its 10 minutes', async () => {
    const phone = uniquePhone();
    await askForCode(phone);
    const code = lastCodeSentTo(twilio, phone);
    await db.phoneSignInCode.updateMany({
      where: { phone },
      data: { expiresAt: new Date(Date.now() - 1_000) },
    });
    const res = await redeem(phone, code);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'code_expired' });
    expect(await codesOf(phone)).toMatchObject([{ attempts: 0, usedAt: null }]);
  });

  it('takes only the newest code, and a code only for the phone it was sent to', async () => {
    const phone = uniquePhone();
    await askForCode(phone);
    const first = lastCodeSentTo(twilio, phone);
    await askForCode(phone);
    const second = lastCodeSentTo(twilio, phone);
    if (first !== second) expect((await redeem(phone, first)).statusCode).toBe(401);
    expect((await redeem(uniquePhone(), second)).statusCode).toBe(401);
    expect((await redeem(phone, second)).statusCode).toBe(200);
  });
});

describe('logs', () => {
  it('carry neither the phone nor the code', async () => {
    const phone = uniquePhone();
    await askForCode(phone);
    const code = lastCodeSentTo(twilio, phone);
    await redeem(phone, code);
    const log = lines.join('\n');
    expect(log).not.toContain(phone);
    expect(log).not.toContain(phone.slice(3));
    expect(log).not.toMatch(new RegExp(`(?<!\\d)${code}(?!\\d)`));
  });
});
