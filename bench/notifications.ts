/**
 * WhatsApp notifications through the outbox, against a fake Twilio on 127.0.0.1 that the real
 * SDK talks to (TWILIO_API_BASE), answering after a realistic network delay.
 *
 * 1. Latency: devotees book at a steady rate through the running API (inline notifier, the
 *    default); for each booking, the time from its 201 (the transaction has committed) to the
 *    fake Twilio accepting its confirmation. p50 / p95 / max.
 * 2. Drain: a backlog of N confirmations already in the outbox, one notifier process
 *    (`worker`) at NOTIFIER_RATE_PER_SEC = 10; time to drain against the ideal N / 10 s.
 *
 *   pnpm --filter @sevabook/bench exec tsx notifications.ts [--quick] [--backlog 1000]
 *     [--rate 5] [--seconds 30] [--twilio-latency 100]
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import type { Pool } from 'mariadb';
import { request } from 'undici';
import { FakeTwilio } from '@sevabook/api/testing/fake-twilio';
import {
  argValue,
  percentile,
  printTable,
  repoRoot,
  round,
  scratchDatabase,
  startApi,
  writeResults,
} from './harness.ts';

const quick = process.argv.includes('--quick');
const backlog = argValue('backlog', quick ? 100 : 1000);
const bookingRate = argValue('rate', 5);
const seconds = argValue('seconds', quick ? 10 : 30);
const twilioLatencyMs = argValue('twilio-latency', 100);
const sendRate = 10;

const REFERENCE_ALPHABET = '346789ABCDEFGHJKMNPQRTWXY';

function twilioEnv(fake: FakeTwilio): Record<string, string> {
  return {
    TWILIO_ACCOUNT_SID: fake.accountSid,
    TWILIO_AUTH_TOKEN: fake.authToken,
    TWILIO_WHATSAPP_FROM: '+14155238886',
    TWILIO_API_BASE: fake.url,
    NOTIFIER_RATE_PER_SEC: String(sendRate),
  };
}

function phone(): string {
  return `+919${String(randomInt(0, 1_000_000_000)).padStart(9, '0')}`;
}

async function makeSlot(pool: Pool, capacity: number): Promise<number> {
  const suffix = randomBytes(4).toString('hex');
  const seva = await pool.query(
    `INSERT INTO seva (slug, name_en, name_kn, description_en, description_kn, duration_minutes, fee_paise,
       default_capacity, max_persons_per_booking, booking_opens_days_ahead, booking_closes_minutes_before)
     VALUES (?, 'Archana', 'ಅರ್ಚನೆ', '', '', 30, 0, ?, 1, 365, 0)`,
    [`bench-${suffix}`, capacity],
  );
  const startsAt = new Date(Date.now() + 3 * 86_400_000 + randomInt(1000) * 60_000);
  const slot = await pool.query(
    'INSERT INTO slot (seva_id, starts_at, capacity) VALUES (?, ?, ?)',
    [Number(seva.insertId), startsAt, capacity],
  );
  return Number(slot.insertId);
}

/** Commit → accepted-by-Twilio for bookings made at a steady rate through the API. */
async function measureLatency() {
  const fake = await new FakeTwilio().start();
  fake.latencyMs = twilioLatencyMs;
  const db = await scratchDatabase();
  const api = await startApi(db.url, { ...twilioEnv(fake), NOTIFIER: 'inline' });
  try {
    const slotId = await makeSlot(db.pool, 100_000);
    const committed = new Map<string, number>();
    const total = bookingRate * seconds;
    const started = performance.now();
    const inFlight: Promise<void>[] = [];
    for (let i = 0; i < total; i++) {
      const due = started + (i * 1000) / bookingRate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const to = phone();
      inFlight.push(
        request(`${api.url}/api/v1/bookings`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ slotId, devoteeName: 'Bench Devotee', phone: to, persons: 1 }),
        }).then(async (res) => {
          await res.body.dump();
          if (res.statusCode === 201) committed.set(`whatsapp:${to}`, performance.now());
          else console.warn(`booking answered ${res.statusCode}`);
        }),
      );
    }
    await Promise.all(inFlight);
    const deadline = performance.now() + 60_000;
    while (fake.messages.length < committed.size && performance.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    const latencies = fake.messages
      .map((m) => m.acceptedAt - (committed.get(m.to) ?? NaN))
      .filter((ms) => Number.isFinite(ms))
      .sort((a, b) => a - b);
    const perPhone = new Map<string, number>();
    for (const m of fake.messages) perPhone.set(m.to, (perPhone.get(m.to) ?? 0) + 1);
    return {
      bookings: committed.size,
      bookingsPerSec: bookingRate,
      messages: fake.messages.length,
      duplicates: [...perPhone.values()].filter((n) => n > 1).length,
      p50Ms: round(percentile(latencies, 50)),
      p95Ms: round(percentile(latencies, 95)),
      maxMs: round(latencies.at(-1) ?? NaN),
    };
  } finally {
    await api.stop();
    await fake.close();
    await db.drop();
  }
}

