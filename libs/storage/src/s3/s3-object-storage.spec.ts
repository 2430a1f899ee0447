import { S3ObjectStorage } from './s3-object-storage';

const base = {
  endPoint: 'minio',
  port: 9000,
  useSSL: false,
  region: 'us-east-1',
  accessKey: 'lms',
  secretKey: 'lms-secret-key',
  bucket: 'lms',
  presignTtlSeconds: 600,
};

describe('S3 presigned URLs (signed locally, no network)', () => {
  it('are addressed to the browser-facing origin when S3_PUBLIC_ENDPOINT differs', async () => {
    const storage = new S3ObjectStorage({ ...base, publicEndpoint: 'https://media.example.vn' });
    const get = new URL(await storage.presignGet('courses/1/video.mp4', { disposition: 'attachment', downloadName: 'Bài 1.mp4' }));
    expect(get.origin).toBe('https://media.example.vn');
    expect(get.pathname).toBe('/lms/courses/1/video.mp4');
    expect(get.searchParams.get('X-Amz-Expires')).toBe('600');
    expect(get.searchParams.get('response-content-disposition')).toContain("filename*=UTF-8''B%C3%A0i%201.mp4");
    const put = await storage.presignPut('uploads/a.bin');
    expect(new URL(put.url).origin).toBe('https://media.example.vn');
  });

  it('use the api-side endpoint when no public one is set', async () => {
    const storage = new S3ObjectStorage(base);
    expect(new URL(await storage.presignGet('a/b.pdf')).origin).toBe('http://minio:9000');
  });
});
