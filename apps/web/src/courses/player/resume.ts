import { useEffect, type RefObject } from 'react';

// Where a learner stopped in a video or a recording, per lesson, on this device: the player seeks
// there next time. Saved every few seconds while playing, on pause and when the page is left;
// forgotten once the end is reached.

const key = (lessonId: string) => `lms.resume.${lessonId}`;
/** Positions this close to the start or the end are not worth resuming. */
const MARGIN_SECONDS = 3;

export function readResume(lessonId: string): number | null {
  try {
    const value = Number(window.localStorage.getItem(key(lessonId)));
    return Number.isFinite(value) && value > MARGIN_SECONDS ? value : null;
  } catch {
    return null;
  }
}

export function saveResume(lessonId: string, seconds: number, duration: number): void {
  try {
    if (!Number.isFinite(seconds) || seconds <= MARGIN_SECONDS || (Number.isFinite(duration) && seconds >= duration - MARGIN_SECONDS)) window.localStorage.removeItem(key(lessonId));
    else window.localStorage.setItem(key(lessonId), String(Math.floor(seconds)));
  } catch {
    // storage off: the next visit starts from the beginning
  }
}

export function clearResume(lessonId: string): void {
  try {
    window.localStorage.removeItem(key(lessonId));
  } catch {
    // nothing to forget
  }
}

/** Keeps the position of `media` for the lesson as it plays. */
export function useResumeSaving(media: RefObject<HTMLMediaElement | null>, lessonId: string, active: boolean): void {
  useEffect(() => {
    const element = media.current;
    if (!element || !active) return;
    let last = 0;
    const save = () => saveResume(lessonId, element.currentTime, element.duration);
    const onTime = () => {
      if (Date.now() - last < 5000) return;
      last = Date.now();
      save();
    };
    const onEnded = () => clearResume(lessonId);
    element.addEventListener('timeupdate', onTime);
    element.addEventListener('pause', save);
    element.addEventListener('ended', onEnded);
    window.addEventListener('pagehide', save);
    return () => {
      if (!element.ended && element.currentTime > 0) save();
      element.removeEventListener('timeupdate', onTime);
      element.removeEventListener('pause', save);
      element.removeEventListener('ended', onEnded);
      window.removeEventListener('pagehide', save);
    };
  }, [media, lessonId, active]);
}
