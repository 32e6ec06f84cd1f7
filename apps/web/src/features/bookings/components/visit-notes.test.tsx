import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../../testing/render-with-app.tsx';
import { VisitNotes } from './visit-notes.tsx';

const seva = {
  arriveMinutesBefore: 20,
  bringNote: { en: 'Traditional dress, please.', kn: 'ಸಾಂಪ್ರದಾಯಿಕ ಉಡುಪಿನಲ್ಲಿ ಬನ್ನಿ.' },
};

describe('VisitNotes', () => {
  it('tells a Kannada devotee when to arrive and what to wear, in the message’s words', async () => {
    await renderWithApp(<VisitNotes seva={seva} time="07:00" />, { language: 'kn' });
    const notes = screen.getByTestId('visit-notes');
    expect(notes.textContent).toContain('ಬರಬೇಕಾದ ಸಮಯ: 6:40');
    expect(notes.textContent).toContain('ತರಬೇಕಾದದ್ದು, ಧರಿಸಬೇಕಾದದ್ದು: ಸಾಂಪ್ರದಾಯಿಕ ಉಡುಪಿನಲ್ಲಿ ಬನ್ನಿ.');
  });

  it('counts back across midnight, in English', async () => {
    await renderWithApp(<VisitNotes seva={{ ...seva, bringNote: null }} time="00:10" />);
    expect(screen.getByTestId('visit-notes').textContent).toMatch(/Please arrive by: 11:50\s?pm/i);
  });

  it('says nothing for a seva that asks nothing', async () => {
    await renderWithApp(
      <VisitNotes seva={{ arriveMinutesBefore: 0, bringNote: null }} time="07:00" />,
    );
    expect(screen.queryByTestId('visit-notes')).toBeNull();
  });
});
