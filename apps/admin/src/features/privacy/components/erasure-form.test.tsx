import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../testing/render.tsx';
import { ErasureForm } from './erasure-form.tsx';

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

afterEach(() => vi.unstubAllGlobals());

describe('ErasureForm', () => {
  it('asks for confirmation naming the number, then erases it and says what was erased', async () => {
    const fetch = vi.fn(async () =>
      json(200, { bookings: 3, cancelledUpcoming: 0, notifications: 2, auditEntries: 5 }),
    );
    vi.stubGlobal('fetch', fetch);
    const user = userEvent.setup();
    renderWithProviders(<ErasureForm />);

    await user.type(screen.getByLabelText('Devotee’s phone number'), '98765 43210');
    await user.click(screen.getByRole('button', { name: 'Erase…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Erase for good?' });
    expect(within(dialog).getByText(/Every booking of \+91 98765 43210/)).toBeTruthy();
    expect(fetch).not.toHaveBeenCalled();

    await user.click(within(dialog).getByRole('button', { name: 'Erase for good' }));
    expect(await screen.findByText(/Erased \+91 98765 43210. Bookings erased: 3/)).toBeTruthy();
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toContain('/admin/erasures');
    expect(JSON.parse(init.body as string)).toEqual({
      phone: '+919876543210',
      cancelUpcoming: false,
    });
  });

  it('erases nothing when the confirmation is declined', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    const user = userEvent.setup();
    renderWithProviders(<ErasureForm />);
    await user.type(screen.getByLabelText('Devotee’s phone number'), '98765 43210');
    await user.click(screen.getByRole('button', { name: 'Erase…' }));
    await user.click(await screen.findByRole('button', { name: 'Keep them' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fetch).not.toHaveBeenCalled();
  });

  it('says which upcoming bookings stand in the way, and erases with them cancelled when ticked', async () => {
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(
        json(
          409,
          {
            type: 'about:blank',
            title: 'Upcoming bookings',
            status: 409,
            code: 'upcoming_bookings',
            detail: 'This number has 1 upcoming confirmed booking (SB-7K3Q9P).',
          },
          'application/problem+json',
        ),
      )
      .mockResolvedValueOnce(
        json(200, { bookings: 1, cancelledUpcoming: 1, notifications: 1, auditEntries: 2 }),
      );
    vi.stubGlobal('fetch', fetch);
    const user = userEvent.setup();
    renderWithProviders(<ErasureForm />);
    await user.type(screen.getByLabelText('Devotee’s phone number'), '+91 98765 43210');
    await user.click(screen.getByRole('button', { name: 'Erase…' }));
    await user.click(await screen.findByRole('button', { name: 'Erase for good' }));
    expect(await screen.findByText(/SB-7K3Q9P/)).toBeTruthy();

    await user.click(screen.getByLabelText(/Also cancel this number’s upcoming bookings/));
    await user.click(screen.getByRole('button', { name: 'Erase…' }));
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText(/Upcoming bookings of this number will be cancelled/),
    ).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Erase for good' }));
    expect(await screen.findByText(/upcoming cancelled: 1/)).toBeTruthy();
    const [, init] = fetch.mock.calls[1] as unknown as [string, RequestInit];
    expect(JSON.parse(init.body as string)).toMatchObject({ cancelUpcoming: true });
  });

  it('refuses what is not a phone number before asking anything', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    const user = userEvent.setup();
    renderWithProviders(<ErasureForm />);
    await user.type(screen.getByLabelText('Devotee’s phone number'), '12');
    await user.click(screen.getByRole('button', { name: 'Erase…' }));
    expect(await screen.findByText(/Enter a valid phone number/)).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(fetch).not.toHaveBeenCalled();
  });
});
