import type { DaySheet } from '@sevabook/shared';

type SheetSlot = DaySheet['slots'][number];

export interface SevaLine {
  sevaId: number;
  name: { en: string; kn: string };
  slots: number;
  bookings: number;
  persons: number;
  feePaise: number;
}

/** The confirmed bookings of a slot: the ones the priests will see. */
export const confirmedOf = (slot: SheetSlot) =>
  slot.bookings.filter((b) => b.status === 'confirmed');

/** Only slots someone booked are printed; the rest would be pages of "no bookings". */
export const slotsToPrint = (sheet: DaySheet) =>
  sheet.slots.filter((slot) => confirmedOf(slot).length > 0);

/** One line per seva, in the order of its first slot: bookings, persons and fees of the day. */
export function sevaLines(sheet: DaySheet): SevaLine[] {
  const lines = new Map<number, SevaLine>();
  for (const slot of sheet.slots) {
    const confirmed = confirmedOf(slot);
    if (confirmed.length === 0) continue;
    const line = lines.get(slot.seva.id) ?? {
      sevaId: slot.seva.id,
      name: { en: slot.seva.name.en, kn: slot.seva.name.kn },
      slots: 0,
      bookings: 0,
      persons: 0,
      feePaise: 0,
    };
    line.slots += 1;
    line.bookings += confirmed.length;
    line.persons += confirmed.reduce((sum, b) => sum + b.persons, 0);
    line.feePaise += confirmed.reduce((sum, b) => sum + b.feePaise, 0);
    lines.set(slot.seva.id, line);
  }
  return [...lines.values()];
}
