import { MediaProcessingError } from '../media.exceptions';
import { lastLines, parseFfprobe } from './probe';

describe('ffprobe output', () => {
  it('reads duration, picture size and sound of a video', () => {
    const probe = parseFfprobe(JSON.stringify({
      format: { format_name: 'mov,mp4,m4a,3gp,3g2,mj2', duration: '8.021333' },
      streams: [
        { codec_type: 'video', codec_name: 'h264', width: 1280, height: 720, pix_fmt: 'yuv420p' },
        { codec_type: 'audio', codec_name: 'aac', channels: 1, sample_rate: '44100' },
      ],
    }));
    expect(probe).toEqual({
      formatName: 'mov,mp4,m4a,3gp,3g2,mj2',
      durationSeconds: 8.021333,
      video: { codec: 'h264', width: 1280, height: 720, pixelFormat: 'yuv420p', rotation: 0 },
      audio: { codec: 'aac', channels: 1, sampleRate: 44100 },
    });
  });

  it('turns a phone’s portrait recording (rotated 90°) upright', () => {
    const probe = parseFfprobe(JSON.stringify({
      format: { duration: '3.0' },
      streams: [{ codec_type: 'video', codec_name: 'h264', width: 1920, height: 1080, side_data_list: [{ rotation: -90 }] }],
    }));
    expect(probe.video).toMatchObject({ width: 1080, height: 1920, rotation: -90 });
    expect(probe.audio).toBeNull();
  });

  it('does not take an MP3’s cover art for a video', () => {
    const probe = parseFfprobe(JSON.stringify({
      format: { duration: '180.5' },
      streams: [
        { codec_type: 'audio', codec_name: 'mp3', channels: 2, sample_rate: '44100' },
        { codec_type: 'video', codec_name: 'mjpeg', width: 500, height: 500, disposition: { attached_pic: 1 } },
      ],
    }));
    expect(probe.video).toBeNull();
    expect(probe.durationSeconds).toBe(180.5);
  });

  it('has no duration when ffprobe gives none', () => {
    expect(parseFfprobe(JSON.stringify({ format: { duration: 'N/A' }, streams: [] })).durationSeconds).toBeNull();
  });

  it('treats garbage as an unreadable file', () => {
    expect(() => parseFfprobe('not json')).toThrow(MediaProcessingError);
  });

  it('keeps the last lines of a tool’s complaint without our temp paths', () => {
    expect(lastLines('a\n\nb\n[mov,mp4 @ 0x1] moov atom not found\n/tmp/lms-media-x1/source: Invalid data found when processing input\n')).toBe(
      'b | [mov,mp4 @ 0x1] moov atom not found | <file>: Invalid data found when processing input',
    );
  });
});
