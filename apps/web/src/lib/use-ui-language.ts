import { useTranslation } from 'react-i18next';
import type { UiLanguage } from './temple-format.ts';

/** The language the devotee chose, re-rendering the caller when it changes. */
export function useUiLanguage(): UiLanguage {
  const { i18n } = useTranslation();
  return i18n.resolvedLanguage === 'kn' ? 'kn' : 'en';
}
