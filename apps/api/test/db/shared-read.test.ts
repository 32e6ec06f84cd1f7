import { describe, expect, it } from 'vitest';
import { SharedRead, SharedReads } from '../../src/db/shared-read.ts';

/** A read whose answers the test hands out one by one, in the order the reads were started. */
function controlledRead() {
  const pending: { resolve: (n: number) => void; reject: (e: Error) => void }[] = [];
  let started = 0;
  return {
    read: () => {
      started++;
      return new Promise<number>((resolve, reject) => pending.push({ resolve, reject }));
    },
    get started() {
      return started;
    },
    answer: (n: number) => pending.shift()!.resolve(n),
    fail: () => pending.shift()!.reject(new Error('database gone')),
  };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('SharedRead', () => {
  it('gives callers that arrive while a read runs the next read, shared, never the running one', async () => {
    const db = controlledRead();
    const shared = new SharedRead(db.read);

    const first = shared.next();
    const second = shared.next();
    const third = shared.next();
    expect(db.started).toBe(1);

    db.answer(1);
    expect(await first).toBe(1);
    await settled();
    // The read for the callers that arrived meanwhile starts only now.
    expect(db.started).toBe(2);
    db.answer(2);
    expect([await second, await third]).toEqual([2, 2]);

    const later = shared.next();
    expect(db.started).toBe(3);
    db.answer(3);
    expect(await later).toBe(3);
  });

  it('starts the waiting callers’ read even when the running one fails', async () => {
    const db = controlledRead();
    const shared = new SharedRead(db.read);

    const failing = shared.next();
    const waiting = shared.next();
    db.fail();
    await expect(failing).rejects.toThrow('database gone');
    await settled();
    db.answer(7);
    expect(await waiting).toBe(7);
  });
});

describe('SharedReads', () => {
  it('reads each key on its own', async () => {
    const reads: string[] = [];
    const byKey = new SharedReads(async (key: string) => {
      reads.push(key);
      return key.toUpperCase();
    });
    expect(await Promise.all([byKey.next('a'), byKey.next('b')])).toEqual(['A', 'B']);
    expect(reads).toEqual(['a', 'b']);
  });
});
