import { createContext, useContext, useEffect, useRef, type RefObject } from 'react';
import { addProgressSource, flushProgress, flushSoon, recordProgress } from './progress';

// What each kind of lesson reports (docs/learning.md, "Progress rules"): media the seconds actually
// played, slides and galleries the pages shown, a text the reading time and reaching its end, a
// file being opened. The lesson page says which lesson is open and whether it is recorded (an
// enrolled learner; not an author's preview).

export type LessonTracking = { lessonId: string; enabled: boolean };

export const LessonTrackingContext = createContext<LessonTracking | null>(null);

/** The lesson being recorded, or null (not signed in, not enrolled, a preview). */
export function useTrackedLesson(): string | null {
  const tracking = useContext(LessonTrackingContext);
  return tracking?.enabled ? tracking.lessonId : null;
}

/** Longest played range in one event (the api refuses more than 60 s). */
const MAX_RANGE = 60;
/** Shorter ranges are not worth an event (a tap on play then pause). */
const MIN_RANGE = 0.2;
/** The api's ceiling on `spent`. */
const MAX_SPENT = 120;

const round2 = (n: number) => Math.round(n * 100) / 100;
const floor2 = (n: number) => Math.floor(n * 100) / 100;

/**
 * Reports the seconds of a video or recording that were actually played: a range opens when
 * playback starts and grows with `timeupdate`; a seek (or any jump of the clock) closes it where
 * playback was and opens a new one after the jump, so skipped-over seconds are never reported.
 * Ranges are cut at each send (every 10 s) and at 60 s. `limit`: the media's length as the api
 * knows it (nothing beyond it is reported).
 */
export function useMediaProgress(media: RefObject<HTMLMediaElement | null>, ready: boolean, limit?: number): void {
  const lessonId = useTrackedLesson();
  useEffect(() => {
    const element = media.current;
    if (!element || !ready || !lessonId) return;
    let from: number | null = null;
    let last = 0;
    let lastWall = 0;
    let spent = 0;
    let playingSince: number | null = null;

    const end = () => Math.min(Number.isFinite(element.duration) ? element.duration : Infinity, limit ?? Infinity);
    const takeSpent = () => {
      const now = performance.now();
      if (playingSince !== null) {
        spent += (now - playingSince) / 1000;
        playingSince = now;
      }
      const taken = Math.min(MAX_SPENT, Math.round(spent));
      spent = 0;
      return taken;
    };
    const emit = (start: number, stop: number) => {
      const to = Math.min(stop, end());
      let at = Math.max(0, start);
      if (!(to - at >= MIN_RANGE)) return;
      const seconds = takeSpent();
      while (to - at >= MIN_RANGE) {
        const piece = Math.min(to, at + MAX_RANGE);
        const final = piece >= to;
        recordProgress({ lessonId, type: 'played', from: round2(at), to: floor2(piece), position: floor2(Math.min(element.currentTime, end())), ...(final ? { spent: seconds } : {}) });
        at = piece;
      }
    };
    const open = (at: number) => {
      from = at;
      last = at;
      lastWall = performance.now();
    };
    const close = () => {
      if (from !== null) emit(from, last);
      from = null;
    };
    /** Where playback really is when it stops: the clock, unless it jumped since the last update. */
    const settle = () => {
      const now = element.currentTime;
      const allowed = ((performance.now() - lastWall) / 1000) * (element.playbackRate || 1) + 1;
      if (from !== null && now >= last && now - last <= allowed) last = now;
    };

    const onPlaying = () => {
      playingSince ??= performance.now();
      if (from === null && !element.seeking) open(element.currentTime);
    };
    const onTime = () => {
      if (element.paused || element.seeking || from === null) return;
      const now = element.currentTime;
      const wall = performance.now();
      const expected = ((wall - lastWall) / 1000) * (element.playbackRate || 1);
      if (now < last - 0.05 || now - last > expected + 1.5) {
        // The clock jumped without a seek event: played up to `last`, then elsewhere.
        close();
        open(now);
        return;
      }
      last = now;
      lastWall = wall;
      if (last - from >= MAX_RANGE) {
        emit(from, last);
        from = last;
      }
    };
    const onSeeking = () => close();
    const onSeeked = () => {
      if (!element.paused) open(element.currentTime);
    };
    const onStop = () => {
      settle();
      close();
      if (playingSince !== null) {
        spent += (performance.now() - playingSince) / 1000;
        playingSince = null;
      }
      flushSoon();
    };
    const source = {
      cut() {
        if (from === null) return;
        if (last - from >= MIN_RANGE) {
          emit(from, last);
          from = last;
        }
      },
    };

    const remove = addProgressSource(source);
    const listeners: Array<[string, () => void]> = [
      ['playing', onPlaying],
      ['timeupdate', onTime],
      ['seeking', onSeeking],
      ['seeked', onSeeked],
      ['pause', onStop],
      ['ended', onStop],
    ];
    for (const [name, listener] of listeners) element.addEventListener(name, listener);
    if (!element.paused && !element.seeking && element.readyState > 2) onPlaying();
    return () => {
      for (const [name, listener] of listeners) element.removeEventListener(name, listener);
      if (!element.paused) settle();
      close();
      remove();
      void flushProgress();
    };
  }, [media, ready, lessonId, limit]);
}

