import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api } from '../api/client';
import { call, type Outcome } from '../api/call';
import { Checkbox, FormAlert, SelectField } from '../components/Fields';
import { useAlert } from '../components/form-helpers';
import { PageTitle } from '../components/PageTitle';
import { usePermissions, type Role, type UnitType } from '../session/permissions';
import { useSession } from '../session/session';
import { NoAccess } from './NoAccess';
import { OneTimeCodeBox } from './OneTimeCodeBox';
import { formatDate, roleLine, type Person } from './people';
import { PersonSearch } from './PersonSearch';
import { UnitPicker } from './UnitPicker';
import type { OrgUnit } from './units';

type Loaded = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; person: Person };
type Ask = { kind: 'revoke'; id: string } | { kind: 'reset' } | { kind: 'disable' } | { kind: 'unlink'; parentId: string; childId: string } | null;

function GrantRoleForm({ person, onDone }: { person: Person; onDone(person: Person, message: string): void }) {
  const { t } = useTranslation();
  const perms = usePermissions();
  const [role, setRole] = useState<Role | ''>('');
  const [unit, setUnit] = useState<OrgUnit | null>(null);
  const [everywhere, setEverywhere] = useState(false);
  const [errors, setErrors] = useState<{ role?: string; unit?: string }>({});
  const [alert, showAlert] = useAlert();
  const [busy, setBusy] = useState(false);
  const unitTypes = role ? perms.unitTypesOf(role) : [];
  const pickable = unitTypes.filter((type): type is UnitType => type !== null);
  const mayBeEverywhere = unitTypes.includes(null) && perms.everywhere;
  const onlyEverywhere = role !== '' && pickable.length === 0;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const unitless = onlyEverywhere || (mayBeEverywhere && everywhere);
    const found = { role: role ? undefined : t('createUser.errors.role'), unit: role && !unitless && !unit ? t('createUser.errors.unit') : undefined };
    setErrors(found);
    if (found.role || found.unit || !role) return;
    setBusy(true);
    const result = await call(api.POST('/api/v1/users/{userId}/roles', { params: { path: { userId: person.id } }, body: { role, unitId: unitless ? null : (unit?.id ?? null) } }));
    setBusy(false);
    if (result.ok) {
      onDone(result.data, t('userDetail.roleGranted', { role: t(`roles.${role}`) }));
      setRole('');
      setUnit(null);
    } else showAlert(result.message);
  };

  return (
    <form className="form panel-form narrow" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy} aria-labelledby="grant-heading">
      <h3 id="grant-heading" className="panel-form__heading">
        {t('userDetail.grantHeading')}
      </h3>
      <FormAlert message={alert?.text ?? null} attempt={alert?.n} />
      <SelectField
        label={t('createUser.role')}
        value={role}
        onChange={(value) => {
          setRole(value as Role | '');
          setUnit(null);
          setEverywhere(false);
        }}
        error={errors.role}
      >
        <option value="">{t('common.choose')}</option>
        {perms.grantable.map((r) => (
          <option key={r} value={r}>
            {t(`roles.${r}`)}
          </option>
        ))}
      </SelectField>
      {role && mayBeEverywhere && !onlyEverywhere && <Checkbox label={t('createUser.everywhere')} checked={everywhere} onChange={setEverywhere} />}
      {onlyEverywhere && <p className="notice">{t('createUser.onlyEverywhere')}</p>}
      {role && pickable.length > 0 && !(mayBeEverywhere && everywhere) && (
        <UnitPicker
          key={role}
          legend={t('createUser.unit')}
          hint={t('createUser.unitHint', { kinds: pickable.map((type) => t(`units.typesPlain.${type}`)).join(t('common.or')) })}
          allowed={pickable}
          onChange={setUnit}
          error={errors.unit}
        />
      )}
      <button type="submit" className="button" aria-disabled={busy || undefined}>
        {busy ? t('common.saving') : t('userDetail.grant')}
      </button>
    </form>
  );
}

