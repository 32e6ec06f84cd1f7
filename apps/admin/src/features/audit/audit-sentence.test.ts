import type { AuditSlot } from '@sevabook/shared';
import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupI18n } from '../../lib/i18n.ts';
import type { AuditEntry } from './api/get-audit.ts';
import { auditSentence } from './audit-sentence.ts';

const slot = (id: number, date: string, time: string): AuditSlot => ({
  id,
  date,
  time,
  sevaName: { en: 'Archana', kn: 'ಅರ್ಚನೆ' },
});
const slots = new Map([
  [5, slot(5, '2026-12-05', '07:00')],
  [6, slot(6, '2026-12-05', '08:30')],
  [7, slot(7, '2026-12-06', '06:30')],
]);
const booking = { reference: 'SB-7K3Q9P', status: 'confirmed', slotId: 5, persons: 2, gotra: null };
const lakshmi = { type: 'staff' as const, id: 3, label: 'Lakshmi' };

function entry(
  action: string,
  before: unknown,
  after: unknown,
  actor: AuditEntry['actor'] = lakshmi,
): AuditEntry {
  return {
    id: 1,
    bookingId: 1,
    entityType: 'booking',
    entityId: 1,
    action,
    actor,
    before,
    after,
    createdAt: '2026-12-04T10:00:00.000Z',
  };
}

describe('auditSentence: booking history in sentences', () => {
  let t: TFunction;
  beforeAll(async () => {
    t = (await setupI18n()).t;
  });

  it('says a move as times and who moved it, not slot numbers', () => {
    const moved = entry('booking.moved', booking, { ...booking, slotId: 6 });
    expect(auditSentence(moved, slots, t)).toBe('Moved from 7:00 am to 8:30 am by Lakshmi.');
  });

  it('names the dates when a move crosses days', () => {
    const moved = entry('booking.moved', booking, { ...booking, slotId: 7 });
    expect(auditSentence(moved, slots, t)).toMatch(
      /^Moved from .*5 Dec.* 7:00 am to .*6 Dec.* 6:30 am by Lakshmi\.$/,
    );
  });

  it('says what changed in the booking screen’s words', () => {
    const changed = entry('booking.updated', booking, {
      ...booking,
      persons: 3,
      gotra: 'Bharadwaja',
    });
    expect(auditSentence(changed, slots, t)).toBe(
      'Persons 2 → 3, Gotra — → Bharadwaja, changed by Lakshmi.',
    );
  });

  it('says who booked and who cancelled, with the reason', () => {
    const devotee = { type: 'devotee' as const, id: null, label: 'devotee' };
    expect(auditSentence(entry('booking.created', null, booking, devotee), slots, t)).toMatch(
      /^Booked by the devotee: Archana on .*5 Dec.* at 7:00 am, 2 persons\.$/,
    );
    const cancelled = entry('booking.cancelled', booking, {
      ...booking,
      status: 'cancelled',
      reason: 'Did not come',
    });
    expect(auditSentence(cancelled, slots, t)).toBe('Cancelled by Lakshmi: “Did not come”.');
  });

  it('says an undone cancellation as its own entry, after the cancellation', () => {
    const cancelled = { ...booking, status: 'cancelled' };
    const restored = entry('booking.restored', cancelled, {
      ...booking,
      cancellationWithdrawn: true,
    });
    expect(auditSentence(restored, slots, t)).toBe('Cancellation undone by Lakshmi.');
  });
});
