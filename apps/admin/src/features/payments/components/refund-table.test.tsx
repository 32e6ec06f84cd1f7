import { notifications } from '@mantine/notifications';
import type { AdminRefund, StaffUser } from '@sevabook/shared';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../../../lib/session.ts';
import { renderWithProviders } from '../../../testing/render.tsx';
import { RefundTable } from './refund-table.tsx';

const staff: StaffUser = {
  id: 2,
  email: 'ravi@example.test',
  name: 'Ravi',
  role: 'staff',
  active: true,
  mustChangePassword: false,
  lastLoginAt: null,
  createdAt: '2026-11-01T00:00:00.000Z',
};

const base: AdminRefund = {
  id: 5,
  amountPaise: 30000,
  method: 'cash',
  status: 'due_at_counter',
  reason: 'cancelled',
  createdAt: '2026-12-06T02:00:00.000Z',
  processedAt: null,
  recordedBy: null,
  attempts: 0,
  lastError: null,
  payment: { id: 9, method: 'cash', receiptNumber: 'SB/2026-27/000123' },
  booking: {
    id: 41,
    reference: 'SB-7K3Q9P',
    devoteeName: 'Lakshmi Rao',
    phone: '+919845012345',
    sevaName: { en: 'Archana', kn: 'ಅರ್ಚನೆ', hi: null, te: null },
    startsAt: '2026-12-10T01:00:00.000Z',
  },
};
const failed: AdminRefund = {
  ...base,
  id: 6,
  method: 'razorpay',
  status: 'failed',
  attempts: 3,
  lastError: 'The bank refused the refund',
  payment: { id: 10, method: 'online', receiptNumber: 'SB/2026-27/000124' },
  booking: { ...base.booking, id: 42, reference: 'SB-2M4N6P' },
};

describe('RefundTable', () => {
  const fetchMock = vi.fn<typeof fetch>();
  const posted = () =>
    fetchMock.mock.calls.filter(([, init]) => init?.method === 'POST').map(([url]) => url);
  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    fetchMock.mockImplementation(async (url) =>
      Response.json(
        (url as string).endsWith('/paid-out')
          ? { ...base, status: 'processed' }
          : { ...failed, status: 'pending' },
      ),
    );
  });
  afterEach(() => {
    notifications.clean();
    fetchMock.mockReset();
    vi.unstubAllGlobals();
  });

  it('marks cash handed back as paid out, and sends a failed online refund again', async () => {
    sessionStore.signIn({ accessToken: 't', user: staff });
    const events = userEvent.setup();
    renderWithProviders(<RefundTable items={[base, failed]} />);

    const due = screen.getAllByTestId('refund-row')[0]!;
    expect(within(due).getByText('Due in cash')).toBeTruthy();
    await events.click(
      within(due).getByRole('button', { name: 'Paid out ₹300 in cash for SB-7K3Q9P' }),
    );
    expect(await screen.findByText('₹300 paid out for SB-7K3Q9P.')).toBeTruthy();
    expect(posted()).toEqual(['/api/v1/admin/refunds/5/paid-out']);

    const refused = screen.getAllByTestId('refund-row')[1]!;
    expect(within(refused).getByText('The bank refused the refund')).toBeTruthy();
    await events.click(
      within(refused).getByRole('button', { name: 'Retry the refund of SB-2M4N6P' }),
    );
    expect(await screen.findByText('The refund of SB-2M4N6P is sent again.')).toBeTruthy();
    expect(posted()).toEqual(['/api/v1/admin/refunds/5/paid-out', '/api/v1/admin/refunds/6/retry']);
  });

  it('gives a viewer no buttons', () => {
    sessionStore.signIn({ accessToken: 't', user: { ...staff, role: 'viewer' } });
    renderWithProviders(<RefundTable items={[base, failed]} />);
    expect(screen.queryByRole('button', { name: /Paid out|Retry/ })).toBeNull();
  });
});
