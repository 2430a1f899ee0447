import type { TFunction } from 'i18next';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { call } from '../../api/call';
import { currentLanguage } from '../../i18n';
import { formatClock, mediaFileUrl, type MediaAsset } from '../model';
import { useMediaAsset } from './useMediaAsset';

/** What processing made of an asset, in a few words: "3:05 · 240p, 360p", "12 trang". */
function details(asset: MediaAsset, t: TFunction): string {
  const derived = asset.derived;
  if (!derived) return '';
  const parts: string[] = [];
  if (derived.durationSeconds !== undefined) parts.push(t('media.details.duration', { time: formatClock(derived.durationSeconds) }));
  if (derived.renditions?.length) parts.push(t('media.details.renditions', { list: derived.renditions.map((r) => r.name).join(', ') }));
  if (derived.pageCount !== undefined) parts.push(t('media.details.pages', { count: derived.pageCount }));
  if (derived.width && derived.height && !derived.renditions?.length) parts.push(`${derived.width} × ${derived.height}`);
  return parts.join(' · ');
}

/** A small picture of a ready asset: the poster of a video, the first page of slides, an image. */
function previewVariant(asset: MediaAsset): string | null {
  const derived = asset.derived;
  if (asset.status !== 'ready' || !derived) return null;
  if (derived.hasPoster) return 'poster';
  if (derived.thumbnailCount > 0) return 'page-1';
  const small = derived.variants?.filter((v) => v.format === 'webp').sort((a, b) => a.width - b.width)[0];
  return small ? small.variant : null;
}

type Props = { assetId: string; fileLabel?: string };

/**
 * An asset's processing, followed until it is done: waiting, percent while processing, ready (with
 * what was made of it), or failed with the api's reason in the reader's language and "Thử lại".
 */
export function MediaStatus({ assetId, fileLabel }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const id = useId();
  const { current, replace } = useMediaAsset(assetId);
  const [retryError, setRetryError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (current.state === 'loading') {
    return (
      <p className="loading media-status" data-testid="media-status" data-status="loading">
        {t('common.loading')}
      </p>
    );
  }
  if (current.state !== 'ready') {
    return (
      <p className="form-error media-status" data-testid="media-status" data-status="error">
        {current.message}
      </p>
    );
  }
  const asset = current.asset;
  const name = fileLabel ?? asset.originalName;

  const retry = async () => {
    if (busy) return;
    setBusy(true);
    setRetryError(null);
    const result = await call(api.POST('/api/v1/media/{assetId}/retry', { params: { path: { assetId: asset.id } } }));
    setBusy(false);
    if (result.ok) replace(result.data);
    else setRetryError(result.message);
  };

  const preview = previewVariant(asset);
  return (
    <div className={`media-status media-status--${asset.status}`} data-testid="media-status" data-status={asset.status} data-asset-id={asset.id}>
      <p className="media-status__file">{t('media.current', { file: name })}</p>
      {(asset.status === 'uploaded' || asset.status === 'processing') && (
        <div className="progress">
          <label htmlFor={`${id}-processing`} className="progress__label">
            {t('media.status.processingLabel', { file: name })}
          </label>
          <progress id={`${id}-processing`} max={100} value={asset.status === 'processing' ? asset.progressPercent : 0} />
        </div>
      )}
      <p role="status" className="media-status__text" data-testid="media-status-text">
        {asset.status === 'awaiting_upload' && t('media.status.awaiting_upload')}
        {asset.status === 'uploaded' && t('media.status.uploaded')}
        {asset.status === 'processing' && t('media.status.processing', { percent: asset.progressPercent })}
        {asset.status === 'ready' && t('media.status.ready')}
        {asset.status === 'failed' && t('media.status.failed', { reason: asset.failure ? (language === 'en' ? asset.failure.en : asset.failure.vi) : t('common.unexpected') })}
      </p>
      {asset.status === 'ready' && details(asset, t) && <p className="media-status__details">{details(asset, t)}</p>}
      {preview && <img className="media-status__preview" src={mediaFileUrl(asset.id, preview)} alt="" loading="lazy" width={160} />}
      {asset.status === 'failed' && (
        <p>
          <button type="button" className="button button--secondary" onClick={() => void retry()} aria-disabled={busy || undefined}>
            {t('media.status.retry')}
          </button>
        </p>
      )}
      {retryError && (
        <p className="form-error" role="alert">
          {retryError}
        </p>
      )}
    </div>
  );
}
