import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { type MasterEntry, type RenditionName, buildMasterPlaylist, measureBandwidth, parseMediaPlaylist } from '../hls/hls-playlist';
import { MediaProcessingError } from '../media.exceptions';
import { FfmpegProgressParser } from './ffmpeg-progress';
import { type MediaProbe, lastLines } from './probe';
import { runCommand } from './run-command';

/** HLS segment length in seconds; keyframes are forced on this grid so every segment starts with one. */
export const SEGMENT_SECONDS = 6;

/** One rung of the ladder: the short side of the picture (240 for 426×240 or for a portrait 240×426). */
interface Rung {
  name: RenditionName;
  shortSide: number;
  videoKbps: number;
  audioKbps: number;
  /** H.264 level for the CODECS attribute (`-level` is set to match). */
  level: '3.0' | '3.1';
}

/** The HLS ladder (thang chất lượng): a 240p rung that works on 2G/3G phones up to 720p for Wi-Fi. */
export const LADDER: readonly Rung[] = [
  { name: '240p', shortSide: 240, videoKbps: 300, audioKbps: 64, level: '3.0' },
  { name: '360p', shortSide: 360, videoKbps: 700, audioKbps: 96, level: '3.0' },
  { name: '720p', shortSide: 720, videoKbps: 2500, audioKbps: 128, level: '3.1' },
];

export interface PlannedRendition extends Rung {
  width: number;
  height: number;
}

const even = (n: number) => Math.max(2, 2 * Math.round(n / 2));

/**
 * The renditions of a source of `width`×`height` (as displayed): every rung whose short side the
 * source reaches (no upscaling), and always the lowest one (scaled down to the source when smaller).
 */
export function planRenditions(width: number, height: number): PlannedRendition[] {
  const short = Math.min(width, height);
  const planned: PlannedRendition[] = [];
  for (const rung of LADDER) {
    if (rung.shortSide > short && rung !== LADDER[0]) continue;
    const scale = Math.min(1, rung.shortSide / short);
    planned.push({ ...rung, width: even(width * scale), height: even(height * scale) });
  }
  return planned;
}

/** `avc1.4d401e,mp4a.40.2`: H.264 Main at the rung's level, AAC-LC when there is sound. */
export function codecsOf(rendition: PlannedRendition, hasAudio: boolean): string {
  const video = rendition.level === '3.1' ? 'avc1.4d401f' : 'avc1.4d401e';
  return hasAudio ? `${video},mp4a.40.2` : video;
}

export interface HlsArgsInput {
  input: string;
  outDir: string;
  renditions: readonly PlannedRendition[];
  hasAudio: boolean;
  preset: string;
}

/**
 * One ffmpeg run that decodes once and encodes every rendition (split → scale per rung), each an
 * HLS VOD playlist with 6-second segments, and reports progress on stdout.
 */
export function buildHlsArgs({ input, outDir, renditions, hasAudio, preset }: HlsArgsInput): string[] {
  const split = `[0:v:0]split=${renditions.length}${renditions.map((_r, i) => `[s${i}]`).join('')}`;
  const scales = renditions.map((r, i) => `[s${i}]scale=${r.width}:${r.height}:flags=bicubic,setsar=1,format=yuv420p[v${i}]`);
  const args = ['-hide_banner', '-nostdin', '-y', '-loglevel', 'error', '-i', input, '-filter_complex', [split, ...scales].join(';')];
  renditions.forEach((r, i) => {
    args.push('-map', `[v${i}]`);
    if (hasAudio) args.push('-map', '0:a:0');
    args.push(
      '-c:v', 'libx264', '-preset', preset, '-profile:v', 'main', '-level:v', r.level,
      '-b:v', `${r.videoKbps}k`, '-maxrate', `${Math.round(r.videoKbps * 1.1)}k`, '-bufsize', `${r.videoKbps * 2}k`,
      '-force_key_frames', `expr:gte(t,n_forced*${SEGMENT_SECONDS})`, '-sc_threshold', '0',
    );
    if (hasAudio) args.push('-c:a', 'aac', '-b:a', `${r.audioKbps}k`, '-ac', '2', '-ar', '48000');
    args.push(
      '-f', 'hls', '-hls_time', String(SEGMENT_SECONDS), '-hls_playlist_type', 'vod', '-hls_flags', 'independent_segments',
      '-hls_segment_type', 'mpegts', '-hls_segment_filename', path.join(outDir, `${r.name}_%04d.ts`), path.join(outDir, `${r.name}.m3u8`),
    );
  });
  args.push('-progress', 'pipe:1', '-nostats');
  return args;
}

