import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import { formatBytes, mediaFileUrl } from '../model';
import { useMediaAsset } from '../media/useMediaAsset';
import { useFileOpened } from '../../learning/tracking';

/** A document to download: its name and size, and a large link to the file. */
export function FileDownload({ assetId }: { assetId: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { current } = useMediaAsset(assetId);
  const opened = useFileOpened();
  if (current.state === 'missing' || current.state === 'error') return <p className="form-error">{current.state === 'missing' ? t('player.notAvailable') : current.message}</p>;
  if (current.state === 'loading') return <p className="loading">{t('common.loading')}</p>;
  const asset = current.asset;
  if (!asset.contentType) return <p className="notice">{asset.status === 'failed' ? t('player.failed') : t('player.notReady')}</p>;
  return (
    <div className="player player--file" data-testid="file-download">
      <p>
        <a className="button" href={mediaFileUrl(assetId, 'source')} download={asset.originalName} onClick={opened ?? undefined}>
          {t('player.file.download', { file: asset.originalName })}
        </a>
      </p>
      {asset.size !== null && <p className="form-help">{t('player.file.size', { size: formatBytes(asset.size, language) })}</p>}
    </div>
  );
}
