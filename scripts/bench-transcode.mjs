// npm run bench:transcode — transcodes a generated 60-second 720p clip (test pattern with a tone)
// into the HLS ladder (240p, 360p, 720p, 6-second segments) with the media job's own code
// (libs/media transcodeToHls, built into dist/), and reports how many times faster than real time
// it ran. Last line:
//   BENCH transcode seconds=<s> media_seconds=60 speed=<x>
// MEDIA_X264_PRESET picks the x264 preset (default veryfast, as in production); BENCH_MEDIA_SECONDS
// the clip length.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { machine } from './lib/bench-api.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const SECONDS = Number(process.env.BENCH_MEDIA_SECONDS ?? 60);
const PRESET = process.env.MEDIA_X264_PRESET ?? 'veryfast';

const build = spawnSync(process.execPath, [path.join(root, 'scripts/build-server.mjs')], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const require = createRequire(import.meta.url);
const { probe } = require(path.join(root, 'dist/libs/media/src/processing/probe.js'));
const { transcodeToHls } = require(path.join(root, 'dist/libs/media/src/processing/video.js'));

const work = await mkdtemp(path.join(os.tmpdir(), 'lms-bench-transcode-'));
try {
  console.log(`bench:transcode on ${machine()}, ${SECONDS} s of 1280x720 at 25 fps, preset ${PRESET}`);
  const source = path.join(work, 'source.mp4');
  // The clip is made fast (ultrafast, high bitrate) so that decoding it costs what a phone's file would.
  execFileSync('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', `testsrc2=duration=${SECONDS}:size=1280x720:rate=25`,
    '-f', 'lavfi', '-i', `sine=frequency=440:duration=${SECONDS}`,
    '-shortest', '-c:v', 'libx264', '-preset', 'ultrafast', '-b:v', '6M', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '128k', source,
  ]);
  const media = await probe(source);
  const outDir = path.join(work, 'hls');
  await mkdir(outDir);
  let last = -10;
  const result = await transcodeToHls(source, outDir, media, {
    preset: PRESET,
    onProgress: (percent) => {
      if (percent - last >= 10) {
        last = percent;
        process.stdout.write(`  ${Math.floor(percent)} %\n`);
      }
    },
  });
  for (const r of result.renditions) {
    console.log(`  ${r.name} ${r.width}x${r.height}: ${r.segments.length} segments, peak ${Math.round(r.bandwidth / 1000)} kbps, average ${Math.round(r.averageBandwidth / 1000)} kbps`);
  }
  console.log(`BENCH transcode seconds=${result.seconds.toFixed(1)} media_seconds=${Math.round(media.durationSeconds)} speed=${result.speed.toFixed(2)}`);
} finally {
  await rm(work, { recursive: true, force: true });
}
