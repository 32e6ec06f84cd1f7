import type { DaySheet } from '@sevabook/shared';
import { describe, expect, it } from 'vitest';
import { daySheetCsv } from '../../src/admin/day-sheet/day-sheet-csv.ts';
import { send } from '../app.ts';
import { testDb } from '../db.ts';
import { createBooking, createSeva, createSlot } from '../factories.ts';
import { staffAppForSuite } from '../staff-factories.ts';

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
        arrivals: { bookings: 0, persons: 0, expectedBookings: 1, expectedPersons: 1 },
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
            confirmationAttempts: 1,
            arrivedAt: null,
            arrivedTime: null,
            arrivedBy: null,
            pays: 'counter',
            payment: null,
            refund: null,
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

  it('names the nakshatra and rashi as the printed sheet does, Kannada first, once each', () => {
    const csv = daySheetCsv(sheetWith({ nakshatra: 'purva_phalguni', rashi: 'mesha' }));
    expect(csv).toContain('ಪೂರ್ವ ಫಲ್ಗುಣಿ (Purva Phalguni),ಮೇಷ (Mesha)');
    expect(csv).not.toContain('purva_phalguni');
    expect(csv).not.toContain('Aries');
  });

  it('says when a booking was checked in at the gate, and by whom', () => {
    const row = rowOf(
      daySheetCsv(
        sheetWith({
          arrivedAt: '2032-01-14T00:52:00.000Z',
          arrivedTime: '06:22',
          arrivedBy: 'Ravi',
        }),
      ),
    );
    expect(row).toMatchObject({ Arrived: '06:22', 'Checked in by': 'Ravi' });
    expect(rowOf(daySheetCsv(sheetWith({})))).toMatchObject({ Arrived: '', 'Checked in by': '' });
  });

  it('leaves the nakshatra and rashi empty when not given', () => {
    expect(daySheetCsv(sheetWith({ gotra: 'Kashyapa' }))).toContain('Kashyapa,,,');
  });
});

describe('GET /api/v1/admin/day-sheet as text/csv', () => {
  const { app, staff } = staffAppForSuite();
  const db = testDb();

  it('exports a booking stored before names were checked with its formula neutralised', async () => {
    const date = '2032-03-09';
    const seva = await createSeva(db, { asksGotra: true });
    const slot = await createSlot(db, { sevaId: seva.id, startsAt: new Date(`${date}T01:00:00Z`) });
    await createBooking(db, {
      slotId: slot.id,
      devoteeName: '=HYPERLINK(A1)',
      phone: '+919845012345',
      gotra: '@SUM(1)',
    });
    const res = await send(app, 'GET', `/api/v1/admin/day-sheet?date=${date}&sevaId=${seva.id}`, {
      headers: { ...staff.staff.headers, accept: 'text/csv' },
    });
    expect(res.statusCode).toBe(200);
    expect(rowOf(res.rawPayload.toString('utf8'))).toMatchObject({
      Devotee: `'=HYPERLINK(A1)`,
      Gotra: `'@SUM(1)`,
      Phone: `'+919845012345`,
    });
  });
});
