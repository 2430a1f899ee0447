import { MediaProcessingError } from '../media.exceptions';
import { FfmpegProgressParser } from './ffmpeg-progress';
import { type MediaProbe, lastLines } from './probe';
import { runCommand } from './run-command';

/** Loudness target (EBU R128, as podcasts and broadcasters use): lectures recorded anyhow play at one level. */
export const LOUDNORM = 'loudnorm=I=-16:TP=-1.5:LRA=11';

export function audioArgs(input: string, output: string): string[] {
  return [
    '-hide_banner', '-nostdin', '-y', '-loglevel', 'error', '-i', input,
    '-map', '0:a:0', '-vn', '-af', LOUDNORM,
    // loudnorm works at 192 kHz internally; bring it back to a normal rate.
    '-ar', '48000', '-c:a', 'aac', '-b:a', '128k', '-movflags', '+faststart',
    '-progress', 'pipe:1', '-nostats', output,
  ];
}

export function audioTimeLimitMs(durationSeconds: number): number {
  return Math.max(5 * 60_000, Math.ceil(durationSeconds * 2 * 1000));
}

/** A loudness-normalised AAC copy (`.m4a`, moov first so it plays while downloading). */
export async function normaliseAudio(input: string, output: string, media: MediaProbe, onProgress?: (percent: number) => void): Promise<void> {
  if (!media.audio || !media.durationSeconds) throw new MediaProcessingError('MEDIA_UNREADABLE', 'no audio stream with a duration');
  const duration = media.durationSeconds;
  const parser = new FfmpegProgressParser((p) => {
    if (p.outTimeSeconds !== null) onProgress?.(Math.min(100, (p.outTimeSeconds / duration) * 100));
  });
  const result = await runCommand('ffmpeg', audioArgs(input, output), { timeoutMs: audioTimeLimitMs(duration), onStdoutLine: (l) => parser.push(l) });
  if (result.exitCode !== 0) throw new MediaProcessingError('MEDIA_UNREADABLE', `ffmpeg: ${lastLines(result.stderrTail) || `exit ${String(result.exitCode ?? result.signal)}`}`);
}