/** Time limit of one transcode: ten minutes, or three times the media's duration when longer. */
export function videoTimeLimitMs(durationSeconds: number): number {
  return Math.max(10 * 60_000, Math.ceil(durationSeconds * 3 * 1000));
}

export interface TranscodeResult {
  renditions: Array<PlannedRendition & { bandwidth: number; averageBandwidth: number; playlist: string; segments: string[] }>;
  master: string;
  /** Multiple of real time (media seconds per wall-clock second). */
  speed: number;
  seconds: number;
}

/**
 * Transcodes `input` into HLS renditions in `outDir` (`<name>.m3u8`, `<name>_0000.ts`, …) and
 * writes `master.m3u8`. `onProgress` gets the percent of the media done. A source ffmpeg cannot
 * decode is MEDIA_UNREADABLE.
 */
export async function transcodeToHls(
  input: string,
  outDir: string,
  media: MediaProbe,
  options: { preset: string; onProgress?: (percent: number, speed: number | null) => void; timeoutMs?: number },
): Promise<TranscodeResult> {
  if (!media.video || !media.durationSeconds) throw new MediaProcessingError('MEDIA_UNREADABLE', 'no video stream with a duration');
  const duration = media.durationSeconds;
  const renditions = planRenditions(media.video.width, media.video.height);
  const hasAudio = media.audio !== null;
  const parser = new FfmpegProgressParser((p) => {
    if (p.outTimeSeconds !== null) options.onProgress?.(Math.min(100, (p.outTimeSeconds / duration) * 100), p.speed);
  });
  const started = performance.now();
  const result = await runCommand('ffmpeg', buildHlsArgs({ input, outDir, renditions, hasAudio, preset: options.preset }), {
    timeoutMs: options.timeoutMs ?? videoTimeLimitMs(duration),
    onStdoutLine: (line) => parser.push(line),
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.exitCode !== 0) {
    throw new MediaProcessingError('MEDIA_UNREADABLE', `ffmpeg: ${lastLines(result.stderrTail) || `exit ${String(result.exitCode ?? result.signal)}`}`);
  }

  const done: TranscodeResult['renditions'] = [];
  const entries: MasterEntry[] = [];
  for (const r of renditions) {
    const playlist = `${r.name}.m3u8`;
    const segments = parseMediaPlaylist(await readFile(path.join(outDir, playlist), 'utf8'));
    if (segments.length === 0) throw new MediaProcessingError('MEDIA_UNREADABLE', `ffmpeg wrote no segment for ${r.name}`);
    const sized = await Promise.all(segments.map(async (s) => ({ ...s, bytes: (await stat(path.join(outDir, s.uri))).size })));
    const { peak, average } = measureBandwidth(sized);
    done.push({ ...r, bandwidth: peak, averageBandwidth: average, playlist, segments: segments.map((s) => s.uri) });
    entries.push({ name: r.name, bandwidth: peak, averageBandwidth: average, width: r.width, height: r.height, codecs: codecsOf(r, hasAudio) });
  }
  return { renditions: done, master: buildMasterPlaylist(entries), speed: seconds > 0 ? duration / seconds : 0, seconds };
}

/** A JPEG poster at 10 % of the duration, at most 720 pixels on its short side. */
export async function extractPoster(input: string, output: string, media: MediaProbe): Promise<void> {
  const at = Math.max(0, (media.durationSeconds ?? 0) * 0.1);
  const [rung] = planRenditions(media.video?.width ?? 1280, media.video?.height ?? 720).slice(-1);
  const args = ['-hide_banner', '-nostdin', '-y', '-loglevel', 'error', '-ss', at.toFixed(3), '-i', input, '-frames:v', '1', '-vf', `scale=${rung.width}:${rung.height}`, '-q:v', '3', output];
  const result = await runCommand('ffmpeg', args, { timeoutMs: 2 * 60_000 });
  if (result.exitCode !== 0) throw new MediaProcessingError('MEDIA_UNREADABLE', `poster: ${lastLines(result.stderrTail)}`);
}
