import { glossary } from '@sevabook/shared';
import { describe, expect, it } from 'vitest';
import { bookingCalendar } from '../../src/bookings/ics.ts';
import type { NotificationKind } from '../../src/generated/prisma/client.ts';
import {
  renderMessage,
  type BookingForMessage,
  type RenderContext,
} from '../../src/notifications/render-message.ts';

/**
 * How the WhatsApp messages and the calendar file read, in Kannada above all: as a person
 * would write them, with the site's own words. No database: only the words are under test.
 */
const ctx: RenderContext = {
  timeZone: 'Asia/Kolkata',
  templeName: 'ಶ್ರೀ ಗುರು ಮಠ',
  manageUrl: (reference, language) =>
    `https://seva.example/manage/${reference}?token=t&lang=${language}`,
  sevaUrl: (sevaId) => `https://seva.example/sevas/${sevaId}`,
  templeAddress: 'ಮುಖ್ಯ ರಸ್ತೆ, ಮಂತ್ರಾಲಯ',
  templeMapUrl: 'https://maps.example/temple',
};

/** 03:00 UTC on 12 January: 8:30 in the morning at the temple. */
function booking(overrides: Partial<BookingForMessage> = {}): BookingForMessage {
  return {
    reference: 'SB-7K3Q9P',
    devoteeName: 'ಲಕ್ಷ್ಮಿ',
    persons: 2,
    // Booked at the seva's fee for both persons.
    feePaise: 10000,
    language: 'kn',
    status: 'confirmed',
    cancelledBy: null,
    cancelReason: null,
    slot: {
      sevaId: 3,
      status: 'open',
      startsAt: new Date('2027-01-12T03:00:00Z'),
      seva: {
        id: 3,
        nameEn: 'Archana',
        nameKn: 'ಅರ್ಚನೆ',
        nameHi: null,
        nameTe: null,
        feePaise: 5000,
        durationMinutes: 15,
        arriveMinutesBefore: 0,
        bringNoteEn: null,
        bringNoteKn: null,
      },
    },
    ...overrides,
  } as BookingForMessage;
}

const kinds: NotificationKind[] = ['confirmation', 'reminder', 'change', 'cancellation'];
const templeCancelled = booking({
  status: 'cancelled',
  cancelledBy: 'staff',
  cancelReason: 'ರಥೋತ್ಸವ',
  slot: { ...booking().slot, status: 'closed' },
});

