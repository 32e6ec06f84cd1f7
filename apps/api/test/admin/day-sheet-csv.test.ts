import type { DaySheet } from '@sevabook/shared';
import { describe, expect, it } from 'vitest';
import { daySheetCsv } from '../../src/admin/day-sheet/day-sheet-csv.ts';

type SheetBooking = DaySheet['slots'][number]['bookings'][number];

function sheetWith(booking: Partial<SheetBooking>): DaySheet {
  return {
    date: '2032-01-14',
    slots: [
      {
        id: 1,
        startsAt: '2032-01-14T01:00:00.000Z',
        time: '06:30',
        seva: {
          id: 1,
          name: { en: 'Archana', kn: 'ಅರ್ಚನೆ', hi: null, te: null },
          durationMinutes: 15,
        },
        capacity: 10,
        booked: 1,
        status: 'open',
        note: null,
        bookings: [
          {
            id: 1,
            reference: 'SB-7K3Q9P',
            devoteeName: 'Lakshmi Rao',
            phone: '+919845012345',
            persons: 1,
            gotra: null,
            nakshatra: null,
            rashi: null,
            status: 'confirmed',
            source: 'web',
            feePaise: 5000,
            confirmationStatus: 'sent',
            ...booking,
          },
        ],
      },
    ],
    totals: { bookings: 1, persons: 1, feePaise: 5000 },
  };
}

/** The one booking row's cells by column name (the test data holds no commas or quotes). */
function rowOf(csv: string): Record<string, string> {
  const [header, line] = csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\n');
  const columns = header!.split(',');
  return Object.fromEntries(line!.split(',').map((cell, i) => [columns[i]!, cell]));
}

describe('daySheetCsv', () => {
  it.each([
    ['=', '=HYPERLINK(A1)'],
    ['+', '+SUM(1)'],
    ['-', '-2+3'],
    ['@', '@SUM(1)'],
  ])('neutralises a cell starting with %s so a spreadsheet shows it as text', (_, text) => {
    const row = rowOf(daySheetCsv(sheetWith({ gotra: text })));
    expect(row['Gotra']).toBe(`'${text}`);
  });

  it('neutralises a tab or carriage return at the start of a cell', () => {
    const csv = daySheetCsv(sheetWith({ devoteeName: '\tLakshmi', gotra: '\rKashyapa' }));
    expect(csv).toContain(`'\tLakshmi`);
    expect(csv).toContain(`"'\rKashyapa"`);
  });

  it('keeps a phone number readable text, not a number in scientific notation', () => {
    const row = rowOf(daySheetCsv(sheetWith({})));
    expect(row['Phone']).toBe(`'+919845012345`);
  });

  it('leaves names, times and fees as they are', () => {
    const row = rowOf(daySheetCsv(sheetWith({ devoteeName: 'ಶ್ರೀನಿವಾಸ ರಾವ್' })));
    expect(row).toMatchObject({
      Time: '06:30',
      Devotee: 'ಶ್ರೀನಿವಾಸ ರಾವ್',
      Persons: '1',
      'Fee (₹)': '50.00',
    });
  });
});
