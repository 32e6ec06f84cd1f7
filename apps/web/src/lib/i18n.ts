import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from '../locales/en.ts';
import { kn } from '../locales/kn.ts';
import type { UiLanguage } from './temple-format.ts';

/**
 * English and Kannada are both bundled (a few KB each): a devotee switching language on a weak
 * connection should never wait for, or fail to fetch, a translation file.
 */
export const uiLanguages: readonly UiLanguage[] = ['en', 'kn'];
const STORAGE_KEY = 'sevabook.language';

function initialLanguage(): UiLanguage {
  // A link that names its language (a booking's manage link, in the language it was booked in)
  // opens in it, whatever this phone chose before.
  const linked = new URLSearchParams(window.location.search).get('lang');
  if (linked === 'en' || linked === 'kn') return linked;
  const stored = safeStorage()?.getItem(STORAGE_KEY);
  if (stored === 'en' || stored === 'kn') return stored;
  // First visit: follow the phone's language when it is Kannada.
  return navigator.languages?.some((l) => l.toLowerCase().startsWith('kn')) ? 'kn' : 'en';
}

export function rememberLanguage(language: UiLanguage): void {
  safeStorage()?.setItem(STORAGE_KEY, language);
}

// Some browsers throw on localStorage access in private modes; the choice is then per-visit.
function safeStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export async function setupI18n(language: UiLanguage = initialLanguage()): Promise<typeof i18next> {
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, kn: { translation: kn } },
    lng: language,
    fallbackLng: 'en',
    supportedLngs: uiLanguages,
    interpolation: { escapeValue: false }, // React escapes already
  });
  document.documentElement.lang = language;
  return i18next;
}
