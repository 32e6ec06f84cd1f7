import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../../testing/render-with-app.tsx';
import { CodeStep } from './code-step.tsx';

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

const problem = (status: number, code: string) =>
  json(status, { type: 'about:blank', title: code, status, code }, 'application/problem+json');

const session = { sessionToken: 't', tokenType: 'Bearer', expiresIn: 900, phone: '+919876543210' };

afterEach(() => vi.unstubAllGlobals());

function renderStep(onSession = vi.fn(), language: 'en' | 'kn' = 'en') {
  return renderWithApp(
    <CodeStep
      phone="+919876543210"
      resendAfterSeconds={60}
      onSession={onSession}
      onChangeNumber={() => {}}
    />,
    { language },
  );
}

const boxes = () => screen.getAllByLabelText(/6-digit code|6 ಅಂಕಿಗಳ ಕೋಡ್/, { selector: 'input' });

describe('CodeStep', () => {
  it('takes a pasted code whole and checks it at once', async () => {
    const fetch = vi.fn().mockResolvedValue(json(200, session));
    vi.stubGlobal('fetch', fetch);
    const onSession = vi.fn();
    await renderStep(onSession);
    const first = boxes()[0]!;
    expect(first.getAttribute('autocomplete')).toBe('one-time-code');
    expect(first.getAttribute('inputmode')).toBe('numeric');
    const user = userEvent.setup();
    await user.click(first);
    await user.paste('042917');
    await waitFor(() => expect(onSession).toHaveBeenCalledWith(session));
    const [, init] = fetch.mock.calls[0] as [string, RequestInit];
    expect(JSON.parse(init.body as string)).toEqual({ phone: '+919876543210', code: '042917' });
  });

  it('says in Kannada that the code is wrong, empties the boxes, and offers no resend yet', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(problem(401, 'code_invalid')));
    const user = userEvent.setup();
    await renderStep(vi.fn(), 'kn');
    await user.click(boxes()[0]!);
    await user.keyboard('123456');
    expect(await screen.findByText(/ಈ ಕೋಡ್ ಸರಿಯಿಲ್ಲ/)).toBeTruthy();
    await waitFor(() =>
      expect(
        boxes()
          .map((b) => (b as HTMLInputElement).value)
          .join(''),
      ).toBe(''),
    );
    expect(screen.getByText(/ಹೊಸ ಕೋಡ್ ಕೇಳಲು ಕಾಯಬೇಕಾದ/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'ಹೊಸ ಕೋಡ್ ಕಳುಹಿಸಿ' })).toBeNull();
  });

  it('asks for all six digits before sending', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    const user = userEvent.setup();
    await renderStep();
    await user.click(boxes()[0]!);
    await user.keyboard('123');
    await user.click(screen.getByRole('button', { name: 'See my bookings' }));
    expect(await screen.findByText('Please type all 6 digits of the code.')).toBeTruthy();
    expect(fetch).not.toHaveBeenCalled();
  });
});
