import { FfmpegProgressParser, type FfmpegProgress, parseClock, progressPercent, throttle } from './ffmpeg-progress';

/** What `ffmpeg -progress pipe:1` writes: key=value blocks ending with progress=. */
const OUTPUT = `frame=0
fps=0.00
stream_0_0_q=0.0
bitrate=N/A
total_size=N/A
out_time_us=N/A
out_time_ms=N/A
out_time=N/A
dup_frames=0
drop_frames=0
speed=N/A
progress=continue
frame=100
fps=39.24
bitrate=N/A
total_size=N/A
out_time_us=4010878
out_time_ms=4010878
out_time=00:00:04.010878
speed=1.57x
progress=continue
frame=200
out_time=00:00:08.020000
speed=1.6x
progress=end
`;

describe('ffmpeg -progress parsing', () => {
  function parse(text: string): FfmpegProgress[] {
    const blocks: FfmpegProgress[] = [];
    const parser = new FfmpegProgressParser((p) => blocks.push(p));
    for (const line of text.split('\n')) parser.push(line);
    return blocks;
  }

  it('emits one snapshot per block, N/A as null, microseconds as seconds', () => {
    expect(parse(OUTPUT)).toEqual([
      { outTimeSeconds: null, speed: null, done: false },
      { outTimeSeconds: 4.010878, speed: 1.57, done: false },
      { outTimeSeconds: 8.02, speed: 1.6, done: true },
    ]);
  });

  it('counts negative start times as zero and ignores junk lines', () => {
    expect(parse('garbage\nout_time_us=-23220\nprogress=continue\n')).toEqual([{ outTimeSeconds: 0, speed: null, done: false }]);
  });

  it('reads clocks', () => {
    expect(parseClock('01:02:03.500000')).toBe(3723.5);
    expect(parseClock('-00:00:00.023220')).toBeCloseTo(-0.02322);
    expect(parseClock('N/A')).toBeNull();
  });

  it('turns media time into a percent of the duration, bounded', () => {
    expect(progressPercent(4.01, 8)).toBe(50);
    expect(progressPercent(9, 8)).toBe(100);
    expect(progressPercent(null, 8)).toBe(0);
    expect(progressPercent(3, 0)).toBe(0);
  });

  it('writes at most once per interval', () => {
    let now = 0;
    const written: number[] = [];
    const write = throttle<number>(1000, (v) => written.push(v), () => now);
    for (let i = 0; i <= 30; i++) {
      now = i * 100;
      write(i);
    }
    expect(written).toEqual([0, 10, 20, 30]);
  });
});
