import { useEffect, useRef, useState, type DragEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../api/client';
import { call } from '../api/call';
import { FormAlert, TextField } from '../components/Fields';
import { useAlert } from '../components/form-helpers';
import { currentLanguage } from '../i18n';
import { KindIcon } from './KindIcon';
import { LessonForm } from './LessonForm';
import { titleOf, type Outline, type OutlineLesson, type OutlineSection } from './model';

type Props = {
  outline: Outline;
  canEdit: boolean;
  onOutline(outline: Outline): void;
};

type Answer = Promise<{ data?: Outline; error?: unknown; response: Response }>;
type Dragged = { type: 'lesson' | 'section'; id: string };

/** The outline with one lesson taken out and put at `toIndex` of section `toSectionId`. */
export function withLessonMoved(outline: Outline, lessonId: string, toSectionId: string, toIndex: number): Outline {
  const lesson = outline.sections.flatMap((s) => s.lessons).find((l) => l.id === lessonId);
  if (!lesson) return outline;
  const sections = outline.sections.map((s) => ({ ...s, lessons: s.lessons.filter((l) => l.id !== lessonId) }));
  const target = sections.find((s) => s.id === toSectionId);
  if (!target) return outline;
  target.lessons.splice(Math.max(0, Math.min(toIndex, target.lessons.length)), 0, lesson);
  return { ...outline, sections };
}

export function withSectionMoved(outline: Outline, sectionId: string, toIndex: number): Outline {
  const section = outline.sections.find((s) => s.id === sectionId);
  if (!section) return outline;
  const sections = outline.sections.filter((s) => s.id !== sectionId);
  sections.splice(Math.max(0, Math.min(toIndex, sections.length)), 0, section);
  return { ...outline, sections };
}

/**
 * Sections and lessons of the working copy: add, rename, delete, edit, and order — by drag and drop
 * (HTML5 drag events, a mouse on a computer) or, on phones and with a keyboard, by the "Lên"/"Xuống"
 * buttons and the "Chuyển sang chương…" select. Every order change is sent to the order endpoints at
 * once (shown first, undone if the api refuses) and announced to screen readers.
 */
export function OutlineEditor({ outline, canEdit, onOutline }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const courseId = outline.course.id;
  const sections = outline.sections;
  const [editing, setEditing] = useState<{ sectionId: string; lessonId: string | null } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [failure, showFailure] = useAlert();
  const [confirming, setConfirming] = useState<{ type: 'lesson' | 'section'; id: string } | null>(null);
  const [renaming, setRenaming] = useState<{ id: string; value: string; error: string | null } | null>(null);
  const [newSection, setNewSection] = useState('');
  const [newSectionError, setNewSectionError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState<string | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const drag = useRef<Dragged | null>(null);
  const focusAfter = useRef<string[] | null>(null);
  const rootRef = useRef<HTMLElement>(null);

  // After an order change re-renders the list, focus goes back to the control that made it.
  useEffect(() => {
    const wanted = focusAfter.current;
    if (!wanted) return;
    focusAfter.current = null;
    for (const selector of wanted) {
      const element = rootRef.current?.querySelector<HTMLElement>(selector);
      if (element && !(element as HTMLButtonElement).disabled) {
        element.focus();
        return;
      }
    }
  }, [outline, editing, confirming, renaming]);

  const mutate = async (request: Answer, message: string, optimistic?: Outline): Promise<Outline | null> => {
    const before = outline;
    if (optimistic) onOutline(optimistic);
    setBusy(true);
    const result = await call(request);
    setBusy(false);
    if (result.ok) {
      onOutline(result.data);
      showFailure(null);
      setAnnouncement(message);
      return result.data;
    }
    if (optimistic) onOutline(before);
    showFailure(result.message);
    return null;
  };

  const sectionName = (section: OutlineSection) => t('editor.outline.section', { n: sections.indexOf(section) + 1, title: titleOf(section, language) });
  const locate = (lessonId: string) => {
    for (let si = 0; si < sections.length; si++) {
      const li = sections[si].lessons.findIndex((l) => l.id === lessonId);
      if (li !== -1) return { si, li, section: sections[si], lesson: sections[si].lessons[li] };
    }
    return null;
  };

  // --- Ordering ------------------------------------------------------------------------------

  const moveLesson = (lessonId: string, toSectionId: string, toIndex: number, focus?: string[]) => {
    const found = locate(lessonId);
    if (!found || busy) return;
    const next = withLessonMoved(outline, lessonId, toSectionId, toIndex);
    const target = next.sections.find((s) => s.id === toSectionId);
    if (!target) return;
    const position = target.lessons.findIndex((l) => l.id === lessonId) + 1;
    const message = t('editor.outline.moved', { title: titleOf(found.lesson, language), position, section: t('editor.outline.section', { n: next.sections.indexOf(target) + 1, title: titleOf(target, language) }) });
    if (focus) focusAfter.current = focus;
    void mutate(
      api.PUT('/api/v1/courses/{courseId}/sections/{sectionId}/lesson-order', { params: { path: { courseId, sectionId: toSectionId } }, body: { lessonIds: target.lessons.map((l) => l.id) } }),
      message,
      next,
    );
  };

  const lessonFocus = (lessonId: string, action: string, other: string) => [`[data-lesson-id="${lessonId}"] [data-action="${action}"]`, `[data-lesson-id="${lessonId}"] [data-action="${other}"]`];

  const lessonUp = (lesson: OutlineLesson) => {
    const at = locate(lesson.id);
    if (!at) return;
    if (at.li > 0) moveLesson(lesson.id, at.section.id, at.li - 1, lessonFocus(lesson.id, 'up', 'down'));
    else if (at.si > 0) moveLesson(lesson.id, sections[at.si - 1].id, sections[at.si - 1].lessons.length, lessonFocus(lesson.id, 'up', 'down'));
  };
  const lessonDown = (lesson: OutlineLesson) => {
    const at = locate(lesson.id);
    if (!at) return;
    if (at.li < at.section.lessons.length - 1) moveLesson(lesson.id, at.section.id, at.li + 1, lessonFocus(lesson.id, 'down', 'up'));
    else if (at.si < sections.length - 1) moveLesson(lesson.id, sections[at.si + 1].id, 0, lessonFocus(lesson.id, 'down', 'up'));
  };

  const moveSection = (sectionId: string, toIndex: number, focus?: string[]) => {
    const section = sections.find((s) => s.id === sectionId);
    if (!section || busy) return;
    const next = withSectionMoved(outline, sectionId, toIndex);
    if (focus) focusAfter.current = focus;
    void mutate(
      api.PUT('/api/v1/courses/{courseId}/section-order', { params: { path: { courseId } }, body: { sectionIds: next.sections.map((s) => s.id) } }),
      t('editor.outline.sectionMoved', { title: titleOf(section, language), position: next.sections.indexOf(section) + 1 }),
      next,
    );
  };
  const sectionFocus = (sectionId: string, action: string, other: string) => [`[data-section-id="${sectionId}"] > .outline-section__head [data-action="${action}"]`, `[data-section-id="${sectionId}"] > .outline-section__head [data-action="${other}"]`];

  // --- Drag and drop -------------------------------------------------------------------------

  const startDrag = (event: DragEvent, dragged: Dragged) => {
    event.stopPropagation();
    drag.current = dragged;
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData('text/plain', dragged.id);
    setDragging(dragged.id);
  };
  const endDrag = () => {
    drag.current = null;
    setDragging(null);
    setDropTarget(null);
  };
  const overFor = (type: Dragged['type'], target: string) => (event: DragEvent) => {
    if (drag.current?.type !== type) return;
    event.preventDefault();
    event.stopPropagation();
    event.dataTransfer.dropEffect = 'move';
    if (dropTarget !== target) setDropTarget(target);
  };
  /** A lesson dropped on a lesson takes its place; dropped on a section's list, it goes last there. */
  const dropOnLesson = (target: OutlineLesson) => (event: DragEvent) => {
    const dragged = drag.current;
    if (dragged?.type !== 'lesson') return;
    event.preventDefault();
    event.stopPropagation();
    endDrag();
    const to = locate(target.id);
    if (!to || dragged.id === target.id) return;
    moveLesson(dragged.id, to.section.id, to.li);
  };
  const dropOnSectionList = (section: OutlineSection) => (event: DragEvent) => {
    const dragged = drag.current;
    if (dragged?.type !== 'lesson') return;
    event.preventDefault();
    event.stopPropagation();
    endDrag();
    moveLesson(dragged.id, section.id, section.lessons.filter((l) => l.id !== dragged.id).length);
  };
  const dropOnSection = (index: number) => (event: DragEvent) => {
    const dragged = drag.current;
    if (dragged?.type !== 'section') return;
    event.preventDefault();
    event.stopPropagation();
    endDrag();
    moveSection(dragged.id, index);
  };

  // --- Sections ------------------------------------------------------------------------------

  const addSection = async (event: FormEvent) => {
    event.preventDefault();
    if (!newSection.trim()) {
      setNewSectionError(t('editor.outline.errors.sectionTitle'));
      return;
    }
    setNewSectionError(null);
    const title = newSection.trim();
    const done = await mutate(api.POST('/api/v1/courses/{courseId}/sections', { params: { path: { courseId } }, body: { titleVi: title } }), t('editor.outline.sectionAdded', { title }));
    if (done) setNewSection('');
  };

  const renameSection = async (event: FormEvent, section: OutlineSection) => {
    event.preventDefault();
    if (!renaming) return;
    if (!renaming.value.trim()) {
      setRenaming({ ...renaming, error: t('editor.outline.errors.sectionTitle') });
      return;
    }
    const title = renaming.value.trim();
    focusAfter.current = [`[data-section-id="${section.id}"] [data-action="rename"]`];
    const done = await mutate(api.PATCH('/api/v1/courses/{courseId}/sections/{sectionId}', { params: { path: { courseId, sectionId: section.id } }, body: { titleVi: title } }), t('editor.outline.renamed', { title }));
    if (done) setRenaming(null);
  };

  const deleteSection = async (section: OutlineSection) => {
    focusAfter.current = ['[data-action="new-section"]'];
    const done = await mutate(api.DELETE('/api/v1/courses/{courseId}/sections/{sectionId}', { params: { path: { courseId, sectionId: section.id } } }), t('editor.outline.sectionDeleted', { title: titleOf(section, language) }));
    if (done) setConfirming(null);
  };

  const deleteLesson = async (lesson: OutlineLesson, section: OutlineSection) => {
    focusAfter.current = [`[data-section-id="${section.id}"] [data-action="add-lesson"]`];
    const done = await mutate(api.DELETE('/api/v1/courses/{courseId}/lessons/{lessonId}', { params: { path: { courseId, lessonId: lesson.id } } }), t('editor.outline.lessonDeleted', { title: titleOf(lesson, language) }));
    if (done) {
      setConfirming(null);
      if (editing?.lessonId === lesson.id) setEditing(null);
    }
  };

  const closeForm = (section: OutlineSection, lessonId: string | null) => {
    setEditing(null);
    focusAfter.current = lessonId ? [`[data-lesson-id="${lessonId}"] [data-action="edit"]`] : [`[data-section-id="${section.id}"] [data-action="add-lesson"]`];
  };

  // --- Rendering -----------------------------------------------------------------------------

  const lessonRow = (lesson: OutlineLesson, li: number, section: OutlineSection, si: number) => {
    const title = titleOf(lesson, language);
    const first = si === 0 && li === 0;
    const last = si === sections.length - 1 && li === section.lessons.length - 1;
    const isEditing = editing?.lessonId === lesson.id;
    const draggable = canEdit && !isEditing && !busy;
    return (
      <li
        key={lesson.id}
        className={`lesson-row${dragging === lesson.id ? ' lesson-row--dragging' : ''}${dropTarget === lesson.id ? ' lesson-row--drop' : ''}`}
        data-lesson-id={lesson.id}
        data-testid="lesson-row"
        draggable={draggable}
        onDragStart={draggable ? (event) => startDrag(event, { type: 'lesson', id: lesson.id }) : undefined}
        onDragEnd={endDrag}
        onDragOver={canEdit ? overFor('lesson', lesson.id) : undefined}
        onDrop={canEdit ? dropOnLesson(lesson) : undefined}
      >
        <div className="lesson-row__main">
          {canEdit && (
            <span className="drag-grip" aria-hidden="true" title={t('editor.outline.drag')}>
              ⋮⋮
            </span>
          )}
          <KindIcon kind={lesson.kind} />
          <div className="lesson-row__text">
            <span className="lesson-row__title" data-testid="lesson-title">
              {title}
            </span>
            <span className="lesson-row__meta">
              {t(`lessonKinds.${lesson.kind}`)}
              {lesson.estimatedMinutes !== null && ` · ${t('courseFacts.minutesValue', { count: lesson.estimatedMinutes })}`}
              {lesson.competencies.length > 0 && ` · ${lesson.competencies.map((c) => `${c.code} (${t('competency.levelShort', { level: c.level })})`).join(', ')}`}
              {!lesson.required && ` · ${t('coursePage.optional')}`}
            </span>
          </div>
        </div>
        <div className="lesson-row__actions">
          {canEdit && (
            <>
              <button type="button" className="button button--secondary button--small" data-action="up" disabled={first} aria-label={t('editor.outline.upLabel', { title })} onClick={() => lessonUp(lesson)}>
                {t('editor.outline.up')}
              </button>
              <button type="button" className="button button--secondary button--small" data-action="down" disabled={last} aria-label={t('editor.outline.downLabel', { title })} onClick={() => lessonDown(lesson)}>
                {t('editor.outline.down')}
              </button>
              {sections.length > 1 && (
                <select
                  className="field__input lesson-row__move"
                  data-action="move"
                  value=""
                  aria-label={t('editor.outline.moveToLabel', { title })}
                  onChange={(event) => {
                    const target = sections.find((s) => s.id === event.target.value);
                    if (target) moveLesson(lesson.id, target.id, target.lessons.length, [`[data-lesson-id="${lesson.id}"] [data-action="move"]`]);
                  }}
                >
                  <option value="">{t('editor.outline.moveTo')}</option>
                  {sections
                    .filter((s) => s.id !== section.id)
                    .map((s) => (
                      <option key={s.id} value={s.id}>
                        {sectionName(s)}
                      </option>
                    ))}
                </select>
              )}
              <button
                type="button"
                className="button button--secondary button--small"
                data-action="edit"
                aria-expanded={isEditing}
                aria-label={t('editor.outline.editLabel', { title })}
                onClick={() => (isEditing ? closeForm(section, lesson.id) : setEditing({ sectionId: section.id, lessonId: lesson.id }))}
              >
                {t('editor.outline.edit')}
              </button>
            </>
          )}
          <Link to={`/hoc/${courseId}/${lesson.id}?xem-thu=1`} className="button button--secondary button--small" data-action="preview" aria-label={t('editor.outline.previewLabel', { title })}>
            {t('editor.outline.preview')}
          </Link>
          {canEdit && (
            <button type="button" className="button button--danger-outline button--small button--secondary" data-action="delete" aria-label={t('editor.outline.deleteLabel', { title })} onClick={() => setConfirming({ type: 'lesson', id: lesson.id })}>
              {t('editor.outline.delete')}
            </button>
          )}
        </div>
        {confirming?.type === 'lesson' && confirming.id === lesson.id && (
          <div className="confirm" role="group" aria-label={t('editor.outline.deleteLabel', { title })}>
            <p className="confirm__question">{t('editor.outline.deleteLessonQuestion', { title })}</p>
            <div className="actions">
              <button type="button" className="button button--danger" data-action="confirm-delete" onClick={() => void deleteLesson(lesson, section)} ref={(el) => el?.focus()}>
                {t('editor.outline.confirmDelete')}
              </button>
              <button type="button" className="button button--secondary" onClick={() => setConfirming(null)}>
                {t('common.cancel')}
              </button>
            </div>
          </div>
        )}
        {isEditing && (
          <LessonForm
            key={lesson.id}
            courseId={courseId}
            section={section}
            lesson={lesson}
            onSaved={(next, lessonId, message) => {
              onOutline(next);
              setAnnouncement(message);
              setEditing({ sectionId: section.id, lessonId });
            }}
            onClose={() => closeForm(section, lesson.id)}
          />
        )}
      </li>
    );
  };

  return (
    <section ref={rootRef} className="outline-editor" aria-labelledby="outline-heading">
      <h2 id="outline-heading">{t('editor.outline.heading')}</h2>
      {canEdit && <p className="form-help">{t('editor.outline.hint')}</p>}
      <p role="status" aria-live="polite" className="visually-hidden-when-empty outline-editor__announce" data-testid="outline-announce">
        {announcement}
      </p>
      <FormAlert message={failure?.text ?? null} attempt={failure?.n} testId="outline-error" />
      {sections.length === 0 && <p className="notice">{t('editor.outline.empty')}</p>}
      <ol className="outline">
        {sections.map((section, si) => {
          const name = sectionName(section);
          const plainTitle = titleOf(section, language);
          const isRenaming = renaming?.id === section.id;
          const sectionDraggable = canEdit && !busy && !isRenaming;
          return (
            <li
              key={section.id}
              className={`outline-section${dragging === section.id ? ' outline-section--dragging' : ''}${dropTarget === `section:${section.id}` ? ' outline-section--drop' : ''}`}
              data-section-id={section.id}
              data-testid="outline-section"
              onDragOver={canEdit ? overFor('section', `section:${section.id}`) : undefined}
              onDrop={canEdit ? dropOnSection(si) : undefined}
            >
              <div
                className="outline-section__head"
                draggable={sectionDraggable}
                onDragStart={sectionDraggable ? (event) => startDrag(event, { type: 'section', id: section.id }) : undefined}
                onDragEnd={endDrag}
              >
                <h3 className="outline-section__title">
                  {canEdit && (
                    <span className="drag-grip" aria-hidden="true" title={t('editor.outline.drag')}>
                      ⋮⋮
                    </span>
                  )}
                  {name}
                </h3>
                {canEdit && (
                  <div className="outline-section__actions">
                    <button type="button" className="button button--secondary button--small" data-action="section-up" disabled={si === 0} aria-label={t('editor.outline.sectionUpLabel', { title: plainTitle })} onClick={() => moveSection(section.id, si - 1, sectionFocus(section.id, 'section-up', 'section-down'))}>
                      {t('editor.outline.up')}
                    </button>
                    <button type="button" className="button button--secondary button--small" data-action="section-down" disabled={si === sections.length - 1} aria-label={t('editor.outline.sectionDownLabel', { title: plainTitle })} onClick={() => moveSection(section.id, si + 1, sectionFocus(section.id, 'section-down', 'section-up'))}>
                      {t('editor.outline.down')}
                    </button>
                    <button type="button" className="button button--secondary button--small" data-action="rename" aria-expanded={isRenaming} aria-label={t('editor.outline.renameLabel', { title: plainTitle })} onClick={() => setRenaming(isRenaming ? null : { id: section.id, value: section.titleVi, error: null })}>
                      {t('editor.outline.rename')}
                    </button>
                    <button type="button" className="button button--secondary button--danger-outline button--small" data-action="delete-section" aria-label={t('editor.outline.deleteSectionLabel', { title: plainTitle })} onClick={() => setConfirming({ type: 'section', id: section.id })}>
                      {t('editor.outline.delete')}
                    </button>
                  </div>
                )}
              </div>
              {isRenaming && renaming && (
                <form className="form inline-form" noValidate onSubmit={(event) => void renameSection(event, section)} aria-label={t('editor.outline.renameLabel', { title: plainTitle })}>
                  <TextField label={t('editor.outline.renameField')} value={renaming.value} onChange={(value) => setRenaming({ ...renaming, value })} error={renaming.error} maxLength={200} autoComplete="off" autoFocus />
                  <div className="actions">
                    <button type="submit" className="button">
                      {t('editor.outline.saveName')}
                    </button>
                    <button type="button" className="button button--secondary" onClick={() => setRenaming(null)}>
                      {t('common.cancel')}
                    </button>
                  </div>
                </form>
              )}
              {confirming?.type === 'section' && confirming.id === section.id && (
                <div className="confirm" role="group" aria-label={t('editor.outline.deleteSectionLabel', { title: plainTitle })}>
                  <p className="confirm__question">{t('editor.outline.deleteSectionQuestion', { title: plainTitle, count: section.lessons.length })}</p>
                  <div className="actions">
                    <button type="button" className="button button--danger" onClick={() => void deleteSection(section)} ref={(el) => el?.focus()}>
                      {t('editor.outline.confirmDelete')}
                    </button>
                    <button type="button" className="button button--secondary" onClick={() => setConfirming(null)}>
                      {t('common.cancel')}
                    </button>
                  </div>
                </div>
              )}
              <div
                className={`outline-section__lessons${dropTarget === `list:${section.id}` ? ' outline-section__lessons--drop' : ''}`}
                data-testid="section-drop-zone"
                onDragOver={canEdit ? overFor('lesson', `list:${section.id}`) : undefined}
                onDrop={canEdit ? dropOnSectionList(section) : undefined}
              >
                {section.lessons.length > 0 ? (
                  <ol className="outline-lessons" aria-label={t('editor.outline.lessonsOf', { section: name })}>
                    {section.lessons.map((lesson, li) => lessonRow(lesson, li, section, si))}
                  </ol>
                ) : (
                  <p className="outline-section__empty">{canEdit ? t('editor.outline.noLessonsDrop') : t('editor.outline.noLessons')}</p>
                )}
              </div>
              {canEdit &&
                (editing?.sectionId === section.id && editing.lessonId === null ? (
                  <LessonForm
                    key={`new-${section.id}`}
                    courseId={courseId}
                    section={section}
                    lesson={null}
                    onSaved={(next, lessonId, message) => {
                      onOutline(next);
                      setAnnouncement(message);
                      setEditing({ sectionId: section.id, lessonId });
                    }}
                    onClose={() => closeForm(section, null)}
                  />
                ) : (
                  <p>
                    <button type="button" className="button button--secondary" data-action="add-lesson" aria-label={t('editor.outline.addLessonTo', { section: name })} onClick={() => setEditing({ sectionId: section.id, lessonId: null })}>
                      {t('editor.outline.addLesson')}
                    </button>
                  </p>
                ))}
            </li>
          );
        })}
      </ol>
      {canEdit && (
        <form className="form inline-form add-section" noValidate onSubmit={(event) => void addSection(event)} aria-label={t('editor.outline.addSection')}>
          <TextField label={t('editor.outline.newSection')} hint={t('editor.outline.newSectionHint')} value={newSection} onChange={setNewSection} error={newSectionError} maxLength={200} autoComplete="off" data-action="new-section" />
          <div>
            <button type="submit" className="button" aria-disabled={busy || undefined}>
              {t('editor.outline.addSection')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
