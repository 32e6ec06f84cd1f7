import { describe, expect, it } from 'vitest';
import { ManageTokens } from '../../src/bookings/manage-token.ts';
import { enqueueNotification } from '../../src/notifications/outbox.ts';
import { createSeva, createSlot } from '../factories.ts';
import {
  book,
  cancel,
  eventually,
  harnessForSuite,
  PUBLIC_URL,
  rowsOf,
} from './notifier-harness.ts';

const h = harnessForSuite();

/**
 * Seven days ahead at 20:00 UTC: 01:30 the next morning in the temple's zone (Asia/Kolkata), so
 * a message formatted in UTC or in the server's zone would show the wrong day and time.
 */
const START = new Date(Date.now() + 7 * 86_400_000);
START.setUTCHours(20, 0, 0, 0);
const TEMPLE_DAY = new Date(START.getTime() + 86_400_000);
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS_KN = [
  'ಜನವರಿ',
  'ಫೆಬ್ರವರಿ',
  'ಮಾರ್ಚ್',
  'ಏಪ್ರಿಲ್',
  'ಮೇ',
  'ಜೂನ್',
  'ಜುಲೈ',
  'ಆಗಸ್ಟ್',
  'ಸೆಪ್ಟೆಂಬರ್',
  'ಅಕ್ಟೋಬರ್',
  'ನವೆಂಬರ್',
  'ಡಿಸೆಂಬರ್',
];
const WEEKDAYS_KN = ['ಭಾನುವಾರ', 'ಸೋಮವಾರ', 'ಮಂಗಳವಾರ', 'ಬುಧವಾರ', 'ಗುರುವಾರ', 'ಶುಕ್ರವಾರ', 'ಶನಿವಾರ'];

/** A slot of its own seva at START (one seva per slot, so every test can use the same time). */
async function slotAtStart() {
  const seva = await createSeva(h.db, { nameEn: 'Rudrabhisheka', nameKn: 'ರುದ್ರಾಭಿಷೇಕ' });
  return createSlot(h.db, { sevaId: seva.id, startsAt: START });
}

/**
 * Runs a notifier until `phone` has `count` messages, and returns them. `settleMs` keeps it
 * running a little longer, for a message that must not be sent to have its chance to show up.
 */
async function runNotifierUntil(phone: string, count: number, { settleMs = 0 } = {}) {
  const notifier = h.notifier();
  notifier.start();
  const sent = await eventually(() => {
    const messages = h.fake.messagesTo(phone);
    expect(messages).toHaveLength(count);
    return messages;
  });
  if (settleMs) await new Promise((resolve) => setTimeout(resolve, settleMs));
  await notifier.stop();
  return sent;
}

function manageLinkIn(body: string | undefined) {
  const match = /\/manage\/(SB-[A-Z0-9]{6})\?token=([\w-]+)/.exec(body ?? '');
  if (!match) throw new Error(`No manage link in: ${body}`);
  return { reference: match[1]!, token: match[2]! };
}

