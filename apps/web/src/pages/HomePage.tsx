import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { AudienceIcon, type Audience } from '../components/AudienceIcon';
import { PageTitle } from '../components/PageTitle';
import { usePermissions } from '../session/permissions';

const AUDIENCES: readonly Audience[] = ['students', 'parents', 'teachers', 'managers'];

export function HomePage() {
  const { t } = useTranslation();
  const perms = usePermissions();
  return (
    <>
      <PageTitle page={t('home.title')} />
      <section className="hero" aria-labelledby="home-heading">
        <p className="hero__eyebrow">{t('app.owner')}</p>
        <h1 id="home-heading" tabIndex={-1}>
          {t('home.heading')}
        </h1>
        <p className="hero__lead">{t('home.lead')}</p>
        <p className="notice">{t('home.notice')}</p>
        <p className="actions">
          {perms.has('course.learn') && (
            <Link to="/hoc-tap" className="button">
              {t('home.learningLink')}
            </Link>
          )}
          <Link to="/khoa-hoc" className={perms.has('course.learn') ? 'button button--secondary' : 'button'}>
            {t('home.catalogLink')}
          </Link>
        </p>
      </section>
      <section aria-labelledby="audience-heading">
        <h2 id="audience-heading">{t('home.audienceHeading')}</h2>
        <ul className="cards">
          {AUDIENCES.map((key) => (
            <li key={key} className="card">
              <h3 className="card__title">
                <AudienceIcon audience={key} />
                {t(`home.audiences.${key}.title`)}
              </h3>
              <p>{t(`home.audiences.${key}.text`)}</p>
            </li>
          ))}
        </ul>
      </section>
      <p>
        <Link to="/status" className="button button--secondary">
          {t('home.statusLink')}
        </Link>
      </p>
    </>
  );
}
