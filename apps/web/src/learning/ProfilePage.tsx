import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageTitle } from '../components/PageTitle';
import { learningApi } from './api';
import { LoadFailure, Loading } from './Loading';
import { flushProgress } from './progress';
import { ProfileView } from './ProfileView';
import { useLoaded } from './useLoaded';

/** /nang-luc: the signed-in learner's digital competency profile. */
export function ProfilePage() {
  const { t } = useTranslation();
  const { loaded, reload } = useLoaded(async () => {
    await flushProgress();
    return learningApi.profile();
  }, 'me');
  return (
    <>
      <PageTitle page={t('profile.title')} />
      <p className="breadcrumb">
        <Link to="/hoc-tap">{t('profile.back')}</Link>
      </p>
      <h1 tabIndex={-1}>{t('profile.heading')}</h1>
      <p className="hero__lead">{t('profile.intro')}</p>
      {loaded.state === 'loading' && <Loading />}
      {loaded.state === 'error' && <LoadFailure message={loaded.message} retry={reload} />}
      {loaded.state === 'ready' && <ProfileView profile={loaded.data} mode="self" />}
    </>
  );
}
