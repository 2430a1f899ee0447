import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { call } from '../api/call';
import { ChoiceGroup, FormAlert, TextField } from '../components/Fields';
import { useAlert } from '../components/form-helpers';

type Mode = 'open' | 'key' | 'assigned';
const MODES: readonly Mode[] = ['open', 'key', 'assigned'];

/**
 * How learners may enrol in a course (its editors choose): anyone, with an enrolment key (kept
 * hashed by the api: it is never shown again, only replaced), or only when a teacher assigns it.
 */
export function EnrolmentSettings({ courseId }: { courseId: string }) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<{ mode: Mode; hasKey: boolean } | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [mode, setMode] = useState<Mode>('open');
  const [key, setKey] = useState('');
  const [keyError, setKeyError] = useState<string | null>(null);
  const [alert, showAlert] = useAlert();
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const keyRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let live = true;
    void call(api.GET('/api/v1/courses/{courseId}/enrolment-settings', { params: { path: { courseId } } })).then((result) => {
      if (!live) return;
      if (result.ok) {
        setLoaded(result.data);
        setMode(result.data.mode);
      } else setLoadError(result.message);
    });
    return () => {
      live = false;
    };
  }, [courseId]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !loaded) return;
    setDone(null);
    const trimmed = key.trim();
    if (mode === 'key' && (trimmed.length > 0 || !loaded.hasKey) && (trimmed.length < 4 || trimmed.length > 64)) {
      setKeyError(t('enrolmentSettings.keyLength'));
      keyRef.current?.focus();
      return;
    }
    setKeyError(null);
    showAlert(null);
    setBusy(true);
    const result = await call(api.PUT('/api/v1/courses/{courseId}/enrolment-settings', { params: { path: { courseId } }, body: { mode, ...(mode === 'key' && trimmed ? { key: trimmed } : {}) } }));
    setBusy(false);
    if (!result.ok) {
      const field = result.fields.find((f) => f.field === 'key');
      if (field) {
        setKeyError(field.problems.join(' '));
        keyRef.current?.focus();
      } else showAlert(result.message);
      return;
    }
    setLoaded(result.data);
    setKey('');
    setDone(t('enrolmentSettings.saved', { mode: t(`enrolmentSettings.modes.${result.data.mode}`) }));
  };

  return (
    <section aria-labelledby="enrolment-settings-heading" data-testid="enrolment-settings">
      <h2 id="enrolment-settings-heading">{t('enrolmentSettings.heading')}</h2>
      {loadError && <p className="form-error">{loadError}</p>}
      {!loaded && !loadError && <p className="loading">{t('common.loading')}</p>}
      {loaded && (
        <form className="form narrow" onSubmit={(event) => void save(event)} noValidate aria-labelledby="enrolment-settings-heading">
          <ChoiceGroup
            legend={t('enrolmentSettings.mode')}
            name="enrolment-mode"
            value={mode}
            options={MODES.map((m) => ({ value: m, label: t(`enrolmentSettings.modes.${m}`), description: t(`enrolmentSettings.descriptions.${m}`) }))}
            onChange={setMode}
          />
          {mode === 'key' && (
            <TextField
              label={loaded.hasKey ? t('enrolmentSettings.newKey') : t('enrolmentSettings.key')}
              hint={loaded.hasKey ? t('enrolmentSettings.keepKey') : t('enrolmentSettings.keyHint')}
              optionalText={loaded.hasKey ? t('common.optional') : undefined}
              value={key}
              onChange={setKey}
              error={keyError}
              inputRef={keyRef}
              autoComplete="off"
              spellCheck={false}
              maxLength={64}
            />
          )}
          <FormAlert message={alert?.text ?? null} attempt={alert?.n} />
          <FormAlert message={done} tone="ok" testId="enrolment-settings-done" />
          <p>
            <button type="submit" className="button" aria-disabled={busy || undefined}>
              {busy ? t('common.saving') : t('enrolmentSettings.save')}
            </button>
          </p>
        </form>
      )}
    </section>
  );
}
