import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { aSeva, aSlot } from '../../../testing/fixtures.ts';
import { renderWithApp } from '../../../testing/render-with-app.tsx';
import { bookedFrom } from '../booking-draft.ts';
import { BookingForm } from './booking-form.tsx';

const seva = aSeva();

const slot = aSlot();

afterEach(() => vi.unstubAllGlobals());

describe('BookingForm keeps what was typed', () => {
  it('fills itself in again after a reload or back-and-forward, persons and fee included', async () => {
    vi.stubGlobal('fetch', vi.fn());
    const user = userEvent.setup();
    const first = await renderWithApp(<BookingForm seva={seva} slot={slot} onBooked={() => {}} />);
    await user.type(screen.getByLabelText(/Devotee’s name/), 'Lakshmi Rao');
    await user.type(screen.getByLabelText(/WhatsApp number/), '98765 43210');
    await user.selectOptions(screen.getByLabelText('Number of persons'), '3');
    first.unmount();

    await renderWithApp(<BookingForm seva={seva} slot={slot} onBooked={() => {}} />);
    expect(screen.getByLabelText<HTMLInputElement>(/Devotee’s name/).value).toBe('Lakshmi Rao');
    expect(screen.getByLabelText<HTMLInputElement>(/WhatsApp number/).value).toContain('98765');
    expect(screen.getByLabelText<HTMLSelectElement>('Number of persons').value).toBe('3');
    expect(screen.getByText(/for 3 persons/)).toBeTruthy();
    expect(screen.getByText(/₹150/)).toBeTruthy();
  });

  it('forgets the draft once the booking is made, and remembers the booking for this slot', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(
            JSON.stringify({
              reference: 'SB-7K3Q9P',
              manageToken: 'tok',
              manageUrl: '/m',
              status: 'confirmed',
            }),
            { status: 201, headers: { 'content-type': 'application/json' } },
          ),
      ),
    );
    const onBooked = vi.fn();
    const user = userEvent.setup();
    const first = await renderWithApp(<BookingForm seva={seva} slot={slot} onBooked={onBooked} />);
    await user.type(screen.getByLabelText(/Devotee’s name/), 'Lakshmi Rao');
    await user.type(screen.getByLabelText(/WhatsApp number/), '98765 43210');
    await user.click(screen.getByRole('button', { name: 'Confirm booking' }));
    await waitFor(() => expect(onBooked).toHaveBeenCalledWith('SB-7K3Q9P', 'tok', 'confirmed'));
    first.unmount();

    expect(bookedFrom(slot.id)).toEqual({ reference: 'SB-7K3Q9P', token: 'tok', slotIds: [5] });
    await renderWithApp(<BookingForm seva={seva} slot={slot} onBooked={() => {}} />);
    expect(screen.getByLabelText<HTMLInputElement>(/Devotee’s name/).value).toBe('');
  });

  it('shows the fee for the persons chosen even when live places drop below them', async () => {
    vi.stubGlobal('fetch', vi.fn());
    const user = userEvent.setup();
    // The live places stream lowers the slot's places while the form is open.
    function LivePlaces() {
      const [remaining, setRemaining] = useState(8);
      return (
        <>
          <button type="button" onClick={() => setRemaining(2)}>
            two places left
          </button>
          <BookingForm seva={seva} slot={{ ...slot, remaining }} onBooked={() => {}} />
        </>
      );
    }
    await renderWithApp(<LivePlaces />);
    await user.selectOptions(screen.getByLabelText('Number of persons'), '4');
    await user.click(screen.getByRole('button', { name: 'two places left' }));
    expect(screen.getByLabelText<HTMLSelectElement>('Number of persons').value).toBe('4');
    expect(screen.getByText(/for 4 persons/)).toBeTruthy();
  });
});
