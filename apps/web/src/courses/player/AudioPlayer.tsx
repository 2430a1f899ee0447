import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatClock, mediaFileUrl } from '../model';
import { useMediaAsset } from '../media/useMediaAsset';
import { useMediaProgress } from '../../learning/tracking';
import { MediaControls } from './MediaControls';
import { readResume, useResumeSaving } from './resume';

/** A recording: the normalised audio (variant=audio), big controls, resumed where the learner stopped. */
export function AudioPlayer({ assetId, lessonId, title, startAt = null }: { assetId: string; lessonId: string; title: string; startAt?: number | null }) {
  const { t } = useTranslation();
  const audioRef = useRef<HTMLAudioElement>(null);
  const { current } = useMediaAsset(assetId);
  const [resumeAt, setResumeAt] = useState<number | null>(() => readResume(lessonId) ?? (startAt !== null && startAt > 3 ? startAt : null));
  const asset = current.state === 'ready' ? current.asset : null;
  const ready = asset?.status === 'ready';
  useResumeSaving(audioRef, lessonId, ready);
  useMediaProgress(audioRef, ready, asset?.derived?.durationSeconds);
  const startRef = useRef(resumeAt);

  useEffect(() => {
    const audio = audioRef.current;
    const start = readResume(lessonId) ?? startRef.current;
    if (!ready || !audio || start === null) return;
    const seek = () => (audio.currentTime = start);
    audio.addEventListener('loadedmetadata', seek, { once: true });
    return () => audio.removeEventListener('loadedmetadata', seek);
  }, [ready, lessonId]);

  if (current.state === 'missing' || current.state === 'error') return <p className="form-error">{current.state === 'missing' ? t('player.notAvailable') : current.message}</p>;
  if (!asset) return <p className="loading">{t('common.loading')}</p>;
  if (!ready) return <p className="notice">{asset.status === 'failed' ? t('player.failed') : t('player.notReady')}</p>;

  return (
    <div className="player player--audio" data-testid="audio-player">
      {resumeAt !== null && (
        <p className="notice player__resume" role="status">
          {t('player.resumeListen', { time: formatClock(resumeAt) })}{' '}
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              if (audioRef.current) audioRef.current.currentTime = 0;
              setResumeAt(null);
            }}
          >
            {t('player.restart')}
          </button>
        </p>
      )}
      <audio ref={audioRef} className="player__audio" controls preload="metadata" src={mediaFileUrl(assetId, asset.derived?.hasAudio ? 'audio' : 'source')} aria-label={t('player.audioLabel', { title })} />
      <MediaControls media={audioRef} label={t('player.controls', { title })} />
    </div>
  );
}
