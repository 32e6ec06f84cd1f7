/**
 * The sankalpa details a seva may ask for. Nakshatra and rashi are chosen from the standard 27
 * and 12; the API stores the English key, screens show the name in the devotee's language.
 */
export const nakshatras = [
  { key: 'ashwini', en: 'Ashwini', kn: 'ಅಶ್ವಿನಿ' },
  { key: 'bharani', en: 'Bharani', kn: 'ಭರಣಿ' },
  { key: 'krittika', en: 'Krittika', kn: 'ಕೃತ್ತಿಕಾ' },
  { key: 'rohini', en: 'Rohini', kn: 'ರೋಹಿಣಿ' },
  { key: 'mrigashira', en: 'Mrigashira', kn: 'ಮೃಗಶಿರಾ' },
  { key: 'ardra', en: 'Ardra', kn: 'ಆರ್ದ್ರಾ' },
  { key: 'punarvasu', en: 'Punarvasu', kn: 'ಪುನರ್ವಸು' },
  { key: 'pushya', en: 'Pushya', kn: 'ಪುಷ್ಯ' },
  { key: 'ashlesha', en: 'Ashlesha', kn: 'ಆಶ್ಲೇಷಾ' },
  { key: 'magha', en: 'Magha', kn: 'ಮಘಾ' },
  { key: 'purva_phalguni', en: 'Purva Phalguni', kn: 'ಪೂರ್ವ ಫಲ್ಗುಣಿ' },
  { key: 'uttara_phalguni', en: 'Uttara Phalguni', kn: 'ಉತ್ತರ ಫಲ್ಗುಣಿ' },
  { key: 'hasta', en: 'Hasta', kn: 'ಹಸ್ತ' },
  { key: 'chitra', en: 'Chitra', kn: 'ಚಿತ್ರಾ' },
  { key: 'swati', en: 'Swati', kn: 'ಸ್ವಾತಿ' },
  { key: 'vishakha', en: 'Vishakha', kn: 'ವಿಶಾಖಾ' },
  { key: 'anuradha', en: 'Anuradha', kn: 'ಅನುರಾಧಾ' },
  { key: 'jyeshtha', en: 'Jyeshtha', kn: 'ಜ್ಯೇಷ್ಠಾ' },
  { key: 'mula', en: 'Mula', kn: 'ಮೂಲಾ' },
  { key: 'purva_ashadha', en: 'Purva Ashadha', kn: 'ಪೂರ್ವಾಷಾಢಾ' },
  { key: 'uttara_ashadha', en: 'Uttara Ashadha', kn: 'ಉತ್ತರಾಷಾಢಾ' },
  { key: 'shravana', en: 'Shravana', kn: 'ಶ್ರವಣ' },
  { key: 'dhanishta', en: 'Dhanishta', kn: 'ಧನಿಷ್ಠಾ' },
  { key: 'shatabhisha', en: 'Shatabhisha', kn: 'ಶತಭಿಷಾ' },
  { key: 'purva_bhadrapada', en: 'Purva Bhadrapada', kn: 'ಪೂರ್ವಾಭಾದ್ರಾ' },
  { key: 'uttara_bhadrapada', en: 'Uttara Bhadrapada', kn: 'ಉತ್ತರಾಭಾದ್ರಾ' },
  { key: 'revati', en: 'Revati', kn: 'ರೇವತಿ' },
] as const;

export const rashis = [
  { key: 'mesha', en: 'Mesha', kn: 'ಮೇಷ', sign: 'Aries' },
  { key: 'vrishabha', en: 'Vrishabha', kn: 'ವೃಷಭ', sign: 'Taurus' },
  { key: 'mithuna', en: 'Mithuna', kn: 'ಮಿಥುನ', sign: 'Gemini' },
  { key: 'karka', en: 'Karka', kn: 'ಕರ್ಕಾಟಕ', sign: 'Cancer' },
  { key: 'simha', en: 'Simha', kn: 'ಸಿಂಹ', sign: 'Leo' },
  { key: 'kanya', en: 'Kanya', kn: 'ಕನ್ಯಾ', sign: 'Virgo' },
  { key: 'tula', en: 'Tula', kn: 'ತುಲಾ', sign: 'Libra' },
  { key: 'vrishchika', en: 'Vrishchika', kn: 'ವೃಶ್ಚಿಕ', sign: 'Scorpio' },
  { key: 'dhanu', en: 'Dhanu', kn: 'ಧನು', sign: 'Sagittarius' },
  { key: 'makara', en: 'Makara', kn: 'ಮಕರ', sign: 'Capricorn' },
  { key: 'kumbha', en: 'Kumbha', kn: 'ಕುಂಭ', sign: 'Aquarius' },
  { key: 'meena', en: 'Meena', kn: 'ಮೀನ', sign: 'Pisces' },
] as const;

/**
 * A nakshatra's or rashi's name as a devotee reads it: in Kannada the Kannada name with the
 * English one after, as priests often write both ("ಮೇಷ (Mesha)"); in English the name, with a
 * rashi's western sign to help ("Mesha (Aries)").
 */
export function sankalpaName(
  item: { en: string; kn: string; sign?: string },
  language: 'en' | 'kn',
): string {
  if (language === 'kn') return `${item.kn} (${item.en})`;
  return item.sign ? `${item.en} (${item.sign})` : item.en;
}

export type NakshatraKey = (typeof nakshatras)[number]['key'];
export type RashiKey = (typeof rashis)[number]['key'];

export const nakshatraKeys = nakshatras.map((n) => n.key) as [NakshatraKey, ...NakshatraKey[]];
export const rashiKeys = rashis.map((r) => r.key) as [RashiKey, ...RashiKey[]];
