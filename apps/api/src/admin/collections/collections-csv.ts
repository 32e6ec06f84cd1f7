import { stringify } from 'csv-stringify/sync';
import { templeDateOf, templeTimeOf, type Collections } from '@sevabook/shared';

const COLUMNS = [
  'Kind',
  'Receipt',
  'Date',
  'Time',
  'Booking',
  'Devotee',
  'Phone',
  'Seva',
  'Seva (Kannada)',
  'Slot',
  'Method',
  'Amount (₹)',
  'Clerk',
  'Status',
];

const METHOD_NAMES = { cash: 'Cash', upi: 'UPI at counter', card: 'Card', online: 'Online' };

/**
 * The collections as CSV: one row per receipt in number order, then one per refund paid out
 * (kind "Refund", its amount given back), then the totals per method and the net. UTF-8 with a
 * byte-order mark for Excel, and `escape_formulas` as on the day sheet: devotees typed the
 * names, and a cell starting with `=`, `+`, `-` or `@` would run as a formula. Amounts are
 * written positive, so none needs the escape's quote.
 */
export function collectionsCsv(c: Collections, timeZone: string): string {
  const at = (iso: string) => {
    const instant = new Date(iso);
    return [templeDateOf(instant, timeZone), templeTimeOf(instant, timeZone)];
  };
  const slot = (iso: string) => at(iso).join(' ');
  const rupees = (paise: number) => (paise / 100).toFixed(2);
  const rows: string[][] = [
    ...c.receipts.map((r) => [
      'Receipt',
      r.receiptNumber,
      ...at(r.paidAt),
      r.bookingReference,
      r.devoteeName,
      r.phone,
      r.seva.name.en,
      r.seva.name.kn,
      slot(r.startsAt),
      METHOD_NAMES[r.method],
      rupees(r.amountPaise),
      r.clerk?.name ?? '',
      r.status,
    ]),
    ...c.refunds.map((r) => [
      'Refund',
      r.receiptNumber ?? '',
      ...at(r.processedAt),
      r.bookingReference,
      r.devoteeName,
      r.phone,
      '',
      '',
      '',
      r.method === 'cash' ? 'Cash' : 'Online',
      rupees(r.amountPaise),
      r.paidOutBy?.name ?? '',
      'refunded',
    ]),
    ...(['cash', 'upi', 'card', 'online'] as const).map((method) =>
      total(`Total ${METHOD_NAMES[method]}`, rupees(c.byMethod[method])),
    ),
    total('Total received', rupees(c.receivedPaise)),
    total('Total refunded', rupees(c.refundedPaise)),
    total('Net', rupees(c.netPaise)),
  ];
  return stringify(rows, { bom: true, header: true, columns: COLUMNS, escape_formulas: true });
}

function total(label: string, amount: string): string[] {
  return COLUMNS.map((column, i) => (i === 0 ? label : column === 'Amount (₹)' ? amount : ''));
}
