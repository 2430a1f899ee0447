import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { UnitPicker } from '../admin/UnitPicker';
import { UNIT_TYPES } from '../admin/units';
import { api } from '../api/client';
import { call } from '../api/call';
import { ChoiceGroup, FormAlert, SelectField, TextField } from '../components/Fields';
import { useAlert, useFocusFirstError } from '../components/form-helpers';
import { PageTitle } from '../components/PageTitle';
import { formatDate, GRADES, gradesText, titleOf, type CatalogItem } from '../courses/model';
import { currentLanguage } from '../i18n';
import { learningApi } from '../learning/api';
import { LoadFailure, Loading } from '../learning/Loading';
import type { Assignment, Audience } from '../learning/types';
import { useLoaded } from '../learning/useLoaded';
import { usePermissions } from '../session/permissions';
import { NoAccess } from '../admin/NoAccess';
import type { OrgUnit } from '../admin/units';
import { useChosenUnit } from './useChosenUnit';

const AUDIENCES: readonly Audience[] = ['student', 'parent', 'teacher', 'staff'];

/** The end of a chosen day, in the user's time zone, as the api's date-time. */
export function endOfDay(date: string): string {
  return new Date(`${date}T23:59:59`).toISOString();
}

function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

type Results = { state: 'idle' } | { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; items: CatalogItem[] };

/** Finds a published course in the public catalogue, as you type. */
function useCatalogSearch(text: string): Results {
  const [results, setResults] = useState<Results>({ state: 'idle' });
  useEffect(() => {
    const q = text.trim();
    let live = true;
    setResults({ state: 'loading' });
    const timer = window.setTimeout(() => {
      void call(api.GET('/api/v1/catalog/courses', { params: { query: { page: 1, pageSize: 8, ...(q ? { q } : {}) } } })).then((result) => {
        if (live) setResults(result.ok ? { state: 'ready', items: result.data.items } : { state: 'error', message: result.message });
      });
    }, 300);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [text]);
  return results;
}

function AssignForm({ unit, onAssigned, onUnitMissing }: { unit: OrgUnit | null; onAssigned(): void; onUnitMissing(): void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstError = useFocusFirstError(formRef);
  const [alert, showAlert] = useAlert();
  const [done, setDone] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const results = useCatalogSearch(search);
  const [course, setCourse] = useState<CatalogItem | null>(null);
  const [audience, setAudience] = useState<Audience>('student');
  const [grade, setGrade] = useState('');
  const [due, setDue] = useState('');
  const [errors, setErrors] = useState<{ course?: string; due?: string }>({});
  const [busy, setBusy] = useState(false);

  const offered = results.state === 'ready' ? results.items : [];
  const options = course && !offered.some((c) => c.id === course.id) ? [course, ...offered] : offered;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const problems: typeof errors = {};
    if (!course) problems.course = t('teaching.assign.courseMissing');
    if (due && due < today()) problems.due = t('teaching.assign.duePast');
    setErrors(problems);
    setDone(null);
    if (Object.keys(problems).length || !unit) {
      showAlert(t('common.fixErrors'));
      if (!unit) onUnitMissing();
      else focusFirstError();
      return;
    }
    if (!unit || !course) return;
    setBusy(true);
    showAlert(null);
    const result = await learningApi.assign(course.id, {
      unitId: unit.id,
      audience,
      ...(grade && (audience === 'student' || audience === 'parent') ? { grade: Number(grade) } : {}),
      ...(due ? { dueAt: endOfDay(due) } : {}),
    });
    setBusy(false);
    if (!result.ok) {
      showAlert(result.message);
      return;
    }
    setDone(t('teaching.assign.done', { course: titleOf(course, language), unit: unit.name, count: result.data.learnerCount }));
    onAssigned();
  };

  return (
    <form ref={formRef} className="form panel" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="assign-heading" data-testid="assign-form">
      <h2 id="assign-heading">{t('teaching.assign.formHeading', { unit: unit?.name ?? '…' })}</h2>
      <TextField label={t('teaching.assign.search')} hint={t('teaching.assign.searchHint')} type="search" value={search} onChange={setSearch} autoComplete="off" />
      {results.state === 'loading' && <p className="loading">{t('catalog.loading')}</p>}
      {results.state === 'error' && <p className="form-error">{results.message}</p>}
      {results.state === 'ready' && options.length === 0 && <p className="notice">{t('teaching.assign.noResults')}</p>}
      {options.length > 0 && (
        <ChoiceGroup
          legend={t('teaching.assign.course')}
          name="course"
          value={course?.id ?? ''}
          error={errors.course}
          options={options.map((c) => ({ value: c.id, label: titleOf(c, language), description: [gradesText(c.gradeMin, c.gradeMax, t), c.ownerUnitName].filter(Boolean).join(' · ') }))}
          onChange={(id) => setCourse(options.find((c) => c.id === id) ?? null)}
        />
      )}
      {options.length === 0 && errors.course && <p className="field__error">{errors.course}</p>}
      <ChoiceGroup
        legend={t('teaching.assign.audience')}
        name="audience"
        value={audience}
        options={AUDIENCES.map((a) => ({ value: a, label: t(`teaching.audiences.${a}`) }))}
        onChange={setAudience}
      />
      {(audience === 'student' || audience === 'parent') && (
        <SelectField label={t('teaching.assign.grade')} hint={t('teaching.assign.gradeHint')} optionalText={t('common.optional')} value={grade} onChange={setGrade}>
          <option value="">{t('teaching.assign.anyGrade')}</option>
          {GRADES.map((g) => (
            <option key={g} value={g}>
              {t('catalog.gradeOption', { grade: g })}
            </option>
          ))}
        </SelectField>
      )}
      <TextField label={t('teaching.assign.due')} hint={t('teaching.assign.dueHint')} optionalText={t('common.optional')} type="date" value={due} min={today()} onChange={setDue} error={errors.due} />
      <FormAlert message={alert?.text ?? null} attempt={alert?.n} />
      <FormAlert message={done} tone="ok" testId="assign-done" />
      <p>
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? t('common.saving') : t('teaching.assign.submit')}
        </button>
      </p>
    </form>
  );
}

