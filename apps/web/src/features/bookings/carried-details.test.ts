import { describe, expect, it } from 'vitest';
import { carriedDetails } from './carried-details.ts';

describe('carriedDetails', () => {
  it('takes the typed details but not the persons, which the new slot may not have room for', () => {
    const state = {
      carry: {
        devoteeName: 'Lakshmi',
        phone: '98765 43210',
        persons: 4,
        nakshatra: 'rohini',
        slotId: 9,
      },
    };
    expect(carriedDetails(state)).toEqual({
      devoteeName: 'Lakshmi',
      phone: '98765 43210',
      nakshatra: 'rohini',
    });
  });

  it('ignores whatever else may be in the location state', () => {
    expect(carriedDetails(null)).toEqual({});
    expect(carriedDetails({ carry: 'x' })).toEqual({});
    expect(carriedDetails({ carry: { devoteeName: 42 } })).toEqual({});
  });
});
