import { devoteeTextMessages, type Slot } from '@sevabook/shared';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { aSeva, aSlot } from '../../../testing/fixtures.ts';
import { renderWithApp } from '../../../testing/render-with-app.tsx';
import { BookingForm } from './booking-form.tsx';

const seva = aSeva();

const slot = aSlot();

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

const problem = (status: number, code: string) =>
  json(status, { type: 'about:blank', title: code, status, code }, 'application/problem+json');

afterEach(() => vi.unstubAllGlobals());

async function fillIn(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText(/Devotee’s name/), 'Lakshmi Rao');
  await user.type(screen.getByLabelText(/WhatsApp number/), '98765 43210');
}

describe('BookingForm', () => {
  it('shows errors next to the fields in Kannada', async () => {
    vi.stubGlobal('fetch', vi.fn());
    const user = userEvent.setup();
    await renderWithApp(<BookingForm seva={seva} slot={slot} onBooked={() => {}} />, {
      language: 'kn',
    });
    await user.click(screen.getByRole('button', { name: 'ಬುಕಿಂಗ್ ಖಚಿತಪಡಿಸಿ' }));
    expect(await screen.findByText(/ದಯವಿಟ್ಟು ಭಕ್ತರ ಹೆಸರನ್ನು ನಮೂದಿಸಿ/)).toBeTruthy();
    expect(screen.getByText(/ಸರಿಯಾದ ವಾಟ್ಸ್‌ಆ್ಯಪ್ ಸಂಖ್ಯೆಯನ್ನು/)).toBeTruthy();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('tells a devotee in Kannada that a name cannot hold a link, and sends nothing', async () => {
    vi.stubGlobal('fetch', vi.fn());
    const user = userEvent.setup();
    await renderWithApp(<BookingForm seva={seva} slot={slot} onBooked={() => {}} />, {
      language: 'kn',
    });
    await user.type(screen.getByLabelText(/ಭಕ್ತರ ಹೆಸರು/), 'Lakshmi pay.example');
    await user.type(screen.getByLabelText(/ವಾಟ್ಸ್‌ಆ್ಯಪ್ ಸಂಖ್ಯೆ/), '98765 43210');
    await user.click(screen.getByRole('button', { name: 'ಬುಕಿಂಗ್ ಖಚಿತಪಡಿಸಿ' }));
    expect(await screen.findByText(/ಪ್ರತಿ ಚುಕ್ಕೆಯ ನಂತರ ಖಾಲಿ ಜಾಗ ಬಿಡಿ/)).toBeTruthy();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('shows the API’s refusal of a name’s characters in Kannada', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json(
          422,
          {
            type: 'about:blank',
            title: 'Validation failed',
            status: 422,
            code: 'validation_failed',
            errors: [{ path: 'body.devoteeName', message: devoteeTextMessages.nameCharacters }],
          },
          'application/problem+json',
        ),
      ),
    );
    const user = userEvent.setup();
    await renderWithApp(<BookingForm seva={seva} slot={slot} onBooked={() => {}} />, {
      language: 'kn',
    });
    await user.type(screen.getByLabelText(/ಭಕ್ತರ ಹೆಸರು/), 'Lakshmi Rao');
    await user.type(screen.getByLabelText(/ವಾಟ್ಸ್‌ಆ್ಯಪ್ ಸಂಖ್ಯೆ/), '98765 43210');
    await user.click(screen.getByRole('button', { name: 'ಬುಕಿಂಗ್ ಖಚಿತಪಡಿಸಿ' }));
    expect(await screen.findByText(/ಅಕ್ಷರಗಳು, ಖಾಲಿ ಜಾಗ ಮತ್ತು/)).toBeTruthy();
  });

  it('shows back the number it understood as the devotee types', async () => {
    vi.stubGlobal('fetch', vi.fn());
    const user = userEvent.setup();
    await renderWithApp(<BookingForm seva={seva} slot={slot} onBooked={() => {}} />);
    await user.type(screen.getByLabelText(/WhatsApp number/), '9876543210');
    expect(await screen.findByText(/We will send it to \+91 98765 43210/)).toBeTruthy();
  });

  it('retries a failed attempt with the same Idempotency-Key, and books once', async () => {
    const created = {
      reference: 'SB-7K3Q9P',
      manageToken: 'tok',
      manageUrl: '/manage/SB-7K3Q9P?token=tok',
      status: 'confirmed',
    };
    const fetch = vi
      .fn()
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockResolvedValueOnce(json(201, created));
    vi.stubGlobal('fetch', fetch);
    const onBooked = vi.fn();
    const user = userEvent.setup();
    await renderWithApp(<BookingForm seva={seva} slot={slot} onBooked={onBooked} />);
    await fillIn(user);
    const submit = screen.getByRole('button', { name: 'Confirm booking' });
    await user.click(submit);
    expect(await screen.findByText(/No connection/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Confirm booking' }));
    await waitFor(() => expect(onBooked).toHaveBeenCalledWith('SB-7K3Q9P', 'tok', 'confirmed'));

    const keys = fetch.mock.calls.map(
      ([, init]) =>
        (init as RequestInit & { headers: Record<string, string> }).headers['Idempotency-Key'],
    );
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBeTruthy();
    expect(keys[1]).toBe(keys[0]);
    const body = JSON.parse((fetch.mock.calls[1]?.[1] as RequestInit).body as string);
    expect(body).toMatchObject({
      slotId: 5,
      devoteeName: 'Lakshmi Rao',
      persons: 1,
      language: 'en',
    });
  });

  it('offers the next open times when the slot has just filled', async () => {
    const next: Slot = { ...slot, id: 6, time: '18:30', remaining: 3 };
    const fetch = vi.fn(async (url: string) =>
      url.startsWith('/api/v1/slots')
        ? json(200, { items: [slot, next] })
        : problem(409, 'slot_full'),
    );
    vi.stubGlobal('fetch', fetch);
    const user = userEvent.setup();
    await renderWithApp(<BookingForm seva={seva} slot={slot} onBooked={() => {}} />);
    await fillIn(user);
    await user.click(screen.getByRole('button', { name: 'Confirm booking' }));
    expect(await screen.findByText(/the last places at this time were just taken/)).toBeTruthy();
    const offer = await screen.findByRole('link', { name: /6:30/ });
    expect(offer.getAttribute('href')).toBe('/sevas/1/slots/6/book');
    expect(screen.queryByRole('link', { name: /7:00/ })).toBeNull();
  });

  it('offers only as many persons as the seva and the slot allow', async () => {
    vi.stubGlobal('fetch', vi.fn());
    await renderWithApp(
      <BookingForm seva={seva} slot={{ ...slot, remaining: 3 }} onBooked={() => {}} />,
    );
    const options = screen.getByLabelText('Number of persons').querySelectorAll('option');
    expect([...options].map((o) => o.value)).toEqual(['1', '2', '3']);
  });

  it('says a slot closed meanwhile cannot be booked, without blaming another devotee', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json(200, { items: [] })),
    );
    const closed: Slot = { ...slot, bookable: false, unbookableReason: 'booking_closed' };
    await renderWithApp(<BookingForm seva={seva} slot={closed} onBooked={() => {}} />);
    expect(await screen.findByText(/This time can no longer be booked/)).toBeTruthy();
    expect(screen.queryByText(/just taken/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Confirm booking' })).toBeNull();
  });
});
