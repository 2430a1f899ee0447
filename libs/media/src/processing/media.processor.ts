import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { access, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Inject, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@lms/core';
import { type JobContext, type JobHandler, JobProcessor, type MediaProcessPayload } from '@lms/jobs';
import { OBJECT_STORAGE, type ObjectStorage } from '@lms/storage';
import type { MediaAsset, MediaDerived, MediaFailure } from '../media-asset.entity';
import { derivedContentType, mediaKeys } from '../media-keys';
import { type MediaKind, kindOfContentType, processingKind } from '../media-rules';
import { MediaProcessingError, PROCESSING_FAILURES, type ProcessingFailureCode } from '../media.exceptions';
import { MediaRepository } from '../media.repository';
import { normaliseAudio } from './audio';
import { convertToPdf, pdfPageCount, renderPageThumbnails } from './document';
import { throttle } from './ffmpeg-progress';
import { MAX_IMAGE_PIXELS, jpegOrientation, planImageVariants, readHead, writeImageVariant } from './image';
import { probe } from './probe';
import { CommandTimeoutError, killRunningCommands } from './run-command';
import { extractPoster, transcodeToHls } from './video';

/** Progress is written to the row at most this often. */
const PROGRESS_EVERY_MS = 1000;
const UPLOAD_CONCURRENCY = 4;

/**
 * One media job at a time per process: BullMQ's `media` queue has concurrency 1 per worker, and the
 * inline driver (embedded default, tests) runs jobs as they come, so this keeps it at one there too.
 */
let queueTail: Promise<unknown> = Promise.resolve();
function exclusive<T>(work: () => Promise<T>): Promise<T> {
  const run = queueTail.then(work, work);
  queueTail = run.catch(() => undefined);
  return run;
}

interface OutputFile {
  file: string;
  key: string;
}

export interface ProcessOutcome {
  skipped?: string;
  failed?: string;
  ready?: boolean;
  seconds?: number;
}

/**
 * `media.process`: turns a verified upload into what it is served as, with ffmpeg, LibreOffice and
 * poppler run as child processes under time limits. Video → poster and HLS 240p/360p/720p; audio →
 * loudness-normalised AAC; PPTX → PDF; PDF → page count and page thumbnails; image → resized JPEG
 * and WebP. A file at fault (unreadable, unconvertible, too slow) fails the asset with a reason and
 * is not retried; anything else is rethrown for BullMQ's retry, and the last attempt fails the asset,
 * so an asset never stays "processing". Safe to run twice: outputs under `media/<id>/derived/` are
 * replaced, and an asset already ready or failed is left alone.
 */
@JobProcessor('media.process')
export class MediaProcessor implements JobHandler<'media.process'>, OnApplicationShutdown {
  private readonly logger = new Logger('MediaProcessor');
  private stopping = false;

  constructor(
    private readonly repo: MediaRepository,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  handle(payload: MediaProcessPayload, context: JobContext): Promise<ProcessOutcome> {
    return exclusive(() => this.process(payload, context));
  }

  /** Stops running tools; the interrupted job is left "processing" for BullMQ (or the start-up re-enqueue) to run again. */
  onApplicationShutdown(): void {
    this.stopping = true;
    const killed = killRunningCommands();
    if (killed > 0) this.logger.warn(`Shutdown: stopped ${killed} media tool(s); their job will run again`);
  }

  private async process(payload: MediaProcessPayload, context: JobContext): Promise<ProcessOutcome> {
    const asset = await this.repo.findById(payload.assetId);
    if (!asset) return { skipped: 'missing' };
    if ((asset.status !== 'uploaded' && asset.status !== 'processing') || !asset.contentType) return { skipped: asset.status };
    if (!(await this.repo.markProcessing(asset.id))) return { skipped: 'raced' };

    const started = performance.now();
    let work: string | null = null;
    let sha256: string | null = null;
    try {
      await mkdir(this.config.media.workDir, { recursive: true });
      work = await mkdtemp(path.join(this.config.media.workDir, 'lms-media-'));
      await this.clearDerived(asset.id);
      // LibreOffice picks its import filter by extension; the other tools read the bytes.
      const kind = processingKind(asset.purpose, kindOfContentType(asset.contentType));
      const source = await this.download(asset, path.join(work, kind === 'pptx' ? 'source.pptx' : 'source'));
      sha256 = source.sha256;
      const derived = await this.derive(asset, kind, source.file, work);
      await this.repo.markReady(asset.id, derived, sha256);
      const seconds = (performance.now() - started) / 1000;
      this.logger.log(`Media ${asset.id} (${asset.purpose}, ${asset.contentType}) ready in ${seconds.toFixed(1)} s (job ${context.id}, attempt ${context.attempt})`);
      return { ready: true, seconds };
    } catch (error) {
      if (this.stopping) throw error;
      if (error instanceof MediaProcessingError || error instanceof CommandTimeoutError) {
        const code: ProcessingFailureCode = error instanceof CommandTimeoutError ? 'MEDIA_TIMEOUT' : error.code;
        await this.fail(asset, code, error.message, sha256);
        this.logger.warn(`Media ${asset.id} (${asset.purpose}) failed: ${error.message}`);
        return { failed: code };
      }
      if (context.attempt >= context.maxAttempts) {
        await this.fail(asset, 'MEDIA_PROCESSING_FAILED', error instanceof Error ? error.message : String(error), sha256).catch(() => undefined);
      }
      throw error;
    } finally {
      if (work) await rm(work, { recursive: true, force: true });
    }
  }

  private async derive(asset: MediaAsset, kind: MediaKind, source: string, work: string): Promise<MediaDerived> {
    const progress = throttle<number>(PROGRESS_EVERY_MS, (percent) => {
      void this.repo.updateProgress(asset.id, percent).catch(() => undefined);
    });
    switch (kind) {
      case 'video':
        return this.video(asset, source, work, progress);
      case 'audio':
        return this.audio(asset, source, work, progress);
      case 'pptx': {
        const pdf = await convertToPdf(source, work);
        progress(40);
        await this.upload([{ file: pdf, key: mediaKeys.pdf(asset.id) }]);
        return this.pdf(asset, pdf, mediaKeys.pdf(asset.id), work, progress);
      }
      case 'pdf':
        return this.pdf(asset, source, asset.sourceKey, work, progress);
      case 'image':
        return this.image(asset, source, work, progress);
      case 'other':
        return {};
      default: {
        const unknown: never = kind;
        throw new Error(`no processing for ${String(unknown)}`);
      }
    }
  }

  private async video(asset: MediaAsset, source: string, work: string, progress: (p: number) => void): Promise<MediaDerived> {
    const media = await probe(source);
    if (!media.video) throw new MediaProcessingError('MEDIA_UNREADABLE', 'the file has no video stream');
    if (!media.durationSeconds) throw new MediaProcessingError('MEDIA_UNREADABLE', 'the video has no duration');
    const hlsDir = path.join(work, 'hls');
    await mkdir(hlsDir);
    const result = await transcodeToHls(source, hlsDir, media, { preset: this.config.media.x264Preset, onProgress: (p) => progress(p * 0.9) });
    const speed = Number(result.speed.toFixed(2));
    this.logger.log(
      `Media ${asset.id}: transcoded ${media.durationSeconds.toFixed(1)} s of ${media.video.width}x${media.video.height} video into ${result.renditions.map((r) => r.name).join('/')} in ${result.seconds.toFixed(1)} s (speed ${speed}x real time, preset ${this.config.media.x264Preset})`,
    );
    const poster = path.join(work, 'poster.jpg');
    await extractPoster(source, poster, media);
    if (!(await exists(poster))) await extractPoster(source, poster, { ...media, durationSeconds: 0 });

    const files: OutputFile[] = [];
    for (const r of result.renditions) {
      files.push({ file: path.join(hlsDir, r.playlist), key: mediaKeys.hls(asset.id, r.playlist) });
      for (const segment of r.segments) files.push({ file: path.join(hlsDir, segment), key: mediaKeys.hls(asset.id, segment) });
    }
    const master = path.join(hlsDir, 'master.m3u8');
    await writeText(master, result.master);
    files.push({ file: master, key: mediaKeys.hls(asset.id, 'master.m3u8') });
    if (await exists(poster)) files.push({ file: poster, key: mediaKeys.poster(asset.id) });
    await this.upload(files, (done) => progress(90 + (done / files.length) * 9));

    return {
      durationSeconds: round(media.durationSeconds),
      width: media.video.width,
      height: media.video.height,
      renditions: result.renditions.map((r) => ({
        name: r.name,
        bandwidth: r.bandwidth,
        averageBandwidth: r.averageBandwidth,
        resolution: `${r.width}x${r.height}`,
        playlistKey: mediaKeys.hls(asset.id, r.playlist),
      })),
      masterKey: mediaKeys.hls(asset.id, 'master.m3u8'),
      ...((await exists(poster)) ? { posterKey: mediaKeys.poster(asset.id) } : {}),
      transcodeSpeed: speed,
    };
  }

  private async audio(asset: MediaAsset, source: string, work: string, progress: (p: number) => void): Promise<MediaDerived> {
    const media = await probe(source);
    if (!media.audio) throw new MediaProcessingError('MEDIA_UNREADABLE', 'the file has no audio stream');
    if (!media.durationSeconds) throw new MediaProcessingError('MEDIA_UNREADABLE', 'the audio has no duration');
    const output = path.join(work, 'audio.m4a');
    await normaliseAudio(source, output, media, (p) => progress(p * 0.9));
    await this.upload([{ file: output, key: mediaKeys.audio(asset.id) }]);
    return { durationSeconds: round(media.durationSeconds), audioKey: mediaKeys.audio(asset.id) };
  }

  private async pdf(asset: MediaAsset, file: string, pdfKey: string, work: string, progress: (p: number) => void): Promise<MediaDerived> {
    const pageCount = await pdfPageCount(file);
    const pagesDir = path.join(work, 'pages');
    await mkdir(pagesDir);
    const thumbnails = await renderPageThumbnails(file, pageCount, pagesDir);
    progress(80);
    const files = thumbnails.map((thumb, i) => ({ file: thumb, key: mediaKeys.page(asset.id, i + 1) }));
    await this.upload(files, (done) => progress(80 + (done / files.length) * 19));
    return { pageCount, pdfKey, thumbnails: files.map((f) => f.key) };
  }

  private async image(asset: MediaAsset, source: string, work: string, progress: (p: number) => void): Promise<MediaDerived> {
    const media = await probe(source);
    if (!media.video) throw new MediaProcessingError('MEDIA_UNREADABLE', 'the file has no picture');
    const orientation = asset.contentType === 'image/jpeg' ? jpegOrientation(await readHead(source)) : 1;
    const sideways = orientation >= 5;
    const width = sideways ? media.video.height : media.video.width;
    const height = sideways ? media.video.width : media.video.height;
    if (width * height > MAX_IMAGE_PIXELS) throw new MediaProcessingError('MEDIA_DIMENSIONS_TOO_LARGE', `${width}x${height} pixels`);
    const outDir = path.join(work, 'images');
    await mkdir(outDir);
    // Pixel formats that can carry transparency (a palette may): the WebP copies keep it.
    const hasAlpha = /^(rgba|bgra|argb|abgr|ya8|ya16|yuva|gbrap|pal8)/.test(media.video.pixelFormat ?? '');
    const variants: NonNullable<MediaDerived['variants']> = [];
    const files: OutputFile[] = [];
    for (const plan of planImageVariants(width, height)) {
      const written = await writeImageVariant(source, outDir, plan, orientation, hasAlpha);
      files.push({ file: written.jpeg, key: mediaKeys.image(asset.id, plan.width, 'jpeg') }, { file: written.webp, key: mediaKeys.image(asset.id, plan.width, 'webp') });
      variants.push({ ...plan, format: 'jpeg', key: mediaKeys.image(asset.id, plan.width, 'jpeg') }, { ...plan, format: 'webp', key: mediaKeys.image(asset.id, plan.width, 'webp') });
      progress((variants.length / 6) * 90);
    }
    await this.upload(files);
    return { width, height, variants };
  }

  // --- I/O ------------------------------------------------------------------------------------------

  /** Streams the source into the work folder, hashing it (SHA-256) on the way. */
  private async download(asset: MediaAsset, file: string): Promise<{ file: string; sha256: string }> {
    const hash = createHash('sha256');
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        callback(null, chunk);
      },
    });
    await pipeline(await this.storage.get(asset.sourceKey), meter, createWriteStream(file, { flags: 'wx' }));
    return { file, sha256: hash.digest('hex') };
  }

  /** Deletes what an earlier run left, so a re-run never serves a mix of two runs. */
  private async clearDerived(assetId: string): Promise<void> {
    const keys: string[] = [];
    for await (const object of this.storage.list(mediaKeys.derivedPrefix(assetId))) keys.push(object.key);
    await forEachLimited(keys, UPLOAD_CONCURRENCY, (key) => this.storage.delete(key));
  }

  private async upload(files: OutputFile[], onDone?: (done: number) => void): Promise<void> {
    let done = 0;
    await forEachLimited(files, UPLOAD_CONCURRENCY, async ({ file, key }) => {
      const { size } = await stat(file);
      await this.storage.put(key, createReadStream(file), { contentType: derivedContentType(key), size });
      onDone?.(++done);
    });
  }

  private async fail(asset: MediaAsset, code: ProcessingFailureCode, reason: string, sha256: string | null): Promise<void> {
    const failure: MediaFailure = { code, ...PROCESSING_FAILURES[code], reason: reason.slice(0, 500) };
    await this.repo.markFailed(asset.id, failure, sha256);
    await this.clearDerived(asset.id).catch(() => undefined);
  }
}

async function forEachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

function exists(file: string): Promise<boolean> {
  return access(file).then(() => true, () => false);
}

function writeText(file: string, text: string): Promise<void> {
  return writeFile(file, text, 'utf8');
}

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
