/** One block of ffmpeg's `-progress` output (key=value lines ending with `progress=continue|end`). */
export interface FfmpegProgress {
  /** Media time written so far, in seconds (null while ffmpeg reports N/A). */
  outTimeSeconds: number | null;
  /** ffmpeg's own speed estimate (multiple of real time), when it gives one. */
  speed: number | null;
  done: boolean;
}

/** `00:01:02.500000` → 62.5; null for `N/A` or anything else. */
export function parseClock(value: string): number | null {
  const match = /^(-?)(\d+):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(value.trim());
  if (!match) return null;
  const seconds = Number(match[2]) * 3600 + Number(match[3]) * 60 + Number(match[4]);
  return match[1] === '-' ? -seconds : seconds;
}

/**
 * Reads ffmpeg's `-progress pipe:1` line by line and calls `onBlock` at the end of each block.
 * Prefers `out_time_us` (microseconds; `out_time_ms` is microseconds too, an old ffmpeg misnomer),
 * then `out_time`. Negative times (before the first frame) count as zero.
 */
export class FfmpegProgressParser {
  private block = new Map<string, string>();

  constructor(private readonly onBlock: (progress: FfmpegProgress) => void) {}

  push(line: string): void {
    const at = line.indexOf('=');
    if (at <= 0) return;
    const key = line.slice(0, at).trim();
    const value = line.slice(at + 1).trim();
    this.block.set(key, value);
    if (key !== 'progress') return;
    const block = this.block;
    this.block = new Map();
    this.onBlock({ outTimeSeconds: outTime(block), speed: speed(block.get('speed')), done: value === 'end' });
  }
}

function outTime(block: Map<string, string>): number | null {
  for (const key of ['out_time_us', 'out_time_ms']) {
    const raw = block.get(key);
    if (raw !== undefined && /^-?\d+$/.test(raw)) return Math.max(0, Number(raw) / 1_000_000);
  }
  const clock = block.get('out_time');
  if (clock === undefined) return null;
  const seconds = parseClock(clock);
  return seconds === null ? null : Math.max(0, seconds);
}

function speed(raw: string | undefined): number | null {
  if (!raw) return null;
  const match = /^(\d+(?:\.\d+)?)x$/.exec(raw);
  return match ? Number(match[1]) : null;
}

/** Percent of `durationSeconds` done, within [0, 100]; 0 when the duration is unknown. */
export function progressPercent(outTimeSeconds: number | null, durationSeconds: number): number {
  if (outTimeSeconds === null || !(durationSeconds > 0)) return 0;
  return Math.max(0, Math.min(100, Math.floor((outTimeSeconds / durationSeconds) * 100)));
}

/** Calls `write` at most once per `intervalMs` (the last value before a pause may be dropped). */
export function throttle<T>(intervalMs: number, write: (value: T) => void, now: () => number = Date.now): (value: T) => void {
  let last = -Infinity;
  return (value: T) => {
    const t = now();
    if (t - last < intervalMs) return;
    last = t;
    write(value);
  };
}
