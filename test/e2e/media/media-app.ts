import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createSigner } from 'fast-jwt';
import type request from 'supertest';
import { IdentityHarness } from '../identity/identity-app';
import { MediaFiles } from './media-files';

export const PUBLIC_URL = 'http://lms.test';
/** Small parts, so a clip of a few hundred KB is uploaded in several (S3 would need 5 MiB). */
export const PART_SIZE = 128 * 1024;

export interface MediaAssetBody {
  id: string;
  purpose: string;
  status: string;
  progressPercent: number;
  size: number | null;
  contentType: string | null;
  attempts: number;
  sha256: string | null;
  failure: { code: string; vi: string; en: string; reason?: string } | null;
  derived: {
    durationSeconds?: number;
    width?: number;
    height?: number;
    pageCount?: number;
    renditions?: Array<{ name: string; bandwidth: number; averageBandwidth: number; resolution: string }>;
    hasPoster: boolean;
    hasAudio: boolean;
    hasPdf: boolean;
    thumbnailCount: number;
    variants?: Array<{ width: number; height: number; format: string; variant: string }>;
    transcodeSpeed?: number;
  } | null;
}

export interface UploadOutcome {
  assetId: string;
  /** The answer of the completion (200 with the asset, or the refusal). */
  completed: request.Response;
}

/** The identity harness plus what media tests need: tokens per role, direct uploads, waiting for the job. */
export class MediaHarness extends IdentityHarness {
  files!: MediaFiles;
  private filesDir?: string;

  override async setUp(extra: Record<string, string | undefined> = {}): Promise<this> {
    await super.setUp({ PUBLIC_URL, MEDIA_PART_SIZE_BYTES: String(PART_SIZE), ...extra });
    this.filesDir = await mkdtemp(path.join(os.tmpdir(), 'lms-e2e-media-files-'));
    this.files = new MediaFiles(this.filesDir);
    return this;
  }

  override async tearDown(): Promise<void> {
    await super.tearDown();
    if (this.filesDir) await rm(this.filesDir, { recursive: true, force: true });
  }

  /** A new account holding `role` (installation-wide) and a token for it. */
  async account(role: 'administrator' | 'author' | 'learner' | 'commune_officer'): Promise<{ userId: string; token: string }> {
    const username = `${role}-${randomUUID().slice(0, 8)}`;
    const { rows } = await this.sql.query<{ id: string }>('INSERT INTO user_account (username, display_name) VALUES ($1, $1) RETURNING id', [username]);
    await this.sql.query('INSERT INTO role_assignment (user_id, role, unit_id) VALUES ($1, $2, NULL)', [rows[0].id, role]);
    const token = createSigner({ key: this.env.AUTH_JWT_SECRET as string, iss: 'lms' })({ sub: rows[0].id, usr: username, roles: [role] });
    return { userId: rows[0].id, token };
  }

  as(token: string) {
    const auth = (req: request.Test) => req.set('Authorization', `Bearer ${token}`);
    return {
      get: (url: string) => auth(this.http.get(`/api/v1${url}`)),
      post: (url: string, body?: object) => auth(this.http.post(`/api/v1${url}`)).send(body ?? {}),
    };
  }

  /** `http://lms.test/api/v1/...` (a signed URL) → the path the test server answers. */
  local(url: string): string {
    if (!url.startsWith(PUBLIC_URL)) throw new Error(`not a signed URL of this api: ${url}`);
    return url.slice(PUBLIC_URL.length);
  }

  /** PUTs one part to its signed URL, as a browser would; answers the ETag. */
  async putPart(url: string, bytes: Buffer): Promise<string> {
    const res = await this.http.put(this.local(url)).set('Content-Type', 'application/octet-stream').send(bytes);
    if (res.status !== 200) throw new Error(`PUT part → ${res.status} ${JSON.stringify(res.body)}`);
    return String(res.headers.etag);
  }

  /** The whole browser flow: create, part URLs, PUT every part, complete. */
  async upload(token: string, purpose: string, fileName: string, bytes: Buffer, contentType?: string): Promise<UploadOutcome> {
    const api = this.as(token);
    const created = await api.post('/media/uploads', { purpose, fileName, size: bytes.length, ...(contentType ? { contentType } : {}) });
    if (created.status !== 201) throw new Error(`create upload → ${created.status} ${JSON.stringify(created.body)}`);
    const { assetId, parts, partSize } = created.body as { assetId: string; parts: number; partSize: number };
    const urls = await api.get(`/media/uploads/${assetId}/parts?from=1&count=${parts}`).expect(200);
    const done: Array<{ partNumber: number; etag: string }> = [];
    for (const part of urls.body.items as Array<{ partNumber: number; url: string }>) {
      const slice = bytes.subarray((part.partNumber - 1) * partSize, part.partNumber * partSize);
      done.push({ partNumber: part.partNumber, etag: await this.putPart(part.url, slice) });
    }
    const completed = await api.post(`/media/uploads/${assetId}/complete`, { parts: done });
    return { assetId, completed };
  }

  /** Polls the asset (as its page would) until processing is over. */
  async settled(token: string, assetId: string, timeoutMs = 90_000): Promise<MediaAssetBody> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const res = await this.as(token).get(`/media/${assetId}`).expect(200);
      const asset = res.body as MediaAssetBody;
      if (asset.status === 'ready' || asset.status === 'failed') return asset;
      expect(asset.progressPercent).toBeGreaterThanOrEqual(0);
      expect(asset.progressPercent).toBeLessThan(100);
      if (Date.now() > deadline) throw new Error(`asset ${assetId} still ${asset.status} (${asset.progressPercent} %)`);
      await new Promise((r) => setTimeout(r, 150));
    }
  }

  /** Follows a 302 of GET /media/{id}/file to the signed URL and fetches it. */
  async download(token: string, assetId: string, variant?: string, headers: Record<string, string> = {}): Promise<request.Response> {
    const redirect = await this.as(token).get(`/media/${assetId}/file${variant ? `?variant=${encodeURIComponent(variant)}` : ''}`).expect(302);
    let req = this.http.get(this.local(String(redirect.headers.location))).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    for (const [k, v] of Object.entries(headers)) req = req.set(k, v);
    return req;
  }
}
