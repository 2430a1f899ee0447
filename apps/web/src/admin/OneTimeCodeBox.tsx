import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

type Props = { displayName: string; username: string; code: string; heading: string };

/**
 * A one-time sign-in code, shown once: large, in a font where 0/O and 1/I differ, with "copy" and
 * "print" (a slip to hand over; only the box is printed). Focus moves here so it is read out.
 */
export function OneTimeCodeBox({ displayName, username, code, heading }: Props) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, [code]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };

  const print = () => {
    document.body.dataset.printing = 'one-time-code';
    const done = () => {
      delete document.body.dataset.printing;
      window.removeEventListener('afterprint', done);
    };
    window.addEventListener('afterprint', done);
    window.print();
  };

  return (
    <section className="code-box" aria-labelledby="one-time-code-heading" data-testid="one-time-code-box">
      <h2 id="one-time-code-heading" ref={headingRef} tabIndex={-1}>
        {heading}
      </h2>
      <dl className="code-box__details">
        <div>
          <dt>{t('oneTimeCode.person')}</dt>
          <dd>{displayName}</dd>
        </div>
        <div>
          <dt>{t('oneTimeCode.username')}</dt>
          <dd className="code-box__mono" data-testid="one-time-code-username">
            {username}
          </dd>
        </div>
        <div>
          <dt>{t('oneTimeCode.code')}</dt>
          <dd className="code-box__code" data-testid="one-time-code">
            {code}
          </dd>
        </div>
      </dl>
      <p className="code-box__warning">{t('oneTimeCode.once')}</p>
      <p className="code-box__how">{t('oneTimeCode.how')}</p>
      <div className="actions no-print">
        <button type="button" className="button" onClick={() => void copy()}>
          {t('oneTimeCode.copy')}
        </button>
        <button type="button" className="button button--secondary" onClick={print}>
          {t('oneTimeCode.print')}
        </button>
      </div>
      <p role="status" className="code-box__copied no-print">
        {copied === 'yes' ? t('oneTimeCode.copied') : copied === 'no' ? t('oneTimeCode.copyFailed') : ''}
      </p>
    </section>
  );
}
