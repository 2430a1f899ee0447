import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MEDIA_PURPOSES, MEDIA_STATUSES, type MediaAsset, type MediaPurpose, type MediaStatus, type PartUrl } from '@lms/media';
import type { UploadedPart } from '@lms/storage';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

export class CreateMediaUploadDto {
  @ApiProperty({ enum: MEDIA_PURPOSES, description: 'What the file is for: decides the size limit, the formats accepted and the processing' })
  @IsIn(MEDIA_PURPOSES)
  purpose!: MediaPurpose;

  @ApiProperty({ maxLength: 255, example: 'bai-1-dien-thoai-thong-minh.mp4', description: 'The file’s name on the user’s device (shown, and used as download name)' })
  @Transform(trim) @IsString() @MinLength(1) @MaxLength(255)
  fileName!: string;

  @ApiProperty({ minimum: 0, example: 73400320, description: 'Size in bytes; 0 is refused (422 MEDIA_EMPTY), over the purpose’s limit 413 MEDIA_TOO_LARGE' })
  @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER)
  size!: number;

  @ApiPropertyOptional({ maxLength: 255, example: 'video/mp4', description: 'The browser’s File.type: only used to refuse early (SVG, programs); the bytes decide' })
  @IsOptional() @IsString() @MaxLength(255)
  contentType?: string;
}

export class UploadedPartDto {
  @ApiProperty({ minimum: 1, maximum: 10000 }) @IsInt() @Min(1) @Max(10_000)
  partNumber!: number;

  @ApiProperty({ description: 'The ETag header the part’s PUT answered' }) @IsString() @MinLength(1) @MaxLength(128)
  etag!: string;
}

export class CompleteMediaUploadDto {
  @ApiProperty({ type: [UploadedPartDto], description: 'Every part, in ascending order' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(10_000) @ValidateNested({ each: true }) @Type(() => UploadedPartDto)
  parts!: UploadedPartDto[];
}

export class MediaPartUrlsQuery {
  @ApiPropertyOptional({ minimum: 1, default: 1, description: 'First part number' }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10_000)
  from?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20, description: 'How many part URLs' }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100)
  count?: number;
}

export class MediaFileQuery {
  @ApiPropertyOptional({
    default: 'source',
    example: 'w640.webp',
    description: '`source` (the uploaded file), `pdf`, `audio`, `poster`, `page-<n>` (a page thumbnail), `w<width>.jpg` or `w<width>.webp` (a resized image)',
  })
  @IsOptional() @Matches(/^(source|pdf|audio|poster|page-\d{1,4}|w\d{1,5}\.(jpg|webp))$/)
  variant?: string;
}

export class MediaUploadDto {
  @ApiProperty({ format: 'uuid' }) assetId!: string;
  @ApiProperty({ enum: MEDIA_PURPOSES }) purpose!: MediaPurpose;
  @ApiProperty({ enum: MEDIA_STATUSES }) status!: MediaStatus;
  @ApiProperty({ description: 'Bytes per part (every part but the last has exactly this size)' }) partSize!: number;
  @ApiProperty({ description: 'How many parts the file is uploaded in' }) parts!: number;
  @ApiProperty({ type: [UploadedPartDto], description: 'Parts storage already holds (resume from the first missing one)' }) uploadedParts!: UploadedPartDto[];
}

export class MediaPartUrlDto {
  @ApiProperty() partNumber!: number;
  @ApiProperty({ description: 'Bytes this part must have' }) size!: number;
  @ApiProperty({ description: 'PUT the part’s bytes here; the answer’s ETag header goes into the completion' }) url!: string;
  @ApiProperty({ enum: ['PUT'] }) method!: 'PUT';
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'Headers to send with the PUT' }) headers!: Record<string, string>;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

export class MediaPartUrlListDto {
  @ApiProperty({ type: [MediaPartUrlDto] }) items!: MediaPartUrlDto[];
}

export class MediaFailureDto {
  @ApiProperty({ example: 'MEDIA_UNREADABLE' }) code!: string;
  @ApiProperty() vi!: string;
  @ApiProperty() en!: string;
  @ApiPropertyOptional({ description: 'Technical detail (what the tool said)' }) reason?: string;
}

export class MediaRenditionDto {
  @ApiProperty({ enum: ['240p', '360p', '720p'] }) name!: string;
  @ApiProperty({ description: 'Peak bits per second' }) bandwidth!: number;
  @ApiProperty({ description: 'Average bits per second' }) averageBandwidth!: number;
  @ApiProperty({ example: '1280x720' }) resolution!: string;
}

