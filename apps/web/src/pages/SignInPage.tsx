import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router-dom';
import { useRegistrationMode } from '../api/registration';
import { PageTitle } from '../components/PageTitle';
import { PasswordField } from '../components/PasswordField';
import type { SignInState } from '../components/RequireSignIn';
import { safeReturnPath, useSession } from '../session/session';

const NOTICE_KEYS = {
  required: 'session.required',
  expired: 'session.expired',
  signedOut: 'session.signedOut',
  passwordChanged: 'session.passwordChanged',
} as const;

export function SignInPage() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const state = (location.state ?? {}) as SignInState;
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<{ text: string; attempt: number } | null>(null);
  const attempt = useRef(0);
  const showError = (text: string) => setError({ text, attempt: ++attempt.current });
  const [missing, setMissing] = useState<{ username: boolean; password: boolean }>({ username: false, password: false });
  const [busy, setBusy] = useState(false);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const registration = useRegistrationMode();

  // Signed in (now, or already when the page opened): on to the page the user wanted.
  if (session.status === 'signed-in') {
    const to = session.profile.mustChangePassword ? '/doi-mat-khau' : (safeReturnPath(state.from) ?? '/tai-khoan');
    return <Navigate to={to} replace />;
  }

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const name = username.trim();
    const empty = { username: name === '', password: password === '' };
    setMissing(empty);
    if (empty.username || empty.password) {
      showError(t('signIn.missing'));
      (empty.username ? usernameRef : passwordRef).current?.focus();
      return;
    }
    setError(null);
    setBusy(true);
    const result = await session.signIn(name, password);
    if (!result.ok) {
      setBusy(false);
      showError(result.message);
    }
  };

  const notice = state.notice ? t(NOTICE_KEYS[state.notice]) : null;

  return (
    <>
      <PageTitle page={t('signIn.title')} />
      <div className="narrow">
        <h1 tabIndex={-1}>{t('signIn.heading')}</h1>
        {notice && (
          <p role="status" className={state.notice === 'passwordChanged' || state.notice === 'signedOut' ? 'notice notice--ok' : 'notice'}>
            {notice}
          </p>
        )}
        <p>{t('signIn.intro')}</p>
        <div role="alert" className="form-alert" data-testid="sign-in-error">
          {/* A new node per attempt: the same message twice is announced twice. */}
          {error && (
            <p key={error.attempt} className="form-error">
              {error.text}
            </p>
          )}
        </div>
        <form className="form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
          <div className="field">
            <label className="field__label" htmlFor="sign-in-username">
              {t('signIn.username')}
            </label>
            <input
              id="sign-in-username"
              ref={usernameRef}
              className="field__input"
              type="text"
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              autoCorrect="off"
              spellCheck={false}
              maxLength={64}
              value={username}
              onChange={(event) => setUsername(event.target.value)}
              aria-invalid={missing.username || undefined}
            />
          </div>
          <PasswordField
            label={t('signIn.password')}
            name="password"
            autoComplete="current-password"
            maxLength={256}
            value={password}
            onChange={setPassword}
            invalid={missing.password}
            inputRef={passwordRef}
          />
          <button type="submit" className="button button--block" aria-disabled={busy || undefined}>
            {busy ? t('signIn.submitting') : t('signIn.submit')}
          </button>
        </form>
        <p className="form-help">{t('signIn.help')}</p>
        {(registration === 'open' || registration === 'approval') && (
          <p>
            {t('signIn.noAccount')}{' '}
            <Link to="/dang-ky" className="inline-button">
              {t('signIn.register')}
            </Link>
          </p>
        )}
      </div>
    </>
  );
}
