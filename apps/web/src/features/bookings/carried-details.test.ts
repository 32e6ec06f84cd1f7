import { describe, expect, it } from 'vitest';
import { carriedDetails } from './carried-details.ts';

describe('carriedDetails', () => {
  it('takes the typed details, persons included, and the slots tried on the way', () => {
    const state = {
      carry: {
        devoteeName: 'Lakshmi',
        phone: '98765 43210',
        persons: 4,
        nakshatra: 'rohini',
        slotId: 9,
        triedSlotIds: [9],
      },
    };
    expect(carriedDetails(state)).toEqual({
      details: { devoteeName: 'Lakshmi', phone: '98765 43210', persons: 4, nakshatra: 'rohini' },
      triedSlotIds: [9],
    });
  });

  it('ignores whatever else may be in the location state', () => {
    const none = { details: {}, triedSlotIds: [] };
    expect(carriedDetails(null)).toEqual(none);
    expect(carriedDetails({ carry: 'x' })).toEqual(none);
    expect(carriedDetails({ carry: { devoteeName: 42, persons: 1.5 } })).toEqual(none);
  });
});
