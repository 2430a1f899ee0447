/**
 * HLS playlists as this lib writes and serves them. Stored playlists name their segments relatively
 * (`240p_0003.ts`); the api serves them with every segment turned into a short-lived presigned URL
 * (S3) or signed API URL (filesystem driver), so segment bytes never pass through Node.
 */

export const RENDITION_NAMES = ['240p', '360p', '720p'] as const;
export type RenditionName = (typeof RENDITION_NAMES)[number];

/** A segment (or init section) name this lib writes: nothing that could leave the asset's folder. */
const SEGMENT_URI = /^[A-Za-z0-9][A-Za-z0-9_-]{0,100}\.(ts|m4s|mp4|aac)$/;

export class PlaylistError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlaylistError';
  }
}

export interface PlaylistSegment {
  uri: string;
  durationSeconds: number;
}

/** The segments of a media playlist, in order, with their `#EXTINF` durations. */
export function parseMediaPlaylist(text: string): PlaylistSegment[] {
  const segments: PlaylistSegment[] = [];
  let duration: number | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    if (line.startsWith('#EXTINF:')) {
      duration = Number(line.slice('#EXTINF:'.length).split(',')[0]);
      continue;
    }
    if (line.startsWith('#')) continue;
    segments.push({ uri: line, durationSeconds: duration !== null && Number.isFinite(duration) ? duration : 0 });
    duration = null;
  }
  return segments;
}

/** Every URI a media playlist refers to: segment lines and `URI="…"` attributes (EXT-X-MAP). */
export function playlistUris(text: string): string[] {
  const uris = new Set<string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    if (line.startsWith('#')) {
      for (const match of line.matchAll(/URI="([^"]*)"/g)) uris.add(match[1]);
      continue;
    }
    uris.add(line);
  }
  for (const uri of uris) {
    if (!SEGMENT_URI.test(uri)) throw new PlaylistError(`unexpected URI in a stored playlist: ${JSON.stringify(uri.slice(0, 80))}`);
  }
  return [...uris];
}

/**
 * The playlist with every URI replaced by `urls.get(uri)`. Throws when one has no replacement, so a
 * relative URI (which would resolve against the api) is never served by mistake.
 */
export function rewritePlaylist(text: string, urls: ReadonlyMap<string, string>): string {
  const lookup = (uri: string): string => {
    const url = urls.get(uri);
    if (url === undefined) throw new PlaylistError(`no URL for ${uri}`);
    return url;
  };
  const lines = text.split(/\r?\n/).map((raw) => {
    const line = raw.trim();
    if (line === '') return line;
    if (line.startsWith('#')) return line.replace(/URI="([^"]*)"/g, (_m, uri: string) => `URI="${lookup(uri)}"`);
    return lookup(line);
  });
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return `${lines.join('\n')}\n`;
}

export interface MasterEntry {
  name: RenditionName;
  bandwidth: number;
  averageBandwidth: number;
  width: number;
  height: number;
  codecs: string;
}

/** The master playlist: one variant per rendition, lowest bandwidth first (players start there). */
export function buildMasterPlaylist(entries: readonly MasterEntry[]): string {
  const sorted = [...entries].sort((a, b) => a.bandwidth - b.bandwidth);
  const lines = ['#EXTM3U', '#EXT-X-VERSION:3', '#EXT-X-INDEPENDENT-SEGMENTS'];
  for (const e of sorted) {
    lines.push(
      `#EXT-X-STREAM-INF:BANDWIDTH=${Math.round(e.bandwidth)},AVERAGE-BANDWIDTH=${Math.round(e.averageBandwidth)},RESOLUTION=${e.width}x${e.height},CODECS="${e.codecs}"`,
      `${e.name}.m3u8`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The variant playlist names a stored master playlist lists (checked to be renditions of ours). */
export function masterVariants(text: string): RenditionName[] {
  const names: RenditionName[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const name = line.replace(/\.m3u8$/, '');
    if (!(RENDITION_NAMES as readonly string[]).includes(name) || !line.endsWith('.m3u8')) throw new PlaylistError(`unexpected variant in a master playlist: ${JSON.stringify(line.slice(0, 80))}`);
    names.push(name as RenditionName);
  }
  return names;
}

/**
 * Peak and average bits per second of a rendition, from its segments' sizes and durations. The
 * peak ignores segments under a second (a short last segment would overstate it).
 */
export function measureBandwidth(segments: ReadonlyArray<PlaylistSegment & { bytes: number }>): { peak: number; average: number } {
  let totalBits = 0;
  let totalSeconds = 0;
  let peak = 0;
  for (const s of segments) {
    totalBits += s.bytes * 8;
    totalSeconds += s.durationSeconds;
  }
  const measured = segments.filter((s) => s.durationSeconds >= 1);
  for (const s of measured.length > 0 ? measured : segments) {
    if (s.durationSeconds > 0) peak = Math.max(peak, (s.bytes * 8) / s.durationSeconds);
  }
  const average = totalSeconds > 0 ? totalBits / totalSeconds : 0;
  return { peak: Math.ceil(Math.max(peak, average)), average: Math.ceil(average) };
}
