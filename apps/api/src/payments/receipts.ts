import { templeDateOf } from '@sevabook/shared';
import type { Tx } from '../db/client.ts';

/**
 * Receipt numbers: `{RECEIPT_PREFIX}/2026-27/000123`, without gaps within a financial year
 * (April to March, in the temple's time zone).
 *
 * The last number of each year is a row of `receipt_sequence`, taken inside the paying
 * transaction: the upsert locks that row until COMMIT, so concurrent payments queue on it and
 * each reads back its own number; a transaction that rolls back gives its number back with
 * everything else. An AUTO_INCREMENT would skip the numbers of rolled-back transactions.
 * docs/decisions/0018-held-places-and-receipts.md.
 */

/** The financial year of an instant in the temple's zone, e.g. "2026-27" for 2027-02-01. */
export function financialYearOf(instant: Date, timeZone: string): string {
  const [year, month] = templeDateOf(instant, timeZone).split('-').map(Number) as [number, number];
  const starts = month >= 4 ? year : year - 1;
  return `${starts}-${String((starts + 1) % 100).padStart(2, '0')}`;
}

/**
 * The next receipt number of `financialYear`. Must run inside the transaction that records the
 * payment: the row stays locked until it ends, which is what keeps the numbers gapless.
 */
export async function takeReceiptNumber(tx: Tx, financialYear: string): Promise<number> {
  await tx.$executeRaw`
    INSERT INTO receipt_sequence (financial_year, last_number) VALUES (${financialYear}, 1)
    ON DUPLICATE KEY UPDATE last_number = last_number + 1`;
  // Read under the lock the upsert holds, so this is our own number and nobody else's.
  const rows = await tx.$queryRaw<{ last_number: number }[]>`
    SELECT last_number FROM receipt_sequence WHERE financial_year = ${financialYear} FOR UPDATE`;
  return Number(rows[0]!.last_number);
}

export interface IssuedReceipt {
  id: number;
  paymentId: number;
  financialYear: string;
  number: number;
  issuedAt: Date;
}

/** Numbers the payment's receipt, in the payment's own transaction. */
export async function issueReceipt(
  tx: Tx,
  paymentId: number,
  at: Date,
  timeZone: string,
): Promise<IssuedReceipt> {
  const financialYear = financialYearOf(at, timeZone);
  const number = await takeReceiptNumber(tx, financialYear);
  return tx.receipt.create({ data: { paymentId, financialYear, number, issuedAt: at } });
}

/** `SB/2026-27/000123`: six digits, more when a year passes 999,999 receipts. */
export function formatReceiptNumber(prefix: string, financialYear: string, n: number): string {
  return `${prefix}/${financialYear}/${String(n).padStart(6, '0')}`;
}
