import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../api/client';
import { call } from '../api/call';
import { Checkbox, FormAlert, SelectField, TextField } from '../components/Fields';
import { useAlert, useFocusFirstError } from '../components/form-helpers';
import { PageTitle } from '../components/PageTitle';
import { usePermissions, type Role, type UnitType } from '../session/permissions';
import { NoAccess } from './NoAccess';
import { OneTimeCodeBox } from './OneTimeCodeBox';
import type { Person } from './people';
import { UnitPicker } from './UnitPicker';
import type { OrgUnit } from './units';

type Field = 'displayName' | 'username' | 'role' | 'unit' | 'email' | 'phone' | 'dateOfBirth' | 'personCode';

const USERNAME = /^[A-Za-z0-9._-]{3,64}$/;
const PHONE = /^\+?[0-9 .-]{8,20}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** "Nguyễn Văn An" → "nguyenvanan": a username suggestion, until the user types their own. */
export function suggestUsername(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '')
    .slice(0, 64);
}

/** The request's field names (VALIDATION_FAILED details) to this form's fields. */
const API_FIELDS: Record<string, Field> = {
  username: 'username',
  displayName: 'displayName',
  email: 'email',
  phone: 'phone',
  dateOfBirth: 'dateOfBirth',
  personCode: 'personCode',
};

