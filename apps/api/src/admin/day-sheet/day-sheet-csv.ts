import { stringify } from 'csv-stringify/sync';
import { nakshatras, rashis, sankalpaName, type DaySheet } from '@sevabook/shared';

const COLUMNS = [
  'Time',
  'Seva',
  'Seva (Kannada)',
  'Reference',
  'Devotee',
  'Persons',
  'Gotra',
  'Nakshatra',
  'Rashi',
  'Phone',
  'Status',
  'Fee (₹)',
  'WhatsApp confirmation',
  'Arrived',
  'Checked in by',
];

/**
 * The day sheet as CSV: one row per booking, in time order. UTF-8 with a byte-order mark so that
 * Excel shows Kannada names instead of mojibake.
 *
 * Every cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`
 * (csv-stringify's `escape_formulas`): a spreadsheet would otherwise run it as a formula, and
 * the sheet holds what devotees typed. The same prefix keeps a phone number text: `+919845012345`
 * opened bare becomes the number 9.19845E+11, while `'+919845012345` reads as typed. Numbers the
 * sheet computes (persons, fees) are never negative and stay numbers.
 */
/**
 * A nakshatra or rashi as the printed sheet writes it, Kannada first for the priests:
 * "ಮೇಷ (Mesha)". A key the lists do not know is written as stored.
 */
function sankalpaCell(list: typeof nakshatras | typeof rashis, key: string | null): string {
  if (!key) return '';
  const item = list.find((i) => i.key === key);
  return item ? sankalpaName(item, 'kn') : key;
}

export function daySheetCsv(sheet: DaySheet): string {
  const rows = sheet.slots.flatMap((slot) =>
    slot.bookings.map((b) => [
      slot.time,
      slot.seva.name.en,
      slot.seva.name.kn,
      b.reference,
      b.devoteeName,
      b.persons,
      b.gotra ?? '',
      sankalpaCell(nakshatras, b.nakshatra),
      sankalpaCell(rashis, b.rashi),
      b.phone,
      b.status,
      (b.feePaise / 100).toFixed(2),
      b.confirmationStatus ?? '',
      b.arrivedTime ?? '',
      b.arrivedBy ?? '',
    ]),
  );
  return stringify(rows, { bom: true, header: true, columns: COLUMNS, escape_formulas: true });
}
