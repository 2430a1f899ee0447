/**
 * Storage keys of an asset, built from its id only (never from the user's file name):
 *   media/<id>/source                       the uploaded file
 *   media/<id>/derived/…                    everything processing writes (replaced on a re-run)
 */
export const mediaKeys = {
  source: (id: string) => `media/${id}/source`,
  derivedPrefix: (id: string) => `media/${id}/derived/`,
  hls: (id: string, file: string) => `media/${id}/derived/hls/${file}`,
  poster: (id: string) => `media/${id}/derived/poster.jpg`,
  audio: (id: string) => `media/${id}/derived/audio.m4a`,
  pdf: (id: string) => `media/${id}/derived/document.pdf`,
  page: (id: string, page: number) => `media/${id}/derived/pages/${String(page).padStart(4, '0')}.jpg`,
  image: (id: string, width: number, format: 'jpeg' | 'webp') => `media/${id}/derived/images/w${width}.${format === 'jpeg' ? 'jpg' : 'webp'}`,
};

/** Content types of what processing writes, by extension. */
export function derivedContentType(key: string): string {
  const ext = key.slice(key.lastIndexOf('.') + 1).toLowerCase();
  switch (ext) {
    case 'm3u8': return 'application/vnd.apple.mpegurl';
    case 'ts': return 'video/mp2t';
    case 'jpg': return 'image/jpeg';
    case 'webp': return 'image/webp';
    case 'm4a': return 'audio/mp4';
    case 'pdf': return 'application/pdf';
    default: return 'application/octet-stream';
  }
}
