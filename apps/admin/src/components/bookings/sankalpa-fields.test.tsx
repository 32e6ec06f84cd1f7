import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Seva } from '@sevabook/shared';
import { useForm } from 'react-hook-form';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../testing/render.tsx';
import { SankalpaFields, type SankalpaValues } from './sankalpa-fields.tsx';

// jsdom lays nothing out and has no scrollIntoView; Mantine calls it as it highlights a match.
beforeAll(() => {
  Element.prototype.scrollIntoView = () => {};
});

interface FormProps {
  at: 'counter' | 'bookings';
  asks?: Seva['asks'];
  gotraError?: string;
  onSave?: (values: SankalpaValues) => void;
}

function Form({ onSave = () => {}, ...props }: FormProps) {
  const form = useForm<SankalpaValues & { persons: number }>({
    defaultValues: { gotra: '', nakshatra: null, rashi: null, persons: 1 },
  });
  return (
    <form onSubmit={form.handleSubmit((values) => onSave(values))}>
      <SankalpaFields form={form} {...props} />
      <button type="submit">Save</button>
    </form>
  );
}

describe('SankalpaFields', () => {
  it('at the counter, shows only what the seva asks for', () => {
    renderWithProviders(
      <Form at="counter" asks={{ gotra: false, nakshatra: true, rashi: false }} />,
    );
    expect(screen.getByRole('combobox', { name: 'Nakshatra' })).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: 'Gotra' })).toBeNull();
    expect(screen.queryByRole('combobox', { name: 'Rashi' })).toBeNull();
  });

  it('at the counter, leaving a list takes the first option that matches what was typed', async () => {
    const events = userEvent.setup();
    const onSave = vi.fn();
    renderWithProviders(<Form at="counter" onSave={onSave} />);
    await events.type(screen.getByRole('textbox', { name: 'Gotra' }), 'Kashyapa');
    await events.tab();
    await events.keyboard('rohi');
    await events.tab();
    await events.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenCalledWith(
      expect.objectContaining({ gotra: 'Kashyapa', nakshatra: 'rohini', rashi: null }),
    );
  });

  it('in the booking editor, shows all three and says why the gotra is refused', () => {
    renderWithProviders(<Form at="bookings" gotraError="Too long" />);
    expect(screen.getByRole('textbox', { name: 'Gotra' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Nakshatra' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Rashi' })).toBeTruthy();
    expect(screen.getByText('Too long')).toBeTruthy();
  });
});
