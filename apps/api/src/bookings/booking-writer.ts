import type { Pool } from 'mariadb';
import {
  writeBookings,
  type BatchResult,
  type BookingContext,
  type BookingRequest,
  type BookingRow,
  type PipelinedOutcome,
  type SlotState,
} from './pipelined-booking.ts';

/** Tries of a booking rolled back with its transaction before its error reaches the caller. */
const ATTEMPTS = 3;

interface Waiting {
  request: BookingRequest;
  attempt: number;
  resolve: (outcome: PipelinedOutcome) => void;
  reject: (error: unknown) => void;
}

/**
 * Writes bookings slot by slot: at most one transaction per slot at a time from this process,
 * and the bookings that arrive while it runs go together in the next one, first come first
 * served.
 *
 * A flash sale is a queue on one row lock. Sent one by one, twenty pooled connections would each
 * wait for the lock, and each booking would pay a lock hand-over and a COMMIT of its own. Queued
 * here instead, a quiet slot still books at once (a booking that finds no transaction running
 * goes alone, without waiting), while a busy one writes up to `maxBatch` bookings per lock and
 * per COMMIT. Every booking is still its own conditional statements (pipelined-booking.ts):
 * one that does not fit, or whose phone is already booked, fails alone.
 * docs/decisions/0007-booking-batches-and-http-processes.md has the figures.
 */
export class BookingWriter {
  private readonly queues = new Map<number, Waiting[]>();

  constructor(
    private readonly pool: Pool,
    private readonly maxBatch = 50,
  ) {}

  book(row: BookingRow, context: BookingContext): Promise<PipelinedOutcome> {
    return new Promise((resolve, reject) => {
      const waiting: Waiting = { request: { row, context }, attempt: 1, resolve, reject };
      const queue = this.queues.get(row.slotId);
      if (queue) {
        queue.push(waiting);
        return;
      }
      this.queues.set(row.slotId, [waiting]);
      void this.drain(row.slotId);
    });
  }

  /** Writes the slot's queue, batch after batch, until it is empty. */
  private async drain(slotId: number): Promise<void> {
    const queue = this.queues.get(slotId)!;
    try {
      while (queue.length > 0) {
        const batch = queue.splice(0, this.maxBatch);
        let result: BatchResult;
        try {
          result = await writeBookings(
            this.pool,
            batch.map((w) => w.request),
          );
        } catch (error) {
          for (const waiting of batch) waiting.reject(error);
          continue;
        }
        const again: Waiting[] = [];
        for (const [i, waiting] of batch.entries()) {
          const outcome = result.outcomes[i]!;
          if ('retry' in outcome) {
            if (waiting.attempt < ATTEMPTS)
              again.push({ ...waiting, attempt: waiting.attempt + 1 });
            else waiting.reject(outcome.retry);
          } else if ('error' in outcome) {
            waiting.reject(outcome.error);
          } else {
            waiting.resolve(outcome);
          }
        }
        // Tried again before those that came later: they were first.
        queue.unshift(...again);
        answerThoseThatCannotFit(queue, result.slot);
      }
    } catch (error) {
      // A fault of this loop itself: nobody is left waiting for ever.
      for (const waiting of queue.splice(0)) waiting.reject(error);
    } finally {
      this.queues.delete(slotId);
    }
  }
}

/**
 * Once a batch has left its slot full or closed, the bookings still queued for it that cannot
 * fit are answered at once with the slot as it was just read, as the database would answer
 * them (a place freed since is a race they could have lost anyway), instead of each being
 * written and refused in turn. That is the other half of a flash sale: half the crowd.
 */
function answerThoseThatCannotFit(queue: Waiting[], slot: SlotState | undefined): void {
  if (!slot) return;
  const left = slot.status === 'open' ? slot.capacity - slot.booked : 0;
  const cannotFit = queue.filter((w) => w.request.row.persons > left);
  if (cannotFit.length === 0) return;
  queue.splice(0, queue.length, ...queue.filter((w) => w.request.row.persons <= left));
  for (const waiting of cannotFit) waiting.resolve({ taken: false, slot });
}

const writers = new WeakMap<Pool, BookingWriter>();

/** The one writer of a pool: batching only works if every booking of the process goes through it. */
export function bookingWriterFor(pool: Pool): BookingWriter {
  let writer = writers.get(pool);
  if (!writer) {
    writer = new BookingWriter(pool);
    writers.set(pool, writer);
  }
  return writer;
}
