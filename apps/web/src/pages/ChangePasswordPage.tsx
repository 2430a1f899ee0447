import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageTitle } from '../components/PageTitle';
import { PasswordField } from '../components/PasswordField';
import { useSession } from '../session/session';

type Field = 'current' | 'new' | 'confirm';

/** Shown to signed-in users only (see RequireSignIn). */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<{ text: string; attempt: number } | null>(null);
  const attempt = useRef(0);
  const [invalid, setInvalid] = useState<Field | null>(null);
  const [busy, setBusy] = useState(false);
  const refs = { current: useRef<HTMLInputElement>(null), new: useRef<HTMLInputElement>(null), confirm: useRef<HTMLInputElement>(null) };
  const mustChange = session.status === 'signed-in' && session.profile.mustChangePassword;

  const fail = (field: Field | null, message: string) => {
    setInvalid(field);
    setError({ text: message, attempt: ++attempt.current });
    if (field) refs[field].current?.focus();
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    if (!current) return fail('current', t('changePassword.missing'));
    if (!next) return fail('new', t('changePassword.missing'));
    if (!confirm) return fail('confirm', t('changePassword.missing'));
    if ([...next].length < 8) return fail('new', t('changePassword.tooShort', { rules: t('changePassword.rules') }));
    if (next !== confirm) return fail('confirm', t('changePassword.mismatch'));
    if (next === current) return fail('new', t('changePassword.sameAsCurrent'));
    setError(null);
    setInvalid(null);
    setBusy(true);
    const result = await session.changePassword(current, next);
    // On success the session has ended: RequireSignIn sends the user to sign in, with a notice.
    if (!result.ok) {
      setBusy(false);
      if (result.code === 'AUTH_INVALID_CREDENTIALS') fail('current', result.message);
      else if (result.code === 'PASSWORD_POLICY' || result.code === 'VALIDATION_FAILED') fail('new', result.message);
      else fail(null, result.message);
    }
  };

  return (
    <>
      <PageTitle page={t('changePassword.title')} />
      <div className="narrow">
        <h1 tabIndex={-1}>{t('changePassword.heading')}</h1>
        {mustChange && <p className="notice">{t('changePassword.mustChange')}</p>}
        <p id="password-rules">{t('changePassword.rules')}</p>
        <div role="alert" className="form-alert" data-testid="change-password-error">
          {/* A new node per attempt: the same message twice is announced twice. */}
          {error && (
            <p key={error.attempt} className="form-error" id="change-password-error">
              {error.text}
            </p>
          )}
        </div>
        <form className="form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
          <PasswordField
            label={t('changePassword.current')}
            name="current-password"
            autoComplete="current-password"
            maxLength={256}
            value={current}
            onChange={setCurrent}
            invalid={invalid === 'current'}
            describedBy={invalid === 'current' && error ? 'change-password-error' : undefined}
            inputRef={refs.current}
          />
          <PasswordField
            label={t('changePassword.new')}
            name="new-password"
            autoComplete="new-password"
            maxLength={128}
            value={next}
            onChange={setNext}
            invalid={invalid === 'new'}
            describedBy={invalid === 'new' && error ? 'change-password-error password-rules' : 'password-rules'}
            inputRef={refs.new}
          />
          <PasswordField
            label={t('changePassword.confirm')}
            name="confirm-password"
            autoComplete="new-password"
            maxLength={128}
            value={confirm}
            onChange={setConfirm}
            invalid={invalid === 'confirm'}
            describedBy={invalid === 'confirm' && error ? 'change-password-error' : undefined}
            inputRef={refs.confirm}
          />
          <button type="submit" className="button button--block" aria-disabled={busy || undefined}>
            {busy ? t('changePassword.submitting') : t('changePassword.submit')}
          </button>
        </form>
        {!mustChange && (
          <p>
            <Link to="/tai-khoan" className="button button--secondary button--block">
              {t('changePassword.cancel')}
            </Link>
          </p>
        )}
      </div>
    </>
  );
}
