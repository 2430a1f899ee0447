import type { IncomingMessage } from 'node:http';
import { Controller, Get, Head, HttpCode, Inject, Put, Req, Res } from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '@lms/core';
import {
  FsObjectStorage,
  OBJECT_STORAGE,
  StorageKeyInvalidException,
  StorageObjectNotFoundException,
  StoragePartInvalidException,
  StorageRangeNotSatisfiableException,
  assertValidStorageKey,
  contentDisposition,
  parseRangeHeader,
  type ObjectStorage,
  type VerifiedUrl,
} from '@lms/storage';
import { originalContentType } from './raw-body';

const KEY_PARAM = { name: 'key', description: 'Object key, each segment URL-encoded (`a/b%20c.mp4`).', type: String };
const SIGNATURE_QUERIES = [
  ApiQuery({ name: 'expires', required: true, description: 'Unix time (s) after which the URL is refused', type: Number }),
  ApiQuery({ name: 'sig', required: true, description: 'Hex HMAC-SHA256 over method, key, expiry and every other parameter' }),
];
const SIGNATURE_ERRORS = [
  ApiForbiddenResponse({ description: 'STORAGE_SIGNATURE_INVALID or STORAGE_SIGNATURE_EXPIRED' }),
  ApiResponse({ status: 400, description: 'STORAGE_KEY_INVALID' }),
  ApiNotFoundResponse({ description: 'STORAGE_OBJECT_NOT_FOUND (also every request while the s3 driver is active)' }),
];
function apply(decorators: MethodDecorator[]): MethodDecorator {
  return (target, property, descriptor) => {
    for (const decorator of decorators) decorator(target, property, descriptor);
  };
}

/**
 * The filesystem driver's stand-in for S3 presigned URLs: the signature in the query string is the
 * authorisation, so the routes are public; the signature is checked before the disk is touched.
 * Under the s3 driver browsers talk to S3 directly and every route here answers 404.
 */
@ApiTags('storage')
@Public()
@Controller('storage/objects')
export class StorageObjectsController {
  constructor(@Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage) {}

  // Declared before GET: Fastify adds an automatic HEAD for a GET only when none exists yet.
  @Head('*')
  @ApiOperation({
    operationId: 'headStorageObject',
    summary: 'Thông tin tệp qua đường dẫn đã ký / Object headers through a signed GET URL',
  })
  @ApiParam(KEY_PARAM)
  @apply(SIGNATURE_QUERIES)
  @ApiOkResponse({ description: 'Headers only: Content-Length, Content-Type, ETag, Accept-Ranges' })
  @apply(SIGNATURE_ERRORS)
  async headStorageObject(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.serve(request, reply, false);
  }

