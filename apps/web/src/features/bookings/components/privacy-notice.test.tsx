import { PRIVACY_NOTICE_VERSION } from '@sevabook/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UiLanguage } from '../../../lib/temple-format.ts';
import { aSeva, aSlot } from '../../../testing/fixtures.ts';
import { renderWithApp } from '../../../testing/render-with-app.tsx';
import { BookingForm } from './booking-form.tsx';
import { PrivacyNotice } from './privacy-notice.tsx';

afterEach(() => vi.unstubAllGlobals());

/** The notice as a page shows it once the temple's answer (asked for by the header) is in. */
async function renderNotice(language: UiLanguage) {
  await renderWithApp(<PrivacyNotice />, {
    language,
    temple: { name: 'Sri Matha Mutt', timeZone: 'Asia/Kolkata', personalDataRetentionDays: 400 },
  });
  return screen.getByRole('region');
}

describe('PrivacyNotice', () => {
  it('tells the devotee in English what is kept, why, for how long and how to have it erased', async () => {
    const notice = await renderNotice('en');
    expect(within(notice).getByText('How we keep your details')).toBeTruthy();
    expect(
      within(notice).getByText(/name, WhatsApp number, email and sankalpa details/),
    ).toBeTruthy();
    expect(within(notice).getByText(/only to hold your seva/)).toBeTruthy();
    expect(within(notice).getByText(/^400 days after the seva they are removed/)).toBeTruthy();
    expect(within(notice).getByText(/erased sooner, ask at the temple office/)).toBeTruthy();
  });

  it('tells the devotee the same in Kannada', async () => {
    const notice = await renderNotice('kn');
    expect(within(notice).getByText('ನಿಮ್ಮ ವಿವರಗಳನ್ನು ನಾವು ಹೇಗೆ ಇಟ್ಟುಕೊಳ್ಳುತ್ತೇವೆ')).toBeTruthy();
    expect(within(notice).getByText(/ಹೆಸರು, ವಾಟ್ಸ್‌ಆ್ಯಪ್ ಸಂಖ್ಯೆ, ಇಮೇಲ್/)).toBeTruthy();
    expect(within(notice).getByText(/ಸೇವೆಯ 400 ದಿನಗಳ ನಂತರ ಅವುಗಳನ್ನು ಅಳಿಸಲಾಗುತ್ತದೆ/)).toBeTruthy();
    expect(within(notice).getByText(/ದೇವಸ್ಥಾನದ ಕಚೇರಿಯಲ್ಲಿ ಕೇಳಿ/)).toBeTruthy();
    expect(within(notice).queryByText(/[A-Za-z]{3,}/)).toBeNull();
  });
});

const seva = aSeva({
  feePaise: 0,
  asks: { gotra: false, nakshatra: false, rashi: false },
});

const slot = aSlot();

describe('BookingForm and the privacy notice', () => {
  it('shows the notice above the button and sends the version shown with the booking', async () => {
    const fetch = vi.fn(
      async () =>
        new Response(JSON.stringify({ reference: 'SB-7K3Q9P', manageToken: 'tok' }), {
          status: 201,
          headers: { 'content-type': 'application/json' },
        }),
    );
    vi.stubGlobal('fetch', fetch);
    const onBooked = vi.fn();
    const user = userEvent.setup();
    await renderWithApp(<BookingForm seva={seva} slot={slot} onBooked={onBooked} />, {
      language: 'kn',
    });
    expect(screen.getByText('ನಿಮ್ಮ ವಿವರಗಳನ್ನು ನಾವು ಹೇಗೆ ಇಟ್ಟುಕೊಳ್ಳುತ್ತೇವೆ')).toBeTruthy();

    await user.type(screen.getByLabelText(/ಭಕ್ತರ ಹೆಸರು/), 'Lakshmi Rao');
    await user.type(screen.getByLabelText(/ವಾಟ್ಸ್‌ಆ್ಯಪ್ ಸಂಖ್ಯೆ/), '98765 43210');
    await user.click(screen.getByRole('button', { name: 'ಬುಕಿಂಗ್ ಖಚಿತಪಡಿಸಿ' }));
    await waitFor(() => expect(onBooked).toHaveBeenCalled());

    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(JSON.parse(init.body as string)).toMatchObject({
      devoteeName: 'Lakshmi Rao',
      privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
    });
  });
});
