import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.ts';
import { createDb } from '../../src/db/client.ts';
import { outboxHealth, troubleCause } from '../../src/notifications/outbox-health.ts';
import { ANONYMOUS, send, statusOf } from '../app.ts';
import { createScratchDatabase, testDb, type ScratchDatabase } from '../db.ts';
import { createBooking, createSlot } from '../factories.ts';
import { staffAppForSuite } from '../staff-factories.ts';

/** A booking's confirmation row, set to the given outbox state. */
async function messageIn(
  db: Db,
  state: {
    status: 'pending' | 'failed' | 'dead' | 'sent';
    lastError?: string;
    lastErrorCode?: string;
    dueAt?: Date;
  },
) {
  const slot = await createSlot(db);
  const { booking } = await createBooking(db, { slotId: slot.id });
  const row = await db.notification.findFirst({
    where: { bookingId: booking.id, kind: 'confirmation' },
  });
  const data = {
    status: state.status,
    attempts: state.lastError ? 3 : 0,
    lastError: state.lastError ?? null,
    lastErrorCode: state.lastErrorCode ?? null,
    dueAt: state.dueAt ?? new Date(),
  };
  return row
    ? db.notification.update({ where: { id: row.id }, data })
    : db.notification.create({
        data: { bookingId: booking.id, kind: 'confirmation', eventSeq: 1, ...data },
      });
}

describe('the outbox’s health, as staff see it', () => {
  let scratch: ScratchDatabase;
  let db: Db;
  beforeAll(async () => {
    scratch = await createScratchDatabase();
    db = createDb(scratch.url, 4);
  });
  afterAll(async () => {
    await db?.$disconnect();
    await scratch?.drop();
  });

  it('has nothing to report when messages go out', async () => {
    await messageIn(db, { status: 'sent' });
    await messageIn(db, { status: 'pending' });
    expect(await outboxHealth(db)).toEqual({
      retrying: 0,
      failed: 0,
      dead: 0,
      nextTryAt: null,
      lastError: null,
    });
  });

  it('counts messages retrying after an error, names the next try and the newest error and its cause', async () => {
    const soon = new Date(Date.now() + 60_000);
    await messageIn(db, {
      status: 'pending',
      lastError: 'connect ECONNREFUSED 203.0.113.9:443',
      lastErrorCode: 'ECONNREFUSED',
      dueAt: new Date(Date.now() + 600_000),
    });
    await messageIn(db, {
      status: 'dead',
      lastError: 'Gave up after 10 attempts',
      lastErrorCode: '20003',
    });
    const newest = await messageIn(db, {
      status: 'pending',
      lastError: 'connect ECONNREFUSED 203.0.113.9:443',
      lastErrorCode: 'ECONNREFUSED',
      dueAt: soon,
    });
    const health = await outboxHealth(db);
    expect(health).toMatchObject({
      retrying: 2,
      failed: 0,
      dead: 1,
      nextTryAt: soon.toISOString(),
    });
    expect(health.lastError).toEqual({
      cause: 'unreachable',
      code: 'ECONNREFUSED',
      message: 'connect ECONNREFUSED 203.0.113.9:443',
      at: newest.updatedAt.toISOString(),
    });
  });

  it('tells unreachable, refused, throttled and unknown outcomes apart', () => {
    expect(troubleCause('ECONNREFUSED')).toBe('unreachable');
    expect(troubleCause('http_503')).toBe('unreachable');
    expect(troubleCause('429')).toBe('throttled');
    expect(troubleCause('unknown_outcome')).toBe('unknown_outcome');
    expect(troubleCause('20003')).toBe('refused');
    expect(troubleCause('http_401')).toBe('refused');
  });
});

describe('GET /api/v1/admin/notifications (retrying and attention) and …/health', () => {
  const { app, staff } = staffAppForSuite();

  it('lists a message that is retrying under retrying and attention, not under failed', async () => {
    const row = await messageIn(testDb(), {
      status: 'pending',
      lastError: 'getaddrinfo ENOTFOUND api.twilio.com',
      lastErrorCode: 'ENOTFOUND',
    });
    const ids = async (status: string) =>
      (
        await send(
          app,
          'GET',
          `/api/v1/admin/notifications?status=${status}&bookingId=${row.bookingId}`,
          staff.viewer,
        )
      )
        .json<{ items: { id: number }[] }>()
        .items.map((n) => n.id);
    expect(await ids('retrying')).toEqual([row.id]);
    expect(await ids('attention')).toEqual([row.id]);
    expect(await ids('failed')).toEqual([]);

    const health = await send(app, 'GET', '/api/v1/admin/notifications/health', staff.viewer);
    expect(health.statusCode).toBe(200);
    expect(health.json<{ retrying: number }>().retrying).toBeGreaterThanOrEqual(1);
    expect(await statusOf(app, 'GET', '/api/v1/admin/notifications/health', ANONYMOUS)).toBe(401);

    // Sent again by staff, it is queued afresh: no longer retrying, nor needing attention.
    await testDb().notification.update({
      where: { id: row.id },
      data: { attempts: 0 },
    });
    expect(await ids('retrying')).toEqual([]);
    expect(await ids('attention')).toEqual([]);
  });
});
