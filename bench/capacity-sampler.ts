/**
 * Watches one slot while a benchmark runs: its `booked` and the persons of the bookings holding
 * places in it (confirmed, waiting for payment), read back to back in a process of its own
 * (capacity-sampler-process.ts). Keeps every change with its time, so a benchmark can tell when
 * places came back, and a summary: reads, the largest values seen, every read above capacity,
 * and the gaps between reads.
 */
import { fork } from 'node:child_process';
import { resolve } from 'node:path';
import { repoRoot } from './harness.ts';

export interface SamplerSummary {
  samples: number;
  maxBooked: number;
  maxLive: number;
  capacity: number;
  /** Reads where booked or the live bookings' persons were above capacity. */
  overCapacity: number;
  /** Reads where booked was not the live bookings' persons: places leaked or double-counted. */
  bookedNotLive: number;
  firstViolation: { at: number; booked: number; live: number; capacity: number } | undefined;
  gapP50Ms: number;
  gapP99Ms: number;
  gapMaxMs: number;
}

export type SamplerMessage =
  | { kind: 'ready' }
  | { kind: 'change'; at: number; booked: number; live: number }
  | { kind: 'summary'; summary: SamplerSummary };

export interface CapacitySampler {
  /** Every change seen, oldest first; `at` in epoch milliseconds. */
  readonly changes: { at: number; booked: number; live: number }[];
  stop(): Promise<SamplerSummary>;
}

export async function startCapacitySampler(
  databaseUrl: string,
  slotId: number,
): Promise<CapacitySampler> {
  const child = fork(
    resolve(repoRoot, 'bench/capacity-sampler-process.ts'),
    [databaseUrl, String(slotId)],
    { cwd: resolve(repoRoot, 'bench'), execArgv: ['--import', 'tsx'], stdio: 'inherit' },
  );
  const changes: { at: number; booked: number; live: number }[] = [];
  let summary: SamplerSummary | undefined;
  let onSummary: (() => void) | undefined;
  const exited = new Promise<number | null>((done) => child.once('exit', done));
  await new Promise<void>((ready, fail) => {
    child.on('message', (message: SamplerMessage) => {
      if (message.kind === 'ready') ready();
      else if (message.kind === 'change') changes.push(message);
      else {
        summary = message.summary;
        onSummary?.();
      }
    });
    void exited.then((code) => fail(new Error(`The capacity sampler exited with ${code}`)));
  });
  return {
    changes,
    async stop() {
      const got = new Promise<void>((done, fail) => {
        onSummary = done;
        void exited.then((code) =>
          summary ? done() : fail(new Error(`The capacity sampler exited with ${code}`)),
        );
      });
      child.send('stop');
      await got;
      await exited;
      return summary!;
    },
  };
}
