import type { StaffUser } from '@sevabook/shared';
import { notifications } from '@mantine/notifications';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../../../lib/session.ts';
import { renderWithProviders } from '../../../testing/render.tsx';
import { TakePayment } from './take-payment.tsx';

const user: StaffUser = {
  id: 2,
  email: 'ravi@example.test',
  name: 'Ravi',
  role: 'staff',
  active: true,
  mustChangePassword: false,
  lastLoginAt: null,
  createdAt: '2026-11-01T00:00:00.000Z',
};

const recorded = (method: string) => ({
  id: 9,
  bookingId: 41,
  bookingReference: 'SB-7K3Q9P',
  bookingStatus: 'confirmed',
  method,
  amountPaise: 30000,
  paidAt: '2026-12-06T01:00:00.000Z',
  recordedBy: { id: 2, name: 'Ravi' },
  receipt: {
    number: 'SB/2026-27/000123',
    financialYear: '2026-27',
    issuedAt: '2026-12-06T01:00:00.000Z',
  },
});

describe('TakePayment', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    sessionStore.signIn({ accessToken: 't', user });
  });
  afterEach(() => {
    // The toasts live in one store for the page: clear them so each test starts with none.
    notifications.clean();
    fetchMock.mockReset();
    vi.unstubAllGlobals();
  });

  const open = async () => {
    const events = userEvent.setup();
    renderWithProviders(<TakePayment bookingId={41} reference="SB-7K3Q9P" amountPaise={30000} />);
    await events.click(screen.getByRole('button', { name: 'Take ₹300 for SB-7K3Q9P' }));
    return events;
  };

  it('takes the fee in cash with one Enter, and shows the receipt number', async () => {
    fetchMock.mockResolvedValue(Response.json(recorded('cash'), { status: 201 }));
    const events = await open();
    const cash = await screen.findByRole('button', { name: 'Paid in cash ₹300' });
    await waitFor(() => expect(document.activeElement).toBe(cash));

    await events.keyboard('{Enter}');

    expect(
      (await screen.findAllByText('SB-7K3Q9P paid by Cash: receipt SB/2026-27/000123.')).length,
    ).toBeGreaterThan(0);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/v1/admin/bookings/41/payments');
    expect(init?.method).toBe('POST');
    expect(JSON.parse(init!.body as string)).toEqual({ method: 'cash' });
    expect(screen.getByText('Print receipt').closest('a')?.getAttribute('href')).toBe(
      '/receipt/41',
    );
  });

  it('records UPI when the clerk picks it instead', async () => {
    fetchMock.mockResolvedValue(Response.json(recorded('upi'), { status: 201 }));
    const events = await open();
    await events.click(await screen.findByRole('button', { name: 'Paid by UPI' }));
    await screen.findByTestId('paid-receipt');
    expect(JSON.parse(fetchMock.mock.calls[0]![1]!.body as string)).toEqual({ method: 'upi' });
  });

  it('says in words that the booking was already paid', async () => {
    fetchMock.mockResolvedValue(
      Response.json(
        { type: 'about:blank', title: 'Conflict', status: 409, code: 'already_paid' },
        { status: 409, headers: { 'Content-Type': 'application/problem+json' } },
      ),
    );
    const events = await open();
    await events.click(await screen.findByRole('button', { name: 'Paid in cash ₹300' }));
    expect(await screen.findByText('This booking is already paid.')).toBeTruthy();
  });
});
