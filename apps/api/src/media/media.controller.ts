import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiFoundResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { type Principal, RequirePermission } from '@lms/core';
import { MediaService, MediaVariantNotFoundException, RENDITION_NAMES, type RenditionName } from '@lms/media';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import {
  CompleteMediaUploadDto,
  CreateMediaUploadDto,
  MediaAssetDto,
  MediaFileQuery,
  MediaPartUrlListDto,
  MediaPartUrlsQuery,
  MediaUploadDto,
  toMediaAssetDto,
  toMediaPartUrlDto,
  toMediaUploadDto,
} from './media.dto';

const HLS_CONTENT_TYPE = 'application/vnd.apple.mpegurl';

/**
 * Media assets (tệp media): direct uploads in parts, verification, processing status and delivery.
 * Every route needs `media.use`; the service decides the rest (uploading needs `media.upload`, or
 * `evidence.upload` for evidence; an asset is seen by its owner and administrators, or whom a
 * MediaAccess allows; anyone else gets 404).
 */
@ApiTags('media')
@Controller('media')
export class MediaController {
  constructor(private readonly media: MediaService) {}

  @Post('uploads')
  @RequirePermission('media.use')
  @ApiOperation({
    operationId: 'createMediaUpload',
    summary: 'Bắt đầu tải tệp lên / Start a direct upload: the asset is recorded and a multipart upload opened',
    description:
      'Then: GET /media/uploads/{assetId}/parts for part URLs, PUT each part there, POST /media/uploads/{assetId}/complete with the ETags. ' +
      'Limits: video 2 GB, audio 200 MB, slides and document 100 MB, image and evidence 20 MB, file 500 MB (configurable). ' +
      '`media.upload` uploads any purpose; `evidence.upload` only `evidence`.',
  })
  @ApiCreatedResponse({ type: MediaUploadDto })
  @ApiPayloadTooLargeResponse({ description: 'MEDIA_TOO_LARGE (nothing is stored)' })
  @ApiUnprocessableEntityResponse({ description: 'MEDIA_EMPTY, MEDIA_KIND_NOT_ALLOWED (an SVG, a program)' })
  async createUpload(@CurrentPrincipal() principal: Principal, @Body() body: CreateMediaUploadDto): Promise<MediaUploadDto> {
    const created = await this.media.createUpload(principal, body);
    return toMediaUploadDto(created.asset, created.parts, []);
  }

  @Get('uploads/:assetId')
  @RequirePermission('media.use')
  @ApiOperation({ operationId: 'getMediaUpload', summary: 'Tiến độ tải lên / An upload and the parts storage already holds (to resume)' })
  @ApiOkResponse({ type: MediaUploadDto })
  @ApiNotFoundResponse({ description: 'MEDIA_NOT_FOUND (also: not the caller’s upload)' })
  async getUpload(@CurrentPrincipal() principal: Principal, @Param('assetId') assetId: string): Promise<MediaUploadDto> {
    const state = await this.media.uploadState(principal, assetId);
    return toMediaUploadDto(state.asset, state.parts, state.uploadedParts);
  }

  @Get('uploads/:assetId/parts')
  @RequirePermission('media.use')
  @ApiOperation({
    operationId: 'getMediaUploadPartUrls',
    summary: 'Đường dẫn tải từng phần / Short-lived PUT URLs for parts `from`…`from+count-1`',
    description: 'Presigned S3 URLs, or the filesystem driver’s signed API URLs. The browser reads each answer’s ETag header.',
  })
  @ApiOkResponse({ type: MediaPartUrlListDto })
  @ApiNotFoundResponse({ description: 'MEDIA_NOT_FOUND' })
  @ApiConflictResponse({ description: 'MEDIA_UPLOAD_CLOSED' })
  @ApiUnprocessableEntityResponse({ description: 'MEDIA_PART_OUT_OF_RANGE' })
  async partUrls(@CurrentPrincipal() principal: Principal, @Param('assetId') assetId: string, @Query() query: MediaPartUrlsQuery): Promise<MediaPartUrlListDto> {
    const parts = await this.media.partUrls(principal, assetId, query.from ?? 1, query.count ?? 20);
    return { items: parts.map(toMediaPartUrlDto) };
  }

  @Post('uploads/:assetId/complete')
  @HttpCode(200)
  @RequirePermission('media.use')
  @ApiOperation({
    operationId: 'completeMediaUpload',
    summary: 'Hoàn tất tải lên / Complete the upload: size and content are verified, then processing starts',
    description: 'A refused file is deleted and the asset failed. Calling it again after completion answers the asset as it is.',
  })
  @ApiOkResponse({ type: MediaAssetDto })
  @ApiNotFoundResponse({ description: 'MEDIA_NOT_FOUND' })
  @ApiPayloadTooLargeResponse({ description: 'MEDIA_TOO_LARGE' })
  @ApiUnprocessableEntityResponse({ description: 'MEDIA_KIND_NOT_ALLOWED, MEDIA_SIZE_MISMATCH, MEDIA_EMPTY' })
  async complete(@CurrentPrincipal() principal: Principal, @Param('assetId') assetId: string, @Body() body: CompleteMediaUploadDto): Promise<MediaAssetDto> {
    return toMediaAssetDto(await this.media.completeUpload(principal, assetId, body.parts));
  }

