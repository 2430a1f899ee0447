import type { vi } from './locales/vi';

// Typed translation keys: t('status.ready') is checked against the Vietnamese resource.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof vi };
  }
}
