import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { rememberLanguage, uiLanguages } from '../../lib/i18n.ts';
import type { UiLanguage } from '../../lib/temple-format.ts';

// Each language is named in itself, so a devotee who cannot read the current one still finds theirs.
const names: Record<UiLanguage, string> = { en: 'English', kn: 'ಕನ್ನಡ' };

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = i18n.resolvedLanguage;

  const choose = (language: UiLanguage) => {
    rememberLanguage(language);
    void i18n.changeLanguage(language);
  };

  return (
    <Group gap={6} role="group" aria-label={t('app.languageLabel')} wrap="wrap">
      {uiLanguages.map((language) => {
        const active = current === language;
        return (
          <Button
            key={language}
            lang={language}
            size="sm"
            radius="xl"
            variant={active ? 'filled' : 'outline'}
            color="saffron.2"
            c={active ? 'maroon.9' : 'saffron.1'}
            aria-pressed={active}
            onClick={() => choose(language)}
          >
            {names[language]}
          </Button>
        );
      })}
    </Group>
  );
}
