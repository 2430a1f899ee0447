import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { call } from '../api/call';
import { Checkbox, FormAlert, SelectField, TextAreaField, TextField } from '../components/Fields';
import { useAlert, useFocusFirstError } from '../components/form-helpers';
import { currentLanguage } from '../i18n';
import { CompetencyPicker } from './CompetencyPicker';
import { MediaStatus } from './media/MediaStatus';
import { MediaUpload } from './media/MediaUpload';
import { demoteHeadings, FILE_PURPOSE, LESSON_KINDS, stringOf, titleOf, type CompetencyTag, type LessonKind, type Outline, type OutlineLesson, type OutlineSection } from './model';

type Field = 'titleVi' | 'minutes' | 'markdown' | 'url' | 'asset' | 'gallery';

type Props = {
  courseId: string;
  /** The section a new lesson is added to (or the lesson's own). */
  section: OutlineSection;
  /** The lesson edited; null for a new one. */
  lesson: OutlineLesson | null;
  onSaved(outline: Outline, lessonId: string, message: string): void;
  onClose(): void;
};

const HTTP_URL = /^https?:\/\/[^\s/$.?#].[^\s]*$/i;

/** Adds or edits one lesson: its title and, by kind, its text, link, uploaded file(s), and competencies. */
export function LessonForm({ courseId, section, lesson, onSaved, onClose }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const content = lesson?.content ?? {};
  const [kind, setKind] = useState<LessonKind>(lesson?.kind ?? 'text');
  const [titleVi, setTitleVi] = useState(lesson?.titleVi ?? '');
  const [titleEn, setTitleEn] = useState(lesson?.titleEn ?? '');
  const [minutes, setMinutes] = useState(lesson?.estimatedMinutes ? String(lesson.estimatedMinutes) : '');
  const [required, setRequired] = useState(lesson?.required ?? true);
  const [markdown, setMarkdown] = useState(stringOf(content.markdown));
  const [url, setUrl] = useState(stringOf(content.url));
  const [provider, setProvider] = useState(stringOf(content.provider));
  const [instructions, setInstructions] = useState(stringOf(content.instructions));
  const [assetId, setAssetId] = useState<string | null>(typeof content.assetId === 'string' ? content.assetId : null);
  const [assetIds, setAssetIds] = useState<string[]>(Array.isArray(content.assetIds) ? content.assetIds.filter((v): v is string => typeof v === 'string') : []);
  const [competencies, setCompetencies] = useState<CompetencyTag[]>(lesson?.competencies ?? []);
  const [uploading, setUploading] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [alert, showAlert] = useAlert();
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusError = useFocusFirstError(formRef);
  const headingId = `lesson-form-${lesson?.id ?? `new-${section.id}`}`;

  useEffect(() => headingRef.current?.focus(), []);

  const purpose = FILE_PURPOSE[kind];
  const savedMarkdown = stringOf(lesson?.content.markdown);

  const contentOf = (): Record<string, unknown> => {
    switch (kind) {
      case 'text':
        return { markdown };
      case 'external':
        return { url: url.trim(), ...(provider.trim() ? { provider: provider.trim() } : {}), ...(instructions.trim() ? { instructions: instructions.trim() } : {}) };
      case 'gallery':
        return { assetIds };
      case 'quiz':
        return {};
      case 'video':
      case 'audio':
      case 'slides':
      case 'file':
        return { assetId };
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found: Partial<Record<Field, string>> = {};
    if (!titleVi.trim()) found.titleVi = t('lessonForm.errors.titleVi');
    if (minutes && !(Number.isInteger(Number(minutes)) && Number(minutes) >= 1 && Number(minutes) <= 10000)) found.minutes = t('lessonForm.errors.minutes');
    if (kind === 'text' && !markdown.trim()) found.markdown = t('lessonForm.errors.markdown');
    if (kind === 'external' && !HTTP_URL.test(url.trim())) found.url = t('lessonForm.errors.url');
    if (purpose && uploading) found.asset = t('lessonForm.errors.uploading');
    else if (purpose && !assetId) found.asset = t('lessonForm.errors.asset');
    if (kind === 'gallery' && uploading) found.gallery = t('lessonForm.errors.uploading');
    else if (kind === 'gallery' && assetIds.length === 0) found.gallery = t('lessonForm.errors.gallery');
    setErrors(found);
    if (Object.keys(found).length > 0) {
      showAlert(t('common.fixErrors'));
      focusError();
      return;
    }
    showAlert(null);
    setBusy(true);
    const fields = {
      titleVi: titleVi.trim(),
      titleEn: titleEn.trim() || null,
      required,
      estimatedMinutes: minutes ? Number(minutes) : null,
      content: contentOf(),
      competencies,
    };
    const result = lesson
      ? await call(api.PATCH('/api/v1/courses/{courseId}/lessons/{lessonId}', { params: { path: { courseId, lessonId: lesson.id } }, body: fields }))
      : await call(api.POST('/api/v1/courses/{courseId}/sections/{sectionId}/lessons', { params: { path: { courseId, sectionId: section.id } }, body: { kind, ...fields } }));
    setBusy(false);
    if (!result.ok) {
      const fromApi: Partial<Record<Field, string>> = {};
      for (const problem of result.fields) {
        if (problem.field === 'titleVi') fromApi.titleVi = t('common.invalidValue');
        if (problem.field === 'estimatedMinutes') fromApi.minutes = t('lessonForm.errors.minutes');
      }
      setErrors(fromApi);
      showAlert(result.message);
      focusError();
      return;
    }
    const savedId = lesson?.id ?? result.data.sections.find((s) => s.id === section.id)?.lessons.at(-1)?.id;
    onSaved(result.data, savedId ?? '', t('lessonForm.saved', { title: fields.titleVi }));
  };

  return (
    <section className="lesson-form" aria-labelledby={headingId} data-testid="lesson-form">
      <h4 id={headingId} ref={headingRef} tabIndex={-1} className="lesson-form__heading">
        {lesson ? t('lessonForm.editHeading', { title: titleOf(lesson, language) }) : t('lessonForm.newHeading', { section: titleOf(section, language) })}
      </h4>
      <FormAlert message={alert?.text ?? null} attempt={alert?.n} testId="lesson-form-error" />
      <form ref={formRef} className="form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy} aria-labelledby={headingId}>
        {lesson ? (
          <p className="form-help">{t('lessonForm.kindFixed', { kind: t(`lessonKinds.${kind}`) })}</p>
        ) : (
          <SelectField label={t('lessonForm.kind')} value={kind} onChange={(value) => setKind(value as LessonKind)}>
            {LESSON_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`lessonKinds.${k}`)}
              </option>
            ))}
          </SelectField>
        )}
        <TextField label={t('lessonForm.titleVi')} value={titleVi} onChange={setTitleVi} error={errors.titleVi} maxLength={200} autoComplete="off" />
        <TextField label={t('lessonForm.titleEn')} optionalText={t('common.optional')} value={titleEn} onChange={setTitleEn} maxLength={200} autoComplete="off" lang="en" />
        <TextField label={t('lessonForm.minutes')} optionalText={t('common.optional')} type="number" inputMode="numeric" min={1} max={10000} value={minutes} onChange={setMinutes} error={errors.minutes} />
        <Checkbox label={t('lessonForm.required')} checked={required} onChange={setRequired} />

        {kind === 'text' && (
          <>
            <TextAreaField label={t('lessonForm.markdown')} hint={t('lessonForm.markdownHint')} value={markdown} onChange={setMarkdown} error={errors.markdown} rows={10} maxLength={200000} spellCheck />
            <div className="preview" data-testid="lesson-preview">
              <p className="preview__heading">{t('lessonForm.previewHeading')}</p>
              {lesson?.bodyHtml ? (
                <>
                  {markdown !== savedMarkdown && <p className="form-help">{t('lessonForm.previewStale')}</p>}
                  {/* The api's sanitised HTML (markdown-it without raw HTML, then an allow-list): never the author's text as HTML. */}
                  <div className="reader reader--preview" dangerouslySetInnerHTML={{ __html: demoteHeadings(lesson.bodyHtml, 4) }} />
                </>
              ) : (
                <p className="form-help">{t('lessonForm.previewEmpty')}</p>
              )}
            </div>
          </>
        )}

        {kind === 'external' && (
          <>
            <TextField label={t('lessonForm.url')} hint={t('lessonForm.urlHint')} type="url" inputMode="url" value={url} onChange={setUrl} error={errors.url} maxLength={2000} autoComplete="off" spellCheck={false} />
            <TextField label={t('lessonForm.provider')} optionalText={t('common.optional')} hint={t('lessonForm.providerHint')} value={provider} onChange={setProvider} maxLength={100} autoComplete="off" />
            <TextAreaField label={t('lessonForm.instructions')} optionalText={t('common.optional')} hint={t('lessonForm.instructionsHint')} value={instructions} onChange={setInstructions} maxLength={2000} rows={4} />
          </>
        )}

        {kind === 'quiz' && <p className="notice">{t('lessonForm.quizNote')}</p>}

        {purpose && (
          <MediaUpload
            key={kind}
            purpose={purpose}
            label={t(`lessonForm.file.${purpose}`)}
            assetId={assetId}
            onBusy={setUploading}
            onUploaded={(asset) => {
              setAssetId(asset.id);
              setErrors((now) => ({ ...now, asset: undefined }));
            }}
            error={errors.asset}
          />
        )}

        {kind === 'gallery' && (
          <div className="gallery-editor">
            <p className="field__label">{t('lessonForm.galleryHeading')}</p>
            {assetIds.length === 0 ? (
              <p className="form-help">{t('lessonForm.galleryEmpty')}</p>
            ) : (
              <ol className="gallery-editor__list">
                {assetIds.map((imageId, index) => (
                  <li key={imageId} className="gallery-editor__item">
                    <MediaStatus assetId={imageId} />
                    <button type="button" className="button button--secondary button--small" onClick={() => setAssetIds((now) => now.filter((v) => v !== imageId))}>
                      {t('lessonForm.removeImage', { n: index + 1 })}
                    </button>
                  </li>
                ))}
              </ol>
            )}
            <MediaUpload
              purpose="image"
              label={t('lessonForm.file.image')}
              assetId={null}
              showStatus={false}
              onBusy={setUploading}
              onUploaded={(asset) => {
                setAssetIds((now) => [...now, asset.id]);
                setErrors((now) => ({ ...now, gallery: undefined }));
              }}
              error={errors.gallery}
            />
          </div>
        )}

        <CompetencyPicker value={competencies} onChange={setCompetencies} />

        <div className="actions">
          <button type="submit" className="button" aria-disabled={busy || undefined}>
            {busy ? t('common.saving') : t('lessonForm.save')}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('lessonForm.close')}
          </button>
        </div>
      </form>
    </section>
  );
}
