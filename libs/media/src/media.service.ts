import type { Readable } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, type DomainException, type Principal, commonError } from '@lms/core';
import { JobsService } from '@lms/jobs';
import { OBJECT_STORAGE, type ObjectStorage, type PresignedPut, StorageUploadNotFoundException, type UploadedPart } from '@lms/storage';
import { fileTypeFromBuffer } from 'file-type';
import { type RenditionName, masterVariants, playlistUris, rewritePlaylist } from './hls/hls-playlist';
import { MediaAccessRegistry } from './media-access';
import type { MediaAsset } from './media-asset.entity';
import { derivedContentType, mediaKeys } from './media-keys';
import {
  type KindVerdict,
  type MediaPurpose,
  judgeDeclared,
  judgeKind,
  partLength,
  planParts,
} from './media-rules';
import {
  MediaEmptyException,
  MediaKindNotAllowedException,
  MediaNotFailedException,
  MediaNotFoundException,
  MediaNotReadyException,
  MediaPartOutOfRangeException,
  MediaPurposeForbiddenException,
  MediaSizeMismatchException,
  MediaTooLargeException,
  MediaUploadClosedException,
  MediaVariantNotFoundException,
} from './media.exceptions';
import { MediaRepository } from './media.repository';
import { ZIP_TAIL_BYTES, centralDirectoryNames, locateCentralDirectory } from './zip-directory';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Bytes file-type looks at (its own sample size). */
const HEAD_BYTES = 4100;
/** A central directory larger than this is not a presentation anyone uploads. */
const MAX_ZIP_DIRECTORY_BYTES = 8 * 1024 * 1024;
/** Part URLs handed out per request. */
export const MAX_PART_URLS = 100;
/** Segment URLs must outlive the viewing: the video's length plus this, at most 12 hours. */
const HLS_URL_SLACK_SECONDS = 30 * 60;
const HLS_URL_MAX_SECONDS = 12 * 3600;

export interface CreateUploadInput {
  purpose: MediaPurpose;
  fileName: string;
  size: number;
  contentType?: string;
}

export interface CreatedUpload {
  asset: MediaAsset;
  partSize: number;
  parts: number;
}

export interface PartUrl extends PresignedPut {
  partNumber: number;
  /** Bytes this part must have (the last part may be shorter). */
  size: number;
}

/** The job id of one processing request: a retry is a new request, a re-enqueue of the same one is not. */
export function processJobId(asset: Pick<MediaAsset, 'id' | 'attempts'>): string {
  return `media.process.${asset.id}.${asset.attempts}`;
}

/**
 * Media assets as the api sees them: browser uploads straight to storage in parts (created,
 * resumed, completed and verified here), the processing job's request, and delivery through
 * short-lived URLs. An asset is seen by its owner, administrators, and whomever a registered
 * MediaAccess allows; anyone else gets "not found".
 */
@Injectable()
export class MediaService {
  private readonly logger = new Logger(MediaService.name);

  constructor(
    private readonly repo: MediaRepository,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobsService,
    private readonly access: MediaAccessRegistry,
  ) {}

  limitFor(purpose: MediaPurpose): number {
    return this.config.media.maxBytes[purpose];
  }

  /** Whether the principal may upload for this purpose (`media.upload`: any; `evidence.upload`: evidence only). */
  mayUpload(principal: Principal, purpose: MediaPurpose): boolean {
    if (principal.permissions.has('media.upload')) return true;
    return purpose === 'evidence' && principal.permissions.has('evidence.upload');
  }

  // --- Upload ------------------------------------------------------------------------------------

