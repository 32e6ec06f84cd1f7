import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect, useState } from 'react';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../testing/render.tsx';
import { CounterSelect } from './counter-select.tsx';

// jsdom lays nothing out and has no scrollIntoView; Mantine calls it as it highlights a match.
beforeAll(() => {
  Element.prototype.scrollIntoView = () => {};
});

const times = [
  { value: '5', label: '7:00 am · 49 free' },
  { value: '6', label: '8:30 am · 50 free' },
  { value: '8', label: '6:30 pm · 50 free' },
];

/** Fired when the seva's times arrive from the API, and when a devotee takes a place. */
const timesArrive = new EventTarget();

/** The counter's Time list: empty until the seva's times arrive, then the first is chosen. */
function TimeField() {
  const [data, setData] = useState<typeof times>([]);
  const [value, setValue] = useState<string | null>(null);
  useEffect(() => {
    const arrived = () => {
      setData(times);
      setValue(times[0]!.value);
    };
    // Someone books the first time meanwhile: its label changes, the choice does not.
    const booked = () =>
      setData((now) => now.map((o, i) => (i === 0 ? { ...o, label: '7:00 am · 48 free' } : o)));
    timesArrive.addEventListener('arrived', arrived);
    timesArrive.addEventListener('booked', booked);
    return () => {
      timesArrive.removeEventListener('arrived', arrived);
      timesArrive.removeEventListener('booked', booked);
    };
  }, []);
  return (
    <>
      <input aria-label="Date" />
      <CounterSelect label="Time" data={data} value={value} onChange={setValue} />
      <output>{value}</output>
    </>
  );
}

const fire = (event: 'arrived' | 'booked') =>
  act(() => {
    timesArrive.dispatchEvent(new Event(event));
  });

/** Renders the field, its times already there unless told, and tabs into it from Date. */
async function tabIntoTime({ timesFirst = true } = {}) {
  const events = userEvent.setup();
  renderWithProviders(<TimeField />);
  if (timesFirst) fire('arrived');
  await events.click(screen.getByRole('textbox', { name: 'Date' }));
  await events.tab();
  const time = screen.getByRole('combobox', { name: 'Time' });
  expect(document.activeElement).toBe(time);
  const chosen = () => screen.getByRole('status').textContent;
  return { events, time, chosen };
}

describe('CounterSelect', () => {
  it('typing replaces a choice that was filled in after the field got focus', async () => {
    const { events, time, chosen } = await tabIntoTime({ timesFirst: false });
    fire('arrived');
    expect(time).toHaveProperty('value', '7:00 am · 49 free');
    await events.keyboard('6:30 pm');
    expect(time).toHaveProperty('value', '6:30 pm');
    await events.tab();
    expect(chosen()).toBe('8');
  });

  it('typing replaces a choice made before the field got focus', async () => {
    const { events, chosen } = await tabIntoTime();
    await events.keyboard('8:30');
    await events.tab();
    expect(chosen()).toBe('6');
  });

  it('keeps what is being typed when the chosen time changes its count meanwhile', async () => {
    const { events, time, chosen } = await tabIntoTime();
    await events.keyboard('6:30 p');
    fire('booked');
    await events.keyboard('m');
    expect(time).toHaveProperty('value', '6:30 pm');
    await events.tab();
    expect(chosen()).toBe('8');
    expect(time).toHaveProperty('value', '6:30 pm · 50 free');
  });

  it('shows the choice that stands when what was typed matches nothing', async () => {
    const { events, time, chosen } = await tabIntoTime();
    await events.keyboard('9:45');
    await events.tab();
    expect(chosen()).toBe('5');
    expect(time).toHaveProperty('value', '7:00 am · 49 free');
  });
});
