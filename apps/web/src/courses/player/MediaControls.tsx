import { useEffect, useState, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { formatClock } from '../model';

/**
 * Large buttons for a video or a recording (the browser's own controls are small on phones):
 * play/pause, back and forward 10 seconds, and where the playback is. Children (the quality
 * choice) go on the same row.
 */
export function MediaControls({ media, label, children }: { media: RefObject<HTMLMediaElement | null>; label: string; children?: ReactNode }) {
  const { t } = useTranslation();
  const [paused, setPaused] = useState(true);
  const [time, setTime] = useState({ current: 0, duration: 0 });

  useEffect(() => {
    const element = media.current;
    if (!element) return;
    const sync = () => {
      setPaused(element.paused);
      setTime({ current: element.currentTime, duration: Number.isFinite(element.duration) ? element.duration : 0 });
    };
    const events = ['play', 'pause', 'ended', 'timeupdate', 'loadedmetadata', 'durationchange', 'seeked'];
    for (const name of events) element.addEventListener(name, sync);
    sync();
    return () => {
      for (const name of events) element.removeEventListener(name, sync);
    };
  }, [media]);

  const toggle = () => {
    const element = media.current;
    if (!element) return;
    if (element.paused) void element.play().catch(() => undefined);
    else element.pause();
  };
  const skip = (seconds: number) => {
    const element = media.current;
    if (!element) return;
    const end = Number.isFinite(element.duration) ? element.duration : element.currentTime + seconds;
    element.currentTime = Math.max(0, Math.min(end, element.currentTime + seconds));
  };

  return (
    <div className="media-controls" role="group" aria-label={label}>
      <button type="button" className="button media-controls__play" onClick={toggle} data-testid="play-toggle">
        {paused ? t('player.play') : t('player.pause')}
      </button>
      <button type="button" className="button button--secondary" onClick={() => skip(-10)}>
        {t('player.back10')}
      </button>
      <button type="button" className="button button--secondary" onClick={() => skip(10)}>
        {t('player.forward10')}
      </button>
      <span className="media-controls__time" aria-hidden="true">
        {formatClock(time.current)} / {formatClock(time.duration)}
      </span>
      {children}
    </div>
  );
}
