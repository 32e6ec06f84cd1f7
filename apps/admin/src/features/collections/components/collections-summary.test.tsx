import type { Collections } from '@sevabook/shared';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../testing/render.tsx';
import { CollectionsSummary } from './collections-summary.tsx';
import { ReceiptList } from './receipt-list.tsx';

const day: Collections = {
  from: '2026-12-06',
  to: '2026-12-06',
  byClerk: [
    {
      clerk: { id: 2, name: 'Ravi' },
      receipts: 2,
      byMethod: { cash: 30000, upi: 15000, card: 0 },
      receivedPaise: 45000,
      cashRefundedPaise: 10000,
      cashInHandPaise: 20000,
    },
    {
      clerk: { id: 3, name: 'Sita' },
      receipts: 1,
      byMethod: { cash: 5000, upi: 0, card: 0 },
      receivedPaise: 5000,
      cashRefundedPaise: 0,
      cashInHandPaise: 5000,
    },
  ],
  byMethod: { cash: 35000, upi: 15000, card: 0, online: 50000 },
  receivedPaise: 100000,
  refundedPaise: 10000,
  netPaise: 90000,
  receipts: [
    {
      receiptNumber: 'SB/2026-27/000123',
      paymentId: 9,
      bookingId: 41,
      bookingReference: 'SB-7K3Q9P',
      devoteeName: 'Lakshmi Rao',
      phone: '+919845012345',
      seva: { id: 2, name: { en: 'Archana', kn: 'ಅರ್ಚನೆ', hi: null, te: null } },
      startsAt: '2026-12-06T01:00:00.000Z',
      amountPaise: 30000,
      method: 'cash',
      clerk: { id: 2, name: 'Ravi' },
      paidAt: '2026-12-06T00:40:00.000Z',
      status: 'captured',
    },
  ],
  refunds: [],
};

describe('CollectionsSummary', () => {
  it('adds up per method and per clerk, with what each clerk hands over in cash', () => {
    renderWithProviders(<CollectionsSummary data={day} />);
    expect(screen.getByTestId('total-received').textContent).toBe('₹1,000');
    expect(screen.getByTestId('total-refunded').textContent).toBe('₹100');
    expect(screen.getByTestId('total-net').textContent).toBe('₹900');
    expect(screen.getByTestId('method-online').textContent).toBe('₹500');
    const [ravi] = screen.getAllByTestId('clerk-row');
    expect(within(ravi!).getByText('Ravi')).toBeTruthy();
    expect(within(ravi!).getByText('₹200')).toBeTruthy(); // cash in hand: 300 taken, 100 paid back
    // Two clerks: a total row under them.
    expect(within(screen.getByTestId('by-clerk')).getByText('Total')).toBeTruthy();
  });

  it('lists every receipt with its number and clerk', () => {
    renderWithProviders(<ReceiptList data={day} />);
    const row = screen.getByTestId('collection-receipt');
    expect(within(row).getByText('SB/2026-27/000123')).toBeTruthy();
    expect(within(row).getByText('Ravi')).toBeTruthy();
    expect(screen.getByText('Receipts · 1 receipt')).toBeTruthy();
  });
});