  @Get('*')
  @ApiOperation({
    operationId: 'getStorageObject',
    summary: 'Tải tệp qua đường dẫn đã ký / Download an object through a signed URL',
    description: 'Honours `Range: bytes=a-b` (206 with Content-Range, 416 when unsatisfiable).',
  })
  @ApiParam(KEY_PARAM)
  @apply(SIGNATURE_QUERIES)
  @ApiQuery({ name: 'disposition', required: false, enum: ['inline', 'attachment'] })
  @ApiQuery({ name: 'filename', required: false, description: 'Download name (UTF-8), sent as RFC 5987 filename*' })
  @ApiQuery({ name: 'contentType', required: false })
  @ApiHeader({ name: 'Range', required: false, description: 'bytes=start-end' })
  @ApiOkResponse({ description: 'The object bytes', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } })
  @ApiResponse({ status: 206, description: 'Part of the object (Range)' })
  @ApiResponse({ status: 416, description: 'STORAGE_RANGE_NOT_SATISFIABLE' })
  @apply(SIGNATURE_ERRORS)
  async getStorageObject(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.serve(request, reply, true);
  }

  @Put('*')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'putStorageObject',
    summary: 'Tải tệp lên qua đường dẫn đã ký / Upload an object or a multipart part through a signed URL',
    description: 'The raw request body is the object (any Content-Type). With `uploadId` and `partNumber` it is one part.',
  })
  @ApiParam(KEY_PARAM)
  @apply(SIGNATURE_QUERIES)
  @ApiQuery({ name: 'contentType', required: false, description: 'Content type fixed at signing time' })
  @ApiQuery({ name: 'uploadId', required: false })
  @ApiQuery({ name: 'partNumber', required: false, type: Number })
  @ApiOkResponse({ description: 'Stored; the ETag header carries the md5 of the bytes' })
  @apply(SIGNATURE_ERRORS)
  async putStorageObject(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const { storage, verified } = this.authorise(request);
    const body = request.raw as IncomingMessage;
    const { uploadId, partNumber } = verified.params;
    let etag: string | null;
    if (uploadId !== undefined) {
      if (partNumber === undefined || !/^\d{1,5}$/.test(partNumber)) throw new StoragePartInvalidException('partNumber is required');
      ({ etag } = await storage.putPart({ key: verified.key, uploadId }, Number(partNumber), body));
    } else {
      const contentType = verified.params.contentType ?? originalContentType(request.raw);
      ({ etag } = await storage.put(verified.key, body, { contentType }));
    }
    if (etag) void reply.header('etag', `"${etag}"`);
    await reply.status(200).send();
  }

  private async serve(request: FastifyRequest, reply: FastifyReply, withBody: boolean): Promise<void> {
    const { storage, verified } = this.authorise(request);
    const stat = await storage.stat(verified.key);
    if (!stat) throw new StorageObjectNotFoundException();
    let range: { start: number; end: number } | null;
    try {
      range = withBody ? parseRangeHeader(headerValue(request.headers.range), stat.size) : null;
    } catch (error) {
      if (error instanceof StorageRangeNotSatisfiableException) void reply.header('content-range', `bytes */${stat.size}`);
      throw error;
    }
    const { params } = verified;
    void reply
      .header('accept-ranges', 'bytes')
      .header('content-type', params.contentType ?? stat.contentType ?? 'application/octet-stream')
      .header('last-modified', stat.lastModified.toUTCString())
      // Uploaded files are served from the API's origin: never let one run as a page there.
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, max-age=0, must-revalidate');
    if (stat.etag) void reply.header('etag', `"${stat.etag}"`);
    if (params.disposition || params.filename) {
      void reply.header('content-disposition', contentDisposition(params.disposition ?? 'attachment', params.filename));
    }
    if (!withBody) {
      await reply.header('content-length', String(stat.size)).status(200).send();
      return;
    }
    if (range) {
      const stream = await storage.get(verified.key, range);
      await reply
        .status(206)
        .header('content-range', `bytes ${range.start}-${range.end}/${stat.size}`)
        .header('content-length', String(range.end - range.start + 1))
        .send(stream);
      return;
    }
    const stream = await storage.get(verified.key);
    await reply.status(200).header('content-length', String(stat.size)).send(stream);
  }

  /** Key and signature checks, in that order, before any disk access. */
  private authorise(request: FastifyRequest): { storage: FsObjectStorage; verified: VerifiedUrl } {
    const storage = this.storage;
    if (!(storage instanceof FsObjectStorage)) throw new StorageObjectNotFoundException();
    const { key, query } = parseObjectUrl(request.raw.url ?? '');
    assertValidStorageKey(key);
    return { storage, verified: storage.signer.verify({ method: request.method, key, query }) };
  }
}

/**
 * Reads the key from the raw URL (not Fastify's decoded wildcard) so it is decoded exactly once,
 * the same way UrlSigner encoded it.
 */
export function parseObjectUrl(url: string): { key: string; query: URLSearchParams } {
  const questionMark = url.indexOf('?');
  const pathname = questionMark >= 0 ? url.slice(0, questionMark) : url;
  const marker = '/storage/objects/';
  const at = pathname.indexOf(marker);
  if (at < 0) throw new StorageKeyInvalidException('no key in the URL');
  let key: string;
  try {
    key = decodeURIComponent(pathname.slice(at + marker.length));
  } catch {
    throw new StorageKeyInvalidException('malformed percent-encoding');
  }
  return { key, query: new URLSearchParams(questionMark >= 0 ? url.slice(questionMark + 1) : '') };
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
