import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../api/client';
import { call } from '../api/call';
import { FormAlert } from '../components/Fields';
import { useAlert } from '../components/form-helpers';
import { PageTitle } from '../components/PageTitle';
import { usePermissions } from '../session/permissions';
import { NoAccess } from './NoAccess';
import { roleLine, type PersonSummary } from './people';
import { useRegistrationMode } from '../api/registration';

type Listing = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; items: PersonSummary[]; total: number };

/** /quan-tri/dang-ky: parents and community learners who registered and wait for the school's answer. */
export function RegistrationsPage() {
  const { t } = useTranslation();
  const perms = usePermissions();
  const mode = useRegistrationMode();
  const [listing, setListing] = useState<Listing>({ state: 'loading' });
  const [asking, setAsking] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [alert, showAlert] = useAlert();
  const [notice, setNotice] = useState<{ text: string; n: number } | null>(null);
  const count = useRef(0);

  const load = useCallback(async () => {
    const result = await call(api.GET('/api/v1/users', { params: { query: { status: 'pending', pageSize: 100 } } }));
    setListing(result.ok ? { state: 'ready', items: result.data.items, total: result.data.total } : { state: 'error', message: result.message });
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  if (!perms.has('registration.review')) return <NoAccess />;

  const decide = async (person: PersonSummary, accept: boolean) => {
    if (busy) return;
    setBusy(person.id);
    showAlert(null);
    const path = { params: { path: { userId: person.id } } };
    const result = await call(accept ? api.POST('/api/v1/registration/{userId}/approve', path) : api.POST('/api/v1/registration/{userId}/reject', path));
    setBusy(null);
    setAsking(null);
    if (!result.ok) {
      showAlert(result.message);
      return;
    }
    setNotice({ text: accept ? t('registrations.approved', { name: person.displayName }) : t('registrations.rejected', { name: person.displayName }), n: ++count.current });
    setListing((now) => (now.state === 'ready' ? { ...now, items: now.items.filter((p) => p.id !== person.id), total: now.total - 1 } : now));
    document.getElementById('registrations-heading')?.focus();
  };

  return (
    <>
      <PageTitle page={t('registrations.title')} />
      <h1 tabIndex={-1} id="registrations-heading">
        {t('registrations.heading')}
      </h1>
      <p>{mode === 'off' ? t('registrations.modeOff') : t('registrations.intro')}</p>
      <div role="status" className="form-alert" data-testid="registrations-notice">
        {notice && (
          <p key={notice.n} className="notice notice--ok">
            {notice.text}
          </p>
        )}
      </div>
      <FormAlert message={alert?.text ?? null} attempt={alert?.n} />
      {listing.state === 'loading' && <p className="loading">{t('common.loading')}</p>}
      {listing.state === 'error' && <p className="form-error">{listing.message}</p>}
      {listing.state === 'ready' && listing.items.length === 0 && <p data-testid="registrations-empty">{t('registrations.none')}</p>}
      {listing.state === 'ready' && listing.items.length > 0 && (
        <>
          <p>{t('registrations.count', { total: listing.total })}</p>
          <ul className="people" data-testid="registrations-list">
            {listing.items.map((person) => (
              <li key={person.id} className="person-card">
                <Link to={`/quan-tri/nguoi-dung/${person.id}`} className="person-card__name">
                  {person.displayName}
                </Link>
                <p className="person-card__meta">
                  {t('people.usernameShort')}: <span className="mono">{person.username}</span>
                </p>
                <ul className="person-card__roles">
                  {person.roles.map((r) => (
                    <li key={r.id}>{roleLine(r, t)}</li>
                  ))}
                </ul>
                {asking === person.id ? (
                  <div className="confirm" role="group" aria-label={t('registrations.rejectQuestion', { name: person.displayName })}>
                    <p className="confirm__question">{t('registrations.rejectQuestion', { name: person.displayName })}</p>
                    <div className="actions">
                      <button type="button" className="button button--danger" onClick={() => void decide(person, false)} aria-disabled={busy !== null || undefined} autoFocus>
                        {t('registrations.rejectConfirm')}
                      </button>
                      <button type="button" className="button button--secondary" onClick={() => setAsking(null)}>
                        {t('common.cancel')}
                      </button>
                    </div>
                  </div>
                ) : (
                  <div className="actions">
                    <button
                      type="button"
                      className="button"
                      onClick={() => void decide(person, true)}
                      aria-disabled={busy !== null || undefined}
                      aria-label={t('registrations.approveLabel', { name: person.displayName })}
                    >
                      {busy === person.id ? t('common.saving') : t('registrations.approve')}
                    </button>
                    <button
                      type="button"
                      className="button button--secondary button--danger-outline"
                      onClick={() => setAsking(person.id)}
                      aria-label={t('registrations.rejectLabel', { name: person.displayName })}
                    >
                      {t('registrations.reject')}
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
