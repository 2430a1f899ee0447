import { Fragment, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { UnitPicker } from '../admin/UnitPicker';
import { UNIT_TYPES } from '../admin/units';
import { PageTitle } from '../components/PageTitle';
import { formatDate, formatDateTime, titleOf } from '../courses/model';
import { currentLanguage } from '../i18n';
import { learningApi, matrixExportUrl } from '../learning/api';
import { LoadFailure, Loading } from '../learning/Loading';
import type { MatrixCell, MatrixCourse, ProgressMatrix } from '../learning/types';
import { useLoaded } from '../learning/useLoaded';
import { usePermissions } from '../session/permissions';
import { useChosenUnit } from './useChosenUnit';

/** One learner's cell for a course: "✓ Hoàn thành", "40%", "—" (not enrolled), with "Quá hạn" in words. */
function CourseCell({ cell, learner, course }: { cell: MatrixCell | undefined; learner: string; course: MatrixCourse }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (!cell || !cell.enrolled) {
    return (
      <td className="matrix__cell matrix__cell--none" data-testid="matrix-cell" data-learner={learner} data-course={course.courseId} data-state="none">
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">{t('teaching.matrix.notEnrolled')}</span>
      </td>
    );
  }
  const done = cell.completedAt !== null;
  const overdue = cell.overdue && !done;
  return (
    <td
      className={`matrix__cell${done ? ' matrix__cell--done' : ''}${overdue ? ' matrix__cell--overdue' : ''}`}
      data-testid="matrix-cell"
      data-learner={learner}
      data-course={course.courseId}
      data-state={done ? 'completed' : overdue ? 'overdue' : 'in_progress'}
    >
      {done && cell.completedAt ? (
        <>
          <span className="matrix__value">✓ {t('teaching.matrix.completed')}</span>
          <span className="matrix__sub">{formatDate(cell.completedAt, language)}</span>
        </>
      ) : (
        <>
          <span className="matrix__value">{t('teaching.matrix.percent', { percent: cell.percent })}</span>
          <span className="matrix__sub">{t('teaching.matrix.lessons', { done: cell.requiredDone, total: cell.requiredTotal })}</span>
          {overdue && <span className="matrix__overdue">⚠ {t('learning.overdue')}</span>}
        </>
      )}
    </td>
  );
}

function LessonCells({ cell, course }: { cell: MatrixCell | undefined; course: MatrixCourse }) {
  const { t } = useTranslation();
  return (
    <>
      {course.lessons.map((lesson) => {
        const state = cell?.enrolled ? cell.lessons.find((l) => l.lessonId === lesson.lessonId) : undefined;
        return (
          <td key={lesson.lessonId} className={`matrix__cell matrix__cell--lesson${state?.status === 'completed' ? ' matrix__cell--done' : ''}`}>
            {!state || state.status === 'not_started' ? (
              <>
                <span aria-hidden="true">—</span>
                <span className="visually-hidden">{t('teaching.matrix.notStarted')}</span>
              </>
            ) : state.status === 'completed' ? (
              <>
                <span aria-hidden="true">✓</span>
                <span className="visually-hidden">{t('teaching.matrix.completed')}</span>
              </>
            ) : (
              t('teaching.matrix.percent', { percent: state.percent })
            )}
          </td>
        );
      })}
    </>
  );
}

/**
 * The class matrix: a learner per row, a course per column (expanded on request into its lessons),
 * the first column fixed while the table scrolls sideways on a phone.
 */
function Matrix({ matrix }: { matrix: ProgressMatrix }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const id = useId();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (courseId: string) =>
    setOpen((now) => {
      const next = new Set(now);
      if (next.has(courseId)) next.delete(courseId);
      else next.add(courseId);
      return next;
    });

  if (matrix.courses.length === 0) return <p className="notice">{t('teaching.matrix.noCourses')}</p>;
  if (matrix.learners.length === 0) return <p className="notice">{t('teaching.matrix.noLearners')}</p>;
  const overdue = matrix.learners.reduce((n, l) => n + l.cells.filter((c) => c.enrolled && c.overdue && !c.completedAt).length, 0);

  return (
    <>
      {overdue > 0 && <p className="notice notice--bad">⚠ {t('teaching.matrix.overdueCount', { count: overdue })}</p>}
      <p className="form-help">{t('teaching.matrix.scrollHint')}</p>
      <div className="table-wrap matrix-wrap" role="region" aria-labelledby={`${id}-caption`} tabIndex={0} data-testid="progress-matrix">
        <table className="table matrix">
          <caption id={`${id}-caption`}>{t('teaching.matrix.caption', { unit: matrix.unitName, learners: matrix.learners.length, courses: matrix.courses.length })}</caption>
          <thead>
            <tr>
              <th scope="col" className="matrix__sticky">
                {t('teaching.matrix.learner')}
              </th>
              {matrix.courses.map((course) => {
                const title = titleOf(course, language);
                const expanded = open.has(course.courseId);
                return (
                  <Fragment key={course.courseId}>
                  <th scope="col" className="matrix__course" data-testid="matrix-course">
                    <span className="matrix__course-title">{title}</span>
                    {course.dueAt && <span className="matrix__sub">{t('learning.due', { date: formatDate(course.dueAt, language) })}</span>}
                    {course.lessons.length > 0 && (
                      <button type="button" className="button button--secondary button--small matrix__toggle" aria-expanded={expanded} onClick={() => toggle(course.courseId)} aria-label={expanded ? t('teaching.matrix.collapseLabel', { title }) : t('teaching.matrix.expandLabel', { title })}>
                        {expanded ? t('teaching.matrix.collapse') : t('teaching.matrix.expand')}
                      </button>
                    )}
                  </th>
                  {expanded &&
                    course.lessons.map((lesson, index) => (
                      <th key={lesson.lessonId} scope="col" className="matrix__lesson">
                        <span className="matrix__sub">{t('teaching.matrix.lessonN', { n: index + 1 })}</span> {titleOf(lesson, language)}
                        {!lesson.required && <span className="matrix__sub"> ({t('coursePage.optional')})</span>}
                      </th>
                    ))}
                  </Fragment>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {matrix.learners.map((learner) => (
              <tr key={learner.userId} data-testid="matrix-row" data-learner={learner.userId}>
                <th scope="row" className="matrix__sticky">
                  <span className="matrix__name">{learner.displayName}</span>
                  <span className="matrix__sub">{[learner.className, learner.personCode ?? learner.username].filter(Boolean).join(' · ')}</span>
                </th>
                {matrix.courses.map((course) => {
                  const cell = learner.cells.find((c) => c.courseId === course.courseId);
                  return (
                    <Fragment key={course.courseId}>
                      <CourseCell cell={cell} learner={learner.userId} course={course} />
                      {open.has(course.courseId) && <LessonCells cell={cell} course={course} />}
                    </Fragment>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="form-help">{t('teaching.matrix.generated', { time: formatDateTime(matrix.generatedAt, language) })}</p>
    </>
  );
}

/** /giang-day: a class's (or a school's) progress: the matrix, and the same as CSV or Excel. */
export function ClassProgressPage() {
  const { t } = useTranslation();
  const perms = usePermissions();
  const { initialId, unit, choose } = useChosenUnit();
  const { loaded, reload } = useLoaded(unit ? () => learningApi.matrix(unit.id) : null, unit?.id ?? '');

  if (!perms.has('progress.read')) {
    return (
      <>
        <PageTitle page={t('teaching.title')} />
        <h1 tabIndex={-1}>{t('teaching.heading')}</h1>
        <p>{t('teaching.noProgress')}</p>
        <ul className="link-list">
          {perms.has('course.assign') && (
            <li>
              <Link to="/giang-day/giao-khoa-hoc">{t('teaching.nav.assign')}</Link>
            </li>
          )}
          {perms.has('evidence.review') && (
            <li>
              <Link to="/giang-day/minh-chung">{t('teaching.nav.evidence')}</Link>
            </li>
          )}
        </ul>
      </>
    );
  }

  return (
    <>
      <PageTitle page={t('teaching.matrix.title')} />
      <h1 tabIndex={-1}>{t('teaching.matrix.heading')}</h1>
      <p>{t('teaching.matrix.intro')}</p>
      <div className="narrow">
        <UnitPicker legend={t('teaching.unit')} hint={t('teaching.unitHint')} allowed={UNIT_TYPES} initialId={initialId} onChange={choose} />
      </div>
      {unit && (
        <section aria-labelledby="matrix-heading">
          <h2 id="matrix-heading">{t('teaching.matrix.of', { unit: unit.name })}</h2>
          <div className="actions matrix__actions">
            <a className="button button--secondary" href={matrixExportUrl(unit.id, 'csv')} download data-testid="export-csv">
              {t('teaching.matrix.csv')}
            </a>
            <a className="button button--secondary" href={matrixExportUrl(unit.id, 'xlsx')} download data-testid="export-xlsx">
              {t('teaching.matrix.xlsx')}
            </a>
            <button type="button" className="button button--secondary" onClick={reload}>
              {t('teaching.matrix.refresh')}
            </button>
          </div>
          {loaded.state === 'loading' && <Loading />}
          {loaded.state === 'error' && <LoadFailure message={loaded.message} retry={reload} />}
          {loaded.state === 'ready' && <Matrix matrix={loaded.data} />}
        </section>
      )}
    </>
  );
}
