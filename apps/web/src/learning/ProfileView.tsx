import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate } from '../courses/model';
import { currentLanguage, type Language } from '../i18n';
import type { CompetencyProfile, ProfileCompetency, ProfileDomain } from './types';

/** The framework's highest level (bậc 8). */
const TOP_LEVEL = 8;
const SCALE = Array.from({ length: TOP_LEVEL + 1 }, (_, i) => i);

type Mode = 'self' | 'child';

const nameOf = (item: { nameVi: string; nameEn: string }, language: Language) => (language === 'en' ? item.nameEn : item.nameVi);

/** "Đạt bậc 2 · Cần bậc 2 · ✓ Đạt yêu cầu": the numbers of one bar, in words (what screen readers read). */
function LevelsText({ competency }: { competency: ProfileCompetency }) {
  const { t } = useTranslation();
  const { attainedLevel: attained, expectedLevel: expected, gap } = competency;
  return (
    <p className="competency__levels">
      <span>{attained > 0 ? t('profile.attained', { level: attained }) : t('profile.notYet')}</span>
      {' · '}
      <span>{expected !== null ? t('profile.expected', { level: expected }) : t('profile.noExpectation')}</span>
      {expected !== null && (
        <>
          {' · '}
          {gap > 0 ? <strong className="competency__gap">{t('profile.gap', { count: gap })}</strong> : <strong className="competency__met">✓ {t('profile.met')}</strong>}
        </>
      )}
    </p>
  );
}

function Competency({ competency, mode }: { competency: ProfileCompetency; mode: Mode }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { code, attainedLevel: attained, expectedLevel: expected, gap } = competency;
  const met = expected !== null && gap === 0;
  return (
    <li className="competency" data-code={code}>
      <p className="competency__name">
        <span className="chip__code">{code}</span> {nameOf(competency, language)}
      </p>
      {/* The bar repeats the words below it: hidden from screen readers, which read the words. */}
      <div
        className={`competency__bar${met ? ' competency__bar--met' : ''}`}
        aria-hidden="true"
        data-testid={`competency-${code}`}
        data-attained={attained}
        data-expected={expected ?? ''}
      >
        <div className="competency__fill" style={{ width: `${(attained / TOP_LEVEL) * 100}%` }} />
        {expected !== null && <div className="competency__target" style={{ left: `${(expected / TOP_LEVEL) * 100}%` }} />}
      </div>
      <LevelsText competency={competency} />
      {gap > 0 && competency.recommendations.length > 0 && (
        <div className="competency__more">
          <p className="competency__more-heading">{t('profile.recommendations')}</p>
          <ul className="link-list competency__list" data-testid={`recommendations-${code}`}>
            {competency.recommendations.map((r) => {
              const lesson = language === 'en' && r.lessonTitleEn ? r.lessonTitleEn : r.lessonTitleVi;
              return (
                <li key={r.lessonId}>
                  {mode === 'self' ? (
                    <Link to={`/hoc/${r.courseId}/${r.lessonId}`}>{t('profile.recommendation', { lesson, course: r.courseTitleVi, level: r.level })}</Link>
                  ) : (
                    <Link to={`/khoa-hoc/${r.courseId}`}>{t('profile.recommendation', { lesson, course: r.courseTitleVi, level: r.level })}</Link>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      )}
      {competency.evidence.length > 0 && (
        <details className="competency__evidence">
          <summary>{t('profile.evidence', { count: competency.evidence.length })}</summary>
          <ul className="competency__list" data-testid={`evidence-${code}`}>
            {competency.evidence.map((e) => (
              <li key={`${e.lessonId}:${e.level}`}>{t('profile.evidenceItem', { lesson: e.lessonTitleVi, course: e.courseTitleVi, level: e.level, date: formatDate(e.at, language) })}</li>
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}

function Domain({ domain, mode, level }: { domain: ProfileDomain; mode: Mode; level: 2 | 3 }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const id = useId();
  const met = domain.competencies.filter((c) => c.expectedLevel !== null && c.gap === 0).length;
  const expected = domain.competencies.filter((c) => c.expectedLevel !== null).length;
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className="domain" aria-labelledby={id} data-testid={`domain-${domain.code}`}>
      <Heading id={id}>{t('profile.domain', { code: domain.code, name: nameOf(domain, language) })}</Heading>
      {expected > 0 && <p className="domain__summary">{t('profile.domainSummary', { met, expected })}</p>}
      <div className="competency-scale" aria-hidden="true">
        {SCALE.map((n) => (
          <span key={n} style={{ left: `${(n / TOP_LEVEL) * 100}%` }}>
            {n}
          </span>
        ))}
      </div>
      <ul className="competencies">
        {domain.competencies.map((c) => (
          <Competency key={c.code} competency={c} mode={mode} />
        ))}
      </ul>
    </section>
  );
}

/**
 * A learner's digital competency profile (TT 02/2025): for each of the 6 domains, a bar per
 * competency with the level attained (bậc 0–8) and a mark at the level their grade expects
 * (CV 3456), the same numbers in words under each bar, what to learn next where there is a gap,
 * and the completed lessons that are the evidence.
 */
export function ProfileView({ profile, mode, headingLevel = 2 }: { profile: CompetencyProfile; mode: Mode; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const { summary } = profile;
  return (
    <div className="profile" data-testid="competency-profile">
      <dl className="counts profile__summary" data-testid="profile-summary">
        <div className="counts__item">
          <dt>{t('profile.summary.attained')}</dt>
          <dd data-testid="summary-attained">{summary.attained}</dd>
        </div>
        <div className="counts__item">
          <dt>{t('profile.summary.expected')}</dt>
          <dd data-testid="summary-expected">{summary.expected}</dd>
        </div>
        <div className="counts__item">
          <dt>{t('profile.summary.met')}</dt>
          <dd data-testid="summary-met">{summary.met}</dd>
        </div>
      </dl>
      <p className="profile__band">{profile.grade !== null ? t('profile.band', { grade: profile.grade, band: profile.band ?? '' }) : t('profile.noGrade')}</p>
      <div className="profile__legend" aria-hidden="true">
        <span className="profile__legend-item">
          <span className="legend-swatch legend-swatch--fill" /> {t('profile.legendAttained')}
        </span>
        <span className="profile__legend-item">
          <span className="legend-swatch legend-swatch--target" /> {t('profile.legendExpected')}
        </span>
      </div>
      {profile.domains.map((domain) => (
        <Domain key={domain.code} domain={domain} mode={mode} level={headingLevel} />
      ))}
    </div>
  );
}
