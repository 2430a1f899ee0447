import { PlaylistError, buildMasterPlaylist, masterVariants, measureBandwidth, parseMediaPlaylist, playlistUris, rewritePlaylist } from './hls-playlist';

const RENDITION = `#EXTM3U
#EXT-X-VERSION:6
#EXT-X-TARGETDURATION:6
#EXT-X-MEDIA-SEQUENCE:0
#EXT-X-PLAYLIST-TYPE:VOD
#EXT-X-INDEPENDENT-SEGMENTS
#EXTINF:6.000000,
240p_0000.ts
#EXTINF:2.040000,
240p_0001.ts
#EXT-X-ENDLIST
`;

describe('HLS playlists', () => {
  it('reads segments with their durations', () => {
    expect(parseMediaPlaylist(RENDITION)).toEqual([
      { uri: '240p_0000.ts', durationSeconds: 6 },
      { uri: '240p_0001.ts', durationSeconds: 2.04 },
    ]);
  });

  it('rewrites every segment line into its signed URL and keeps every tag', () => {
    const urls = new Map([
      ['240p_0000.ts', 'https://s3.example/lms/media/a/derived/hls/240p_0000.ts?X-Amz-Signature=1'],
      ['240p_0001.ts', 'https://s3.example/lms/media/a/derived/hls/240p_0001.ts?X-Amz-Signature=2'],
    ]);
    const out = rewritePlaylist(RENDITION, urls);
    expect(out.split('\n')).toEqual([
      '#EXTM3U',
      '#EXT-X-VERSION:6',
      '#EXT-X-TARGETDURATION:6',
      '#EXT-X-MEDIA-SEQUENCE:0',
      '#EXT-X-PLAYLIST-TYPE:VOD',
      '#EXT-X-INDEPENDENT-SEGMENTS',
      '#EXTINF:6.000000,',
      'https://s3.example/lms/media/a/derived/hls/240p_0000.ts?X-Amz-Signature=1',
      '#EXTINF:2.040000,',
      'https://s3.example/lms/media/a/derived/hls/240p_0001.ts?X-Amz-Signature=2',
      '#EXT-X-ENDLIST',
      '',
    ]);
  });

  it('rewrites URI attributes (fMP4 init sections) too, and handles CRLF', () => {
    const text = '#EXTM3U\r\n#EXT-X-MAP:URI="init_0.mp4"\r\n#EXTINF:6,\r\nseg_0.m4s\r\n';
    expect(playlistUris(text).sort()).toEqual(['init_0.mp4', 'seg_0.m4s']);
    const out = rewritePlaylist(text, new Map([['init_0.mp4', 'https://x/init?s=1'], ['seg_0.m4s', 'https://x/seg?s=2']]));
    expect(out).toBe('#EXTM3U\n#EXT-X-MAP:URI="https://x/init?s=1"\n#EXTINF:6,\nhttps://x/seg?s=2\n');
  });

  it('never serves a URI it has no signed URL for', () => {
    expect(() => rewritePlaylist(RENDITION, new Map([['240p_0000.ts', 'https://x']]))).toThrow(PlaylistError);
  });

  it('refuses stored URIs that could leave the asset folder', () => {
    for (const uri of ['../other/seg.ts', '/etc/passwd', 'https://evil.example/seg.ts', 'a/b.ts', 'seg.exe']) {
      expect(() => playlistUris(`#EXTM3U\n#EXTINF:6,\n${uri}\n`)).toThrow(PlaylistError);
    }
  });

  it('builds a master playlist with the lowest bandwidth first', () => {
    const master = buildMasterPlaylist([
      { name: '720p', bandwidth: 2_900_000, averageBandwidth: 2_600_000, width: 1280, height: 720, codecs: 'avc1.4d401f,mp4a.40.2' },
      { name: '240p', bandwidth: 400_000, averageBandwidth: 360_000, width: 426, height: 240, codecs: 'avc1.4d401e,mp4a.40.2' },
      { name: '360p', bandwidth: 850_000, averageBandwidth: 790_000, width: 640, height: 360, codecs: 'avc1.4d401e,mp4a.40.2' },
    ]);
    expect(master).toBe(
      [
        '#EXTM3U',
        '#EXT-X-VERSION:3',
        '#EXT-X-INDEPENDENT-SEGMENTS',
        '#EXT-X-STREAM-INF:BANDWIDTH=400000,AVERAGE-BANDWIDTH=360000,RESOLUTION=426x240,CODECS="avc1.4d401e,mp4a.40.2"',
        '240p.m3u8',
        '#EXT-X-STREAM-INF:BANDWIDTH=850000,AVERAGE-BANDWIDTH=790000,RESOLUTION=640x360,CODECS="avc1.4d401e,mp4a.40.2"',
        '360p.m3u8',
        '#EXT-X-STREAM-INF:BANDWIDTH=2900000,AVERAGE-BANDWIDTH=2600000,RESOLUTION=1280x720,CODECS="avc1.4d401f,mp4a.40.2"',
        '720p.m3u8',
        '',
      ].join('\n'),
    );
    expect(masterVariants(master)).toEqual(['240p', '360p', '720p']);
    expect(() => masterVariants('#EXTM3U\nhttps://evil.example/x.m3u8\n')).toThrow(PlaylistError);
  });

  it('measures peak and average bandwidth from segment sizes, ignoring a short last segment for the peak', () => {
    const measured = measureBandwidth([
      { uri: 'a.ts', durationSeconds: 6, bytes: 300_000 },
      { uri: 'b.ts', durationSeconds: 6, bytes: 240_000 },
      { uri: 'c.ts', durationSeconds: 0.04, bytes: 20_000 },
    ]);
    expect(measured.peak).toBe(400_000);
    expect(measured.average).toBe(Math.ceil((560_000 * 8) / 12.04));
  });
});