  /** Records the asset and opens a multipart upload; refuses what can be refused before any byte is stored. */
  async createUpload(principal: Principal, input: CreateUploadInput): Promise<CreatedUpload> {
    if (!this.mayUpload(principal, input.purpose)) throw new MediaPurposeForbiddenException(input.purpose);
    if (input.size === 0) throw new MediaEmptyException();
    const limit = this.limitFor(input.purpose);
    if (input.size > limit) throw new MediaTooLargeException(input.purpose, limit);
    const declared = judgeDeclared(input.purpose, input.fileName, input.contentType);
    if (declared && !declared.ok) throw new MediaKindNotAllowedException(input.purpose, declared);

    const id = randomUUID();
    const sourceKey = mediaKeys.source(id);
    const { partSize, parts } = planParts(input.size, this.config.media.partSizeBytes);
    // The browser's content type is a claim; the object is served with the detected one.
    const upload = await this.storage.createMultipartUpload(sourceKey, { contentType: 'application/octet-stream' });
    const asset = await this.repo.create({
      id,
      ownerUserId: principal.userId,
      purpose: input.purpose,
      originalName: input.fileName.slice(0, 255),
      declaredSize: input.size,
      sourceKey,
      uploadId: upload.uploadId,
      partSize,
    });
    return { asset, partSize, parts };
  }

  /**
   * A file the server already has in hand (a course package being imported): stored, verified like
   * an upload (size, kind from the first bytes) and queued for processing. A refused file leaves
   * no object behind and answers the same 4xx an upload would.
   */
  async ingest(principal: Principal, input: { purpose: MediaPurpose; fileName: string; size: number; body: Readable }): Promise<MediaAsset> {
    if (!this.mayUpload(principal, input.purpose)) throw new MediaPurposeForbiddenException(input.purpose);
    if (input.size === 0) throw new MediaEmptyException();
    const limit = this.limitFor(input.purpose);
    if (input.size > limit) throw new MediaTooLargeException(input.purpose, limit);
    const declared = judgeDeclared(input.purpose, input.fileName, undefined);
    if (declared && !declared.ok) throw new MediaKindNotAllowedException(input.purpose, declared);
    const id = randomUUID();
    const sourceKey = mediaKeys.source(id);
    const asset = await this.repo.create({
      id,
      ownerUserId: principal.userId,
      purpose: input.purpose,
      originalName: input.fileName.slice(0, 255),
      declaredSize: input.size,
      sourceKey,
      uploadId: null,
      partSize: this.config.media.partSizeBytes,
    });
    const { size } = await this.storage.put(sourceKey, input.body, { size: input.size, contentType: 'application/octet-stream' });
    let contentType: string;
    try {
      contentType = await this.verify(asset, size);
    } catch (error) {
      if (isRefusal(error)) {
        await this.storage.delete(sourceKey);
        await this.repo.markRejected(asset.id, { code: error.code, ...error.messages }, size);
      }
      throw error;
    }
    await this.repo.markUploaded(asset.id, { size, contentType });
    const uploaded = await this.load(asset.id);
    await this.jobs.enqueue('media.process', { assetId: asset.id }, { jobId: processJobId(uploaded) });
    return uploaded;
  }

  /** The upload's state and the parts storage already holds (a browser resumes from there). */
  async uploadState(principal: Principal, assetId: string): Promise<{ asset: MediaAsset; parts: number; uploadedParts: UploadedPart[] }> {
    const asset = await this.owned(principal, assetId);
    const { parts } = this.partsOf(asset);
    if (asset.status !== 'awaiting_upload' || !asset.uploadId) return { asset, parts, uploadedParts: [] };
    let uploadedParts: UploadedPart[] = [];
    try {
      uploadedParts = await this.storage.listUploadedParts({ key: asset.sourceKey, uploadId: asset.uploadId });
    } catch (error) {
      // Aborted by the clean-up of abandoned uploads (after a day): nothing to resume.
      if (!(error instanceof StorageUploadNotFoundException)) throw error;
    }
    return { asset, parts, uploadedParts };
  }

  /** Presigned PUT URLs for parts `from`…`from + count - 1` (S3) or the filesystem driver's signed URLs. */
  async partUrls(principal: Principal, assetId: string, from = 1, count = 20): Promise<PartUrl[]> {
    const asset = await this.owned(principal, assetId);
    if (asset.status !== 'awaiting_upload' || !asset.uploadId) throw new MediaUploadClosedException();
    const { parts } = this.partsOf(asset);
    if (from > parts) throw new MediaPartOutOfRangeException(parts);
    const last = Math.min(parts, from + Math.min(count, MAX_PART_URLS) - 1);
    const upload = { key: asset.sourceKey, uploadId: asset.uploadId };
    const urls: PartUrl[] = [];
    for (let partNumber = from; partNumber <= last; partNumber++) {
      const presigned = await this.storage.presignUploadPart(upload, partNumber);
      urls.push({ ...presigned, partNumber, size: partLength(asset.declaredSize, asset.partSize, partNumber) });
    }
    return urls;
  }

