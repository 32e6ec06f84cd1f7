import type { DaySheet, StaffRole, StaffUser } from '@sevabook/shared';
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../../../lib/session.ts';
import { renderWithProviders } from '../../../testing/render.tsx';
import { BookingTable } from './booking-table.tsx';

const slot: DaySheet['slots'][number] = {
  id: 7,
  startsAt: '2026-11-25T01:00:00.000Z',
  time: '06:30',
  seva: { id: 2, name: { en: 'Archana', kn: 'ಅರ್ಚನೆ', hi: null, te: null }, durationMinutes: 15 },
  capacity: 10,
  booked: 3,
  status: 'open',
  note: null,
  arrivals: { bookings: 1, persons: 3, expectedBookings: 1, expectedPersons: 3 },
  bookings: [
    {
      id: 41,
      reference: 'SB-7K3Q9P',
      devoteeName: 'Lakshmi Rao',
      phone: '+919845012345',
      persons: 3,
      gotra: 'Kashyapa',
      nakshatra: 'rohini',
      rashi: 'mesha',
      status: 'confirmed',
      source: 'counter',
      feePaise: 15000,
      confirmationStatus: 'failed',
      confirmationAttempts: 3,
      arrivedAt: '2026-11-25T00:52:00.000Z',
      arrivedTime: '06:22',
      arrivedBy: 'Ravi',
      pays: 'counter',
      payment: null,
      refund: null,
    },
  ],
};

function signInAs(role: StaffRole) {
  const user: StaffUser = {
    id: 1,
    email: `${role}@example.test`,
    name: role,
    role,
    active: true,
    mustChangePassword: false,
    lastLoginAt: null,
    createdAt: '2026-11-01T00:00:00.000Z',
  };
  sessionStore.signIn({ accessToken: 't', user });
}

const renderTable = (shown = slot) =>
  renderWithProviders(
    <BookingTable
      slot={shown}
      caption="Bookings"
      onMove={vi.fn()}
      onEdit={vi.fn()}
      onHistory={vi.fn()}
      // The cancel control itself is the bookings feature's (tested in cancel-menu.test.tsx).
      cancelMenu={(b) => <button type="button" aria-label={`Cancel booking ${b.reference}`} />}
    />,
  );

describe('BookingTable', () => {
  afterEach(() => sessionStore.signOut('logout'));

  it('shows each booking with its sankalpa, reference, source and message status', () => {
    signInAs('staff');
    renderTable();
    const row = screen.getByRole('row', { name: /Lakshmi Rao/ });
    expect(within(row).getByText('+91 98450 12345')).toBeTruthy();
    expect(within(row).getByText('Kashyapa · Rohini · Mesha')).toBeTruthy();
    expect(within(row).getByText('SB-7K3Q9P')).toBeTruthy();
    expect(within(row).getByText('Counter')).toBeTruthy();
    expect(within(row).getByText('Failed')).toBeTruthy();
  });

  it('says when a booking was checked in at the gate, and by whom', () => {
    signInAs('viewer');
    renderTable();
    const row = screen.getByRole('row', { name: /Lakshmi Rao/ });
    expect(within(row).getByTestId('arrived').textContent).toBe('Arrived 06:22 · Ravi');
  });

  it('shows a confirmation queued again after a failed try as retrying, not queued', () => {
    signInAs('staff');
    const [booking] = slot.bookings;
    if (!booking) throw new Error('the fixture has a booking');
    renderTable({
      ...slot,
      bookings: [
        { ...booking, confirmationStatus: 'pending', confirmationAttempts: 1 },
        {
          ...booking,
          id: 42,
          reference: 'SB-2M4R8T',
          devoteeName: 'Ravi Kumar',
          confirmationStatus: 'pending',
          confirmationAttempts: 0,
        },
      ],
    });
    const retried = screen.getByRole('row', { name: /Lakshmi Rao/ });
    expect(within(retried).getByText('Retrying')).toBeTruthy();
    expect(within(retried).queryByText('Queued')).toBeNull();
    const fresh = screen.getByRole('row', { name: /Ravi Kumar/ });
    expect(within(fresh).getByText('Queued')).toBeTruthy();
  });

  it('gives staff the buttons that change a booking', () => {
    signInAs('staff');
    renderTable();
    for (const name of [
      'Cancel booking SB-7K3Q9P',
      'Move SB-7K3Q9P',
      'Edit SB-7K3Q9P',
      'History SB-7K3Q9P',
    ]) {
      expect(screen.getByRole('button', { name })).toBeTruthy();
    }
  });

  it('shows a viewer no button at all', () => {
    signInAs('viewer');
    renderTable();
    expect(screen.queryAllByRole('button')).toEqual([]);
  });
});
