import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { mediaFileUrl } from '../model';
import { useMediaAsset } from '../media/useMediaAsset';
import { usePageProgress } from '../../learning/tracking';

/**
 * Slides (a PDF, or a PPTX turned into one): one page at a time from the page renders processing
 * made (variant=page-N), "Trước"/"Sau" and the arrow keys, "Trang x/y", the pages as thumbnails,
 * and the PDF itself to download.
 */
export function SlidesViewer({ assetId, title, startPage = 1 }: { assetId: string; title: string; startPage?: number }) {
  const { t } = useTranslation();
  const { current } = useMediaAsset(assetId);
  const [page, setPage] = useState(startPage);
  const stageRef = useRef<HTMLDivElement>(null);
  const asset = current.state === 'ready' ? current.asset : null;
  const pages = asset?.derived ? Math.max(asset.derived.pageCount ?? 0, asset.derived.thumbnailCount, 1) : 0;
  // A page the learner resumed at that the file no longer has: the last one.
  const shown = pages > 0 ? Math.min(page, pages) : page;
  usePageProgress(shown, asset?.status === 'ready' && pages > 0);

  if (current.state === 'missing' || current.state === 'error') return <p className="form-error">{current.state === 'missing' ? t('player.notAvailable') : current.message}</p>;
  if (!asset) return <p className="loading">{t('common.loading')}</p>;
  if (asset.status !== 'ready' || !asset.derived) return <p className="notice">{asset.status === 'failed' ? t('player.failed') : t('player.notReady')}</p>;

  const derived = asset.derived;
  const go = (n: number) => setPage(Math.max(1, Math.min(pages, n)));
  const onKey = (event: KeyboardEvent) => {
    const moves: Record<string, number> = { ArrowLeft: shown - 1, ArrowUp: shown - 1, PageUp: shown - 1, ArrowRight: shown + 1, ArrowDown: shown + 1, PageDown: shown + 1, Home: 1, End: pages };
    if (event.key in moves) {
      event.preventDefault();
      go(moves[event.key]);
    }
  };
  const hasImage = shown <= derived.thumbnailCount;

  return (
    <div className="player player--slides" data-testid="slides-viewer">
      <div ref={stageRef} className="slides__stage" role="region" aria-roledescription={t('player.slides.roledescription')} aria-label={t('player.slides.label', { title })} tabIndex={0} onKeyDown={onKey}>
        {hasImage ? (
          <img key={shown} className="slides__page" src={mediaFileUrl(assetId, `page-${shown}`)} alt={t('player.slides.pageAlt', { page: shown, pages, title })} />
        ) : (
          <p className="notice">{t('player.slides.noImage')}</p>
        )}
      </div>
      <div className="slides__nav">
        <button type="button" className="button button--secondary" onClick={() => go(shown - 1)} disabled={shown <= 1}>
          {t('player.slides.previous')}
        </button>
        <p className="slides__where" aria-live="polite" data-testid="slides-page">
          {t('player.slides.page', { page: shown, pages })}
        </p>
        <button type="button" className="button button--secondary" onClick={() => go(shown + 1)} disabled={shown >= pages}>
          {t('player.slides.next')}
        </button>
      </div>
      <p className="form-help">{t('player.slides.keyboardHint')}</p>
      {derived.thumbnailCount > 1 && (
        <nav className="slides__thumbs" aria-label={t('player.slides.thumbnails')}>
          <ol>
            {Array.from({ length: derived.thumbnailCount }, (_, i) => i + 1).map((n) => (
              <li key={n}>
                <button type="button" className="slides__thumb" aria-current={n === shown ? 'true' : undefined} onClick={() => go(n)} aria-label={t('player.slides.goTo', { page: n })}>
                  <img src={mediaFileUrl(assetId, `page-${n}`)} alt="" loading="lazy" width={96} />
                </button>
              </li>
            ))}
          </ol>
        </nav>
      )}
      {derived.hasPdf && (
        <p>
          <a className="button button--secondary" href={mediaFileUrl(assetId, 'pdf')} target="_blank" rel="noopener noreferrer">
            {t('player.slides.download')}
          </a>
        </p>
      )}
    </div>
  );
}