/** Seconds of active time between events: counted while the page is visible (idle after 2 minutes without input). */
function activeClock() {
  const IDLE_MS = 120_000;
  let counted = 0;
  let since: number | null = document.visibilityState === 'visible' ? performance.now() : null;
  let lastInput = performance.now();
  const until = (now: number) => Math.min(now, lastInput + IDLE_MS);
  const pause = () => {
    if (since !== null) counted += Math.max(0, until(performance.now()) - since);
    since = null;
  };
  const onVisibility = () => {
    if (document.visibilityState === 'visible') {
      lastInput = performance.now();
      since = lastInput;
    } else pause();
  };
  const onInput = () => {
    const now = performance.now();
    if (since !== null && now - lastInput > IDLE_MS) {
      // Back after a while away: the idle time is not counted.
      counted += Math.max(0, until(now) - since);
      since = now;
    }
    lastInput = now;
  };
  const inputs = ['scroll', 'pointerdown', 'keydown', 'touchstart', 'wheel'];
  document.addEventListener('visibilitychange', onVisibility);
  for (const name of inputs) window.addEventListener(name, onInput, { passive: true });
  return {
    /** Active seconds since the last take. */
    take(): number {
      const now = performance.now();
      let total = counted;
      if (since !== null) {
        total += Math.max(0, until(now) - since);
        since = now;
        if (now - lastInput > IDLE_MS) since = null;
      }
      counted = 0;
      return Math.min(MAX_SPENT, Math.round(total / 1000));
    },
    stop() {
      document.removeEventListener('visibilitychange', onVisibility);
      for (const name of inputs) window.removeEventListener(name, onInput);
    },
  };
}

/** Slides: a `page` event for each page shown (the page is also where to resume). */
export function usePageProgress(page: number, ready: boolean): void {
  const lessonId = useTrackedLesson();
  const clock = useRef<ReturnType<typeof activeClock> | null>(null);
  useEffect(() => {
    if (!lessonId || !ready) return;
    const mine = activeClock();
    clock.current = mine;
    return () => {
      mine.stop();
      clock.current = null;
      void flushProgress();
    };
  }, [lessonId, ready]);
  useEffect(() => {
    if (!lessonId || !ready) return;
    recordProgress({ lessonId, type: 'page', page, position: page, spent: clock.current?.take() ?? 0 });
    flushSoon();
  }, [lessonId, ready, page]);
}

/** A gallery: a `page` event for each image once at least half of it has been on screen. */
export function useGalleryProgress(container: RefObject<HTMLElement | null>, count: number): void {
  const lessonId = useTrackedLesson();
  useEffect(() => {
    const root = container.current;
    if (!root || !lessonId || count === 0) return;
    const clock = activeClock();
    const seen = new Set<number>();
    const items = [...root.querySelectorAll<HTMLElement>('[data-gallery-index]')];
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const n = Number((entry.target as HTMLElement).dataset.galleryIndex);
          if (!entry.isIntersecting || !Number.isInteger(n) || seen.has(n)) continue;
          seen.add(n);
          recordProgress({ lessonId, type: 'page', page: n, position: n, spent: clock.take() });
          flushSoon();
        }
      },
      { threshold: 0.5 },
    );
    for (const item of items) observer.observe(item);
    return () => {
      observer.disconnect();
      clock.stop();
      void flushProgress();
    };
  }, [container, lessonId, count]);
}

/**
 * A text: `time` events with the active reading time (at every send) and `scroll` with how far down
 * the reader got, 1 once the end of the text has been on screen.
 */
export function useReadingProgress(reader: RefObject<HTMLElement | null>, end: RefObject<HTMLElement | null>): void {
  const lessonId = useTrackedLesson();
  useEffect(() => {
    const body = reader.current;
    const sentinel = end.current;
    if (!body || !sentinel || !lessonId) return;
    const clock = activeClock();
    let furthest = 0;
    let reported = 0;
    const measure = () => {
      const box = body.getBoundingClientRect();
      if (box.height <= 0) return;
      furthest = Math.max(furthest, Math.min(1, Math.max(0, (window.innerHeight - box.top) / box.height)));
    };
    const report = () => {
      const ratio = Math.floor(furthest * 100) / 100;
      if (ratio > reported) {
        reported = ratio;
        recordProgress({ lessonId, type: 'scroll', ratio, spent: clock.take() });
      }
    };
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting) && furthest < 1) {
        furthest = 1;
        report();
        flushSoon();
      }
    });
    observer.observe(sentinel);
    const onScroll = () => measure();
    window.addEventListener('scroll', onScroll, { passive: true });
    measure();
    const source = {
      cut() {
        report();
        const spent = clock.take();
        if (spent >= 1) recordProgress({ lessonId, type: 'time', spent });
      },
    };
    const remove = addProgressSource(source);
    return () => {
      observer.disconnect();
      window.removeEventListener('scroll', onScroll);
      source.cut();
      remove();
      clock.stop();
      void flushProgress();
    };
  }, [reader, end, lessonId]);
}

/** A file lesson: opened (page 1) when the learner downloads it. */
export function useFileOpened(): (() => void) | null {
  const lessonId = useTrackedLesson();
  if (!lessonId) return null;
  return () => {
    recordProgress({ lessonId, type: 'page', page: 1, position: 1 });
    flushSoon();
  };
}
