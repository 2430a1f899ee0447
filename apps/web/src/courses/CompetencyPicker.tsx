import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../components/Fields';
import { currentLanguage } from '../i18n';
import { competencyName, levelLabel, loadCompetency, useFramework } from './framework';
import type { CompetencyDetail, CompetencyTag } from './model';

type Props = {
  value: readonly CompetencyTag[];
  onChange(value: CompetencyTag[]): void;
};

/**
 * Tags a lesson with competencies of TT 02/2025: a domain, then one of its competencies (with the
 * framework's Vietnamese names), then a level 1–8 — with that level's descriptors ("yêu cầu cần
 * đạt") shown as help before it is added.
 */
export function CompetencyPicker({ value, onChange }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const id = useId();
  const framework = useFramework();
  const [domain, setDomain] = useState('');
  const [code, setCode] = useState('');
  const [level, setLevel] = useState('');
  const [detail, setDetail] = useState<{ code: string; data: CompetencyDetail | null; error: string | null } | null>(null);
  const [message, setMessage] = useState<{ text: string; bad: boolean } | null>(null);

  useEffect(() => {
    if (!code) return;
    let live = true;
    void loadCompetency(code).then((result) => {
      if (live) setDetail(result.ok ? { code, data: result.data, error: null } : { code, data: null, error: result.message });
    });
    return () => {
      live = false;
    };
  }, [code]);

  const loaded = framework.state === 'ready' ? framework.framework : null;
  const domainItem = loaded?.domains.find((d) => d.code === domain);
  const descriptors = detail?.code === code && detail.data && level ? (detail.data.levels.find((l) => l.level === Number(level))?.descriptors ?? []) : [];
  const levelItem = loaded?.levels.find((l) => String(l.id) === level);

  const add = () => {
    if (!code || !level) {
      setMessage({ text: t('competency.picker.missing'), bad: true });
      return;
    }
    const tag = { code, level: Number(level) };
    if (value.some((v) => v.code === tag.code && v.level === tag.level)) {
      setMessage({ text: t('competency.picker.already'), bad: true });
      return;
    }
    onChange([...value, tag]);
    setMessage({ text: t('competency.picker.added', { code: tag.code, level: tag.level }), bad: false });
  };

  return (
    <fieldset className="field competency-picker" aria-describedby={`${id}-hint`}>
      <legend className="field__label">{t('competency.picker.legend')}</legend>
      <p className="field__hint" id={`${id}-hint`}>
        {t('competency.picker.hint')}
      </p>
      {framework.state === 'error' && <p className="form-error">{framework.message}</p>}
      <p className="competency-picker__subheading">{t('competency.picker.chosen')}</p>
      {value.length === 0 ? (
        <p className="form-help">{t('competency.picker.none')}</p>
      ) : (
        <ul className="competency-picker__chosen" data-testid="chosen-competencies">
          {value.map((tag) => (
            <li key={`${tag.code}:${tag.level}`} className="competency-picker__item">
              <span>
                <span className="chip__code">{tag.code}</span> {competencyName(loaded, tag.code, language) ?? ''} · {t('competency.levelShort', { level: tag.level })}
              </span>
              <button
                type="button"
                className="button button--secondary button--small"
                aria-label={t('competency.picker.removeLabel', { code: tag.code, level: tag.level })}
                onClick={() => {
                  onChange(value.filter((v) => !(v.code === tag.code && v.level === tag.level)));
                  setMessage({ text: t('competency.picker.removed', { code: tag.code, level: tag.level }), bad: false });
                }}
              >
                {t('competency.picker.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="competency-picker__choose">
        <SelectField
          label={t('competency.picker.domain')}
          value={domain}
          onChange={(next) => {
            setDomain(next);
            setCode('');
            setMessage(null);
          }}
        >
          <option value="">{t('common.choose')}</option>
          {loaded?.domains.map((d) => (
            <option key={d.code} value={d.code}>
              {t('competency.domainOption', { code: d.code, name: language === 'en' ? d.nameEn : d.nameVi })}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('competency.picker.competency')}
          value={code}
          disabled={!domainItem}
          onChange={(next) => {
            setCode(next);
            setMessage(null);
          }}
        >
          <option value="">{t('common.choose')}</option>
          {domainItem?.competencies.map((c) => (
            <option key={c.code} value={c.code}>
              {t('competency.competencyOption', { code: c.code, name: language === 'en' ? c.nameEn : c.nameVi })}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('competency.picker.level')}
          value={level}
          onChange={(next) => {
            setLevel(next);
            setMessage(null);
          }}
        >
          <option value="">{t('common.choose')}</option>
          {loaded?.levels.map((l) => (
            <option key={l.id} value={l.id}>
              {levelLabel(l, language, t)}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="descriptors" aria-live="polite" data-testid="competency-descriptors">
        {code && level && (
          <>
          {detail?.code === code && detail.error && <p className="form-error">{detail.error}</p>}
          {detail?.code !== code && <p className="loading">{t('competency.picker.loadingDescriptors')}</p>}
          {detail?.code === code && detail.data && (
            <>
              <p className="descriptors__heading">
                {t('competency.picker.descriptorsHeading', {
                  code,
                  name: language === 'en' ? detail.data.nameEn : detail.data.nameVi,
                  level: levelItem ? levelLabel(levelItem, language, t) : level,
                })}
              </p>
              {descriptors.length > 0 ? (
                <ul>
                  {descriptors.map((d) => (
                    <li key={d} lang="vi">
                      {d}
                    </li>
                  ))}
                </ul>
              ) : (
                <p>{t('competency.picker.noDescriptors')}</p>
              )}
            </>
          )}
          </>
        )}
      </div>
      <p>
        <button type="button" className="button button--secondary" onClick={add}>
          {t('competency.picker.add')}
        </button>
      </p>
      <p role="status" className={message?.bad ? 'field__error' : 'form-help'}>
        {message?.text ?? ''}
      </p>
    </fieldset>
  );
}
