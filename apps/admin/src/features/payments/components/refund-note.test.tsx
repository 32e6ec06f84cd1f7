import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../testing/render.tsx';
import type { RefundPreview } from '../refund-preview.ts';
import { RefundNote } from './refund-note.tsx';

function Note({ preview }: { preview: RefundPreview }) {
  const [override, setOverride] = useState(false);
  return <RefundNote preview={preview} override={override} onOverride={setOverride} />;
}

describe('RefundNote', () => {
  it('tells the clerk to hand the cash back when the policy refunds, and not once overridden', async () => {
    const events = userEvent.setup();
    renderWithProviders(
      <Note preview={{ kind: 'full', amountPaise: 30000, inCash: true, hoursBefore: 24 }} />,
    );
    expect(
      screen.getByText('The policy refunds ₹300: cancelled at least 24 hours before the seva.'),
    ).toBeTruthy();
    expect(screen.getByText('Hand ₹300 back in cash to the devotee.')).toBeTruthy();
    await events.click(screen.getByRole('checkbox', { name: 'Do not refund' }));
    expect(screen.queryByText('Hand ₹300 back in cash to the devotee.')).toBeNull();
  });

  it('says why there is no refund, and offers to refund anyway', async () => {
    const events = userEvent.setup();
    renderWithProviders(
      <Note preview={{ kind: 'too_late', amountPaise: 30000, inCash: false, hoursBefore: 48 }} />,
    );
    expect(
      screen.getByText(
        'The policy gives no refund: it is less than 48 hours before the seva (₹300 was paid).',
      ),
    ).toBeTruthy();
    await events.click(screen.getByRole('checkbox', { name: 'Refund ₹300 anyway' }));
    expect(
      screen.getByText('It goes back to the devotee’s account through Razorpay.'),
    ).toBeTruthy();
  });
});
