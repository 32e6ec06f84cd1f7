import type { AdminBooking, StaffUser } from '@sevabook/shared';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../../../lib/session.ts';
import { renderWithProviders } from '../../../testing/render.tsx';
import { CancelMenu } from './cancel-menu.tsx';

const cancelled: AdminBooking = {
  id: 41,
  version: 2,
  reference: 'SB-7K3Q9P',
  status: 'cancelled',
  source: 'web',
  devoteeName: 'Lakshmi Rao',
  phone: '+919845012345',
  email: null,
  persons: 3,
  gotra: 'Kashyapa',
  nakshatra: 'rohini',
  rashi: null,
  language: 'kn',
  feePaise: 15000,
  slot: { id: 7, startsAt: '2026-11-25T01:00:00.000Z', date: '2026-11-25', time: '06:30' },
  seva: { id: 2, name: { en: 'Archana', kn: 'ಅರ್ಚನೆ', hi: null, te: null }, durationMinutes: 15 },
  cancellable: false,
  cancellableUntil: '2026-11-25T00:00:00.000Z',
  cancelledAt: '2026-11-24T10:00:00.000Z',
  createdAt: '2026-11-20T10:00:00.000Z',
  checkInCode: 'SB-7K3Q9P.9F2C07A1D4E85B3C6A',
  cancelledBy: 'staff',
  cancelReason: 'Did not come',
  createdByStaffId: null,
  apiKeyId: null,
  privacyNoticeVersion: null,
  updatedAt: '2026-11-24T10:00:00.000Z',
  pays: 'counter',
  holdExpiresAt: null,
  razorpay: null,
  receipt: null,
  payment: null,
  refund: null,
};

const user: StaffUser = {
  id: 1,
  email: 'staff@example.test',
  name: 'Staff',
  role: 'staff',
  active: true,
  mustChangePassword: false,
  lastLoginAt: null,
  createdAt: '2026-11-01T00:00:00.000Z',
};

describe('CancelMenu', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    sessionStore.signIn({ accessToken: 't', user });
  });
  afterEach(() => {
    fetchMock.mockReset();
    vi.unstubAllGlobals();
  });

  it('cancels with the chosen reason in one click, and undo restores the same booking', async () => {
    fetchMock.mockImplementation(async (url) => {
      if (url === '/api/v1/admin/bookings/41/cancel') return Response.json(cancelled);
      if (url === '/api/v1/admin/bookings/41/restore') {
        return Response.json({
          ...cancelled,
          version: 3,
          status: 'confirmed',
          cancelledAt: null,
          cancelledBy: null,
          cancelReason: null,
          cancellationWithdrawn: true,
        });
      }
      return Response.json({});
    });
    const events = userEvent.setup();
    renderWithProviders(<CancelMenu bookingId={41} reference="SB-7K3Q9P" />);

    await events.click(screen.getByRole('button', { name: 'Cancel booking SB-7K3Q9P' }));
    await events.click(await screen.findByRole('button', { name: 'Did not come' }));
    expect(
      await screen.findByText('SB-7K3Q9P is cancelled; 3 places are free again.'),
    ).toBeTruthy();
    const [, cancelInit] = fetchMock.mock.calls.find(
      ([url]) => url === '/api/v1/admin/bookings/41/cancel',
    )!;
    expect(JSON.parse(cancelInit!.body as string)).toEqual({ reason: 'Did not come' });

    await events.click(screen.getByRole('button', { name: 'Undo' }));
    expect(
      await screen.findByText('Cancellation undone: SB-7K3Q9P is confirmed again.'),
    ).toBeTruthy();
    const [, restoreInit] = fetchMock.mock.calls.find(
      ([url]) => url === '/api/v1/admin/bookings/41/restore',
    )!;
    expect(restoreInit?.method).toBe('POST');
    // The same booking, not a new one: nothing is booked afresh.
    expect(fetchMock.mock.calls.some(([url]) => url === '/api/v1/admin/bookings')).toBe(false);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull());
  });
});
