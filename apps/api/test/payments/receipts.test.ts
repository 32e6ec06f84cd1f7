import { describe, expect, it } from 'vitest';
import { testDb } from '../db.ts';
import {
  financialYearOf,
  formatReceiptNumber,
  takeReceiptNumber,
} from '../../src/payments/receipts.ts';

const db = testDb();

describe('financialYearOf', () => {
  it('runs April to March in the temple’s time zone', () => {
    const zone = 'Asia/Kolkata';
    expect(financialYearOf(new Date('2027-02-01T00:00:00Z'), zone)).toBe('2026-27');
    expect(financialYearOf(new Date('2026-04-01T00:00:00Z'), zone)).toBe('2026-27');
    // 31 March 23:00 UTC is already 1 April in India.
    expect(financialYearOf(new Date('2027-03-31T19:00:00Z'), zone)).toBe('2027-28');
    expect(financialYearOf(new Date('2027-03-31T18:00:00Z'), zone)).toBe('2026-27');
    expect(financialYearOf(new Date('2099-06-01T00:00:00Z'), zone)).toBe('2099-00');
  });
});

describe('formatReceiptNumber', () => {
  it('reads {prefix}/{year}/{six digits}', () => {
    expect(formatReceiptNumber('SB', '2026-27', 123)).toBe('SB/2026-27/000123');
    expect(formatReceiptNumber('MUTT', '2026-27', 1_234_567)).toBe('MUTT/2026-27/1234567');
  });
});

describe('takeReceiptNumber', () => {
  it('gives 1..N without a gap or a repeat to concurrent payments, some rolled back', async () => {
    // A year of its own, so other tests' receipts do not count.
    const year = `9${String(Date.now()).slice(-3)}-${String(Math.floor(Math.random() * 90) + 10)}`;
    const attempts = 40;
    const rolledBack = new Set([3, 7, 11, 19, 23, 29, 31, 37]);
    const kept: number[] = [];
    await Promise.all(
      Array.from({ length: attempts }, async (_, i) => {
        try {
          await db.$transaction(
            async (tx) => {
              const n = await takeReceiptNumber(tx, year);
              // Hold the number a moment, as a real payment's transaction does.
              await new Promise((resolve) => setTimeout(resolve, 5));
              if (rolledBack.has(i)) throw new Error('rolled back on purpose');
              kept.push(n);
            },
            { maxWait: 60_000, timeout: 60_000 },
          );
        } catch (error) {
          if (!(error instanceof Error) || error.message !== 'rolled back on purpose') throw error;
        }
      }),
    );
    const sorted = [...kept].sort((a, b) => a - b);
    const committed = attempts - rolledBack.size;
    expect(sorted).toEqual(Array.from({ length: committed }, (_, i) => i + 1));
    const sequence = await db.receiptSequence.findUniqueOrThrow({ where: { financialYear: year } });
    expect(sequence.lastNumber).toBe(committed);
  });
});
