import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type Hls from 'hls.js/light';
import { formatClock, hlsMasterUrl, mediaFileUrl, toAppOrigin } from '../model';
import { useMediaAsset } from '../media/useMediaAsset';
import { useMediaProgress } from '../../learning/tracking';
import { MediaControls } from './MediaControls';
import { readResume, useResumeSaving } from './resume';

type Level = { index: number; label: string };

/** "240p" from the rendition's playlist name (the ladder is named by the short side), else from its size. */
function levelLabel(level: { url: string[]; width: number; height: number }): string {
  const named = level.url.map((u) => /(\d{3,4}p)\.m3u8/.exec(u)?.[1]).find(Boolean);
  if (named) return named;
  const short = Math.min(level.width || level.height, level.height || level.width);
  return short ? `${short}p` : '?';
}

/**
 * A lesson's video over HLS: hls.js where Media Source Extensions exist (every Android phone,
 * desktop browsers), the native player on Safari otherwise. Starts at the lowest rendition (cheap on
 * mobile data, then adapts); the learner can fix a quality; the position is resumed per lesson.
 */
export function VideoPlayer({ assetId, lessonId, title, startAt = null }: { assetId: string; lessonId: string; title: string; startAt?: number | null }) {
  const { t } = useTranslation();
  const id = useId();
  const videoRef = useRef<HTMLVideoElement>(null);
  const hlsRef = useRef<Hls | null>(null);
  /** A quality fixed by the learner whose first fragment is not buffered yet. */
  const switchingTo = useRef<number | null>(null);
  const { current } = useMediaAsset(assetId);
  const [levels, setLevels] = useState<Level[]>([]);
  const [choice, setChoice] = useState('-1');
  const [playingLevel, setPlayingLevel] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  // Where the learner stopped: on this device, else where the api last heard (another device).
  const [resumeAt, setResumeAt] = useState<number | null>(() => readResume(lessonId) ?? (startAt !== null && startAt > 3 ? startAt : null));
  const asset = current.state === 'ready' ? current.asset : null;
  const ready = asset?.status === 'ready';
  useResumeSaving(videoRef, lessonId, ready);
  useMediaProgress(videoRef, ready, asset?.derived?.durationSeconds);
  const startRef = useRef(resumeAt);

  useEffect(() => {
    const video = videoRef.current;
    if (!ready || !video) return;
    let destroyed = false;
    let hls: Hls | null = null;
    let mediaRecoveries = 0;
    const start = readResume(lessonId) ?? startRef.current ?? -1;
    setError(null);
    void (async () => {
      const { default: HlsClass } = await import('hls.js/light');
      if (destroyed) return;
      if (HlsClass.isSupported()) {
        const player = new HlsClass({
          startLevel: 0,
          startPosition: start,
          capLevelToPlayerSize: false,
          testBandwidth: false,
          // Segments signed by the filesystem driver are fetched from the app's own origin.
          xhrSetup: (xhr, url) => {
            const local = toAppOrigin(url);
            if (local !== url) xhr.open('GET', local, true);
          },
        });
        hls = player;
        hlsRef.current = player;
        player.on(HlsClass.Events.MANIFEST_PARSED, (_event, data) => setLevels(data.levels.map((level, index) => ({ index, label: levelLabel(level) }))));
        player.on(HlsClass.Events.LEVEL_SWITCHED, (_event, data) => {
          const level = player.levels[data.level];
          setPlayingLevel(level ? levelLabel(level) : null);
        });
        // Once the chosen quality's first fragment is buffered, a seek to where the video is makes the
        // decoder drop frames it still holds from the previous quality (else they show a while longer).
        player.on(HlsClass.Events.FRAG_BUFFERED, (_event, data) => {
          if (switchingTo.current === null || data.frag.level !== switchingTo.current) return;
          switchingTo.current = null;
          if (video.readyState > 0) {
            const position = video.currentTime;
            video.currentTime = position;
          }
        });
        player.on(HlsClass.Events.ERROR, (_event, data) => {
          if (!data.fatal) return;
          if (data.type === HlsClass.ErrorTypes.MEDIA_ERROR && mediaRecoveries < 2) {
            mediaRecoveries++;
            player.recoverMediaError();
            return;
          }
          setError(t('player.videoError'));
          player.destroy();
          hlsRef.current = null;
        });
        player.loadSource(hlsMasterUrl(assetId));
        player.attachMedia(video);
      } else if (video.canPlayType('application/vnd.apple.mpegurl')) {
        // Safari without MSE: it plays HLS itself and picks the quality itself.
        video.src = hlsMasterUrl(assetId);
        if (start > 0) video.addEventListener('loadedmetadata', () => (video.currentTime = start), { once: true });
      } else {
        setError(t('player.unsupported'));
      }
    })();
    return () => {
      destroyed = true;
      hls?.destroy();
      hlsRef.current = null;
    };
  }, [ready, assetId, lessonId, round, t]);

  const chooseLevel = (value: string) => {
    setChoice(value);
    const hls = hlsRef.current;
    if (!hls) return;
    const level = Number(value); // -1: automatic
    switchingTo.current = level >= 0 ? level : null;
    hls.currentLevel = level;
  };

  if (current.state === 'missing' || current.state === 'error') return <p className="form-error">{current.state === 'missing' ? t('player.notAvailable') : current.message}</p>;
  if (!asset) return <p className="loading">{t('common.loading')}</p>;
  if (!ready) return <p className="notice">{asset.status === 'failed' ? t('player.failed') : t('player.notReady')}</p>;

  const chosen = levels.find((l) => String(l.index) === choice);
  return (
    <div className="player player--video" data-testid="video-player">
      {resumeAt !== null && (
        <p className="notice player__resume" role="status">
          {t('player.resumeAt', { time: formatClock(resumeAt) })}{' '}
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              if (videoRef.current) videoRef.current.currentTime = 0;
              setResumeAt(null);
            }}
          >
            {t('player.restart')}
          </button>
        </p>
      )}
      <video
        ref={videoRef}
        className="player__video"
        controls
        playsInline
        preload="metadata"
        poster={asset.derived?.hasPoster ? mediaFileUrl(assetId, 'poster') : undefined}
        aria-label={t('player.videoLabel', { title })}
        data-testid="video"
      />
      <MediaControls media={videoRef} label={t('player.controls', { title })}>
        {levels.length > 0 && (
          <div className="player__quality">
            <label htmlFor={`${id}-quality`}>{t('player.quality')}</label>
            <select id={`${id}-quality`} className="field__input" value={choice} onChange={(event) => chooseLevel(event.target.value)}>
              <option value="-1">{t('player.auto')}</option>
              {levels.map((level) => (
                <option key={level.index} value={level.index}>
                  {level.label}
                </option>
              ))}
            </select>
          </div>
        )}
      </MediaControls>
      <p className="player__level" aria-live="polite" data-testid="video-level" data-level={playingLevel ?? ''}>
        {playingLevel ? (chosen ? t('player.playingAt', { level: playingLevel }) : t('player.autoAt', { level: playingLevel })) : ''}
      </p>
      {error && (
        <div className="form-error" role="alert">
          <p>{error}</p>
          <button type="button" className="button button--secondary" onClick={() => setRound((n) => n + 1)}>
            {t('common.retry')}
          </button>
        </div>
      )}
    </div>
  );
}
