import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchReadiness, type ComponentHealth, type Readiness } from '../api/health';
import { PageTitle } from '../components/PageTitle';
import { vi } from '../i18n/locales/vi';

type KnownComponent = keyof typeof vi.status.components;
const isKnownComponent = (name: string): name is KnownComponent => Object.hasOwn(vi.status.components, name);

function ComponentItem({ component }: { component: ComponentHealth }) {
  const { t } = useTranslation();
  const label = isKnownComponent(component.name) ? t(`status.components.${component.name}`) : component.name;
  const state =
    component.status === 'up'
      ? t('status.componentUp')
      : component.status === 'down'
        ? t('status.componentDown')
        : t('status.componentOther', { status: component.status });
  const tone = component.status === 'up' ? 'ok' : 'bad';
  return (
    <li className={`component component--${tone}`} data-component={component.name}>
      <span className="component__mark" aria-hidden="true">
        {tone === 'ok' ? '✓' : '!'}
      </span>
      <span>
        <strong>{label}</strong>: {state}
      </span>
    </li>
  );
}

export function StatusPage() {
  const { t, i18n } = useTranslation();
  const [result, setResult] = useState<Readiness | null>(null);
  const [checking, setChecking] = useState(true);
  const controller = useRef<AbortController | null>(null);

  const check = useCallback(async () => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    setChecking(true);
    try {
      const readiness = await fetchReadiness(current.signal);
      if (!current.signal.aborted) setResult(readiness);
    } catch {
      // aborted: a newer check or leaving the page
    } finally {
      if (controller.current === current) setChecking(false);
    }
  }, []);

  useEffect(() => {
    void check();
    return () => controller.current?.abort();
  }, [check]);

  const time = result
    ? new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'vi-VN', {
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      }).format(result.checkedAt)
    : '';

  let tone: 'ok' | 'bad' | 'pending' = 'pending';
  let summary = t('status.checking');
  if (!checking && result) {
    switch (result.kind) {
      case 'ready':
        tone = 'ok';
        summary = t('status.ready');
        break;
      case 'not-ready':
        tone = 'bad';
        summary = t('status.notReady');
        break;
      case 'shutting-down':
        tone = 'bad';
        summary = t('status.shuttingDown');
        break;
      case 'unreachable':
        tone = 'bad';
        summary = t('status.unreachable');
        break;
      case 'unexpected':
        tone = 'bad';
        summary = t('status.unexpected');
        break;
    }
  }
  const components = result && 'components' in result && !checking ? result.components : [];

  return (
    <>
      <PageTitle page={t('status.title')} />
      <h1 tabIndex={-1}>{t('status.heading')}</h1>
      <p>{t('status.intro')}</p>

      <div className={`status-box status-box--${tone}`} data-testid="readiness" data-state={checking ? 'checking' : result?.kind}>
        <div role="status" aria-live="polite" aria-atomic="true">
          <p className="status-box__summary">
            <span className="status-box__mark" aria-hidden="true">
              {tone === 'ok' ? '✓' : tone === 'bad' ? '!' : '…'}
            </span>
            <span>{summary}</span>
          </p>
        </div>
        {!checking && result?.kind === 'unexpected' && result.httpStatus !== undefined && (
          <p>{t('status.responseCode', { code: result.httpStatus })}</p>
        )}
        {!checking && result && <p className="status-box__time">{t('status.checkedAt', { time })}</p>}
      </div>

      {components.length > 0 && (
        <section aria-labelledby="components-heading">
          <h2 id="components-heading">{t('status.componentsHeading')}</h2>
          <ul className="components">
            {components.map((component) => (
              <ComponentItem key={component.name} component={component} />
            ))}
          </ul>
        </section>
      )}

      <p>
        <button type="button" className="button" onClick={() => void check()}>
          {t('status.retry')}
        </button>
      </p>
    </>
  );
}
