import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useGalleryProgress } from '../../learning/tracking';
import { mediaFileUrl, type MediaAsset } from '../model';
import { useMediaAsset } from '../media/useMediaAsset';

/** Responsive sources of a processed image (its webp widths), largest last. */
function sources(asset: MediaAsset): { src: string; srcSet?: string } {
  const webp = (asset.derived?.variants ?? []).filter((v) => v.format === 'webp').sort((a, b) => a.width - b.width);
  if (webp.length === 0) return { src: mediaFileUrl(asset.id, 'source') };
  return { src: mediaFileUrl(asset.id, webp[Math.min(1, webp.length - 1)].variant), srcSet: webp.map((v) => `${mediaFileUrl(asset.id, v.variant)} ${v.width}w`).join(', ') };
}

function GalleryImage({ assetId, alt, caption, index }: { assetId: string; alt: string; caption: string; index: number }) {
  const { t } = useTranslation();
  const { current } = useMediaAsset(assetId);
  const asset = current.state === 'ready' ? current.asset : null;
  return (
    <figure className="gallery__item" data-gallery-index={index}>
      {asset?.status === 'ready' ? (
        <img {...sources(asset)} sizes="(min-width: 48rem) 45rem, 100vw" alt={alt} loading="lazy" />
      ) : (
        <p className="notice">{current.state === 'missing' || current.state === 'error' ? t('player.notAvailable') : asset?.status === 'failed' ? t('player.failed') : t('player.notReady')}</p>
      )}
      <figcaption>{caption}</figcaption>
    </figure>
  );
}

/** A set of images, one under the other (easy to scroll on a phone), described by the lesson's title. */
export function Gallery({ assetIds, title }: { assetIds: string[]; title: string }) {
  const { t } = useTranslation();
  const containerRef = useRef<HTMLDivElement>(null);
  // Each image counts as shown once at least half of it has been on screen.
  useGalleryProgress(containerRef, assetIds.length);
  return (
    <div ref={containerRef} className="player gallery" data-testid="gallery">
      {assetIds.map((assetId, index) => (
        <GalleryImage
          key={assetId}
          assetId={assetId}
          index={index + 1}
          alt={t('player.gallery.alt', { title, n: index + 1, count: assetIds.length })}
          caption={t('player.gallery.caption', { n: index + 1, count: assetIds.length })}
        />
      ))}
    </div>
  );
}