  /**
   * Completes the multipart upload, then verifies what was stored: size against the declared size
   * and the limit, kind from the first bytes against the purpose. A refused file is deleted and the
   * asset failed (the error names why); an accepted one is queued for processing. Calling it again
   * once the upload is closed answers the asset as it is.
   */
  async completeUpload(principal: Principal, assetId: string, parts: UploadedPart[]): Promise<MediaAsset> {
    const asset = await this.owned(principal, assetId);
    if (asset.status !== 'awaiting_upload' || !asset.uploadId) return asset;
    let size: number;
    try {
      ({ size } = await this.storage.completeMultipartUpload({ key: asset.sourceKey, uploadId: asset.uploadId }, parts));
    } catch (error) {
      if (!(error instanceof StorageUploadNotFoundException)) throw error;
      // A second completion racing the first finds the upload gone: answer what the first did.
      const now = await this.load(asset.id);
      if (now.status !== 'awaiting_upload') return now;
      // Completed before, but verification did not finish (storage or database failed): verify now.
      const stored = await this.storage.stat(asset.sourceKey);
      if (!stored) throw error;
      size = stored.size;
    }

    let contentType: string;
    try {
      contentType = await this.verify(asset, size);
    } catch (error) {
      if (isRefusal(error)) {
        await this.storage.delete(asset.sourceKey);
        await this.repo.markRejected(asset.id, { code: error.code, ...error.messages }, size);
      }
      throw error;
    }

    if (await this.repo.markUploaded(asset.id, { size, contentType })) {
      const uploaded = await this.load(asset.id);
      await this.jobs.enqueue('media.process', { assetId: asset.id }, { jobId: processJobId(uploaded) });
      return uploaded;
    }
    return this.load(asset.id);
  }

  /** Size and kind of the stored object; returns the detected content type or throws why not. */
  private async verify(asset: MediaAsset, size: number): Promise<string> {
    if (size === 0) throw new MediaEmptyException();
    const limit = this.limitFor(asset.purpose);
    if (size > limit) throw new MediaTooLargeException(asset.purpose, limit);
    if (size !== asset.declaredSize) throw new MediaSizeMismatchException(asset.declaredSize, size);
    const head = await this.readRange(asset.sourceKey, 0, Math.min(size, HEAD_BYTES) - 1);
    const sniffed = await fileTypeFromBuffer(head);
    let zipEntries: Set<string> | null | undefined;
    if (asset.purpose === 'slides' && (sniffed?.ext === 'zip' || sniffed?.ext === 'pptx')) zipEntries = await this.zipEntries(asset.sourceKey, size);
    const verdict: KindVerdict = judgeKind(asset.purpose, head, sniffed, zipEntries);
    if (!verdict.ok) {
      this.logger.warn(`Media ${asset.id} (${asset.purpose}) refused: ${verdict.reason}, detected ${verdict.detected ?? 'unknown'}`);
      throw new MediaKindNotAllowedException(asset.purpose, verdict);
    }
    return verdict.contentType;
  }

  /** The entry names of a stored ZIP, from its central directory; null when it has none (truncated). */
  private async zipEntries(key: string, size: number): Promise<Set<string> | null> {
    const tailLength = Math.min(size, ZIP_TAIL_BYTES);
    const tail = await this.readRange(key, size - tailLength, size - 1);
    const directory = locateCentralDirectory(tail, size);
    if (!directory || directory.size === 0 || directory.size > MAX_ZIP_DIRECTORY_BYTES) return null;
    const tailStart = size - tailLength;
    const bytes = directory.offset >= tailStart
      ? tail.subarray(directory.offset - tailStart, directory.offset - tailStart + directory.size)
      : await this.readRange(key, directory.offset, directory.offset + directory.size - 1);
    return centralDirectoryNames(bytes);
  }

