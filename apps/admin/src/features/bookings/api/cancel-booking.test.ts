import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cancelBooking } from './cancel-booking.ts';

describe('cancelBooking', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    fetchMock.mockImplementation(async () => Response.json({}));
  });
  afterEach(() => {
    fetchMock.mockReset();
    vi.unstubAllGlobals();
  });
  const sent = () => JSON.parse(fetchMock.mock.calls[0]![1]!.body as string) as unknown;

  it('leaves the refund to the seva’s policy unless staff override it', async () => {
    await cancelBooking(41, 'Devotee asked to cancel');
    expect(sent()).toEqual({ reason: 'Devotee asked to cancel' });
  });

  it('sends the override when staff keep or refund the payment against the policy', async () => {
    await cancelBooking(41, 'Did not come', false);
    expect(sent()).toEqual({ reason: 'Did not come', refund: false });
  });
});
