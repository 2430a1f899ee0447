import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../api/client';
import { call } from '../api/call';
import { SelectField, TextField } from '../components/Fields';
import { PageTitle } from '../components/PageTitle';
import { ROLES, usePermissions, type Role } from '../session/permissions';
import { NoAccess } from './NoAccess';
import { roleLine, USER_STATUSES, type PersonSummary, type UserStatus } from './people';
import type { OrgUnit } from './units';

const PAGE_SIZE = 20;

type Listing = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; items: PersonSummary[]; total: number; page: number };

const isRole = (value: string | null): value is Role => value !== null && (ROLES as readonly string[]).includes(value);
const isStatus = (value: string | null): value is UserStatus => value !== null && (USER_STATUSES as readonly string[]).includes(value);

/** /quan-tri/nguoi-dung: accounts within the user's reach: search, filters, pages. The filters live in the address. */
export function UsersPage() {
  const { t } = useTranslation();
  const perms = usePermissions();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const role = isRole(params.get('role')) ? (params.get('role') as Role) : '';
  const status = isStatus(params.get('status')) ? (params.get('status') as UserStatus) : '';
  const unitId = params.get('unitId');
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [text, setText] = useState(q);
  const [listing, setListing] = useState<Listing>({ state: 'loading' });
  const [unit, setUnit] = useState<OrgUnit | null>(null);
  const typing = useRef<number | undefined>(undefined);
  const resultsRef = useRef<HTMLHeadingElement>(null);

  const update = (change: Record<string, string | null>, resetPage = true) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(change)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (resetPage) next.delete('page');
    setParams(next, { replace: true });
  };

  // Search as you type, once typing pauses.
  const onText = (value: string) => {
    setText(value);
    window.clearTimeout(typing.current);
    typing.current = window.setTimeout(() => update({ q: value.trim() || null }), 350);
  };
  useEffect(() => () => window.clearTimeout(typing.current), []);

  useEffect(() => {
    let live = true;
    setListing((now) => (now.state === 'ready' ? now : { state: 'loading' }));
    void call(
      api.GET('/api/v1/users', {
        params: { query: { page, pageSize: PAGE_SIZE, ...(q ? { q } : {}), ...(role ? { role } : {}), ...(status ? { status } : {}), ...(unitId ? { unitId } : {}) } },
      }),
    ).then((result) => {
      if (!live) return;
      setListing(result.ok ? { state: 'ready', items: result.data.items, total: result.data.total, page: result.data.page } : { state: 'error', message: result.message });
    });
    return () => {
      live = false;
    };
  }, [q, role, status, unitId, page]);

  useEffect(() => {
    if (!unitId) {
      setUnit(null);
      return;
    }
    let live = true;
    void call(api.GET('/api/v1/org/units/{unitId}', { params: { path: { unitId } } })).then((result) => {
      if (live && result.ok) setUnit(result.data);
    });
    return () => {
      live = false;
    };
  }, [unitId]);

  if (!perms.has('user.read')) return <NoAccess />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    window.clearTimeout(typing.current);
    update({ q: text.trim() || null });
    resultsRef.current?.focus();
  };

  const pages = listing.state === 'ready' ? Math.max(1, Math.ceil(listing.total / PAGE_SIZE)) : 1;
  const goTo = (n: number) => {
    update({ page: n > 1 ? String(n) : null }, false);
    resultsRef.current?.focus();
  };

  return (
    <>
      <PageTitle page={t('people.title')} />
      <h1 tabIndex={-1}>{t('people.heading')}</h1>
      <p>{t('people.intro')}</p>
      {perms.has('user.manage') && (
        <p>
          <Link to="/quan-tri/nguoi-dung/tao-moi" className="button">
            {t('people.create')}
          </Link>
        </p>
      )}
      <form className="filters" role="search" aria-label={t('people.searchLabel')} onSubmit={submit}>
        <TextField label={t('people.search')} hint={t('people.searchHint')} type="search" value={text} onChange={onText} autoComplete="off" maxLength={100} name="q" />
        <SelectField label={t('people.role')} value={role} onChange={(value) => update({ role: value || null })}>
          <option value="">{t('people.anyRole')}</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('people.status')} value={status} onChange={(value) => update({ status: value || null })}>
          <option value="">{t('people.anyStatus')}</option>
          {USER_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`people.statuses.${s}`)}
            </option>
          ))}
        </SelectField>
        <div className="filters__submit">
          <button type="submit" className="button">
            {t('people.searchSubmit')}
          </button>
        </div>
      </form>
      {unitId && (
        <p className="notice filter-note">
          {unit ? t('people.inUnit', { name: unit.name }) : t('people.inSomeUnit')}{' '}
          <button type="button" className="button button--secondary button--small" onClick={() => update({ unitId: null })}>
            {t('people.clearUnit')}
          </button>
        </p>
      )}
      <h2 ref={resultsRef} tabIndex={-1}>
        {t('people.results')}
      </h2>
      <p role="status" data-testid="people-count">
        {listing.state === 'ready' ? t('people.count', { total: listing.total }) : listing.state === 'loading' ? t('common.loading') : ''}
      </p>
      {listing.state === 'error' && <p className="form-error">{listing.message}</p>}
      {listing.state === 'ready' && listing.items.length === 0 && <p>{t('people.none')}</p>}
      {listing.state === 'ready' && listing.items.length > 0 && (
        <ul className="people" data-testid="people-list">
          {listing.items.map((person) => (
            <li key={person.id} className="person-card">
              <Link to={`/quan-tri/nguoi-dung/${person.id}`} className="person-card__name">
                {person.displayName}
              </Link>
              <p className="person-card__meta">
                <span>
                  {t('people.usernameShort')}: <span className="mono">{person.username}</span>
                </span>
                {person.personCode && (
                  <span>
                    {' · '}
                    {t('people.codeShort')}: <span className="mono">{person.personCode}</span>
                  </span>
                )}
              </p>
              {person.roles.length > 0 && (
                <ul className="person-card__roles">
                  {person.roles.map((r) => (
                    <li key={r.id}>{roleLine(r, t)}</li>
                  ))}
                </ul>
              )}
              <p className={`badge badge--${person.status}`}>{t(`people.statuses.${person.status}`)}</p>
            </li>
          ))}
        </ul>
      )}
      {listing.state === 'ready' && pages > 1 && (
        <nav className="pager" aria-label={t('people.pager')}>
          <button type="button" className="button button--secondary" disabled={page <= 1} onClick={() => goTo(page - 1)}>
            {t('people.previous')}
          </button>
          <span className="pager__where">{t('people.pageOf', { page, pages })}</span>
          <button type="button" className="button button--secondary" disabled={page >= pages} onClick={() => goTo(page + 1)}>
            {t('people.next')}
          </button>
        </nav>
      )}
    </>
  );
}
