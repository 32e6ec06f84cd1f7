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
  { key: 'mesha', en: 'Mesha (Aries)', kn: 'ಮೇಷ' },
  { key: 'vrishabha', en: 'Vrishabha (Taurus)', kn: 'ವೃಷಭ' },
  { key: 'mithuna', en: 'Mithuna (Gemini)', kn: 'ಮಿಥುನ' },
  { key: 'karka', en: 'Karka (Cancer)', kn: 'ಕರ್ಕಾಟಕ' },
  { key: 'simha', en: 'Simha (Leo)', kn: 'ಸಿಂಹ' },
  { key: 'kanya', en: 'Kanya (Virgo)', kn: 'ಕನ್ಯಾ' },
  { key: 'tula', en: 'Tula (Libra)', kn: 'ತುಲಾ' },
  { key: 'vrishchika', en: 'Vrishchika (Scorpio)', kn: 'ವೃಶ್ಚಿಕ' },
  { key: 'dhanu', en: 'Dhanu (Sagittarius)', kn: 'ಧನು' },
  { key: 'makara', en: 'Makara (Capricorn)', kn: 'ಮಕರ' },
  { key: 'kumbha', en: 'Kumbha (Aquarius)', kn: 'ಕುಂಭ' },
  { key: 'meena', en: 'Meena (Pisces)', kn: 'ಮೀನ' },
] as const;

export type NakshatraKey = (typeof nakshatras)[number]['key'];
export type RashiKey = (typeof rashis)[number]['key'];

export const nakshatraKeys = nakshatras.map((n) => n.key) as [NakshatraKey, ...NakshatraKey[]];
export const rashiKeys = rashis.map((r) => r.key) as [RashiKey, ...RashiKey[]];