  private async readRange(key: string, start: number, end: number): Promise<Buffer> {
    const chunks: Buffer[] = [];
    let length = 0;
    const wanted = end - start + 1;
    for await (const chunk of await this.storage.get(key, { start, end })) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
      chunks.push(buffer);
      length += buffer.length;
      if (length >= wanted) break;
    }
    return Buffer.concat(chunks, length).subarray(0, wanted);
  }

  // --- Viewing and retrying ----------------------------------------------------------------------

  async get(principal: Principal, assetId: string): Promise<MediaAsset> {
    return this.viewableAsset(principal, assetId);
  }

  /** The hook other libs build on: may this principal see this asset? */
  async canView(principal: Principal, assetId: string): Promise<boolean> {
    if (!UUID.test(assetId)) return false;
    return (await this.viewableIds(principal, [assetId])).has(assetId);
  }

  /** The subset of `assetIds` the principal may see (owner, administrator, or a registered MediaAccess). */
  async viewableIds(principal: Principal, assetIds: readonly string[]): Promise<Set<string>> {
    const ids = [...new Set(assetIds.filter((id) => UUID.test(id)))];
    const assets = await this.repo.findByIds(ids);
    if (principal.roles.includes('administrator')) return new Set(assets.map((a) => a.id));
    const visible = new Set(assets.filter((a) => a.ownerUserId === principal.userId).map((a) => a.id));
    const others = assets.filter((a) => !visible.has(a.id)).map((a) => a.id);
    if (others.length > 0) for (const id of await this.access.viewable(principal, others)) visible.add(id);
    return visible;
  }

  /** Processes a failed asset again (its owner or an administrator). */
  async retry(principal: Principal, assetId: string): Promise<MediaAsset> {
    const asset = await this.viewableAsset(principal, assetId);
    // Seen through a course, say, but not one's own: visible, yet not to be changed.
    if (asset.ownerUserId !== principal.userId && !principal.roles.includes('administrator')) throw commonError('FORBIDDEN');
    if (!(await this.repo.resetForRetry(asset.id))) throw new MediaNotFailedException();
    const reset = await this.load(asset.id);
    await this.jobs.enqueue('media.process', { assetId: asset.id }, { jobId: processJobId(reset) });
    return reset;
  }

  /** Re-enqueues verified assets not processed yet (a job lost with Redis); the job id dedupes the rest. */
  async requeueUnfinished(limit = 1000): Promise<number> {
    const assets = await this.repo.unfinished(limit);
    for (const asset of assets) await this.jobs.enqueue('media.process', { assetId: asset.id }, { jobId: processJobId(asset) });
    if (assets.length > 0) this.logger.log(`Re-enqueued processing of ${assets.length} media asset(s)`);
    return assets.length;
  }

  // --- Delivery -----------------------------------------------------------------------------------

  /** The stored master playlist (its variants are relative: `240p.m3u8`, served by the route next to it). */
  async masterPlaylist(principal: Principal, assetId: string): Promise<string> {
    const asset = await this.readyVideo(principal, assetId);
    const text = await this.readText(asset.derived?.masterKey as string);
    masterVariants(text); // refuses anything but our own variant names
    return text;
  }

  /** A rendition's playlist with every segment as a short-lived presigned (S3) or signed (fs) URL. */
  async renditionPlaylist(principal: Principal, assetId: string, rendition: RenditionName): Promise<string> {
    const asset = await this.readyVideo(principal, assetId);
    const entry = asset.derived?.renditions?.find((r) => r.name === rendition);
    if (!entry) throw new MediaVariantNotFoundException(rendition);
    const text = await this.readText(entry.playlistKey);
    const ttl = Math.min(HLS_URL_MAX_SECONDS, Math.max(this.config.storage.presignTtlSeconds, Math.ceil(asset.derived?.durationSeconds ?? 0) + HLS_URL_SLACK_SECONDS));
    const urls = new Map<string, string>();
    await Promise.all(
      playlistUris(text).map(async (uri) => {
        urls.set(uri, await this.storage.presignGet(mediaKeys.hls(asset.id, uri), { expiresInSeconds: ttl }));
      }),
    );
    return rewritePlaylist(text, urls);
  }

  /**
   * A short-lived URL of one file of the asset: `source` (default), `pdf`, `audio`, `poster`,
   * `page-<n>` (a page thumbnail), `w<width>.jpg` / `w<width>.webp` (an image variant).
   */
  async fileUrl(principal: Principal, assetId: string, variant = 'source'): Promise<string> {
    const asset = await this.viewableAsset(principal, assetId);
    if (variant === 'source') {
      // No content type: not uploaded yet, or refused (and deleted).
      if (!asset.contentType) throw new MediaNotReadyException();
      return this.storage.presignGet(asset.sourceKey, {
        contentType: asset.contentType,
        disposition: asset.purpose === 'file' ? 'attachment' : 'inline',
        downloadName: asset.originalName,
      });
    }
    if (asset.status !== 'ready' || !asset.derived) throw new MediaNotReadyException();
    const key = this.variantKey(asset, variant);
    if (!key) throw new MediaVariantNotFoundException(variant);
    return this.storage.presignGet(key, { contentType: derivedContentType(key), disposition: 'inline' });
  }

  private variantKey(asset: MediaAsset, variant: string): string | null {
    const derived = asset.derived ?? {};
    switch (variant) {
      case 'pdf': return derived.pdfKey ?? null;
      case 'audio': return derived.audioKey ?? null;
      case 'poster': return derived.posterKey ?? null;
      default: break;
    }
    const page = /^page-(\d{1,4})$/.exec(variant);
    if (page) return derived.thumbnails?.[Number(page[1]) - 1] ?? null;
    const image = /^w(\d{1,5})\.(jpg|webp)$/.exec(variant);
    if (image) {
      const format = image[2] === 'jpg' ? 'jpeg' : 'webp';
      return derived.variants?.find((v) => v.width === Number(image[1]) && v.format === format)?.key ?? null;
    }
    return null;
  }

  // --- Helpers ------------------------------------------------------------------------------------

  private partsOf(asset: MediaAsset): { parts: number } {
    return { parts: Math.max(1, Math.ceil(asset.declaredSize / asset.partSize)) };
  }

  private async load(id: string): Promise<MediaAsset> {
    const asset = await this.repo.findById(id);
    if (!asset) throw new MediaNotFoundException();
    return asset;
  }

  /** The caller's own asset (uploads are continued by their owner only). */
  private async owned(principal: Principal, assetId: string): Promise<MediaAsset> {
    if (!UUID.test(assetId)) throw new MediaNotFoundException();
    const asset = await this.repo.findById(assetId);
    if (!asset || asset.ownerUserId !== principal.userId) throw new MediaNotFoundException();
    return asset;
  }

  private async viewableAsset(principal: Principal, assetId: string): Promise<MediaAsset> {
    if (!UUID.test(assetId)) throw new MediaNotFoundException();
    const asset = await this.repo.findById(assetId);
    if (!asset) throw new MediaNotFoundException();
    if (asset.ownerUserId === principal.userId || principal.roles.includes('administrator')) return asset;
    if (!(await this.access.viewable(principal, [asset.id])).has(asset.id)) throw new MediaNotFoundException();
    return asset;
  }

  private async readyVideo(principal: Principal, assetId: string): Promise<MediaAsset> {
    const asset = await this.viewableAsset(principal, assetId);
    if (asset.status !== 'ready') throw new MediaNotReadyException();
    if (!asset.derived?.masterKey) throw new MediaVariantNotFoundException('hls');
    return asset;
  }

  private async readText(key: string): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of await this.storage.get(key)) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
    return Buffer.concat(chunks).toString('utf8');
  }
}

/** A verification refusal: the file is at fault, so it is deleted and the asset failed. */
function isRefusal(error: unknown): error is DomainException {
  return (
    error instanceof MediaKindNotAllowedException ||
    error instanceof MediaSizeMismatchException ||
    error instanceof MediaTooLargeException ||
    error instanceof MediaEmptyException
  );
}
