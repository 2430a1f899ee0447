import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { PageTitle } from '../components/PageTitle';
import { learningApi } from './api';
import { DashboardView } from './DashboardView';
import { LoadFailure, Loading } from './Loading';
import { ProfileView } from './ProfileView';
import { useLoaded } from './useLoaded';

/** /con-cua-toi/:childId: a parent's view of a linked child's learning: their courses and competency profile. */
export function ChildLearningPage() {
  const { t } = useTranslation();
  const { childId = '' } = useParams();
  const dashboard = useLoaded(() => learningApi.childDashboard(childId), childId);
  const profile = useLoaded(() => learningApi.childProfile(childId), childId);
  const name = profile.loaded.state === 'ready' ? profile.loaded.data.displayName : null;
  const missing = [dashboard.loaded, profile.loaded].some((l) => l.state === 'error' && (l.status === 404 || l.status === 403));

  return (
    <>
      <PageTitle page={name ? t('childLearning.title', { name }) : t('children.title')} />
      <p className="breadcrumb">
        <Link to="/con-cua-toi">{t('childLearning.back')}</Link>
      </p>
      <h1 tabIndex={-1}>{name ? t('childLearning.heading', { name }) : t('childLearning.headingPlain')}</h1>
      {missing ? (
        <p className="notice">{t('childLearning.notFound')}</p>
      ) : (
        <>
          <section aria-labelledby="child-courses">
            <h2 id="child-courses">{t('childLearning.courses')}</h2>
            {dashboard.loaded.state === 'loading' && <Loading />}
            {dashboard.loaded.state === 'error' && <LoadFailure message={dashboard.loaded.message} retry={dashboard.reload} />}
            {dashboard.loaded.state === 'ready' && <DashboardView data={dashboard.loaded.data} mode="child" headingLevel={3} />}
          </section>
          <section aria-labelledby="child-profile">
            <h2 id="child-profile">{t('childLearning.profile')}</h2>
            {profile.loaded.state === 'loading' && <Loading />}
            {profile.loaded.state === 'error' && <LoadFailure message={profile.loaded.message} retry={profile.reload} />}
            {profile.loaded.state === 'ready' && <ProfileView profile={profile.loaded.data} mode="child" headingLevel={3} />}
          </section>
        </>
      )}
    </>
  );
}
