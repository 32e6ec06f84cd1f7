import type { ClosingImpact } from '@sevabook/shared';
import type { UseQueryResult } from '@tanstack/react-query';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../testing/render.tsx';
import { ClosingImpactText } from './closing-impact-text.tsx';

function loaded(data: ClosingImpact) {
  return { data, isError: false, error: null } as unknown as UseQueryResult<ClosingImpact>;
}

describe('ClosingImpactText', () => {
  it('says only that no bookings are affected when nothing is booked', () => {
    renderWithProviders(
      <ClosingImpactText impact={loaded({ slots: 2, bookings: 0, devotees: 0, persons: 0 })} />,
    );
    const text = screen.getByTestId('closing-impact').textContent;
    expect(text).toBe('No bookings are affected.');
  });

  it('warns that closing cannot be undone when bookings are cancelled', () => {
    renderWithProviders(
      <ClosingImpactText impact={loaded({ slots: 1, bookings: 2, devotees: 2, persons: 3 })} />,
    );
    const text = screen.getByTestId('closing-impact').textContent;
    expect(text).toContain('This cancels 2 bookings, of 2 devotees (3 persons).');
    expect(text).toContain('This cannot be undone');
  });
});