describe('WhatsApp messages in Kannada', () => {
  it('never puts a case ending on a name, a date or a time: each fact stands after its term', () => {
    const { body } = renderMessage('confirmation', booking(), ctx);
    expect(body).toContain('ಸಮಯ: 8:30 ಬೆಳಗ್ಗೆ\n');
    expect(body).toContain('ಸೇವೆ: ಅರ್ಚನೆ\n');
    expect(body).toContain('ದೇವಸ್ಥಾನ: ಶ್ರೀ ಗುರು ಮಠ\n');
    for (const kind of kinds)
      for (const b of [booking(), templeCancelled]) {
        const text = renderMessage(kind, b, ctx).body;
        // "8:30 ಬೆಳಗ್ಗೆ ಕ್ಕೆ", "ಅರ್ಚನೆ ಗಾಗಿ", "ಮಠ ನಲ್ಲಿ": a value, a space, then an ending.
        expect(text).not.toMatch(/ (ಕ್ಕೆ|ಗೆ|ರ|ಗಾಗಿ|ನಲ್ಲಿ|ಅನ್ನು|ರಂದು)[\s.,]/);
      }
  });

  it('says "ಬುಕಿಂಗ್ ಸಂಖ್ಯೆ" as the site does, and persons with a word of their own, never ಜನ', () => {
    const { body } = renderMessage('confirmation', booking(), ctx);
    expect(body).toContain('ಬುಕಿಂಗ್ ಸಂಖ್ಯೆ: SB-7K3Q9P');
    expect(body).not.toContain('ಉಲ್ಲೇಖ');
    expect(body).toContain('ವ್ಯಕ್ತಿಗಳು: 2');
    // January is the month's own Intl name; "ಜನ" alone appears nowhere.
    expect(body).toContain('ಜನವರಿ');
    expect(body).not.toMatch(/ಜನ(?!ವರಿ)/);
  });

  it('takes every term it uses from the glossary the site uses', () => {
    for (const language of ['en', 'kn'] as const) {
      const terms = new Set<string>(Object.values(glossary).map((t) => t[language]));
      for (const kind of kinds)
        for (const b of [booking({ language }), { ...templeCancelled, language }]) {
          const labels = renderMessage(kind, b, ctx)
            .body.split('\n')
            .map((line) => /^([^:]+): /.exec(line)?.[1])
            .filter((label): label is string => label !== undefined);
          expect(labels.length).toBeGreaterThan(3);
          for (const label of labels) expect(terms, `${language} ${kind}`).toContain(label);
        }
    }
  });

  it('tells the confirmation and the reminder what the devotee needs on the day', () => {
    for (const kind of ['confirmation', 'reminder'] as const) {
      const { body } = renderMessage(kind, booking({ language: 'en' }), ctx);
      expect(body).toContain('Fee at the counter: ₹100');
      expect(body).toContain('Address: ಮುಖ್ಯ ರಸ್ತೆ, ಮಂತ್ರಾಲಯ');
      expect(body).toContain('Map: https://maps.example/temple');
    }
  });

  it('says when to arrive and what to bring or wear, in the booking’s language', () => {
    const seva = {
      ...booking().slot.seva,
      arriveMinutesBefore: 20,
      bringNoteEn: 'Traditional dress, please.',
      bringNoteKn: 'ಸಾಂಪ್ರದಾಯಿಕ ಉಡುಪಿನಲ್ಲಿ ಬನ್ನಿ.',
    };
    const withNotes = (language: 'en' | 'kn') =>
      booking({ language, slot: { ...booking().slot, seva } });
    const kannada = renderMessage('reminder', withNotes('kn'), ctx).body;
    expect(kannada).toContain('ಬರಬೇಕಾದ ಸಮಯ: 8:10 ಬೆಳಗ್ಗೆ');
    expect(kannada).toContain('ತರಬೇಕಾದದ್ದು, ಧರಿಸಬೇಕಾದದ್ದು: ಸಾಂಪ್ರದಾಯಿಕ ಉಡುಪಿನಲ್ಲಿ ಬನ್ನಿ.');
    const english = renderMessage('confirmation', withNotes('en'), ctx).body;
    expect(english).toMatch(/Please arrive by: 8:10 am/i);
    expect(english).toContain('Please bring or wear: Traditional dress, please.');
    // A seva that asks nothing particular says nothing about it.
    expect(renderMessage('confirmation', booking(), ctx).body).not.toContain('ಬರಬೇಕಾದ');
  });

  it('opens the manage link in the language of the booking', () => {
    expect(renderMessage('confirmation', booking(), ctx).body).toContain('&lang=kn');
    expect(renderMessage('confirmation', booking({ language: 'en' }), ctx).body).toContain(
      '&lang=en',
    );
  });
});

describe('the calendar file', () => {
  const unfold = (ics: string) => ics.replace(/\r?\n[ \t]/g, '');

  it('is written in the language of the booking', () => {
    const kannada = unfold(bookingCalendar(booking(), 'ಶ್ರೀ ಗುರು ಮಠ', 'https://seva.example/m'));
    expect(kannada).toContain('SUMMARY:ಅರ್ಚನೆ');
    expect(kannada).toContain('ಬುಕಿಂಗ್ ಸಂಖ್ಯೆ: SB-7K3Q9P');
    expect(kannada).toContain('ವ್ಯಕ್ತಿಗಳು: 2');
    const english = unfold(
      bookingCalendar(booking({ language: 'en' }), 'Temple', 'https://seva.example/m'),
    );
    expect(english).toContain('SUMMARY:Archana');
    expect(english).toContain('Booking reference: SB-7K3Q9P');
  });
});
