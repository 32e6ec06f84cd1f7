import { describe, expect, it } from 'vitest';
import { nakshatras, rashis, sankalpaName } from './sankalpa.ts';

describe('sankalpaName', () => {
  const mesha = rashis.find((r) => r.key === 'mesha')!;
  const rohini = nakshatras.find((n) => n.key === 'rohini')!;

  it('writes a rashi in Kannada with its English name after, once: "ಮೇಷ (Mesha)"', () => {
    expect(sankalpaName(mesha, 'kn')).toBe('ಮೇಷ (Mesha)');
    expect(sankalpaName(rohini, 'kn')).toBe('ರೋಹಿಣಿ (Rohini)');
  });

  it('writes a rashi in English with its western sign, a nakshatra by its name alone', () => {
    expect(sankalpaName(mesha, 'en')).toBe('Mesha (Aries)');
    expect(sankalpaName(rohini, 'en')).toBe('Rohini');
  });

  it('never nests brackets, in either language', () => {
    for (const item of [...nakshatras, ...rashis])
      for (const language of ['en', 'kn'] as const)
        expect(sankalpaName(item, language)).not.toMatch(/\([^)]*\(/);
  });
});
