import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageTitle } from '../components/PageTitle';
import { learningApi } from './api';
import { DashboardView } from './DashboardView';
import { LoadFailure, Loading } from './Loading';
import { flushProgress } from './progress';
import { useLoaded } from './useLoaded';

/** /hoc-tap: "Việc học của tôi": the lesson to resume, the courses in progress and the completed ones. */
export function LearningPage() {
  const { t } = useTranslation();
  // What the lesson just left has sent is counted before the dashboard is read.
  const { loaded, reload } = useLoaded(async () => {
    await flushProgress();
    return learningApi.dashboard();
  }, 'me');
  return (
    <>
      <PageTitle page={t('learning.title')} />
      <h1 tabIndex={-1}>{t('learning.heading')}</h1>
      <div className="actions page-links">
        <Link to="/nang-luc" className="button button--secondary">
          {t('learning.toProfile')}
        </Link>
        <Link to="/khoa-hoc" className="button button--secondary">
          {t('learning.toCatalog')}
        </Link>
      </div>
      {loaded.state === 'loading' && <Loading />}
      {loaded.state === 'error' && <LoadFailure message={loaded.message} retry={reload} />}
      {loaded.state === 'ready' && <DashboardView data={loaded.data} mode="self" />}
    </>
  );
}
