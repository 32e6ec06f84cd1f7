import { describe, expect, it } from 'vitest';
import { sevaPagePreloads } from '../../src/plugins/page-preloads.ts';

describe('the preloads of a seva’s page', () => {
  it('asks for the seva, and its slots and closed dates from the temple’s today for 62 days', () => {
    // 20:00 UTC on 31 March is already 1 April in Kolkata.
    const now = new Date('2027-03-31T20:00:00Z');
    expect(sevaPagePreloads('/sevas/07', 'Asia/Kolkata', now)).toEqual([
      '/api/v1/sevas/7',
      '/api/v1/slots?from=2027-04-01&to=2027-06-01&sevaId=7',
      '/api/v1/closed-dates?from=2027-04-01&to=2027-06-01&sevaId=7',
    ]);
  });

  it('asks for nothing on other pages', () => {
    for (const path of ['/', '/sevas/3/slots/9/book', '/manage/SB-7K3Q9P', '/sevas/abc']) {
      expect(sevaPagePreloads(path, 'Asia/Kolkata')).toEqual([]);
    }
  });
});
