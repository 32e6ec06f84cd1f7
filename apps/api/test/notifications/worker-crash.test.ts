import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { book, eventually, harnessForSuite, PUBLIC_URL } from './notifier-harness.ts';

const h = harnessForSuite();
let worker: ChildProcess | undefined;

afterAll(() => {
  worker?.kill('SIGKILL');
});

const API_DIR = fileURLToPath(new URL('../../', import.meta.url));

/** `pnpm --filter @sevabook/api worker`, as its own process, against the test's database. */
function startWorkerProcess(): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/worker.ts'], {
    cwd: API_DIR,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: h.scratch.url,
      PUBLIC_URL,
      LOG_LEVEL: 'silent',
      TWILIO_ACCOUNT_SID: h.fake.accountSid,
      TWILIO_AUTH_TOKEN: h.fake.authToken,
      TWILIO_WHATSAPP_FROM: '+14155238886',
      TWILIO_API_BASE: h.fake.url,
      NOTIFIER_RATE_PER_SEC: '20',
      NOTIFIER_LEASE_MS: '3000',
      NOTIFIER_SEND_TIMEOUT_MS: '1000',
      NOTIFIER_POLL_MS: '20',
      // NOTE: a different temple name from the successor's (the harness's), as after a settings
      // change between two attempts: the lookup must not depend on the text matching word for word.
      TEMPLE_NAME: 'Sri Test Mutt (before the rename)',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  return child;
}

describe('a notifier worker killed mid-batch', { timeout: 90_000 }, () => {
  it('loses nothing and sends nothing twice: another worker finishes the batch, looking up what may have gone', async () => {
    const bookings = [];
    for (let i = 0; i < 30; i++) bookings.push(await book(h.database));
    const phones = new Set(bookings.map((b) => `whatsapp:${b.phone}`));
    // Slow answers, so that requests are in flight (received, not yet answered) at the kill.
    h.fake.latencyMs = 150;

    worker = startWorkerProcess();
    await eventually(() => {
      expect(h.fake.attempts.filter((a) => phones.has(a.to)).length).toBeGreaterThanOrEqual(8);
    }, 40_000);
    worker.kill('SIGKILL');
    await new Promise((resolve) => worker!.once('exit', resolve));

    const ids = bookings.map((b) => b.id);
    const atKill = await h.db.notification.findMany({
      where: { bookingId: { in: ids }, kind: 'confirmation' },
    });
    // It died mid-batch, holding claimed rows, some of whose messages Twilio already has.
    expect(atKill.filter((r) => r.status === 'sending').length).toBeGreaterThan(0);
    expect(atKill.filter((r) => r.status === 'sent').length).toBeLessThan(bookings.length);
    // Let the requests it left in flight land at the fake.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const lookupsBefore = h.fake.lookups;

    const successor = h.notifier();
    successor.start();
    const rows = await eventually(async () => {
      const all = await h.db.notification.findMany({
        where: { bookingId: { in: ids }, kind: 'confirmation' },
      });
      expect(all.map((r) => r.status)).toEqual(all.map(() => 'sent'));
      return all;
    }, 40_000);
    await successor.stop();

    expect(bookings.map((b) => h.fake.messagesTo(b.phone).length)).toEqual(bookings.map(() => 1));
    // Every row names the one message its devotee received.
    for (const b of bookings) {
      const row = rows.find((r) => r.bookingId === b.id)!;
      expect(row.providerSid).toBe(h.fake.messagesTo(b.phone)[0]!.sid);
    }
    expect(h.fake.lookups).toBeGreaterThan(lookupsBefore);
  });
});
