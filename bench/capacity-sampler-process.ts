/**
 * The capacity sampler's own process (started by capacity-sampler.ts): reads one slot's
 * `booked` and the persons of the bookings holding places in it, over and over on a connection
 * of its own, and tells its parent every change. It runs apart from the load generator so that
 * a thousand clients' callbacks cannot delay a read; the gaps between reads are measured and
 * reported, not assumed.
 *
 *   node --import tsx capacity-sampler-process.ts <database url> <slot id>   (IPC required)
 */
import { performance } from 'node:perf_hooks';
import { connectionOptions } from '@sevabook/api/db/connection-options';
import { openConnection } from '@sevabook/api/db/utc-driver';
import type { SamplerMessage, SamplerSummary } from './capacity-sampler.ts';

const [databaseUrl, slotArg] = process.argv.slice(2);
const slotId = Number(slotArg);
if (!databaseUrl || !process.send || !Number.isInteger(slotId)) {
  throw new Error('usage: capacity-sampler-process.ts <database url> <slot id>, with IPC');
}
const send = (message: SamplerMessage) => process.send!(message);
/** Epoch milliseconds with a fraction, comparable with the parent's and the API's clocks. */
const now = () => performance.timeOrigin + performance.now();

// One statement, so one consistent snapshot: the slot's counter and the bookings it counts are
// read as of the same instant. Places are held by confirmed bookings, by those waiting for
// their payment, and by a waitlist offer (none in this bench, counted for completeness).
const query = `SELECT s.booked, s.capacity,
    (SELECT CAST(COALESCE(SUM(b.persons), 0) AS SIGNED) FROM booking b
      WHERE b.slot_id = s.id AND b.status IN ('confirmed', 'pending_payment', 'offered')) AS live
  FROM slot s WHERE s.id = ?`;

const connection = await openConnection(connectionOptions(databaseUrl));
let running = true;
process.on('message', (message) => {
  if (message === 'stop') running = false;
});

const summary: SamplerSummary = {
  samples: 0,
  maxBooked: 0,
  maxLive: 0,
  capacity: 0,
  overCapacity: 0,
  bookedNotLive: 0,
  firstViolation: undefined,
  gapP50Ms: 0,
  gapP99Ms: 0,
  gapMaxMs: 0,
};
const gaps: number[] = [];
let last: { booked: number; live: number } | undefined;
let lastAt = now();
send({ kind: 'ready' });
while (running) {
  const [row] = await connection.query<{ booked: number; capacity: number; live: number }[]>(
    query,
    [slotId],
  );
  const at = now();
  gaps.push(at - lastAt);
  lastAt = at;
  if (!row) throw new Error(`Slot ${slotId} not found`);
  const booked = Number(row.booked);
  const live = Number(row.live);
  const capacity = Number(row.capacity);
  summary.samples++;
  summary.capacity = capacity;
  summary.maxBooked = Math.max(summary.maxBooked, booked);
  summary.maxLive = Math.max(summary.maxLive, live);
  if (booked > capacity || live > capacity) {
    summary.overCapacity++;
    summary.firstViolation ??= { at, booked, live, capacity };
  }
  if (booked !== live) summary.bookedNotLive++;
  if (!last || last.booked !== booked || last.live !== live) {
    send({ kind: 'change', at, booked, live });
    last = { booked, live };
  }
  // Let the 'stop' message in between reads; setImmediate costs microseconds, not a timer tick.
  await new Promise((resolve) => setImmediate(resolve));
}
await connection.end();
gaps.sort((a, b) => a - b);
const at = (p: number) => gaps[Math.min(gaps.length - 1, Math.ceil(p * gaps.length) - 1)] ?? 0;
summary.gapP50Ms = Math.round(at(0.5) * 100) / 100;
summary.gapP99Ms = Math.round(at(0.99) * 100) / 100;
summary.gapMaxMs = Math.round((gaps.at(-1) ?? 0) * 100) / 100;
send({ kind: 'summary', summary });
process.disconnect();