export class MediaImageVariantDto {
  @ApiProperty() width!: number;
  @ApiProperty() height!: number;
  @ApiProperty({ enum: ['jpeg', 'webp'] }) format!: 'jpeg' | 'webp';
  @ApiProperty({ example: 'w640.webp', description: 'The `variant` to ask GET /media/{assetId}/file for' }) variant!: string;
}

export class MediaDerivedDto {
  @ApiPropertyOptional() durationSeconds?: number;
  @ApiPropertyOptional() width?: number;
  @ApiPropertyOptional() height?: number;
  @ApiPropertyOptional() pageCount?: number;
  @ApiPropertyOptional({ type: [MediaRenditionDto], description: 'HLS renditions, lowest first; play /media/{assetId}/hls/master.m3u8' }) renditions?: MediaRenditionDto[];
  @ApiProperty({ description: 'variant=poster exists' }) hasPoster!: boolean;
  @ApiProperty({ description: 'variant=audio exists (normalised AAC)' }) hasAudio!: boolean;
  @ApiProperty({ description: 'variant=pdf exists' }) hasPdf!: boolean;
  @ApiProperty({ description: 'Page thumbnails: variant=page-1 … page-<n>' }) thumbnailCount!: number;
  @ApiPropertyOptional({ type: [MediaImageVariantDto] }) variants?: MediaImageVariantDto[];
  @ApiPropertyOptional({ description: 'Transcoding speed, as a multiple of real time' }) transcodeSpeed?: number;
}

export class MediaAssetDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: MEDIA_PURPOSES }) purpose!: MediaPurpose;
  @ApiProperty() originalName!: string;
  @ApiProperty() declaredSize!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Stored size, once uploaded' }) size!: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'Detected from the content, once verified' }) contentType!: string | null;
  @ApiProperty({ enum: MEDIA_STATUSES }) status!: MediaStatus;
  @ApiProperty({ minimum: 0, maximum: 100 }) progressPercent!: number;
  @ApiProperty({ type: MediaFailureDto, nullable: true }) failure!: MediaFailureDto | null;
  @ApiProperty({ description: 'Processing requests so far (first run and retries)' }) attempts!: number;
  @ApiProperty({ type: MediaDerivedDto, nullable: true }) derived!: MediaDerivedDto | null;
  @ApiProperty({ type: String, nullable: true }) sha256!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) processedAt!: string | null;
}

export function toMediaUploadDto(asset: MediaAsset, parts: number, uploadedParts: UploadedPart[]): MediaUploadDto {
  return {
    assetId: asset.id,
    purpose: asset.purpose,
    status: asset.status,
    partSize: asset.partSize,
    parts,
    uploadedParts: uploadedParts.map((p) => ({ partNumber: p.partNumber, etag: p.etag })),
  };
}

export function toMediaPartUrlDto(part: PartUrl): MediaPartUrlDto {
  return { partNumber: part.partNumber, size: part.size, url: part.url, method: part.method, headers: part.headers, expiresAt: part.expiresAt.toISOString() };
}

export function toMediaAssetDto(asset: MediaAsset): MediaAssetDto {
  const d = asset.derived;
  return {
    id: asset.id,
    purpose: asset.purpose,
    originalName: asset.originalName,
    declaredSize: asset.declaredSize,
    size: asset.size,
    contentType: asset.contentType,
    status: asset.status,
    progressPercent: asset.progressPercent,
    failure: asset.failure ? { code: asset.failure.code, vi: asset.failure.vi, en: asset.failure.en, ...(asset.failure.reason ? { reason: asset.failure.reason } : {}) } : null,
    attempts: asset.attempts,
    derived: d
      ? {
          durationSeconds: d.durationSeconds,
          width: d.width,
          height: d.height,
          pageCount: d.pageCount,
          renditions: d.renditions?.map((r) => ({ name: r.name, bandwidth: r.bandwidth, averageBandwidth: r.averageBandwidth, resolution: r.resolution })),
          hasPoster: Boolean(d.posterKey),
          hasAudio: Boolean(d.audioKey),
          hasPdf: Boolean(d.pdfKey),
          thumbnailCount: d.thumbnails?.length ?? 0,
          variants: d.variants?.map((v) => ({ width: v.width, height: v.height, format: v.format, variant: `w${v.width}.${v.format === 'jpeg' ? 'jpg' : 'webp'}` })),
          transcodeSpeed: d.transcodeSpeed,
        }
      : null,
    sha256: asset.sha256,
    createdAt: asset.createdAt.toISOString(),
    updatedAt: asset.updatedAt.toISOString(),
    processedAt: asset.processedAt ? asset.processedAt.toISOString() : null,
  };
}
