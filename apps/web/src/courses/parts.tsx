import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageTitle } from '../components/PageTitle';
import type { CourseStatus } from './model';

/** "Bản nháp", "Chờ duyệt", "Đã xuất bản", "Đã lưu trữ" as a coloured badge (the words carry the meaning). */
export function StatusBadge({ status }: { status: CourseStatus }) {
  const { t } = useTranslation();
  return (
    <p className={`badge badge--course-${status}`} data-testid="course-status">
      {t(`courseStatus.${status}`)}
    </p>
  );
}

/** Shown to a signed-in user without `course.author` (the api would refuse the page's calls anyway). */
export function AuthoringNoAccess() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle page={t('authoring.title')} />
      <h1 tabIndex={-1}>{t('admin.noAccess.heading')}</h1>
      <p>{t('authoring.noAccess')}</p>
      <p>
        <Link to="/khoa-hoc" className="button button--secondary">
          {t('authoring.toCatalog')}
        </Link>
      </p>
    </>
  );
}
