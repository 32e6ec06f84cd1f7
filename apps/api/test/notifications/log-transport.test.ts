import { maskPhoneForViewer } from '@sevabook/shared';
import { describe, expect, it } from 'vitest';
import { chooseTransport, createNotifier } from '../../src/notifications/create-notifier.ts';
import type { NotifierLog } from '../../src/notifications/notifier.ts';
import {
  book,
  eventually,
  harnessForSuite,
  rowsOf,
  silentLog,
  tokens,
} from './notifier-harness.ts';

const h = harnessForSuite();

const withoutTwilio = { TWILIO_ACCOUNT_SID: '', TWILIO_AUTH_TOKEN: '' };

describe('the log transport (no Twilio credentials)', () => {
  it('is chosen when Twilio is not configured, and the Twilio transport when it is', () => {
    expect(chooseTransport(h.config({}, withoutTwilio), silentLog).name).toBe('log');
    expect(chooseTransport(h.config(), silentLog).name).toBe('twilio');
  });

  it('says at start-up which transport is active, notes each message with a masked phone and no text, and marks it sent', async () => {
    const booking = await book(h.database, { language: 'kn' });
    const lines: { object: object; message: string }[] = [];
    const log: NotifierLog = {
      ...silentLog,
      info: (object, message) => lines.push({ object, message }),
    };
    const notifier = createNotifier(h.config({}, withoutTwilio), h.db, log);
    notifier.start();
    const rows = await eventually(async () => {
      const all = await rowsOf(h.db, [booking.id]);
      expect(all.find((r) => r.kind === 'confirmation')!.status).toBe('sent');
      return all;
    });
    await notifier.stop();

    expect(lines[0]!.message).toMatch(/^Notifier started: log transport/);
    const noted = lines.filter((l) => 'notificationId' in l.object);
    expect(noted).toHaveLength(1);
    expect(noted[0]!.object).toMatchObject({
      to: maskPhoneForViewer(booking.phone),
      kind: 'confirmation',
      language: 'kn',
    });
    // Neither the phone, nor the devotee's name, nor the manage link's token reaches the log.
    const everything = JSON.stringify(lines);
    expect(everything).not.toContain(booking.phone);
    expect(everything).not.toContain(booking.devoteeName);
    expect(everything).not.toContain(tokens.tokenFor(booking.reference));
    expect(everything).not.toContain('ನಮಸ್ಕಾರ');
    expect(rows.find((r) => r.kind === 'confirmation')).toMatchObject({
      status: 'sent',
      attempts: 1,
      providerSid: null,
    });
    // Nothing went to Twilio.
    expect(h.fake.messagesTo(booking.phone)).toHaveLength(0);
  });
});