  @Get(':assetId')
  @RequirePermission('media.use')
  @ApiOperation({ operationId: 'getMediaAsset', summary: 'Một tệp media / An asset: status, progress, failure, what processing derived' })
  @ApiOkResponse({ type: MediaAssetDto })
  @ApiNotFoundResponse({ description: 'MEDIA_NOT_FOUND' })
  async get(@CurrentPrincipal() principal: Principal, @Param('assetId') assetId: string): Promise<MediaAssetDto> {
    return toMediaAssetDto(await this.media.get(principal, assetId));
  }

  @Post(':assetId/retry')
  @HttpCode(202)
  @RequirePermission('media.use')
  @ApiOperation({ operationId: 'retryMediaProcessing', summary: 'Xử lý lại / Process a failed asset again (its owner or an administrator)' })
  @ApiOkResponse({ type: MediaAssetDto })
  @ApiNotFoundResponse({ description: 'MEDIA_NOT_FOUND' })
  @ApiConflictResponse({ description: 'MEDIA_NOT_FAILED (also an upload refused at verification: upload it again)' })
  async retry(@CurrentPrincipal() principal: Principal, @Param('assetId') assetId: string): Promise<MediaAssetDto> {
    return toMediaAssetDto(await this.media.retry(principal, assetId));
  }

  @Get(':assetId/hls/master.m3u8')
  @RequirePermission('media.use')
  @ApiOperation({ operationId: 'getMediaHlsMaster', summary: 'Danh sách phát HLS / The HLS master playlist (renditions lowest first)' })
  @ApiProduces(HLS_CONTENT_TYPE)
  @ApiOkResponse({ description: 'M3U8; its variants are relative: {rendition}.m3u8 next to it' })
  @ApiNotFoundResponse({ description: 'MEDIA_NOT_FOUND, MEDIA_VARIANT_NOT_FOUND' })
  @ApiConflictResponse({ description: 'MEDIA_NOT_READY' })
  async master(@CurrentPrincipal() principal: Principal, @Param('assetId') assetId: string, @Res() reply: FastifyReply): Promise<void> {
    await sendPlaylist(reply, await this.media.masterPlaylist(principal, assetId));
  }

  @Get(':assetId/hls/:rendition.m3u8')
  @RequirePermission('media.use')
  @ApiOperation({
    operationId: 'getMediaHlsRendition',
    summary: 'Danh sách phân đoạn / One rendition’s playlist, every segment a short-lived signed URL',
    description: 'Segments are fetched from storage directly (S3 presigned URLs, or the filesystem driver’s signed URLs, both with Range).',
  })
  @ApiProduces(HLS_CONTENT_TYPE)
  @ApiOkResponse({ description: 'M3U8' })
  @ApiNotFoundResponse({ description: 'MEDIA_NOT_FOUND, MEDIA_VARIANT_NOT_FOUND' })
  @ApiConflictResponse({ description: 'MEDIA_NOT_READY' })
  async rendition(@CurrentPrincipal() principal: Principal, @Param('assetId') assetId: string, @Param('rendition') rendition: string, @Res() reply: FastifyReply): Promise<void> {
    if (!(RENDITION_NAMES as readonly string[]).includes(rendition)) throw new MediaVariantNotFoundException(rendition);
    await sendPlaylist(reply, await this.media.renditionPlaylist(principal, assetId, rendition as RenditionName));
  }

  @Get(':assetId/file')
  @RequirePermission('media.use')
  @ApiOperation({
    operationId: 'getMediaFile',
    summary: 'Tải tệp / Redirect (302) to a short-lived URL of the source or a derived file',
    description: 'The URL serves Range requests itself (S3, or the filesystem driver’s signed route).',
  })
  @ApiFoundResponse({ description: 'Location: the signed URL' })
  @ApiNotFoundResponse({ description: 'MEDIA_NOT_FOUND, MEDIA_VARIANT_NOT_FOUND' })
  @ApiConflictResponse({ description: 'MEDIA_NOT_READY' })
  async file(@CurrentPrincipal() principal: Principal, @Param('assetId') assetId: string, @Query() query: MediaFileQuery, @Res() reply: FastifyReply): Promise<void> {
    const url = await this.media.fileUrl(principal, assetId, query.variant ?? 'source');
    await reply.status(302).header('location', url).header('cache-control', 'private, no-store').send();
  }
}

async function sendPlaylist(reply: FastifyReply, text: string): Promise<void> {
  // The segment URLs in it expire: never cache it.
  await reply.status(200).header('content-type', HLS_CONTENT_TYPE).header('cache-control', 'private, no-store').send(text);
}
