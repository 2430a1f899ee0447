import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../api/client';
import { call } from '../api/call';
import type { components } from '../api/schema';
import { ChoiceGroup, FormAlert, TextField } from '../components/Fields';
import { useAlert, useFocusFirstError } from '../components/form-helpers';
import { PageTitle } from '../components/PageTitle';
import { PasswordField } from '../components/PasswordField';

type Institution = components['schemas']['RegistrationInstitutionDto'];
type Kind = components['schemas']['RegisterDto']['kind'];
type Mode = components['schemas']['RegistrationInfoDto']['mode'];
type Field = 'kind' | 'institution' | 'displayName' | 'username' | 'phone' | 'email' | 'password' | 'confirm';

const USERNAME = /^[A-Za-z0-9._-]{3,64}$/;
const PHONE = /^\+?[0-9 .-]{8,20}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const API_FIELDS: Record<string, Field> = {
  kind: 'kind',
  institutionId: 'institution',
  displayName: 'displayName',
  username: 'username',
  phone: 'phone',
  email: 'email',
  password: 'password',
};

/** Searches the schools open for registration as the user types (names with or without diacritics). */
function InstitutionSearch({ chosen, onChoose, error }: { chosen: Institution | null; onChoose(item: Institution): void; error?: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [query, setQuery] = useState<string | null>(null);
  const [found, setFound] = useState<Institution[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const typing = useRef<number | undefined>(undefined);

  useEffect(() => () => window.clearTimeout(typing.current), []);
  useEffect(() => {
    if (query === null) return;
    let live = true;
    void call(api.GET('/api/v1/registration/institutions', { params: { query: query ? { q: query } : {} } })).then((result) => {
      if (!live) return;
      if (result.ok) {
        setFound(result.data.items);
        setFailure(null);
      } else setFailure(result.message);
    });
    return () => {
      live = false;
    };
  }, [query]);

  // The chosen school stays in the list whatever is typed next.
  const options = [...(chosen && !found?.some((i) => i.id === chosen.id) ? [chosen] : []), ...(found ?? [])];
  return (
    <div className="institution-search">
      <TextField
        label={t('register.institutionSearch')}
        hint={t('register.institutionHint')}
        type="search"
        value={text}
        autoComplete="off"
        error={options.length === 0 ? error : undefined}
        onChange={(value) => {
          setText(value);
          window.clearTimeout(typing.current);
          typing.current = window.setTimeout(() => setQuery(value.trim()), 300);
        }}
      />
      <p role="status" className="person-search__count">
        {found === null ? '' : found.length === 0 ? t('register.noInstitution') : t('register.institutionsFound', { total: found.length })}
      </p>
      {failure && <p className="form-error">{failure}</p>}
      {options.length > 0 && (
        <ChoiceGroup
          legend={t('register.institution')}
          name="institution"
          value={chosen?.id ?? ''}
          error={error}
          onChange={(id) => {
            const item = options.find((i) => i.id === id);
            if (item) onChoose(item);
          }}
          options={options.map((i) => ({ value: i.id, label: i.name, description: i.commune ?? undefined }))}
        />
      )}
    </div>
  );
}

/** /dang-ky: parents and community learners create their own account (when the installation allows it). */
export function RegisterPage() {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode | 'unreachable' | null>(null);
  const [kind, setKind] = useState<Kind | ''>('');
  const [institution, setInstitution] = useState<Institution | null>(null);
  const [displayName, setDisplayName] = useState('');
  const [username, setUsername] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [alert, showAlert] = useAlert();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<'active' | 'pending' | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const focusError = useFocusFirstError(formRef);
  const doneRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    void call(api.GET('/api/v1/registration')).then((result) => {
      if (live) setMode(result.ok ? result.data.mode : 'unreachable');
    });
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found: Partial<Record<Field, string>> = {};
    if (!kind) found.kind = t('register.errors.kind');
    if (!institution) found.institution = t('register.errors.institution');
    if (!displayName.trim()) found.displayName = t('register.errors.displayName');
    if (!USERNAME.test(username.trim())) found.username = t('register.errors.username');
    if (phone.trim() && !PHONE.test(phone.trim())) found.phone = t('register.errors.phone');
    if (email.trim() && !EMAIL.test(email.trim())) found.email = t('register.errors.email');
    if ([...password].length < 8) found.password = t('register.errors.password');
    else if (password !== confirm) found.confirm = t('register.errors.confirm');
    setErrors(found);
    if (Object.keys(found).length > 0 || !kind || !institution) {
      showAlert(t('common.fixErrors'));
      focusError();
      return;
    }
    showAlert(null);
    setBusy(true);
    const result = await call(
      api.POST('/api/v1/registration', {
        body: {
          kind,
          institutionId: institution.id,
          displayName: displayName.trim(),
          username: username.trim(),
          password,
          phone: phone.trim() || null,
          email: email.trim() || null,
        },
      }),
    );
    setBusy(false);
    if (result.ok) {
      setDone(result.data.status);
      return;
    }
    const fromApi: Partial<Record<Field, string>> = {};
    if (result.code === 'USERNAME_TAKEN') fromApi.username = result.message;
    if (result.code === 'PASSWORD_POLICY') fromApi.password = result.message;
    if (result.code === 'ORG_UNIT_NOT_FOUND') fromApi.institution = result.message;
    for (const problem of result.fields) {
      const field = API_FIELDS[problem.field];
      if (field && !fromApi[field]) fromApi[field] = t('common.invalidValue');
    }
    setErrors(fromApi);
    showAlert(result.message);
    focusError();
  };

  const title = <PageTitle page={t('register.title')} />;
  if (mode === null) {
    return (
      <>
        {title}
        <h1 tabIndex={-1}>{t('register.heading')}</h1>
        <p className="loading" role="status">
          {t('common.loading')}
        </p>
      </>
    );
  }
  if (mode === 'unreachable' || mode === 'off') {
    return (
      <>
        {title}
        <div className="narrow">
          <h1 tabIndex={-1}>{t('register.heading')}</h1>
          <p className="notice" data-testid="registration-closed">
            {mode === 'off' ? t('register.closed') : t('session.unreachable')}
          </p>
          {mode === 'off' && <p>{t('register.closedHelp')}</p>}
          <p>
            <Link to="/dang-nhap" className="button">
              {t('register.toSignIn')}
            </Link>
          </p>
        </div>
      </>
    );
  }
  if (done) {
    return (
      <>
        {title}
        <div className="narrow">
          <h1 tabIndex={-1} ref={doneRef}>
            {done === 'pending' ? t('register.pendingHeading') : t('register.activeHeading')}
          </h1>
          <p className="notice notice--ok" data-testid="registration-result">
            {done === 'pending' ? t('register.pending', { school: institution?.name ?? '' }) : t('register.active')}
          </p>
          <p>{done === 'pending' ? t('register.pendingNext') : t('register.activeNext', { username })}</p>
          <p>
            <Link to="/dang-nhap" className="button">
              {t('register.toSignIn')}
            </Link>
          </p>
        </div>
      </>
    );
  }

  return (
    <>
      {title}
      <div className="narrow">
        <h1 tabIndex={-1}>{t('register.heading')}</h1>
        <p>{mode === 'approval' ? t('register.introApproval') : t('register.introOpen')}</p>
        <FormAlert message={alert?.text ?? null} attempt={alert?.n} testId="register-error" />
        <form ref={formRef} className="form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
          <ChoiceGroup
            legend={t('register.kind')}
            name="kind"
            value={kind}
            onChange={setKind}
            error={errors.kind}
            options={[
              { value: 'parent', label: t('register.kinds.parent'), description: t('register.kinds.parentHint') },
              { value: 'learner', label: t('register.kinds.learner'), description: t('register.kinds.learnerHint') },
            ]}
          />
          <InstitutionSearch chosen={institution} onChoose={setInstitution} error={errors.institution} />
          <TextField label={t('register.displayName')} hint={t('register.displayNameHint')} value={displayName} onChange={setDisplayName} error={errors.displayName} autoComplete="name" maxLength={200} />
          <TextField
            label={t('register.username')}
            hint={t('register.usernameHint')}
            value={username}
            onChange={setUsername}
            error={errors.username}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={64}
          />
          <TextField label={t('register.phone')} optionalText={t('common.optional')} type="tel" inputMode="tel" value={phone} onChange={setPhone} error={errors.phone} autoComplete="tel" maxLength={32} />
          <TextField label={t('register.email')} optionalText={t('common.optional')} type="email" value={email} onChange={setEmail} error={errors.email} autoComplete="email" maxLength={254} />
          <div className="field">
            <p id="register-password-rules" className="field__hint">
              {t('changePassword.rules')}
            </p>
            {errors.password && (
              <p className="field__error" id="register-password-error">
                {errors.password}
              </p>
            )}
            <PasswordField
              label={t('register.password')}
              name="new-password"
              autoComplete="new-password"
              maxLength={128}
              value={password}
              onChange={setPassword}
              invalid={!!errors.password}
              describedBy={errors.password ? 'register-password-error register-password-rules' : 'register-password-rules'}
            />
          </div>
          <div className="field">
            {errors.confirm && (
              <p className="field__error" id="register-confirm-error">
                {errors.confirm}
              </p>
            )}
            <PasswordField
              label={t('register.confirm')}
              name="confirm-password"
              autoComplete="new-password"
              maxLength={128}
              value={confirm}
              onChange={setConfirm}
              invalid={!!errors.confirm}
              describedBy={errors.confirm ? 'register-confirm-error' : undefined}
            />
          </div>
          <button type="submit" className="button button--block" aria-disabled={busy || undefined}>
            {busy ? t('register.submitting') : t('register.submit')}
          </button>
        </form>
        <p>
          {t('register.haveAccount')}{' '}
          <Link to="/dang-nhap" className="inline-button">
            {t('register.toSignIn')}
          </Link>
        </p>
      </div>
    </>
  );
}
