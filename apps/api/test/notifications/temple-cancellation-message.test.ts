import { describe, expect, it } from 'vitest';
import { cancelBookingsOfSlot } from '../../src/admin/slots/slot-cancellation.ts';
import { book, cancel, eventually, harnessForSuite, PUBLIC_URL } from './notifier-harness.ts';

const h = harnessForSuite();

/** Sends the booking's two messages (confirmation, cancellation) and returns the cancellation. */
async function cancellationTo(phone: string) {
  const notifier = h.notifier();
  notifier.start();
  const sent = await eventually(() => {
    const messages = h.fake.messagesTo(phone);
    expect(messages).toHaveLength(2);
    return messages;
  });
  await notifier.stop();
  const row = await h.db.notification.findFirstOrThrow({
    where: { kind: 'cancellation', booking: { phone } },
  });
  return sent.find((m) => m.sid === row.providerSid)?.body ?? '';
}

/** What closing a slot does: its bookings cancelled by staff with the reason, the slot closed. */
async function templeCancels(bookingId: number, reason: string) {
  const { slotId } = await h.db.booking.findUniqueOrThrow({ where: { id: bookingId } });
  await h.db.$transaction(async (tx) => {
    await cancelBookingsOfSlot(tx, slotId, { type: 'staff', label: 'Lakshmi' }, reason, new Date());
    await tx.slot.update({ where: { id: slotId }, data: { status: 'closed' } });
  });
}

describe('the cancellation message when the temple cancels', { timeout: 60_000 }, () => {
  it('tells the devotee the reason, apologises and links to the seva to book another date', async () => {
    const booking = await book(h.database, { language: 'en' });
    await templeCancels(booking.id, 'The temple is closed for the Rathotsava');

    const body = await cancellationTo(booking.phone);

    const { slot } = await h.db.booking.findUniqueOrThrow({
      where: { id: booking.id },
      include: { slot: true },
    });
    expect(body).toContain(booking.reference);
    expect(body).toContain(': The temple is closed for the Rathotsava');
    expect(body).toContain('We are sorry');
    expect(body).toContain(`Book another date: ${PUBLIC_URL}/sevas/${slot.sevaId}`);
    expect(body).toContain(`${PUBLIC_URL}/manage/${booking.reference}?token=`);
  });

  it('says the same in Kannada', async () => {
    const booking = await book(h.database, { language: 'kn' });
    await templeCancels(booking.id, 'ರಥೋತ್ಸವ');
    const body = await cancellationTo(booking.phone);
    expect(body).toContain('ರಥೋತ್ಸವ');
    expect(body).toContain('ಕ್ಷಮಿಸಿ');
    expect(body).toContain(`${PUBLIC_URL}/sevas/`);
  });

  it('keeps the plain message when staff cancel one booking of a slot that stays open', async () => {
    const booking = await book(h.database, { language: 'en' });
    await h.db.$transaction(async (tx) => {
      const { slotId } = await tx.booking.findUniqueOrThrow({ where: { id: booking.id } });
      // Staff cancel it from the day view, at the devotee's request by phone.
      await cancelBookingsOfSlot(
        tx,
        slotId,
        { type: 'staff', label: 'Lakshmi' },
        'Devotee asked to cancel',
        new Date(),
      );
    });
    const body = await cancellationTo(booking.phone);
    expect(body).toContain('has been cancelled');
    expect(body).not.toContain('sorry');
  });

  it('keeps the plain message, with no apology, when the devotee cancelled', async () => {
    const booking = await book(h.database, { language: 'en' });
    await cancel(h.database, booking.id);
    const body = await cancellationTo(booking.phone);
    expect(body).toContain('has been cancelled');
    expect(body).not.toContain('sorry');
    expect(body).not.toContain('Book another date');
  });
});
