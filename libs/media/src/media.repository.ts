import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, In, type Repository } from 'typeorm';
import { MediaAsset, type MediaDerived, type MediaFailure } from './media-asset.entity';
import type { MediaPurpose, MediaStatus } from './media-rules';

export interface NewMediaAsset {
  id: string;
  ownerUserId: string;
  purpose: MediaPurpose;
  originalName: string;
  declaredSize: number;
  sourceKey: string;
  /** The multipart upload a browser sends parts to; null for files the server stores itself. */
  uploadId: string | null;
  partSize: number;
}

/**
 * All SQL of media assets. Every status change is conditional on the status it leaves, so two
 * requests (or a request and a job) racing on one asset cannot both win.
 */
@Injectable()
export class MediaRepository {
  private readonly repo: Repository<MediaAsset>;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.repo = dataSource.getRepository(MediaAsset);
  }

  async create(asset: NewMediaAsset): Promise<MediaAsset> {
    await this.repo.insert({ ...asset, status: 'awaiting_upload', progressPercent: 0, attempts: 0, failure: null, derived: null });
    return this.repo.findOneByOrFail({ id: asset.id });
  }

  findById(id: string): Promise<MediaAsset | null> {
    return this.repo.findOneBy({ id });
  }

  findByIds(ids: readonly string[]): Promise<MediaAsset[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.repo.findBy({ id: In([...ids]) });
  }

  /** awaiting_upload → uploaded, with what verification found; false when another request got there first. */
  async markUploaded(id: string, verified: { size: number; contentType: string }): Promise<boolean> {
    const result = await this.repo
      .createQueryBuilder()
      .update()
      .set({ status: 'uploaded', size: verified.size, contentType: verified.contentType, uploadId: null, progressPercent: 0, attempts: () => 'attempts + 1' })
      .where('id = :id AND status = :from', { id, from: 'awaiting_upload' })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** An upload refused at verification: failed, with its reason; the stored object is deleted by the caller. */
  async markRejected(id: string, failure: MediaFailure, size: number | null): Promise<boolean> {
    // No content type: the object is gone, and retry needs one (it is how a verified file is told).
    const result = await this.repo.update({ id, status: 'awaiting_upload' }, { status: 'failed', failure, size, contentType: null, uploadId: null });
    return (result.affected ?? 0) > 0;
  }

  /** uploaded (or a processing run that died) → processing, for one more run of the job. */
  async markProcessing(id: string): Promise<boolean> {
    const result = await this.repo.update({ id, status: In(['uploaded', 'processing'] satisfies MediaStatus[]) }, { status: 'processing', progressPercent: 0, failure: null });
    return (result.affected ?? 0) > 0;
  }

  async updateProgress(id: string, percent: number): Promise<void> {
    await this.repo.update({ id, status: 'processing' }, { progressPercent: Math.max(0, Math.min(99, Math.floor(percent))) });
  }

  async markReady(id: string, derived: MediaDerived, sha256: string | null): Promise<void> {
    await this.repo.update({ id, status: 'processing' }, { status: 'ready', derived, sha256, progressPercent: 100, failure: null, processedAt: new Date() });
  }

  async markFailed(id: string, failure: MediaFailure, sha256?: string | null): Promise<void> {
    await this.repo.update(
      { id, status: In(['uploaded', 'processing'] satisfies MediaStatus[]) },
      { status: 'failed', failure, derived: null, progressPercent: 0, processedAt: new Date(), ...(sha256 ? { sha256 } : {}) },
    );
  }

  /** failed → uploaded, counting one more processing request; false unless it was failed and verified. */
  async resetForRetry(id: string): Promise<boolean> {
    const result = await this.repo
      .createQueryBuilder()
      .update()
      .set({ status: 'uploaded', failure: null, progressPercent: 0, derived: null, processedAt: null, attempts: () => 'attempts + 1' })
      // Only a file that passed verification (its type is known) can be processed again.
      .where('id = :id AND status = :from AND content_type IS NOT NULL', { id, from: 'failed' })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** Assets verified but not processed yet (a job lost with Redis, a worker that died). */
  unfinished(limit: number): Promise<MediaAsset[]> {
    return this.repo.find({ where: { status: In(['uploaded', 'processing'] satisfies MediaStatus[]) }, order: { updatedAt: 'ASC' }, take: limit });
  }
}
