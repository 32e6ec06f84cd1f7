import type { CheckInRequestInput, CheckInResult } from '@sevabook/shared';
import { describe, expect, it, vi } from 'vitest';
import { ScanQueue, type QueuedScan } from './scan-queue.ts';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

const scan = (n: number): QueuedScan => ({
  scanId: `00000000-0000-4000-8000-00000000000${n}`,
  scannedAt: `2026-12-06T01:0${n}:00.000Z`,
  code: `SB-7K3Q9P.${n}`,
});
const answer: CheckInResult = { outcome: 'checked_in', replayed: false, booking: null };

describe('ScanQueue', () => {
  it('keeps scans in order across reloads, once per scanId', () => {
    const storage = memoryStorage();
    const queue = new ScanQueue(storage);
    queue.add(scan(1));
    queue.add(scan(2));
    queue.add(scan(1));
    expect(new ScanQueue(storage).list().map((s) => s.scanId)).toEqual([
      scan(2).scanId,
      scan(1).scanId,
    ]);
    expect(queue.size).toBe(2);
  });

  it('sends every scan with its own scanId and time, and forgets those answered', async () => {
    const queue = new ScanQueue(memoryStorage());
    queue.add(scan(1));
    queue.add(scan(2));
    const send = vi.fn((_: CheckInRequestInput) => Promise.resolve(answer));
    expect(await queue.flush(send)).toHaveLength(2);
    expect(send.mock.calls.map(([body]) => body)).toEqual([scan(1), scan(2)]);
    expect(queue.size).toBe(0);
  });

  it('stops at the first scan that fails and keeps it and the rest for later', async () => {
    const queue = new ScanQueue(memoryStorage());
    [1, 2, 3].forEach((n) => queue.add(scan(n)));
    const send = vi
      .fn<(body: CheckInRequestInput) => Promise<CheckInResult>>()
      .mockResolvedValueOnce(answer)
      .mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await queue.flush(send);
    expect(send).toHaveBeenCalledTimes(2);
    expect(queue.list().map((s) => s.scanId)).toEqual([scan(2).scanId, scan(3).scanId]);
  });

  it('reads a damaged store as empty rather than failing the gate', () => {
    const storage = memoryStorage();
    storage.setItem('sevabook.check-in.queue', '{not json');
    expect(new ScanQueue(storage).list()).toEqual([]);
  });
});