/** /quan-tri/nguoi-dung/tao-moi: a new account with one role, and its one-time code shown once. */
export function CreateUserPage() {
  const { t } = useTranslation();
  const perms = usePermissions();
  const [displayName, setDisplayName] = useState('');
  const [username, setUsername] = useState('');
  const [usernameEdited, setUsernameEdited] = useState(false);
  const [role, setRole] = useState<Role | ''>('');
  const [unit, setUnit] = useState<OrgUnit | null>(null);
  const [everywhere, setEverywhere] = useState(false);
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [dateOfBirth, setDateOfBirth] = useState('');
  const [personCode, setPersonCode] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [alert, showAlert] = useAlert();
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<{ person: Person; code: string } | null>(null);
  const [round, setRound] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const focusError = useFocusFirstError(formRef);

  if (!perms.has('user.manage')) return <NoAccess />;

  const unitTypes = role ? perms.unitTypesOf(role) : [];
  const pickable = unitTypes.filter((type): type is UnitType => type !== null);
  const mayBeEverywhere = unitTypes.includes(null) && perms.everywhere;
  const onlyEverywhere = role !== '' && pickable.length === 0;

  const reset = () => {
    setDisplayName('');
    setUsername('');
    setUsernameEdited(false);
    setRole('');
    setUnit(null);
    setEverywhere(false);
    setEmail('');
    setPhone('');
    setDateOfBirth('');
    setPersonCode('');
    setErrors({});
    showAlert(null);
    setCreated(null);
    setRound((n) => n + 1);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found: Partial<Record<Field, string>> = {};
    if (!displayName.trim()) found.displayName = t('createUser.errors.displayName');
    if (!USERNAME.test(username.trim())) found.username = t('createUser.errors.username');
    if (!role) found.role = t('createUser.errors.role');
    const unitless = onlyEverywhere || (mayBeEverywhere && everywhere);
    if (role && !unitless && !unit) found.unit = t('createUser.errors.unit');
    if (email.trim() && !EMAIL.test(email.trim())) found.email = t('createUser.errors.email');
    if (phone.trim() && !PHONE.test(phone.trim())) found.phone = t('createUser.errors.phone');
    if (personCode.trim() && !/^[A-Za-z0-9._-]{1,64}$/.test(personCode.trim())) found.personCode = t('createUser.errors.personCode');
    setErrors(found);
    if (Object.keys(found).length > 0 || !role) {
      showAlert(t('common.fixErrors'));
      focusError();
      return;
    }
    showAlert(null);
    setBusy(true);
    const result = await call(
      api.POST('/api/v1/users', {
        body: {
          username: username.trim(),
          displayName: displayName.trim(),
          email: email.trim() || null,
          phone: phone.trim() || null,
          dateOfBirth: dateOfBirth || null,
          personCode: personCode.trim() || null,
          roles: [{ role, unitId: unitless ? null : (unit?.id ?? null) }],
        },
      }),
    );
    setBusy(false);
    if (result.ok) {
      setCreated({ person: result.data.person, code: result.data.oneTimeCode });
      return;
    }
    const fromApi: Partial<Record<Field, string>> = {};
    if (result.code === 'USERNAME_TAKEN') fromApi.username = result.message;
    if (result.code === 'PERSON_CODE_TAKEN') fromApi.personCode = result.message;
    if (result.code === 'ROLE_NOT_GRANTABLE') fromApi.unit = result.message;
    for (const problem of result.fields) {
      const field = API_FIELDS[problem.field] ?? (problem.field.startsWith('roles') ? 'unit' : undefined);
      if (field && !fromApi[field]) fromApi[field] = t('common.invalidValue');
    }
    setErrors(fromApi);
    showAlert(result.message);
    focusError();
  };

  if (created) {
    return (
      <>
        <PageTitle page={t('createUser.title')} />
        <h1 tabIndex={-1}>{t('createUser.doneHeading')}</h1>
        <p className="notice notice--ok">{t('createUser.done', { name: created.person.displayName })}</p>
        <OneTimeCodeBox heading={t('oneTimeCode.heading')} displayName={created.person.displayName} username={created.person.username} code={created.code} />
        <div className="actions no-print">
          <Link to={`/quan-tri/nguoi-dung/${created.person.id}`} className="button button--secondary">
            {t('createUser.viewPerson')}
          </Link>
          <button type="button" className="button button--secondary" onClick={reset}>
            {t('createUser.another')}
          </button>
        </div>
      </>
    );
  }

  return (
    <>
      <PageTitle page={t('createUser.title')} />
      <div className="narrow">
        <h1 tabIndex={-1}>{t('createUser.heading')}</h1>
        <p>{t('createUser.intro')}</p>
        <FormAlert message={alert?.text ?? null} attempt={alert?.n} testId="create-user-error" />
        <form ref={formRef} className="form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy} key={round}>
          <TextField
            label={t('createUser.displayName')}
            hint={t('createUser.displayNameHint')}
            value={displayName}
            onChange={(value) => {
              setDisplayName(value);
              if (!usernameEdited) setUsername(suggestUsername(value));
            }}
            error={errors.displayName}
            autoComplete="off"
            maxLength={200}
          />
          <TextField
            label={t('createUser.username')}
            hint={t('createUser.usernameHint')}
            value={username}
            onChange={(value) => {
              setUsername(value);
              setUsernameEdited(true);
            }}
            error={errors.username}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={64}
          />
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
          <TextField label={t('createUser.phone')} optionalText={t('common.optional')} type="tel" inputMode="tel" value={phone} onChange={setPhone} error={errors.phone} autoComplete="off" maxLength={32} />
          <TextField label={t('createUser.email')} optionalText={t('common.optional')} type="email" value={email} onChange={setEmail} error={errors.email} autoComplete="off" maxLength={254} />
          <TextField label={t('createUser.dateOfBirth')} optionalText={t('common.optional')} type="date" value={dateOfBirth} onChange={setDateOfBirth} error={errors.dateOfBirth} />
          <TextField label={t('createUser.personCode')} optionalText={t('common.optional')} hint={t('createUser.personCodeHint')} value={personCode} onChange={setPersonCode} error={errors.personCode} autoComplete="off" maxLength={64} />
          <button type="submit" className="button button--block" aria-disabled={busy || undefined}>
            {busy ? t('common.saving') : t('createUser.submit')}
          </button>
        </form>
        <p>
          <Link to="/quan-tri/nguoi-dung" className="button button--secondary button--block">
            {t('createUser.back')}
          </Link>
        </p>
      </div>
    </>
  );
}
