import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../api/client';
import { call } from '../api/call';
import type { components } from '../api/schema';
import { PageTitle } from '../components/PageTitle';

type Child = components['schemas']['MyChildDto'];
type Loaded = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; items: Child[] };

/** /con-cua-toi: a parent's linked children, each with their class and school. */
export function MyChildrenPage() {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });

  useEffect(() => {
    let live = true;
    void call(api.GET('/api/v1/me/children')).then((result) => {
      if (live) setLoaded(result.ok ? { state: 'ready', items: result.data.items } : { state: 'error', message: result.message });
    });
    return () => {
      live = false;
    };
  }, []);

  return (
    <>
      <PageTitle page={t('children.title')} />
      <h1 tabIndex={-1}>{t('children.heading')}</h1>
      {loaded.state === 'loading' && (
        <p className="loading" role="status">
          {t('common.loading')}
        </p>
      )}
      {loaded.state === 'error' && <p className="form-error">{loaded.message}</p>}
      {loaded.state === 'ready' && loaded.items.length === 0 && <p className="notice">{t('children.none')}</p>}
      {loaded.state === 'ready' && loaded.items.length > 0 && (
        <>
          <p>{t('children.intro')}</p>
          <ul className="cards" data-testid="children-list">
            {loaded.items.map((child) => (
              <li key={child.id} className="card">
                <h2 className="card__title card__title--plain">{child.displayName}</h2>
                <p>
                  {t('children.username')}: <span className="mono">{child.username}</span>
                </p>
                {child.classes.length === 0 ? (
                  <p>{t('children.noClass')}</p>
                ) : (
                  <ul className="details__list">
                    {child.classes.map((c) => (
                      <li key={c.id}>{c.institution ? t('children.classAt', { name: c.name, school: c.institution }) : t('children.class', { name: c.name })}</li>
                    ))}
                  </ul>
                )}
                <p className="card__action">
                  <Link to={`/con-cua-toi/${child.id}`} className="button button--secondary" data-testid="child-learning-link">
                    {t('children.viewLearning', { name: child.displayName })}
                  </Link>
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
