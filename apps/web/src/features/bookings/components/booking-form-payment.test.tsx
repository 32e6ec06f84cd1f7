import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { aSeva, aSlot } from '../../../testing/fixtures.ts';
import { renderWithApp } from '../../../testing/render-with-app.tsx';
import { BookingForm } from './booking-form.tsx';

const slot = aSlot();

const created = (status: string) =>
  new Response(
    JSON.stringify({ reference: 'SB-7K3Q9P', manageToken: 'tok', manageUrl: '/m', status }),
    { status: 201, headers: { 'content-type': 'application/json' } },
  );

afterEach(() => vi.unstubAllGlobals());

async function fillIn(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText(/Devotee’s name/), 'Lakshmi Rao');
  await user.type(screen.getByLabelText(/WhatsApp number/), '98765 43210');
}

const sentBody = (fetch: ReturnType<typeof vi.fn>) =>
  JSON.parse((fetch.mock.calls[0]![1] as RequestInit).body as string) as Record<string, unknown>;

describe('BookingForm for a seva paid online', () => {
  it('says the fee is paid now, online, and hands a held booking on to the payment', async () => {
    const fetch = vi.fn(async () => created('pending_payment'));
    vi.stubGlobal('fetch', fetch);
    const onBooked = vi.fn();
    const user = userEvent.setup();
    await renderWithApp(
      <BookingForm
        seva={aSeva({ paymentMode: 'online_required' })}
        slot={slot}
        onBooked={onBooked}
      />,
    );
    expect(screen.getByText('To pay now, online: ₹50 for 1 person')).toBeTruthy();
    expect(screen.queryByText(/No online payment/)).toBeNull();
    // Nothing to choose: this seva is paid online.
    expect(screen.queryByText('How would you like to pay?')).toBeNull();
    await fillIn(user);
    await user.click(screen.getByRole('button', { name: 'Continue to payment' }));
    await waitFor(() =>
      expect(onBooked).toHaveBeenCalledWith('SB-7K3Q9P', 'tok', 'pending_payment'),
    );
    expect(sentBody(fetch)).not.toHaveProperty('pays');
  });

  it('lets the devotee choose the counter instead, and says so', async () => {
    const fetch = vi.fn(async () => created('confirmed'));
    vi.stubGlobal('fetch', fetch);
    const onBooked = vi.fn();
    const user = userEvent.setup();
    await renderWithApp(
      <BookingForm
        seva={aSeva({ paymentMode: 'online_or_counter' })}
        slot={slot}
        onBooked={onBooked}
      />,
    );
    expect(screen.getByText('How would you like to pay?')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Continue to payment' })).toBeTruthy();
    await user.click(screen.getByText('At the temple counter on the day'));
    expect(screen.getByText('To pay at the counter: ₹50 for 1 person')).toBeTruthy();
    await fillIn(user);
    await user.click(screen.getByRole('button', { name: 'Confirm booking' }));
    await waitFor(() => expect(onBooked).toHaveBeenCalledWith('SB-7K3Q9P', 'tok', 'confirmed'));
    expect(sentBody(fetch)).toMatchObject({ pays: 'counter' });
  });

  it('never asks a free seva for payment', async () => {
    vi.stubGlobal('fetch', vi.fn());
    await renderWithApp(
      <BookingForm
        seva={aSeva({ paymentMode: 'online_required', feePaise: 0 })}
        slot={slot}
        onBooked={() => {}}
      />,
    );
    expect(screen.getByText('There is no fee for this seva.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Confirm booking' })).toBeTruthy();
    expect(screen.queryByText('How would you like to pay?')).toBeNull();
  });
});
