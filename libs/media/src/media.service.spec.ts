import type { AppConfig, Principal } from '@lms/core';
import type { JobsService } from '@lms/jobs';
import type { ObjectStorage } from '@lms/storage';
import { MediaAccessRegistry } from './media-access';
import type { MediaAsset } from './media-asset.entity';
import type { MediaRepository } from './media.repository';
import { MediaService, processJobId } from './media.service';

const MIB = 1024 * 1024;
const config = {
  media: { maxBytes: { video: 2048 * MIB, audio: 200 * MIB, slides: 100 * MIB, document: 100 * MIB, image: 20 * MIB, file: 500 * MIB, evidence: 20 * MIB }, partSizeBytes: 8 * MIB },
  storage: { presignTtlSeconds: 900 },
} as unknown as AppConfig;

function principal(permissions: string[], roles: string[] = ['author'], userId = '11111111-1111-4111-8111-111111111111'): Principal {
  return { userId, username: 'u', roles, permissions: new Set(permissions) };
}

/** A service whose collaborators fail the test if touched, unless a test gives them behaviour. */
function service(overrides: { storage?: Partial<ObjectStorage>; repo?: Partial<MediaRepository>; access?: MediaAccessRegistry } = {}) {
  const untouched = <T extends object>(name: string, given: Partial<T> = {}) =>
    new Proxy(given, { get: (target, prop) => (prop in target ? target[prop as keyof typeof target] : () => { throw new Error(`${name}.${String(prop)} was called`); }) }) as T;
  return new MediaService(
    untouched<MediaRepository>('repo', overrides.repo),
    untouched<ObjectStorage>('storage', overrides.storage),
    config,
    untouched<JobsService>('jobs'),
    overrides.access ?? new MediaAccessRegistry(),
  );
}

describe('MediaService rules', () => {
  it('lets `media.upload` upload any purpose and `evidence.upload` only evidence', () => {
    const s = service();
    expect(s.mayUpload(principal(['media.use', 'media.upload']), 'video')).toBe(true);
    expect(s.mayUpload(principal(['media.use', 'media.upload']), 'evidence')).toBe(true);
    expect(s.mayUpload(principal(['media.use', 'evidence.upload'], ['learner']), 'evidence')).toBe(true);
    expect(s.mayUpload(principal(['media.use', 'evidence.upload'], ['learner']), 'image')).toBe(false);
    expect(s.mayUpload(principal(['media.use'], ['commune_officer']), 'evidence')).toBe(false);
  });

  it('refuses before storing anything: wrong purpose, empty, too large, a program', async () => {
    const s = service(); // storage and repository would throw if called
    const author = principal(['media.use', 'media.upload']);
    await expect(s.createUpload(principal(['media.use', 'evidence.upload'], ['learner']), { purpose: 'video', fileName: 'a.mp4', size: 10 })).rejects.toMatchObject({ code: 'MEDIA_PURPOSE_FORBIDDEN', status: 403 });
    await expect(s.createUpload(author, { purpose: 'video', fileName: 'a.mp4', size: 0 })).rejects.toMatchObject({ code: 'MEDIA_EMPTY', status: 422 });
    await expect(s.createUpload(author, { purpose: 'evidence', fileName: 'a.jpg', size: 20 * MIB + 1 })).rejects.toMatchObject({ code: 'MEDIA_TOO_LARGE', status: 413, details: { maxBytes: 20 * MIB } });
    await expect(s.createUpload(author, { purpose: 'file', fileName: 'setup.exe', size: 10 })).rejects.toMatchObject({ code: 'MEDIA_KIND_NOT_ALLOWED', status: 422 });
    await expect(s.createUpload(author, { purpose: 'image', fileName: 'logo.svg', size: 10 })).rejects.toMatchObject({ code: 'MEDIA_KIND_NOT_ALLOWED' });
  });

  it('shows an asset to its owner, administrators and whom a MediaAccess allows', async () => {
    const owner = '11111111-1111-4111-8111-111111111111';
    const assets = ['a', 'b', 'c'].map((c) => ({ id: `${c.repeat(8)}-aaaa-4aaa-8aaa-${c.repeat(12)}`, ownerUserId: c === 'a' ? owner : '22222222-2222-4222-8222-222222222222' }) as MediaAsset);
    const access = new MediaAccessRegistry();
    access.register({ viewableAssets: async (_p, ids) => new Set(ids.filter((id) => id === assets[1].id)) });
    const s = service({ repo: { findByIds: async () => assets }, access });
    const ids = assets.map((a) => a.id);
    expect([...(await s.viewableIds(principal(['media.use'], ['author'], owner), ids))].sort()).toEqual([assets[0].id, assets[1].id]);
    expect((await s.viewableIds(principal(['media.use'], ['administrator'], '33333333-3333-4333-8333-333333333333'), ids)).size).toBe(3);
    expect(await s.canView(principal(['media.use']), 'not-a-uuid')).toBe(false);
  });

  it('gives each processing request its own job id', () => {
    expect(processJobId({ id: 'x', attempts: 1 })).toBe('media.process.x.1');
    expect(processJobId({ id: 'x', attempts: 2 })).not.toBe(processJobId({ id: 'x', attempts: 1 }));
  });
});
