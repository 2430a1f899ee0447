import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigation, useSearchParams } from 'react-router-dom';
import { api } from '../api/client';
import { call } from '../api/call';
import { SelectField, TextField } from '../components/Fields';
import { PageTitle } from '../components/PageTitle';
import { currentLanguage } from '../i18n';
import { CompetencyChips } from './CompetencyChips';
import { levelLabel, useFramework } from './framework';
import { AUDIENCES, GRADES, gradesText, isAudience, summaryOf, titleOf, type Audience, type CatalogItem } from './model';

const PAGE_SIZE = 12;

type Listing = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; items: CatalogItem[]; total: number };

const intParam = (value: string | null, min: number, max: number): number | null => {
  const n = Number(value);
  return value !== null && Number.isInteger(n) && n >= min && n <= max ? n : null;
};

/** /khoa-hoc: the public catalogue of published courses: search as you type, filters, pages. The query lives in the address. */
export function CatalogPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const framework = useFramework();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const audienceParam = params.get('audience') ?? '';
  const audience: Audience | '' = isAudience(audienceParam) ? audienceParam : '';
  const grade = intParam(params.get('grade'), 1, 12);
  const competency = /^\d\.\d$/.test(params.get('competency') ?? '') ? (params.get('competency') as string) : '';
  const level = intParam(params.get('level'), 1, 8);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [text, setText] = useState(q);
  const [listing, setListing] = useState<Listing>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const typing = useRef<number | undefined>(undefined);
  const resultsRef = useRef<HTMLHeadingElement>(null);
  // Leaving for another page (a course's page loads its code first): a search typed just before
  // must not pull the user back here when its pause ends.
  const navigation = useNavigation();
  const leaving = useRef(false);
  leaving.current = navigation.state !== 'idle' && navigation.location.pathname !== '/khoa-hoc';
  useEffect(() => {
    if (leaving.current) window.clearTimeout(typing.current);
  }, [navigation.state]);

  const update = (change: Record<string, string | null>, resetPage = true) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(change)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (resetPage) next.delete('page');
    setParams(next, { replace: true });
  };

  const onText = (value: string) => {
    setText(value);
    window.clearTimeout(typing.current);
    typing.current = window.setTimeout(() => {
      if (!leaving.current) update({ q: value.trim() || null });
    }, 350);
  };
  useEffect(() => () => window.clearTimeout(typing.current), []);

  useEffect(() => {
    let live = true;
    setListing((now) => (now.state === 'ready' ? now : { state: 'loading' }));
    const query = {
      page,
      pageSize: PAGE_SIZE,
      ...(q ? { q } : {}),
      ...(audience ? { audience } : {}),
      ...(grade !== null ? { grade } : {}),
      ...(competency ? { competency } : {}),
      ...(level !== null ? { level } : {}),
    };
    void call(api.GET('/api/v1/catalog/courses', { params: { query } })).then((result) => {
      if (!live) return;
      setListing(result.ok ? { state: 'ready', items: result.data.items, total: result.data.total } : { state: 'error', message: result.message });
    });
    return () => {
      live = false;
    };
  }, [q, audience, grade, competency, level, page, attempt]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    window.clearTimeout(typing.current);
    update({ q: text.trim() || null });
    resultsRef.current?.focus();
  };

  const filtered = Boolean(q || audience || grade !== null || competency || level !== null);
  const clear = () => {
    window.clearTimeout(typing.current);
    setText('');
    setParams(new URLSearchParams(), { replace: true });
  };
  const pages = listing.state === 'ready' ? Math.max(1, Math.ceil(listing.total / PAGE_SIZE)) : 1;
  const goTo = (n: number) => {
    update({ page: n > 1 ? String(n) : null }, false);
    resultsRef.current?.focus();
  };
  const loaded = framework.state === 'ready' ? framework.framework : null;

  return (
    <>
      <PageTitle page={t('catalog.title')} />
      <h1 tabIndex={-1}>{t('catalog.heading')}</h1>
      <p className="hero__lead">{t('catalog.intro')}</p>
      <form className="filters filters--catalog" role="search" aria-label={t('catalog.searchLabel')} onSubmit={submit}>
        <div className="filters__search">
          <TextField label={t('catalog.search')} hint={t('catalog.searchHint')} type="search" value={text} onChange={onText} autoComplete="off" maxLength={100} name="q" />
        </div>
        <SelectField label={t('catalog.audience')} value={audience} onChange={(value) => update({ audience: value || null })}>
          <option value="">{t('catalog.anyAudience')}</option>
          {AUDIENCES.map((a) => (
            <option key={a} value={a}>
              {t(`audiences.${a}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('catalog.grade')} value={grade === null ? '' : String(grade)} onChange={(value) => update({ grade: value || null })}>
          <option value="">{t('catalog.anyGrade')}</option>
          {GRADES.map((g) => (
            <option key={g} value={g}>
              {t('catalog.gradeOption', { grade: g })}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('catalog.competency')} value={competency} onChange={(value) => update({ competency: value || null })}>
          <option value="">{t('catalog.anyCompetency')}</option>
          {loaded?.domains.map((domain) => (
            <optgroup key={domain.code} label={t('competency.domainOption', { code: domain.code, name: language === 'en' ? domain.nameEn : domain.nameVi })}>
              {domain.competencies.map((c) => (
                <option key={c.code} value={c.code}>
                  {t('competency.competencyOption', { code: c.code, name: language === 'en' ? c.nameEn : c.nameVi })}
                </option>
              ))}
            </optgroup>
          ))}
        </SelectField>
        <SelectField label={t('catalog.level')} value={level === null ? '' : String(level)} onChange={(value) => update({ level: value || null })}>
          <option value="">{t('catalog.anyLevel')}</option>
          {loaded?.levels.map((l) => (
            <option key={l.id} value={l.id}>
              {levelLabel(l, language, t)}
            </option>
          ))}
        </SelectField>
        <div className="filters__submit">
          <button type="submit" className="button">
            {t('catalog.submit')}
          </button>
          {filtered && (
            <button type="button" className="button button--secondary" onClick={clear}>
              {t('catalog.clear')}
            </button>
          )}
        </div>
      </form>
      <h2 ref={resultsRef} tabIndex={-1}>
        {t('catalog.results')}
      </h2>
      <p role="status" data-testid="catalog-count">
        {listing.state === 'ready' ? t('catalog.count', { count: listing.total }) : listing.state === 'loading' ? t('catalog.loading') : ''}
      </p>
      {listing.state === 'error' && (
        <div className="form-error" data-testid="catalog-error">
          <p>{listing.message}</p>
          <button type="button" className="button button--secondary" onClick={() => setAttempt((n) => n + 1)}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {listing.state === 'ready' && listing.items.length === 0 && <p className="notice">{filtered ? t('catalog.none') : t('catalog.empty')}</p>}
      {listing.state === 'ready' && listing.items.length > 0 && (
        <ul className="course-cards" data-testid="catalog-results">
          {listing.items.map((item) => (
            <li key={item.id} className="course-card">
              <h3 className="course-card__title">
                <Link to={`/khoa-hoc/${item.id}`}>{titleOf(item, language)}</Link>
              </h3>
              <p className="course-card__summary">{summaryOf(item, language)}</p>
              <dl className="course-card__facts">
                {item.ownerUnitName && (
                  <div>
                    <dt>{t('courseFacts.owner')}</dt>
                    <dd>{item.ownerUnitName}</dd>
                  </div>
                )}
                <div>
                  <dt>{t('courseFacts.grades')}</dt>
                  <dd>{gradesText(item.gradeMin, item.gradeMax, t)}</dd>
                </div>
                {item.estimatedMinutes !== null && (
                  <div>
                    <dt>{t('courseFacts.minutes')}</dt>
                    <dd>{t('courseFacts.minutesValue', { count: item.estimatedMinutes })}</dd>
                  </div>
                )}
                <div>
                  <dt>{t('courseFacts.lessons')}</dt>
                  <dd>{t('courseFacts.lessonsValue', { count: item.lessonCount })}</dd>
                </div>
                {item.audiences.length > 0 && (
                  <div>
                    <dt>{t('courseFacts.audiences')}</dt>
                    <dd>{item.audiences.map((a) => (isAudience(a) ? t(`audiences.${a}`) : a)).join(', ')}</dd>
                  </div>
                )}
              </dl>
              <CompetencyChips items={item.competencyCodes} label={t('courseFacts.competenciesOf', { title: titleOf(item, language) })} />
            </li>
          ))}
        </ul>
      )}
      {listing.state === 'ready' && pages > 1 && (
        <nav className="pager" aria-label={t('catalog.pager')}>
          <button type="button" className="button button--secondary" disabled={page <= 1} onClick={() => goTo(page - 1)}>
            {t('catalog.previous')}
          </button>
          <span className="pager__where">{t('catalog.pageOf', { page, pages })}</span>
          <button type="button" className="button button--secondary" disabled={page >= pages} onClick={() => goTo(page + 1)}>
            {t('catalog.next')}
          </button>
        </nav>
      )}
    </>
  );
}
