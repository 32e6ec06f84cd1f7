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
            gotra: 'Kashyapa',
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

describe('the day sheet CSV', () => {
  it('names the nakshatra and rashi as the printed sheet does, Kannada first, once each', () => {
    const csv = daySheetCsv(sheetWith({ nakshatra: 'purva_phalguni', rashi: 'mesha' }));
    expect(csv).toContain('ಪೂರ್ವ ಫಲ್ಗುಣಿ (Purva Phalguni),ಮೇಷ (Mesha)');
    expect(csv).not.toContain('purva_phalguni');
    expect(csv).not.toContain('Aries');
  });

  it('leaves them empty when not given', () => {
    expect(daySheetCsv(sheetWith({}))).toContain('Kashyapa,,,');
  });
});
