import { describe, expect, it } from 'vitest';
import { parseAvailabilityEvent } from './availability-event.ts';

/** One `slot` event as the API sends it. */
const data = '{"slotId":7,"sevaId":1,"capacity":10,"booked":10,"remaining":0,"status":"open"}';

describe('parseAvailabilityEvent', () => {
  it('reads a well-formed event as it came', () => {
    expect(parseAvailabilityEvent(data)).toEqual(JSON.parse(data));
  });

  it('ignores anything else', () => {
    expect(parseAvailabilityEvent('not json')).toBeNull();
    expect(parseAvailabilityEvent(data.replace('"remaining":0', '"remaining":"0"'))).toBeNull();
    expect(parseAvailabilityEvent(data.replace('"status":"open"', '"status":"weird"'))).toBeNull();
    expect(parseAvailabilityEvent(data.replace('"slotId":7,', ''))).toBeNull();
  });
});
