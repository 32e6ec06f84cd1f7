import type { CounterPaymentMethod } from '@sevabook/shared';
import type { Actor } from '../../audit/audit-log.ts';
import type { BookingWithSlot } from '../../bookings/booking-dto.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { recordCounterPayment } from '../../payments/counter-payments.ts';

/**
 * A counter booking paid as it is made. Two transactions, the booking's then the payment's:
 * the booking goes through the slot's booking writer (bookings/booking-writer.ts), which
 * writes the bookings of a busy slot together in pipelined statements (docs/decisions/0006),
 * and a Prisma transaction cannot join that. Should the process die between the two, the
 * booking stands unpaid, shown so on the day view, and the clerk records the payment again:
 * no money is ever recorded without its booking, and no receipt number is taken for nothing.
 *
 * A replayed request (the same Idempotency-Key) finds the booking paid already and leaves it.
 */
export async function payAtOnce(
  db: Db,
  booking: BookingWithSlot,
  method: CounterPaymentMethod,
  actor: Actor,
  timeZone: string,
): Promise<void> {
  if (booking.feePaise === 0) return;
  try {
    await recordCounterPayment(db, {
      bookingId: booking.id,
      method,
      actor,
      now: new Date(),
      timeZone,
    });
  } catch (error) {
    if (error instanceof AppError && error.code === 'already_paid') return;
    throw error;
  }
}