/** /quan-tri/nguoi-dung/:userId: one account: details, roles, sign-in code, lock, parent–child links. */
export function UserDetailPage() {
  const { t, i18n } = useTranslation();
  const { userId = '' } = useParams();
  const perms = usePermissions();
  const session = useSession();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [ask, setAsk] = useState<Ask>(null);
  const [code, setCode] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ text: string; n: number } | null>(null);
  const [alert, showAlert] = useAlert();
  const count = useRef(0);

  const say = (text: string) => setNotice({ text, n: ++count.current });

  const load = useCallback(async () => {
    const result = await call(api.GET('/api/v1/users/{userId}', { params: { path: { userId } } }));
    setLoaded(result.ok ? { state: 'ready', person: result.data } : { state: 'error', message: result.message });
  }, [userId]);

  useEffect(() => {
    setLoaded({ state: 'loading' });
    setCode(null);
    setAsk(null);
    void load();
  }, [load]);

  if (!perms.has('user.read')) return <NoAccess />;

  if (loaded.state !== 'ready') {
    return (
      <>
        <PageTitle page={t('userDetail.title')} />
        <h1 tabIndex={-1}>{t('userDetail.title')}</h1>
        {loaded.state === 'loading' ? <p className="loading">{t('common.loading')}</p> : <p className="form-error">{loaded.message}</p>}
        <p>
          <Link to="/quan-tri/nguoi-dung" className="button button--secondary">
            {t('userDetail.back')}
          </Link>
        </p>
      </>
    );
  }

  const person = loaded.person;
  const manage = perms.has('user.manage');
  const self = session.status === 'signed-in' && session.profile.id === person.id;
  const isParent = person.roles.some((r) => r.role === 'parent');
  const isStudent = person.roles.some((r) => r.role === 'student');

  /** Runs a change; on success shows the new state and says what happened. */
  const act = async <T,>(request: Promise<Outcome<T>>, done: (data: T) => string) => {
    if (busy) return;
    setBusy(true);
    showAlert(null);
    const result = await request;
    setBusy(false);
    setAsk(null);
    if (!result.ok) {
      showAlert(result.message);
      return;
    }
    say(done(result.data));
  };

  const path = { params: { path: { userId: person.id } } };
  const revoke = (id: string) =>
    act(call(api.DELETE('/api/v1/users/{userId}/roles/{assignmentId}', { params: { path: { userId: person.id, assignmentId: id } } })), (p) => {
      setLoaded({ state: 'ready', person: p });
      return t('userDetail.roleRevoked');
    });
  const reset = () =>
    act(call(api.POST('/api/v1/users/{userId}/one-time-code', path)), (data) => {
      setCode(data.oneTimeCode);
      void load();
      return t('userDetail.codeReset');
    });
  const setStatus = (status: 'active' | 'disabled') =>
    act(call(api.PATCH('/api/v1/users/{userId}', { ...path, body: { status } })), (p) => {
      setLoaded({ state: 'ready', person: p });
      return status === 'disabled' ? t('userDetail.disabled') : t('userDetail.enabled');
    });
  const link = (parentId: string, childId: string, name: string) =>
    act(call(api.POST('/api/v1/users/{userId}/children', { params: { path: { userId: parentId } }, body: { childId } })), () => {
      void load();
      return t('userDetail.linked', { name });
    });
  const unlink = (parentId: string, childId: string) =>
    act(call(api.DELETE('/api/v1/users/{userId}/children/{childId}', { params: { path: { userId: parentId, childId } } })), () => {
      void load();
      return t('userDetail.unlinked');
    });

  const confirmRow = (question: string, yes: string, onYes: () => void) => (
    <div className="confirm" role="group" aria-label={question}>
      <p className="confirm__question">{question}</p>
      <div className="actions">
        <button type="button" className="button button--danger" onClick={onYes} aria-disabled={busy || undefined} autoFocus>
          {yes}
        </button>
        <button type="button" className="button button--secondary" onClick={() => setAsk(null)}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );

  return (
    <>
      <PageTitle page={person.displayName} />
      <p className="breadcrumb">
        <Link to="/quan-tri/nguoi-dung">{t('userDetail.back')}</Link>
      </p>
      <h1 tabIndex={-1}>{person.displayName}</h1>
      <p className={`badge badge--${person.status}`} data-testid="user-status">
        {t(`people.statuses.${person.status}`)}
      </p>
      <div role="status" className="form-alert" data-testid="user-notice">
        {notice && (
          <p key={notice.n} className="notice notice--ok">
            {notice.text}
          </p>
        )}
      </div>
      <FormAlert message={alert?.text ?? null} attempt={alert?.n} testId="user-error" />

      {code && <OneTimeCodeBox heading={t('oneTimeCode.newHeading')} displayName={person.displayName} username={person.username} code={code} />}

      <dl className="details">
        <div className="details__row">
          <dt>{t('account.username')}</dt>
          <dd className="mono">{person.username}</dd>
        </div>
        {person.personCode && (
          <div className="details__row">
            <dt>{t('userDetail.personCode')}</dt>
            <dd className="mono">{person.personCode}</dd>
          </div>
        )}
        <div className="details__row">
          <dt>{t('account.phone')}</dt>
          <dd>{person.phone ?? t('account.none')}</dd>
        </div>
        <div className="details__row">
          <dt>{t('account.email')}</dt>
          <dd>{person.email ?? t('account.none')}</dd>
        </div>
        {person.dateOfBirth && (
          <div className="details__row">
            <dt>{t('createUser.dateOfBirth')}</dt>
            <dd>{formatDate(person.dateOfBirth, i18n.language)}</dd>
          </div>
        )}
        <div className="details__row">
          <dt>{t('userDetail.signIn')}</dt>
          <dd>
            {person.mustChangePassword ? t('userDetail.mustChange') : t('userDetail.hasPassword')}
            {' · '}
            {person.lastLoginAt ? t('userDetail.lastLogin', { time: formatDate(person.lastLoginAt, i18n.language, true) }) : t('userDetail.neverSignedIn')}
          </dd>
        </div>
        <div className="details__row">
          <dt>{t('userDetail.created')}</dt>
          <dd>{formatDate(person.createdAt, i18n.language, true)}</dd>
        </div>
      </dl>

      <section aria-labelledby="roles-heading">
        <h2 id="roles-heading">{t('userDetail.rolesHeading')}</h2>
        {person.roles.length === 0 ? (
          <p>{t('account.noRoles')}</p>
        ) : (
          <ul className="item-list" data-testid="user-roles">
            {person.roles.map((r) => (
              <li key={r.id} className="item-list__item">
                <span>{roleLine(r, t)}</span>
                {manage && ask?.kind === 'revoke' && ask.id === r.id
                  ? confirmRow(t('userDetail.revokeQuestion', { role: roleLine(r, t) }), t('userDetail.revoke'), () => void revoke(r.id))
                  : manage && (
                      <button type="button" className="button button--secondary" onClick={() => setAsk({ kind: 'revoke', id: r.id })} aria-label={t('userDetail.revokeLabel', { role: roleLine(r, t) })}>
                        {t('userDetail.revoke')}
                      </button>
                    )}
              </li>
            ))}
          </ul>
        )}
        {manage && (
          <GrantRoleForm
            person={person}
            onDone={(p, message) => {
              setLoaded({ state: 'ready', person: p });
              say(message);
            }}
          />
        )}
      </section>

      {manage && !self && (
        <section aria-labelledby="access-heading">
          <h2 id="access-heading">{t('userDetail.accessHeading')}</h2>
          <p>{t('userDetail.resetExplain')}</p>
          {ask?.kind === 'reset' ? (
            confirmRow(t('userDetail.resetQuestion', { name: person.displayName }), t('userDetail.resetConfirm'), () => void reset())
          ) : (
            <p>
              <button type="button" className="button" onClick={() => setAsk({ kind: 'reset' })}>
                {t('userDetail.reset')}
              </button>
            </p>
          )}
          {person.status === 'disabled' || person.status === 'locked' ? (
            <>
              <p>{person.status === 'locked' ? t('userDetail.lockedExplain') : t('userDetail.disabledExplain')}</p>
              <p>
                <button type="button" className="button" onClick={() => void setStatus('active')} aria-disabled={busy || undefined}>
                  {t('userDetail.enable')}
                </button>
              </p>
            </>
          ) : person.status === 'active' ? (
            <>
              <p>{t('userDetail.disableExplain')}</p>
              {ask?.kind === 'disable' ? (
                confirmRow(t('userDetail.disableQuestion', { name: person.displayName }), t('userDetail.disable'), () => void setStatus('disabled'))
              ) : (
                <p>
                  <button type="button" className="button button--secondary button--danger-outline" onClick={() => setAsk({ kind: 'disable' })}>
                    {t('userDetail.disable')}
                  </button>
                </p>
              )}
            </>
          ) : null}
        </section>
      )}

      {(isParent || person.children.length > 0) && (
        <section aria-labelledby="children-heading">
          <h2 id="children-heading">{t('userDetail.childrenHeading')}</h2>
          {person.children.length === 0 ? (
            <p>{t('userDetail.noChildren')}</p>
          ) : (
            <ul className="item-list" data-testid="user-children">
              {person.children.map((child) => (
                <li key={child.id} className="item-list__item">
                  <Link to={`/quan-tri/nguoi-dung/${child.id}`}>{child.displayName}</Link>
                  {manage &&
                    (ask?.kind === 'unlink' && ask.childId === child.id && ask.parentId === person.id ? (
                      confirmRow(t('userDetail.unlinkQuestion', { a: person.displayName, b: child.displayName }), t('userDetail.unlink'), () => void unlink(person.id, child.id))
                    ) : (
                      <button type="button" className="button button--secondary" onClick={() => setAsk({ kind: 'unlink', parentId: person.id, childId: child.id })} aria-label={t('userDetail.unlinkLabel', { name: child.displayName })}>
                        {t('userDetail.unlink')}
                      </button>
                    ))}
                </li>
              ))}
            </ul>
          )}
          {manage && isParent && (
            <PersonSearch
              label={t('userDetail.findChild')}
              role="student"
              exclude={[person.id, ...person.children.map((c) => c.id)]}
              actionLabel={(p) => t('userDetail.linkAs', { name: p.displayName })}
              onPick={(p) => void link(person.id, p.id, p.displayName)}
              busy={busy}
            />
          )}
        </section>
      )}

      {(isStudent || person.parents.length > 0) && (
        <section aria-labelledby="parents-heading">
          <h2 id="parents-heading">{t('userDetail.parentsHeading')}</h2>
          {person.parents.length === 0 ? (
            <p>{t('userDetail.noParents')}</p>
          ) : (
            <ul className="item-list" data-testid="user-parents">
              {person.parents.map((parent) => (
                <li key={parent.id} className="item-list__item">
                  <span>
                    <Link to={`/quan-tri/nguoi-dung/${parent.id}`}>{parent.displayName}</Link>
                    {parent.phone && <span className="mono"> · {parent.phone}</span>}
                  </span>
                  {manage &&
                    (ask?.kind === 'unlink' && ask.parentId === parent.id && ask.childId === person.id ? (
                      confirmRow(t('userDetail.unlinkQuestion', { a: parent.displayName, b: person.displayName }), t('userDetail.unlink'), () => void unlink(parent.id, person.id))
                    ) : (
                      <button type="button" className="button button--secondary" onClick={() => setAsk({ kind: 'unlink', parentId: parent.id, childId: person.id })} aria-label={t('userDetail.unlinkLabel', { name: parent.displayName })}>
                        {t('userDetail.unlink')}
                      </button>
                    ))}
                </li>
              ))}
            </ul>
          )}
          {manage && isStudent && (
            <PersonSearch
              label={t('userDetail.findParent')}
              role="parent"
              exclude={[person.id, ...person.parents.map((p) => p.id)]}
              actionLabel={(p) => t('userDetail.linkAs', { name: p.displayName })}
              onPick={(p) => void link(p.id, person.id, p.displayName)}
              busy={busy}
            />
          )}
        </section>
      )}
    </>
  );
}
