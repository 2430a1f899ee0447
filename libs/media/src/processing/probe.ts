import { MediaProcessingError } from '../media.exceptions';
import { runCommand } from './run-command';

/** What processing needs to know about a media file, from ffprobe. */
export interface MediaProbe {
  formatName: string;
  durationSeconds: number | null;
  video: {
    codec: string;
    /** As displayed: the coded size with a 90°/270° rotation applied (phones record portrait that way). */
    width: number;
    height: number;
    pixelFormat: string | null;
    /** Display rotation in degrees (from the display matrix or the `rotate` tag). */
    rotation: number;
  } | null;
  audio: { codec: string; channels: number; sampleRate: number } | null;
}

interface FfprobeStream {
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  pix_fmt?: string;
  duration?: string;
  channels?: number;
  sample_rate?: string;
  disposition?: { attached_pic?: number };
  tags?: Record<string, string>;
  side_data_list?: Array<{ rotation?: number | string }>;
}

interface FfprobeOutput {
  format?: { format_name?: string; duration?: string };
  streams?: FfprobeStream[];
}

/** Turns ffprobe's `-print_format json -show_format -show_streams` into a MediaProbe. */
export function parseFfprobe(json: string): MediaProbe {
  let parsed: FfprobeOutput;
  try {
    parsed = JSON.parse(json) as FfprobeOutput;
  } catch {
    throw new MediaProcessingError('MEDIA_UNREADABLE', 'ffprobe gave no readable description of the file');
  }
  const streams = parsed.streams ?? [];
  // Cover art in an MP3/M4A is a "video" stream flagged attached_pic: not a video.
  const videoStream = streams.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic && (s.width ?? 0) > 0);
  const audioStream = streams.find((s) => s.codec_type === 'audio');
  const formatDuration = Number(parsed.format?.duration);
  const streamDuration = Number(videoStream?.duration ?? audioStream?.duration);
  const durationSeconds = Number.isFinite(formatDuration) && formatDuration > 0 ? formatDuration : Number.isFinite(streamDuration) && streamDuration > 0 ? streamDuration : null;

  let video: MediaProbe['video'] = null;
  if (videoStream) {
    const rotation = rotationOf(videoStream);
    const sideways = Math.abs(rotation) % 180 === 90;
    const width = videoStream.width as number;
    const height = videoStream.height ?? 0;
    video = {
      codec: videoStream.codec_name ?? 'unknown',
      width: sideways ? height : width,
      height: sideways ? width : height,
      pixelFormat: videoStream.pix_fmt ?? null,
      rotation,
    };
  }
  const audio = audioStream
    ? { codec: audioStream.codec_name ?? 'unknown', channels: audioStream.channels ?? 0, sampleRate: Number(audioStream.sample_rate ?? 0) }
    : null;
  return { formatName: parsed.format?.format_name ?? 'unknown', durationSeconds, video, audio };
}

function rotationOf(stream: FfprobeStream): number {
  for (const side of stream.side_data_list ?? []) {
    const value = Number(side.rotation);
    if (side.rotation !== undefined && Number.isFinite(value)) return Math.round(value);
  }
  const tag = Number(stream.tags?.rotate);
  return Number.isFinite(tag) ? Math.round(tag) : 0;
}

/** Runs ffprobe on a local file; a file it cannot read is MEDIA_UNREADABLE with its complaint. */
export async function probe(file: string, timeoutMs = 60_000): Promise<MediaProbe> {
  const result = await runCommand('ffprobe', ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file], { timeoutMs, collectStdout: true });
  if (result.exitCode !== 0) {
    throw new MediaProcessingError('MEDIA_UNREADABLE', `ffprobe: ${lastLines(result.stderrTail) || `exit ${String(result.exitCode ?? result.signal)}`}`);
  }
  return parseFfprobe(result.stdout);
}

/** The last few lines of a tool's stderr, file paths removed (they name our temp folders). */
export function lastLines(text: string, count = 3): string {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(-count)
    .join(' | ')
    .replace(/\/[^\s:'"]*\/(source|out|work)[^\s:'"]*/g, '<file>')
    .slice(0, 500);
}
