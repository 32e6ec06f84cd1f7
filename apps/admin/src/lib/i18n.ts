import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from '../locales/en.ts';

/**
 * Staff screens are in English for now; every string goes through i18next (as on the devotee
 * site) so that a Kannada translation is a new file, not a rewrite. Seva names are always shown
 * in both English and Kannada, from the data.
 */
export async function setupI18n(): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en } },
    lng: 'en',
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
  document.documentElement.lang = 'en';
  return i18next;
}
