import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { call } from '../api/call';
import { CheckboxGroup, FormAlert, SelectField, TextAreaField, TextField } from '../components/Fields';
import { useAlert, useFocusFirstError } from '../components/form-helpers';
import type { OrgUnit } from '../admin/units';
import { AUDIENCES, GRADES, type Audience, type Outline } from './model';
import { OwnerUnitPicker } from './OwnerUnitPicker';

type Field = 'titleVi' | 'summaryVi' | 'audiences' | 'grades' | 'minutes' | 'licence';

/** The course's own details: titles, summary, audiences, grades, length, licence, owning unit. */
export function CourseMetaForm({ outline, onOutline }: { outline: Outline; onOutline(outline: Outline): void }) {
  const { t } = useTranslation();
  const course = outline.course;
  const [titleVi, setTitleVi] = useState(course.titleVi);
  const [titleEn, setTitleEn] = useState(course.titleEn ?? '');
  const [summaryVi, setSummaryVi] = useState(course.summaryVi);
  const [summaryEn, setSummaryEn] = useState(course.summaryEn ?? '');
  const [audiences, setAudiences] = useState<Audience[]>(course.audiences);
  const [gradeMin, setGradeMin] = useState(course.gradeMin ? String(course.gradeMin) : '');
  const [gradeMax, setGradeMax] = useState(course.gradeMax ? String(course.gradeMax) : '');
  const [minutes, setMinutes] = useState(course.estimatedMinutes ? String(course.estimatedMinutes) : '');
  const [licence, setLicence] = useState(course.licence);
  const [owner, setOwner] = useState<OrgUnit | null>(null);
  const [changeOwner, setChangeOwner] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [alert, showAlert] = useAlert();
  const [saved, setSaved] = useState<{ text: string; n: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const focusError = useFocusFirstError(formRef);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found: Partial<Record<Field, string>> = {};
    if (!titleVi.trim()) found.titleVi = t('courseForm.errors.titleVi');
    if (!summaryVi.trim()) found.summaryVi = t('courseForm.errors.summaryVi');
    if (audiences.length === 0) found.audiences = t('courseForm.errors.audiences');
    if (gradeMin && gradeMax && Number(gradeMin) > Number(gradeMax)) found.grades = t('courseForm.errors.grades');
    if (minutes && !(Number.isInteger(Number(minutes)) && Number(minutes) >= 1 && Number(minutes) <= 100000)) found.minutes = t('courseForm.errors.minutes');
    if (!licence.trim()) found.licence = t('courseForm.errors.licence');
    setErrors(found);
    setSaved(null);
    if (Object.keys(found).length > 0) {
      showAlert(t('common.fixErrors'));
      focusError();
      return;
    }
    showAlert(null);
    setBusy(true);
    const result = await call(
      api.PATCH('/api/v1/courses/{courseId}', {
        params: { path: { courseId: course.id } },
        body: {
          titleVi: titleVi.trim(),
          titleEn: titleEn.trim() || null,
          summaryVi: summaryVi.trim(),
          summaryEn: summaryEn.trim() || null,
          audiences,
          gradeMin: gradeMin ? Number(gradeMin) : null,
          gradeMax: gradeMax ? Number(gradeMax) : null,
          estimatedMinutes: minutes ? Number(minutes) : null,
          licence: licence.trim(),
          ...(changeOwner && owner ? { ownerUnitId: owner.id } : {}),
        },
      }),
    );
    setBusy(false);
    if (result.ok) {
      onOutline(result.data);
      setChangeOwner(false);
      setSaved((now) => ({ text: t('courseForm.saved'), n: (now?.n ?? 0) + 1 }));
      return;
    }
    showAlert(result.message);
  };

  return (
    <section className="panel" aria-labelledby="meta-heading">
      <h2 id="meta-heading">{t('editor.metaHeading')}</h2>
      <FormAlert message={alert?.text ?? null} attempt={alert?.n} testId="meta-error" />
      <FormAlert message={saved?.text ?? null} attempt={saved?.n} tone="ok" testId="meta-saved" />
      <form ref={formRef} className="form narrow" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy} aria-labelledby="meta-heading">
        <CourseBasicFields
          values={{ titleVi, titleEn, summaryVi, summaryEn, audiences, gradeMin, gradeMax, minutes }}
          set={{ titleVi: setTitleVi, titleEn: setTitleEn, summaryVi: setSummaryVi, summaryEn: setSummaryEn, audiences: setAudiences, gradeMin: setGradeMin, gradeMax: setGradeMax, minutes: setMinutes }}
          errors={errors}
        />
        <TextField label={t('courseForm.licence')} hint={t('courseForm.licenceHint')} value={licence} onChange={setLicence} error={errors.licence} maxLength={64} autoComplete="off" />
        {changeOwner ? (
          <fieldset className="field">
            <legend className="field__label">{t('courseForm.owner')}</legend>
            <OwnerUnitPicker chosen={owner} onChoose={setOwner} />
          </fieldset>
        ) : (
          <p>
            <button type="button" className="button button--secondary" onClick={() => setChangeOwner(true)}>
              {t('courseForm.changeOwner')}
            </button>
          </p>
        )}
        <div>
          <button type="submit" className="button" aria-disabled={busy || undefined}>
            {busy ? t('common.saving') : t('courseForm.save')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** The fields a course is described by, in the create form and in the editor's details form alike. */
export type CourseBasics = { titleVi: string; titleEn: string; summaryVi: string; summaryEn: string; audiences: Audience[]; gradeMin: string; gradeMax: string; minutes: string };

export function CourseBasicFields({
  values,
  set,
  errors,
  hints = false,
}: {
  values: CourseBasics;
  set: { [K in keyof CourseBasics]: (value: CourseBasics[K]) => void };
  errors: Partial<Record<'titleVi' | 'summaryVi' | 'audiences' | 'grades' | 'minutes', string>>;
  /** The create form explains the Vietnamese title and summary. */
  hints?: boolean;
}) {
  const { t } = useTranslation();
  const gradeOptions = GRADES.map((g) => (
    <option key={g} value={g}>
      {t('catalog.gradeOption', { grade: g })}
    </option>
  ));
  return (
    <>
      <TextField label={t('courseForm.titleVi')} hint={hints ? t('courseForm.titleViHint') : undefined} value={values.titleVi} onChange={set.titleVi} error={errors.titleVi} maxLength={200} autoComplete="off" />
      <TextField label={t('courseForm.titleEn')} optionalText={t('common.optional')} value={values.titleEn} onChange={set.titleEn} maxLength={200} autoComplete="off" lang="en" />
      <TextAreaField label={t('courseForm.summaryVi')} hint={hints ? t('courseForm.summaryViHint') : undefined} value={values.summaryVi} onChange={set.summaryVi} error={errors.summaryVi} maxLength={2000} rows={3} />
      <TextAreaField label={t('courseForm.summaryEn')} optionalText={t('common.optional')} value={values.summaryEn} onChange={set.summaryEn} maxLength={2000} rows={3} lang="en" />
      <CheckboxGroup legend={t('courseForm.audiences')} options={AUDIENCES.map((a) => ({ value: a, label: t(`audiences.${a}`) }))} value={values.audiences} onChange={set.audiences} error={errors.audiences} />
      <div className="field-pair">
        <SelectField label={t('courseForm.gradeMin')} optionalText={t('common.optional')} value={values.gradeMin} onChange={set.gradeMin} error={errors.grades}>
          <option value="">{t('courseForm.anyGrade')}</option>
          {gradeOptions}
        </SelectField>
        <SelectField label={t('courseForm.gradeMax')} optionalText={t('common.optional')} value={values.gradeMax} onChange={set.gradeMax}>
          <option value="">{t('courseForm.anyGrade')}</option>
          {gradeOptions}
        </SelectField>
      </div>
      <TextField label={t('courseForm.minutes')} optionalText={t('common.optional')} type="number" inputMode="numeric" min={1} max={100000} value={values.minutes} onChange={set.minutes} error={errors.minutes} />
    </>
  );
}
