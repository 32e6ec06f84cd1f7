/**
 * The database side of the flash sale with online payment (payment-sale.ts): its seva and slot,
 * written straight in SQL as a temple's admin would have set them up, and what the sale left
 * behind, read back to check it.
 */
import { randomBytes, randomInt } from 'node:crypto';
import type { Pool, PoolConnection } from 'mariadb';

/** A seva that must be paid online, `feePaise` a person, and one slot of `capacity` places. */
export async function makeOnlineSlot(
  pool: Pool,
  capacity: number,
  feePaise: number,
): Promise<number> {
  const seva = await pool.query(
    `INSERT INTO seva (slug, name_en, name_kn, description_en, description_kn, duration_minutes,
       fee_paise, payment_mode, default_capacity, max_persons_per_booking,
       booking_opens_days_ahead, booking_closes_minutes_before)
     VALUES (?, 'Paid Flash Sale Seva', 'ಸೇವೆ', '', '', 30, ?, 'online_required', ?, 1, 365, 0)`,
    [`paid-flash-${randomBytes(4).toString('hex')}`, feePaise, capacity],
  );
  const startsAt = new Date(Date.now() + 2 * 86_400_000 + randomInt(1000) * 60_000);
  const slot = await pool.query(
    'INSERT INTO slot (seva_id, starts_at, capacity) VALUES (?, ?, ?)',
    [Number(seva.insertId), startsAt, capacity],
  );
  return Number(slot.insertId);
}

export interface SaleEndState {
  capacity: number;
  booked: number;
  byStatus: Record<string, number>;
  /** Confirmed bookings with not exactly one confirmation in the outbox. */
  confirmedWithoutOneConfirmation: number;
  /** Bookings that are not confirmed but have a confirmation in the outbox. */
  unconfirmedWithConfirmation: number;
  /** Confirmations of the slot's bookings the notifier has not handed to Twilio yet. */
  confirmationsNotSent: number;
  /** Payments kept (captured) for the slot's bookings, and receipts issued for them. */
  paymentsKept: number;
  receipts: number;
  /** When the worker marked each expired booking expired (epoch ms), by reference. */
  expiredAt: Map<string, number>;
}

export async function readEndState(pool: Pool, slotId: number): Promise<SaleEndState> {
  // One snapshot for every count: the worker may still be confirming a payment meanwhile.
  const db = await pool.getConnection();
  try {
    await db.query('START TRANSACTION WITH CONSISTENT SNAPSHOT');
    return await readState(db, slotId);
  } finally {
    await db.query('COMMIT');
    await db.release();
  }
}

async function readState(pool: PoolConnection, slotId: number): Promise<SaleEndState> {
  const [slot] = await pool.query<{ capacity: number; booked: number }[]>(
    'SELECT capacity, booked FROM slot WHERE id = ?',
    [slotId],
  );
  const statuses = await pool.query<{ status: string; n: bigint }[]>(
    'SELECT status, COUNT(*) AS n FROM booking WHERE slot_id = ? GROUP BY status',
    [slotId],
  );
  const perBooking = await pool.query<{ status: string; confirmations: bigint; unsent: bigint }[]>(
    `SELECT b.status,
       COUNT(n.id) AS confirmations,
       COUNT(CASE WHEN n.status IN ('pending', 'sending', 'failed') THEN 1 END) AS unsent
     FROM booking b LEFT JOIN notification n ON n.booking_id = b.id AND n.kind = 'confirmation'
     WHERE b.slot_id = ? GROUP BY b.id, b.status`,
    [slotId],
  );
  const [money] = await pool.query<{ kept: bigint; receipts: bigint }[]>(
    `SELECT COUNT(p.id) AS kept, COUNT(r.id) AS receipts
     FROM booking b JOIN payment p ON p.booking_id = b.id AND p.status = 'captured'
       LEFT JOIN receipt r ON r.payment_id = p.id
     WHERE b.slot_id = ?`,
    [slotId],
  );
  // Expiring is the booking's last change, so its updated_at is when the worker expired it.
  // (Not against hold_expires_at: the worker moves it a lease ahead while it asks Razorpay.)
  const expired = await pool.query<{ reference: string; updatedAt: Date }[]>(
    `SELECT reference, updated_at AS updatedAt FROM booking WHERE slot_id = ? AND status = 'expired'`,
    [slotId],
  );
  return {
    capacity: Number(slot?.capacity),
    booked: Number(slot?.booked),
    byStatus: Object.fromEntries(statuses.map((r) => [r.status, Number(r.n)])),
    confirmedWithoutOneConfirmation: perBooking.filter(
      (b) => b.status === 'confirmed' && Number(b.confirmations) !== 1,
    ).length,
    unconfirmedWithConfirmation: perBooking.filter(
      (b) => b.status !== 'confirmed' && Number(b.confirmations) > 0,
    ).length,
    confirmationsNotSent: perBooking.reduce((n, b) => n + Number(b.unsent), 0),
    paymentsKept: Number(money?.kept ?? 0),
    receipts: Number(money?.receipts ?? 0),
    expiredAt: new Map(expired.map((r) => [r.reference, r.updatedAt.getTime()])),
  };
}

/** Waits until the notifier has handed every confirmation of the slot to Twilio. */
export async function waitForConfirmationsSent(
  pool: Pool,
  slotId: number,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const [row] = await pool.query<{ unsent: bigint }[]>(
      `SELECT COUNT(*) AS unsent FROM notification n JOIN booking b ON b.id = n.booking_id
       WHERE b.slot_id = ? AND n.kind = 'confirmation' AND n.status IN ('pending', 'sending', 'failed')`,
      [slotId],
    );
    if (Number(row?.unsent) === 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}
