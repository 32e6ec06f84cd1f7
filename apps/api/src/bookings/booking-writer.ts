import type { Pool, PoolConnection } from 'mariadb';
import type { BookingRequest, BookingRow, WriteTerms } from './booking-statements.ts';
import {
  sendBatch,
  type BatchResult,
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

/** What the writer holds for a slot with bookings waiting or in flight. */
interface SlotLane {
  queue: Waiting[];
  /** The connection the slot's batches are sent on, one behind the other. */
  conn: PoolConnection | undefined;
  connecting: boolean;
  inFlight: number;
}

/**
 * Writes bookings slot by slot, first come first served, in batches sent one behind the other
 * on one connection per busy slot.
 *
 * A flash sale is a queue on one row lock. Sent one by one, twenty pooled connections would each
 * wait for the lock, and each booking would pay a lock hand-over and a COMMIT of its own. Queued
 * here instead, a quiet slot still books at once (a booking that finds nothing in flight goes
 * alone, without waiting), while a busy one writes up to `maxBatch` bookings per transaction.
 * A full batch is sent as soon as it is gathered, behind those still running (up to
 * `maxInFlight`), so the database works while this process is still reading requests; the
 * server runs a connection's transactions in the order sent, so the lock passes between them
 * without a round trip. Every booking is still its own conditional statements
 * (pipelined-booking.ts): one that does not fit, or whose phone is already booked, fails alone.
 * docs/decisions/0007-booking-batches-and-http-processes.md and
 * 0008-bookings-judged-by-remembered-slots.md have the reasoning and figures.
 */
export class BookingWriter {
  private readonly lanes = new Map<number, SlotLane>();
  /**
   * The connection of the last slot that went quiet, kept for the next one, so that the first
   * booking after a quiet spell goes out at once. A connection borrowed from the pool after
   * half a second idle is pinged first, and in a sale that answer waits behind every request
   * that arrived meanwhile (hundreds), the database idle all that time. Pinged here instead,
   * every few seconds while it waits.
   */
  private standby: PoolConnection | undefined;
  private readonly keeper: NodeJS.Timeout;
  private closed = false;

  constructor(
    private readonly pool: Pool,
    private readonly maxBatch = 50,
    private readonly maxInFlight = 8,
    standbyCheckMs = 5_000,
  ) {
    this.keeper = setInterval(() => this.checkStandby(), standbyCheckMs);
    this.keeper.unref();
  }

  /** Gives the kept connection back to the pool; bookings still in flight finish. */
  close(): void {
    this.closed = true;
    clearInterval(this.keeper);
    this.standby?.release().catch(() => undefined);
    this.standby = undefined;
  }

  book(row: BookingRow, terms: WriteTerms): Promise<PipelinedOutcome> {
    return new Promise((resolve, reject) => {
      let lane = this.lanes.get(row.slotId);
      if (!lane) {
        lane = { queue: [], conn: undefined, connecting: false, inFlight: 0 };
        this.lanes.set(row.slotId, lane);
      }
      lane.queue.push({ request: { row, terms }, attempt: 1, resolve, reject });
      this.pump(row.slotId, lane);
    });
  }

  /** Sends what can go now: anything when nothing runs, otherwise only full batches. */
  private pump(slotId: number, lane: SlotLane): void {
    if (!lane.conn) {
      if (lane.connecting || lane.inFlight > 0) return;
      if (lane.queue.length === 0) {
        this.lanes.delete(slotId);
        return;
      }
      lane.conn = this.takeStandby();
      if (!lane.conn) {
        void this.connect(slotId, lane);
        return;
      }
    }
    while (
      lane.queue.length > 0 &&
      lane.inFlight < this.maxInFlight &&
      (lane.inFlight === 0 || lane.queue.length >= this.maxBatch)
    ) {
      this.send(slotId, lane, lane.conn, lane.queue.splice(0, this.maxBatch));
    }
    if (lane.inFlight === 0 && lane.queue.length === 0) {
      this.lanes.delete(slotId);
      this.keepOrRelease(lane.conn);
      lane.conn = undefined;
    }
  }

  private takeStandby(): PoolConnection | undefined {
    const conn = this.standby;
    this.standby = undefined;
    if (conn?.isValid()) return conn;
    conn?.destroy();
    return undefined;
  }

  private keepOrRelease(conn: PoolConnection): void {
    if (!this.standby && !this.closed && conn.isValid()) this.standby = conn;
    else void conn.release().catch(() => undefined);
  }

  private checkStandby(): void {
    const conn = this.standby;
    if (!conn) return;
    conn.ping().catch(() => {
      // Gone while it waited: dropped, and the next slot borrows from the pool.
      if (this.standby === conn) this.standby = undefined;
      conn.destroy();
    });
  }

  private async connect(slotId: number, lane: SlotLane): Promise<void> {
    lane.connecting = true;
    try {
      lane.conn = await this.pool.getConnection();
    } catch (error) {
      // No connection: those waiting get the error (the database gate answers 503).
      for (const waiting of lane.queue.splice(0)) waiting.reject(error);
    } finally {
      lane.connecting = false;
    }
    this.pump(slotId, lane);
  }

  private send(slotId: number, lane: SlotLane, conn: PoolConnection, batch: Waiting[]): void {
    lane.inFlight++;
    sendBatch(
      conn,
      batch.map((w) => w.request),
    ).then(
      (result) => {
        lane.inFlight--;
        const answers = this.settle(lane, batch, result);
        // The next batch goes before the answers are written: the database works meanwhile.
        this.pump(slotId, lane);
        answers();
      },
      (error: unknown) => {
        lane.inFlight--;
        // The transaction's fate is unknown: the connection is dropped (and with it any batch
        // sent behind this one, which fails the same way); the queue goes on a fresh one.
        if (lane.conn === conn) {
          conn.destroy();
          lane.conn = undefined;
        }
        for (const waiting of batch) waiting.reject(error);
        if (lane.inFlight === 0) this.pump(slotId, lane);
      },
    );
  }

  /**
   * Puts back the bookings the batch's transaction rolled back (first in the queue: they came
   * first), answers the queued ones that can no longer fit, and returns the answers to the rest.
   */
  private settle(lane: SlotLane, batch: Waiting[], result: BatchResult): () => void {
    const again: Waiting[] = [];
    const answers: (() => void)[] = [];
    for (const [i, waiting] of batch.entries()) {
      const outcome = result.outcomes[i]!;
      if ('retry' in outcome) {
        if (waiting.attempt < ATTEMPTS) again.push({ ...waiting, attempt: waiting.attempt + 1 });
        else answers.push(() => waiting.reject(outcome.retry));
      } else if ('error' in outcome) {
        answers.push(() => waiting.reject(outcome.error));
      } else {
        answers.push(() => waiting.resolve(outcome));
      }
    }
    lane.queue.unshift(...again);
    answerThoseThatCannotFit(lane.queue, result.slot);
    return () => {
      for (const answer of answers) answer();
    };
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
