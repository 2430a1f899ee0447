import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, type ValueTransformer } from 'typeorm';
import type { MediaPurpose, MediaStatus } from './media-rules';

/** One HLS rendition of a video (240p, 360p, 720p), as listed in the master playlist. */
export interface MediaRendition {
  name: '240p' | '360p' | '720p';
  /** Peak bits per second of its segments (audio included), as the master playlist declares it. */
  bandwidth: number;
  averageBandwidth: number;
  /** `WIDTHxHEIGHT`. */
  resolution: string;
  playlistKey: string;
}

/** One resized copy of an image. */
export interface MediaImageVariant {
  width: number;
  height: number;
  format: 'jpeg' | 'webp';
  key: string;
}

/**
 * What processing derived from the source: metadata and the storage keys of the outputs (all under
 * `media/<assetId>/derived/`). Built only by the processing job; a re-run replaces it whole.
 */
export interface MediaDerived {
  durationSeconds?: number;
  width?: number;
  height?: number;
  pageCount?: number;
  renditions?: MediaRendition[];
  masterKey?: string;
  posterKey?: string;
  /** Page thumbnails of a PDF (or of slides converted to PDF), in page order. */
  thumbnails?: string[];
  audioKey?: string;
  /** The PDF learners read: the source itself for a PDF, the converted file for PPTX slides. */
  pdfKey?: string;
  variants?: MediaImageVariant[];
  /** How many times faster than real time the video was transcoded. */
  transcodeSpeed?: number;
}

/** Why an asset failed, in both languages (shown to the uploader as is). */
export interface MediaFailure {
  code: string;
  vi: string;
  en: string;
  /** Technical detail for the logs and the uploader (ffprobe's complaint, LibreOffice's exit). */
  reason?: string;
}

/** PostgreSQL bigint arrives as a string: sizes stay far below 2^53, so a number is exact. */
const bigintAsNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/**
 * One uploaded file (tệp media) and what became of it: a browser uploads it straight to object
 * storage in parts, the api verifies its size and kind, and the `media.process` job derives what
 * it is served as (HLS renditions, PDF pages, image variants…).
 */
@Entity({ name: 'media_asset' })
@Index('ix_media_asset_owner', ['ownerUserId', 'createdAt'])
// Partial, written by hand in the migration: the few assets a start-up re-enqueue looks for.
@Index('ix_media_asset_unfinished', { synchronize: false })
export class MediaAsset {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  ownerUserId!: string;

  /** What the file is for; decides the size limit, the kinds accepted and the processing. */
  @Column({ type: 'varchar', length: 16 })
  purpose!: MediaPurpose;

  /** The name the user's file had (shown and used as download name, never in storage keys). */
  @Column({ type: 'varchar', length: 255 })
  originalName!: string;

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  declaredSize!: number;

  /** The stored size, once the upload is complete. */
  @Column({ type: 'bigint', nullable: true, transformer: bigintAsNumber })
  size!: number | null;

  /** The content type told from the file's first bytes (never the browser's claim). */
  @Column({ type: 'varchar', length: 255, nullable: true })
  contentType!: string | null;

  @Column({ type: 'varchar', length: 16, default: 'awaiting_upload' })
  status!: MediaStatus;

  @Column({ type: 'smallint', default: 0 })
  progressPercent!: number;

  @Column({ type: 'jsonb', nullable: true })
  failure!: MediaFailure | null;

  /** How many times processing was requested (the first time and each retry); part of the job id. */
  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: 'text' })
  sourceKey!: string;

  /** The storage's multipart upload id while the browser uploads; never sent to the browser. */
  @Column({ type: 'text', nullable: true })
  uploadId!: string | null;

  @Column({ type: 'integer' })
  partSize!: number;

  @Column({ type: 'jsonb', nullable: true })
  derived!: MediaDerived | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  sha256!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  processedAt!: Date | null;
}
