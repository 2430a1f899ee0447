import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../api/client';
import { call } from '../api/call';
import { FormAlert } from '../components/Fields';
import { useAlert, useFocusFirstError } from '../components/form-helpers';
import { PageTitle } from '../components/PageTitle';
import { currentLanguage } from '../i18n';
import { usePermissions } from '../session/permissions';
import type { OrgUnit } from '../admin/units';
import { formatDate, titleOf, type Audience, type Course } from './model';
import { CourseBasicFields } from './CourseMetaForm';
import { OwnerUnitPicker } from './OwnerUnitPicker';
import { AuthoringNoAccess, StatusBadge } from './parts';

type Field = 'titleVi' | 'summaryVi' | 'audiences' | 'grades' | 'minutes' | 'owner';

const API_FIELDS: Record<string, Field> = { titleVi: 'titleVi', summaryVi: 'summaryVi', audiences: 'audiences', gradeMin: 'grades', gradeMax: 'grades', estimatedMinutes: 'minutes', ownerUnitId: 'owner' };

/** The new-course form: what the course is, for whom, and which unit owns it. */
function CreateCourseForm({ onCancel }: { onCancel(): void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [titleVi, setTitleVi] = useState('');
  const [titleEn, setTitleEn] = useState('');
  const [summaryVi, setSummaryVi] = useState('');
  const [summaryEn, setSummaryEn] = useState('');
  const [audiences, setAudiences] = useState<Audience[]>([]);
  const [gradeMin, setGradeMin] = useState('');
  const [gradeMax, setGradeMax] = useState('');
  const [minutes, setMinutes] = useState('');
  const [owner, setOwner] = useState<OrgUnit | null>(null);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [alert, showAlert] = useAlert();
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const focusError = useFocusFirstError(formRef);
  const perms = usePermissions();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found: Partial<Record<Field, string>> = {};
    if (!titleVi.trim()) found.titleVi = t('courseForm.errors.titleVi');
    if (!summaryVi.trim()) found.summaryVi = t('courseForm.errors.summaryVi');
    if (audiences.length === 0) found.audiences = t('courseForm.errors.audiences');
    if (gradeMin && gradeMax && Number(gradeMin) > Number(gradeMax)) found.grades = t('courseForm.errors.grades');
    if (minutes && !(Number.isInteger(Number(minutes)) && Number(minutes) >= 1 && Number(minutes) <= 100000)) found.minutes = t('courseForm.errors.minutes');
    if (!owner && !perms.everywhere) found.owner = t('courseForm.errors.owner');
    setErrors(found);
    if (Object.keys(found).length > 0) {
      showAlert(t('common.fixErrors'));
      focusError();
      return;
    }
    showAlert(null);
    setBusy(true);
    const result = await call(
      api.POST('/api/v1/courses', {
        body: {
          titleVi: titleVi.trim(),
          titleEn: titleEn.trim() || null,
          summaryVi: summaryVi.trim(),
          summaryEn: summaryEn.trim() || null,
          audiences,
          gradeMin: gradeMin ? Number(gradeMin) : null,
          gradeMax: gradeMax ? Number(gradeMax) : null,
          estimatedMinutes: minutes ? Number(minutes) : null,
          ownerUnitId: owner?.id ?? null,
        },
      }),
    );
    setBusy(false);
    if (result.ok) {
      void navigate(`/soan-bai/${result.data.course.id}`, { state: { created: true } });
      return;
    }
    const fromApi: Partial<Record<Field, string>> = {};
    for (const problem of result.fields) {
      const field = API_FIELDS[problem.field];
      if (field && !fromApi[field]) fromApi[field] = t('common.invalidValue');
    }
    if (result.status === 404) fromApi.owner = result.message;
    setErrors(fromApi);
    showAlert(result.message);
    focusError();
  };

  return (
    <section className="panel" aria-labelledby="create-course-heading">
      <h2 id="create-course-heading" ref={headingRef} tabIndex={-1}>
        {t('authoring.createHeading')}
      </h2>
      <FormAlert message={alert?.text ?? null} attempt={alert?.n} testId="create-course-error" />
      <form ref={formRef} className="form narrow" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy} aria-labelledby="create-course-heading">
        <CourseBasicFields
          values={{ titleVi, titleEn, summaryVi, summaryEn, audiences, gradeMin, gradeMax, minutes }}
          set={{ titleVi: setTitleVi, titleEn: setTitleEn, summaryVi: setSummaryVi, summaryEn: setSummaryEn, audiences: setAudiences, gradeMin: setGradeMin, gradeMax: setGradeMax, minutes: setMinutes }}
          errors={errors}
          hints
        />
        <fieldset className="field">
          <legend className="field__label">{t('courseForm.owner')}</legend>
          <p className="field__hint">{t('courseForm.ownerHint')}</p>
          <OwnerUnitPicker chosen={owner} onChoose={setOwner} error={errors.owner} />
        </fieldset>
        <div className="actions">
          <button type="submit" className="button" aria-disabled={busy || undefined}>
            {busy ? t('common.saving') : t('courseForm.submit')}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

type Listing = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; items: Course[] };

/** /soan-bai: the courses the author works on or reviews, and a new course. */
export function MyCoursesPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const perms = usePermissions();
  const [listing, setListing] = useState<Listing>({ state: 'loading' });
  const [creating, setCreating] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const allowed = perms.has('course.author');

  useEffect(() => {
    if (!allowed) return;
    let live = true;
    void call(api.GET('/api/v1/courses')).then((result) => {
      if (live) setListing(result.ok ? { state: 'ready', items: result.data.items } : { state: 'error', message: result.message });
    });
    return () => {
      live = false;
    };
  }, [allowed, attempt]);

  if (!allowed) return <AuthoringNoAccess />;

  return (
    <>
      <PageTitle page={t('authoring.title')} />
      <h1 tabIndex={-1}>{t('authoring.heading')}</h1>
      <p>{t('authoring.intro')}</p>
      {!creating && (
        <p>
          <button type="button" className="button" onClick={() => setCreating(true)}>
            {t('authoring.create')}
          </button>
        </p>
      )}
      {creating && <CreateCourseForm onCancel={() => setCreating(false)} />}
      <h2>{t('authoring.listHeading')}</h2>
      {listing.state === 'loading' && (
        <p role="status" className="loading">
          {t('common.loading')}
        </p>
      )}
      {listing.state === 'error' && (
        <div className="form-error" role="alert">
          <p>{listing.message}</p>
          <button type="button" className="button button--secondary" onClick={() => setAttempt((n) => n + 1)}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {listing.state === 'ready' && listing.items.length === 0 && <p className="notice">{t('authoring.none')}</p>}
      {listing.state === 'ready' && listing.items.length > 0 && (
        <ul className="course-cards" data-testid="my-courses">
          {listing.items.map((course) => (
            <li key={course.id} className="course-card">
              <h3 className="course-card__title">
                <Link to={`/soan-bai/${course.id}`}>{titleOf(course, language)}</Link>
              </h3>
              <StatusBadge status={course.status} />
              <p className="course-card__meta">{t('authoring.updated', { date: formatDate(course.updatedAt, language) })}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