describe('WhatsApp messages for booking events', { timeout: 60_000 }, () => {
  it('sends exactly one English confirmation with seva, temple-time date and time, reference and a working manage link', async () => {
    const slot = await slotAtStart();
    const booking = await book(h.database, { slotId: slot.id, language: 'en' });

    const [message] = await runNotifierUntil(booking.phone, 1);

    expect(message!.to).toBe(`whatsapp:${booking.phone}`);
    expect(message!.from).toBe('whatsapp:+14155238886');
    expect(message!.body).toContain('Rudrabhisheka');
    expect(message!.body).toContain('Sri Test Mutt');
    const day = TEMPLE_DAY;
    expect(message!.body).toContain(
      `${WEEKDAYS_EN[day.getUTCDay()]}, ${day.getUTCDate()} ${MONTHS_EN[day.getUTCMonth()]} ${day.getUTCFullYear()}`,
    );
    expect(message!.body).toMatch(/ 1:30 am/i);
    expect(message!.body).toContain(booking.reference);
    const link = manageLinkIn(message!.body);
    expect(message!.body).toContain(`${PUBLIC_URL}/manage/${booking.reference}?token=`);
    expect(link.reference).toBe(booking.reference);
    expect(ManageTokens.matches(link.token, booking.manageTokenHash)).toBe(true);
    // The status callback names the row, for the webhook to match a SID never recorded.
    expect(message!.statusCallback).toMatch(
      new RegExp(`^${PUBLIC_URL}/api/v1/webhooks/twilio/status\\?notification=\\d+$`),
    );

    const rows = await rowsOf(h.db, [booking.id]);
    const confirmation = rows.find((r) => r.kind === 'confirmation')!;
    expect(confirmation).toMatchObject({
      status: 'sent',
      attempts: 1,
      providerSid: message!.sid,
      leaseUntil: null,
    });
    // The reminder waits for its day.
    expect(rows.find((r) => r.kind === 'reminder')).toMatchObject({
      status: 'pending',
      attempts: 0,
    });
  });

  it('writes to a Kannada-speaking devotee in Kannada, with the Kannada seva name and a Kannada date', async () => {
    const slot = await slotAtStart();
    const booking = await book(h.database, { slotId: slot.id, language: 'kn' });
    const [message] = await runNotifierUntil(booking.phone, 1);

    expect(message!.body).toContain('ನಮಸ್ಕಾರ');
    expect(message!.body).toContain('ರುದ್ರಾಭಿಷೇಕ');
    expect(message!.body).toContain('ದೃಢಪಟ್ಟಿದೆ');
    expect(message!.body).toContain(WEEKDAYS_KN[TEMPLE_DAY.getUTCDay()]);
    expect(message!.body).toContain(
      `${MONTHS_KN[TEMPLE_DAY.getUTCMonth()]} ${TEMPLE_DAY.getUTCDate()}`,
    );
    // 01:30 at night, in Kannada words.
    expect(message!.body).toContain('1:30 ರಾತ್ರಿ');
    expect(message!.body).toContain(booking.reference);
    expect(manageLinkIn(message!.body).reference).toBe(booking.reference);
  });

  it('sends the confirmation and then the cancellation, once each, and never the cancelled booking’s reminder', async () => {
    const booking = await book(h.database);
    await cancel(h.database, booking.id);
    // Even if its due time comes, a cancelled reminder stays cancelled.
    await h.db.notification.updateMany({
      where: { bookingId: booking.id, kind: 'reminder' },
      data: { dueAt: new Date() },
    });

    // Give a wrongly sent reminder the chance to show up before stopping.
    const sent = await runNotifierUntil(booking.phone, 2, { settleMs: 200 });

    expect(h.fake.messagesTo(booking.phone)).toHaveLength(2);
    expect(sent[0]!.body).toContain('is confirmed');
    expect(sent[1]!.body).toContain('has been cancelled');
    expect(sent[1]!.body).toContain(booking.reference);
    const rows = await rowsOf(h.db, [booking.id]);
    expect(rows.map((r) => [r.kind, r.status])).toEqual([
      ['confirmation', 'sent'],
      ['reminder', 'cancelled'],
      ['cancellation', 'sent'],
    ]);
  });

  it('sends the reminder when it falls due, and a change message for a changed booking', async () => {
    const booking = await book(h.database);
    await h.db.$transaction((tx) =>
      enqueueNotification(tx, { bookingId: booking.id, kind: 'change', eventSeq: 2 }),
    );
    await h.db.notification.updateMany({
      where: { bookingId: booking.id, kind: 'reminder' },
      data: { dueAt: new Date() },
    });

    const sent = await runNotifierUntil(booking.phone, 3);

    const bodies = sent.map((m) => m.body ?? '');
    expect(bodies.filter((b) => b.includes('A reminder of your seva'))).toHaveLength(1);
    expect(bodies.filter((b) => b.includes('has changed'))).toHaveLength(1);
    expect(bodies.filter((b) => b.includes('is confirmed'))).toHaveLength(1);
    const rows = await rowsOf(h.db, [booking.id]);
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
  });

  it('sends an approved WhatsApp template (contentSid and variables, no body) where one is configured for the kind and language', async () => {
    const slot = await slotAtStart();
    const english = await book(h.database, { slotId: slot.id, language: 'en' });
    const kannada = await book(h.database, { slotId: slot.id, language: 'kn' });
    const notifier = h.notifier(
      {},
      { env: { TWILIO_CONTENT_SID_CONFIRMATION: 'en:HXenglish0001,kn:HXkannada0001' } },
    );
    notifier.start();
    const [en, kn] = await eventually(() => {
      const pair = [h.fake.messagesTo(english.phone), h.fake.messagesTo(kannada.phone)];
      expect(pair.map((p) => p.length)).toEqual([1, 1]);
      return pair.map((p) => p[0]!);
    });
    await notifier.stop();

    expect(en!.body).toBeUndefined();
    expect(en!.contentSid).toBe('HXenglish0001');
    expect(en!.contentVariables).toMatchObject({
      '1': 'Lakshmi Rao',
      '2': 'Rudrabhisheka',
      '5': english.reference,
    });
    expect(en!.contentVariables!['6']).toContain(`/manage/${english.reference}?token=`);
    expect(kn!.contentSid).toBe('HXkannada0001');
    expect(kn!.contentVariables!['2']).toBe('ರುದ್ರಾಭಿಷೇಕ');
  });
});