/** N confirmations already waiting in the outbox, as after an outage or a bulk import. */
async function fillBacklog(pool: Pool, n: number): Promise<void> {
  const slotId = await makeSlot(pool, n);
  const used = new Set<string>();
  for (let start = 0; start < n; start += 200) {
    const rows = [];
    for (let i = start; i < Math.min(n, start + 200); i++) {
      let reference: string;
      do {
        reference = 'SB-';
        for (let k = 0; k < 6; k++)
          reference += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
      } while (used.has(reference));
      used.add(reference);
      rows.push([
        reference,
        slotId,
        'Bench Devotee',
        phone(),
        1,
        'web',
        createHash('sha256').update(reference).digest('hex'),
      ]);
    }
    await pool.batch(
      `INSERT INTO booking (reference, slot_id, devotee_name, phone, persons, source, manage_token_hash)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      rows,
    );
  }
  await pool.query('UPDATE slot SET booked = ? WHERE id = ?', [n, slotId]);
  await pool.query(
    `INSERT INTO notification (booking_id, kind, channel, event_seq, status, due_at, updated_at)
     SELECT id, 'confirmation', 'whatsapp', 1, 'pending', NOW(3), NOW(3) FROM booking WHERE slot_id = ?`,
    [slotId],
  );
}

/** Drains the backlog with one worker process at 10 messages per second. */
async function measureDrain() {
  const fake = await new FakeTwilio().start();
  fake.latencyMs = twilioLatencyMs;
  const db = await scratchDatabase();
  try {
    await fillBacklog(db.pool, backlog);
    const started = performance.now();
    const worker = spawn('node', ['--import', 'tsx', 'src/worker.ts'], {
      cwd: resolve(repoRoot, 'apps/api'),
      env: {
        ...process.env,
        NODE_ENV: 'production',
        BOOKING_LINK_SECRET: randomBytes(32).toString('hex'),
        JWT_SECRET: randomBytes(32).toString('hex'),
        DATABASE_URL: db.url,
        LOG_LEVEL: 'warn',
        ...twilioEnv(fake),
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const deadline = started + backlog * 1000 + 120_000;
    while (fake.messages.length < backlog && performance.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const throttled = fake.attempts.filter((a) => a.outcome === 'refused').length;
    const ended = fake.messages.at(-1)?.acceptedAt ?? NaN;
    const first = fake.messages[0]?.acceptedAt ?? NaN;
    await new Promise<void>((done) => {
      worker.once('exit', () => done());
      worker.kill('SIGTERM');
    });
    const [{ left }] = await db.pool.query<[{ left: bigint }]>(
      "SELECT COUNT(*) AS `left` FROM notification WHERE status <> 'sent'",
    );
    const idealS = (backlog - 1) / sendRate;
    const firstToLastS = (ended - first) / 1000;
    return {
      backlog,
      sent: fake.messages.length,
      notSent: Number(left),
      refused: throttled,
      ratePerSec: sendRate,
      idealS: round(idealS),
      drainS: round((ended - started) / 1000),
      firstToLastS: round(firstToLastS),
      achievedPerSec: round((fake.messages.length - 1) / firstToLastS, 2),
      overIdealPct: round(((firstToLastS - idealS) / idealS) * 100),
    };
  } finally {
    await fake.close();
    await db.drop();
  }
}

async function main() {
  console.log(
    `Notifications bench${quick ? ' (quick)' : ''}: ${bookingRate} bookings/s for ${seconds} s; ` +
      `backlog ${backlog}; fake Twilio answering in ${twilioLatencyMs} ms`,
  );
  const latency = await measureLatency();
  printTable('Commit → accepted by (fake) Twilio, steady booking load, inline notifier', [latency]);
  const drain = await measureDrain();
  printTable(
    `Draining a backlog of ${backlog} at ${sendRate}/s (one worker process; ideal ${drain.idealS} s)`,
    [drain],
  );
  const file = writeResults(quick ? 'notifications-quick' : 'notifications', {
    when: new Date().toISOString(),
    settings: { quick, bookingRate, seconds, backlog, sendRate, twilioLatencyMs },
    latency,
    drain,
  });
  console.log(`\nWritten to ${file}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
