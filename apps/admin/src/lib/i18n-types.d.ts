import type { en } from '../locales/en.ts';

// Lets TypeScript check every t('…') key against the English messages.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
