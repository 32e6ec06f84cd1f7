import type { FastifyBaseLogger } from 'fastify';

const PROBE_EVERY_MS = 1_000;
const PROBE_TIMEOUT_MS = 1_500;

/**
 * Fails fast while the database is known to be away. The first request to meet an unreachable
 * database waits for the pool to give up (db/client.ts: acquireTimeout); it closes the gate, and
 * from then on requests answer 503 at once instead of each waiting as long. A probe reopens the
 * gate as soon as the database answers again, without a restart.
 */
export class DatabaseGate {
  private closedAt: number | undefined;

  constructor(
    private readonly probe: () => Promise<unknown>,
    private readonly log: FastifyBaseLogger,
  ) {}

  get isOpen(): boolean {
    return this.closedAt === undefined;
  }

  /** Called when a request met an unreachable database. */
  close(): void {
    if (this.closedAt !== undefined) return;
    this.closedAt = Date.now();
    this.log.warn('database unreachable: answering 503 until it is back');
    this.scheduleProbe();
  }

  private scheduleProbe(): void {
    setTimeout(() => void this.tryReopen(), PROBE_EVERY_MS).unref();
  }

  private async tryReopen(): Promise<void> {
    try {
      await Promise.race([
        this.probe(),
        new Promise((_, reject) =>
          setTimeout(() => reject(new Error('probe timed out')), PROBE_TIMEOUT_MS).unref(),
        ),
      ]);
      const downMs = Date.now() - (this.closedAt ?? Date.now());
      this.closedAt = undefined;
      this.log.info(`database reachable again after ${Math.round(downMs / 1000)} s`);
    } catch {
      this.scheduleProbe();
    }
  }
}
