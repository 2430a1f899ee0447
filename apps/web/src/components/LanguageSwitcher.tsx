import { useTranslation } from 'react-i18next';
import { LANGUAGES, currentLanguage } from '../i18n';

/**
 * Two plain buttons, each labelled in its own language (so a reader of either language finds
 * theirs). The choice is remembered on this device and sets <html lang> (see i18n/index.ts).
 */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const active = currentLanguage();
  return (
    <div className="lang-switcher" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((lng) => (
        <button
          key={lng}
          type="button"
          lang={lng}
          className="lang-switcher__button"
          aria-pressed={active === lng}
          onClick={() => {
            if (active !== lng) void i18n.changeLanguage(lng);
          }}
        >
          {t(`language.${lng}`)}
        </button>
      ))}
    </div>
  );
}
