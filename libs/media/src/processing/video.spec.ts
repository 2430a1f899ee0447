import { buildHlsArgs, codecsOf, planRenditions, videoTimeLimitMs } from './video';

describe('HLS ladder', () => {
  it('makes 240p, 360p and 720p of a 720p or larger source', () => {
    expect(planRenditions(1920, 1080).map((r) => [r.name, r.width, r.height, r.videoKbps])).toEqual([
      ['240p', 426, 240, 300],
      ['360p', 640, 360, 700],
      ['720p', 1280, 720, 2500],
    ]);
  });

  it('skips renditions above the source', () => {
    expect(planRenditions(854, 480).map((r) => r.name)).toEqual(['240p', '360p']);
    expect(planRenditions(640, 360).map((r) => r.name)).toEqual(['240p', '360p']);
  });

  it('keeps one rendition of a tiny source, not upscaled', () => {
    expect(planRenditions(320, 180).map((r) => [r.name, r.width, r.height])).toEqual([['240p', 320, 180]]);
  });

  it('measures portrait videos by their short side, dimensions even', () => {
    expect(planRenditions(720, 1280).map((r) => [r.name, r.width, r.height])).toEqual([
      ['240p', 240, 426],
      ['360p', 360, 640],
      ['720p', 720, 1280],
    ]);
    for (const r of planRenditions(1279, 719)) expect([r.width % 2, r.height % 2]).toEqual([0, 0]);
  });

  it('declares H.264 Main and AAC codecs', () => {
    const [low, , high] = planRenditions(1280, 720);
    expect(codecsOf(low, true)).toBe('avc1.4d401e,mp4a.40.2');
    expect(codecsOf(high, false)).toBe('avc1.4d401f');
  });

  it('encodes every rendition in one ffmpeg run with 6 s segments and forced keyframes', () => {
    const args = buildHlsArgs({ input: '/w/source', outDir: '/w/hls', renditions: planRenditions(1280, 720), hasAudio: true, preset: 'veryfast' });
    const joined = args.join(' ');
    expect(joined).toContain('[0:v:0]split=3[s0][s1][s2]');
    expect(args.filter((a) => a === 'hls')).toHaveLength(3);
    expect(joined).toContain('-hls_time 6 -hls_playlist_type vod');
    expect(joined).toContain('-force_key_frames expr:gte(t,n_forced*6)');
    expect(joined).toContain('-b:v 300k');
    expect(joined).toContain('-b:a 64k');
    expect(joined).toContain('-b:v 2500k');
    expect(args.slice(-3)).toEqual(['-progress', 'pipe:1', '-nostats']);
    expect(args).toContain('/w/hls/720p.m3u8');
    const silent = buildHlsArgs({ input: '/w/source', outDir: '/w/hls', renditions: planRenditions(640, 360), hasAudio: false, preset: 'veryfast' });
    expect(silent).not.toContain('0:a:0');
    expect(silent).not.toContain('aac');
  });

  it('allows ten minutes, or three times the duration', () => {
    expect(videoTimeLimitMs(8)).toBe(600_000);
    expect(videoTimeLimitMs(3600)).toBe(3 * 3600 * 1000);
  });
});
