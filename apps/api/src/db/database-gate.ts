import type { FastifyBaseLogger } from 'fastify';
import type { Pool } from 'mariadb';

const PROBE_EVERY_MS = 1_000;
export const PROBE_TIMEOUT_MS = 1_500;
/** How long requests may wait for a connection, with none handed out, before we look. */
const SUSPECT_AFTER_MS = 1_500;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    work,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('probe timed out')), ms).unref(),
    ),
  ]);
}

/**
 * Fails fast while the database is known to be away. Requests that wait for a connection while
 * the pool hands none out (watchPool), or a request that meets an unreachable database, make
 * the API look whether the server is there, on a connection of its own; if it is not, the gate
 * closes, and from then on requests answer 503 at once instead of each waiting for the pool to
 * give up (db/client.ts: acquireTimeout). Only those already waiting when it went away wait
 * that long. A probe reopens the gate as soon as the database answers again, without a restart.
 *
 * NOTE: only the database itself closes the gate. What a client does (dropping its connection
 * half-way through a body, a malformed request) is never taken for it (db-errors.ts), and a
 * lone failed connection or a pool too busy to hand one out in time closes nothing while the
 * server answers: the gate refuses everyone, so it must only close when everyone would fail.
 */
export class DatabaseGate {
  private closedAt: number | undefined;
  private checking = false;

  /**
   * @param probe a query through the pool: the database is back when it answers.
   * @param reachable a connection of its own, outside the pool: whether the server is there.
   */
  constructor(
    private readonly probe: () => Promise<unknown>,
    private readonly log: FastifyBaseLogger,
    private readonly reachable: () => Promise<unknown>,
  ) {}

  get isOpen(): boolean {
    return this.closedAt === undefined;
  }

  /** Closes the gate: the server was found away. */
  private close(): void {
    if (this.closedAt !== undefined) return;
    this.closedAt = Date.now();
    this.log.warn('database unreachable: answering 503 until it is back');
    this.scheduleProbe();
  }

  /**
   * Requests are waiting unusually long for the database, or one met a database that seemed
   * away: close the gate if the server does not answer on a connection of its own.
   */
  suspect(): Promise<void> {
    if (!this.isOpen || this.checking) return Promise.resolve();
    this.checking = true;
    return withTimeout(this.reachable(), PROBE_TIMEOUT_MS)
      .then(
        () => undefined,
        () => this.close(),
      )
      .finally(() => {
        this.checking = false;
      });
  }

  private scheduleProbe(): void {
    setTimeout(() => void this.tryReopen(), PROBE_EVERY_MS).unref();
  }

  private async tryReopen(): Promise<void> {
    try {
      await withTimeout(this.probe(), PROBE_TIMEOUT_MS);
      const downMs = Date.now() - (this.closedAt ?? Date.now());
      this.closedAt = undefined;
      this.log.info(`database reachable again after ${Math.round(downMs / 1000)} s`);
    } catch {
      this.scheduleProbe();
    }
  }
}

/**
 * Tells the gate when requests have waited SUSPECT_AFTER_MS for a connection and the pool handed
 * none out meanwhile. A long queue alone says nothing (a flash sale makes one); a queue that does
 * not move does. The pool itself only reports an unreachable server after its acquire timeout.
 */
export function watchPool(pool: Pool, gate: DatabaseGate): void {
  let lastAcquiredAt = Date.now();
  let timer: NodeJS.Timeout | undefined;
  pool.on('acquire', () => {
    lastAcquiredAt = Date.now();
  });
  pool.on('enqueue', () => {
    if (timer) return;
    const waitingSince = Date.now();
    timer = setTimeout(() => {
      timer = undefined;
      if (lastAcquiredAt <= waitingSince && pool.taskQueueSize() > 0) void gate.suspect();
    }, SUSPECT_AFTER_MS).unref();
  });
}
