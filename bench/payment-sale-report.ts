/**
 * The tables the flash sale with online payment (payment-sale.ts) prints: its figures, how the
 * released places were resold, and the end state with the capacity sampler's reads.
 */
import type { SamplerSummary } from './capacity-sampler.ts';
import { printTable } from './harness.ts';
import type { PaymentSaleFigures, PaymentSaleOptions } from './payment-sale.ts';

export function printPaymentSale(
  figures: PaymentSaleFigures,
  samples: SamplerSummary,
  failures: string[],
  options: PaymentSaleOptions,
): void {
  printTable('Flash sale with online payment (latencies in ms)', [
    {
      holds: figures.holds,
      slot_full: figures.slotFull,
      'holds/s': figures.holdsPerSec,
      'p50 / p95 hold': `${figures.holdP50Ms} / ${figures.holdP95Ms}`,
      'without order': figures.holdsWithoutOrder,
      'p95 slot_full': figures.slotFullP95Ms,
      'p50 / p95 verify': `${figures.verifyP50Ms} / ${figures.verifyP95Ms}`,
      'confirmations/s': figures.confirmationsPerSec,
    },
  ]);
  printTable('Held places released and resold (ms)', [
    {
      'hold end → expired by the worker, p50 / max': `${figures.releaseLagP50Ms} / ${figures.releaseLagMaxMs}`,
      'first hold end → page shows a free place': figures.expiryToFirstSeenFreeMs,
      'last hold end → every released place held again': figures.expiryToAllResoldMs,
      'second-wave requests': figures.resaleAttempts,
    },
  ]);
  printTable('End state, and the capacity sampler', [
    {
      confirmed: figures.confirmed,
      expired: figures.expired,
      booked: `${figures.booked} of ${options.capacity}`,
      receipts: figures.receipts,
      'messages to payers': figures.messagesToPayers,
      reads: samples.samples,
      'max booked / live': `${samples.maxBooked} / ${samples.maxLive}`,
      'above capacity': samples.overCapacity,
      'gap p50 / p99 / max': `${samples.gapP50Ms} / ${samples.gapP99Ms} / ${samples.gapMaxMs}`,
    },
  ]);
  console.log(
    failures.length === 0
      ? `Correctness: ${options.capacity} confirmed, ${options.capacity - options.paid} expired and resold, ` +
          `never above capacity in ${samples.samples} reads, one confirmation each`
      : `FAILED: ${failures.join('; ')}`,
  );
}