function AssignmentItem({ item, unit, onRevoked }: { item: Assignment; unit: OrgUnit; onRevoked(message: string): void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const revokeRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const revoke = async () => {
    if (busy) return;
    setBusy(true);
    const result = await learningApi.revoke(item.id);
    setBusy(false);
    if (result.ok) onRevoked(t('teaching.assignments.revoked', { course: item.courseTitleVi, unit: item.unitName }));
    else setError(result.message);
  };

  return (
    <li className="item-list__item assignment" data-testid="assignment">
      <div className="assignment__text">
        <p className="assignment__title">{item.courseTitleVi}</p>
        <p className="assignment__meta">
          {t(`teaching.audiences.${item.audience}`)}
          {item.grade !== null && ` · ${t('catalog.gradeOption', { grade: item.grade })}`}
          {' · '}
          {item.unitId === unit.id ? t('teaching.assignments.here', { unit: item.unitName }) : t('teaching.assignments.above', { unit: item.unitName })}
          {' · '}
          {t('teaching.assignments.learners', { count: item.learnerCount })}
        </p>
        <p className="assignment__meta">{item.dueAt ? t('learning.due', { date: formatDate(item.dueAt, language) }) : t('teaching.assignments.noDue')}</p>
      </div>
      {!confirming ? (
        <button type="button" ref={revokeRef} className="button button--secondary button--danger-outline button--small" onClick={() => setConfirming(true)} aria-label={t('teaching.assignments.revokeLabel', { course: item.courseTitleVi })}>
          {t('teaching.assignments.revoke')}
        </button>
      ) : (
        <div className="confirm" role="group" aria-label={t('teaching.assignments.revokeLabel', { course: item.courseTitleVi })}>
          <p className="confirm__question">{t('teaching.assignments.revokeQuestion', { course: item.courseTitleVi, unit: item.unitName })}</p>
          <p>{t('teaching.assignments.revokeKeeps')}</p>
          <div className="actions">
            <button type="button" ref={confirmRef} className="button button--danger" onClick={() => void revoke()} aria-disabled={busy || undefined}>
              {t('teaching.assignments.revokeConfirm')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setConfirming(false);
                window.setTimeout(() => revokeRef.current?.focus(), 0);
              }}
            >
              {t('common.cancel')}
            </button>
          </div>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
        </div>
      )}
    </li>
  );
}

/** /giang-day/giao-khoa-hoc: assign a published course to a class (or a unit), and the assignments covering it. */
export function AssignPage() {
  const { t } = useTranslation();
  const perms = usePermissions();
  const { initialId, unit, choose } = useChosenUnit();
  const { loaded, reload } = useLoaded(unit ? () => learningApi.assignments(unit.id) : null, unit?.id ?? '');
  const [notice, setNotice] = useState<string | null>(null);
  const [unitError, setUnitError] = useState<string | null>(null);
  const pickerRef = useRef<HTMLDivElement>(null);

  if (!perms.has('course.assign')) return <NoAccess />;

  return (
    <>
      <PageTitle page={t('teaching.assign.title')} />
      <h1 tabIndex={-1}>{t('teaching.assign.heading')}</h1>
      <p>{t('teaching.assign.intro')}</p>
      <div className="narrow" ref={pickerRef}>
        <UnitPicker
          legend={t('teaching.unit')}
          hint={t('teaching.unitHint')}
          allowed={UNIT_TYPES}
          initialId={initialId}
          error={unitError}
          onChange={(next) => {
            setUnitError(null);
            setNotice(null);
            choose(next);
          }}
        />
      </div>
      <div className="narrow">
        <AssignForm
          unit={unit}
          onAssigned={reload}
          onUnitMissing={() => {
            setUnitError(t('teaching.assign.unitMissing'));
            pickerRef.current?.querySelector('select')?.focus();
          }}
        />
      </div>
      {unit && (
        <section aria-labelledby="assignments-heading">
          <h2 id="assignments-heading">{t('teaching.assignments.heading', { unit: unit.name })}</h2>
          <FormAlert message={notice} tone="ok" />
          {loaded.state === 'loading' && <Loading />}
          {loaded.state === 'error' && <LoadFailure message={loaded.message} retry={reload} />}
          {loaded.state === 'ready' && loaded.data.items.length === 0 && <p className="notice">{t('teaching.assignments.none')}</p>}
          {loaded.state === 'ready' && loaded.data.items.length > 0 && (
            <ul className="item-list" data-testid="assignments">
              {loaded.data.items.map((item) => (
                <AssignmentItem
                  key={item.id}
                  item={item}
                  unit={unit}
                  onRevoked={(message) => {
                    setNotice(message);
                    reload();
                  }}
                />
              ))}
            </ul>
          )}
        </section>
      )}
    </>
  );
}
