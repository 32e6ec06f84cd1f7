import type { CheckInRequestInput, CheckInResult } from '@sevabook/shared';

/** A scan that could not be sent: kept on the device with its id and the time it was made. */
export interface QueuedScan {
  scanId: string;
  scannedAt: string;
  code?: string;
  reference?: string;
}

const KEY = 'sevabook.check-in.queue';

/**
 * Scans kept on the gate device while the network is away, in the order they were made. Each
 * keeps the scanId the server stores with the check-in, so sending one again (its first try
 * did reach the server after all, or two tabs send the queue) is answered as the same
 * check-in, never a second one (docs/decisions/0019-check-in-codes-and-waitlist-offers.md).
 */
export class ScanQueue {
  constructor(private readonly storage: Pick<Storage, 'getItem' | 'setItem'> = localStorage) {}

  list(): QueuedScan[] {
    try {
      const parsed: unknown = JSON.parse(this.storage.getItem(KEY) ?? '[]');
      return Array.isArray(parsed) ? (parsed as QueuedScan[]) : [];
    } catch {
      return [];
    }
  }

  get size(): number {
    return this.list().length;
  }

  add(scan: QueuedScan): void {
    const scans = this.list().filter((s) => s.scanId !== scan.scanId);
    this.storage.setItem(KEY, JSON.stringify([...scans, scan]));
  }

  private remove(scanId: string): void {
    this.storage.setItem(KEY, JSON.stringify(this.list().filter((s) => s.scanId !== scanId)));
  }

  /**
   * Sends the queued scans in order, removing each the server answered. Stops at the first that
   * fails (the network is still away); a scan the server refuses outright (e.g. 403 after a
   * sign-out) stays queued too, to be sent by someone signed in. Returns the answers.
   */
  async flush(
    send: (body: CheckInRequestInput) => Promise<CheckInResult>,
  ): Promise<CheckInResult[]> {
    const answers: CheckInResult[] = [];
    for (const scan of this.list()) {
      try {
        answers.push(await send(scan));
      } catch {
        break;
      }
      this.remove(scan.scanId);
    }
    return answers;
  }
}
