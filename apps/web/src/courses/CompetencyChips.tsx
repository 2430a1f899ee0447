import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import { competencyName, useFramework } from './framework';
import type { CompetencyTag } from './model';

type Props = {
  /** Codes alone (a course's) or tags with a level (a lesson's). */
  items: ReadonlyArray<string | CompetencyTag>;
  label: string;
};

/** Competencies as small labelled chips: "4.2 Bảo vệ dữ liệu cá nhân… · bậc 2", with the framework's names. */
export function CompetencyChips({ items, label }: Props) {
  const { t } = useTranslation();
  const framework = useFramework();
  const language = currentLanguage();
  if (items.length === 0) return null;
  const loaded = framework.state === 'ready' ? framework.framework : null;
  return (
    <ul className="chips" aria-label={label}>
      {items.map((item) => {
        const code = typeof item === 'string' ? item : item.code;
        const name = competencyName(loaded, code, language) ?? '';
        const key = typeof item === 'string' ? code : `${code}:${item.level}`;
        return (
          <li key={key} className="chip" data-code={code}>
            <span className="chip__code">{code}</span> {name}
            {typeof item !== 'string' && <span className="chip__level"> · {t('competency.levelShort', { level: item.level })}</span>}
          </li>
        );
      })}
    </ul>
  );
}
