import { api } from '../../api/client';
import { call } from '../../api/call';
import type { components } from '../../api/schema';
import i18n from '../../i18n';
import { toAppOrigin, type MediaAsset, type MediaPurpose } from '../model';

type PartUrl = components['schemas']['MediaPartUrlDto'];

// A browser upload, straight to storage, in parts (POST /media/uploads, then a PUT per part to the
// short-lived URLs the api signs, then POST …/complete with the parts' ETags). A part that fails is
// sent again (with a fresh URL when its signature expired); an upload cut off — a dropped
// connection, a closed tab — is resumed: the asset id is remembered on this device for the file
// (name, size, date), and choosing the same file again asks the api which parts storage already
// holds (GET /media/uploads/{assetId}) and sends only the rest.

const PENDING_KEY = 'lms.pendingUploads';
/** Tries per part before the upload pauses (with waits of 1, 2, 4, 8 s between them). */
const PART_ATTEMPTS = 5;
/** Part URLs asked for at once. */
const URL_BATCH = 20;

export type Pending = { assetId: string; name: string; size: number; lastModified: number; purpose: MediaPurpose; savedAt: number };

export type UploadProgress = {
  loaded: number;
  total: number;
  parts: number;
  /** The part being sent again after a failure, if any. */
  retryingPart: number | null;
  /** Parts found already in storage when the upload was resumed. */
  resumedParts: number;
};

/** Why an upload stopped; `resumable` when sending the same file again continues where it stopped. */
export class UploadError extends Error {
  constructor(
    message: string,
    readonly resumable: boolean,
  ) {
    super(message);
  }
}

class PartError extends Error {
  constructor(readonly status: number) {
    super(`part upload failed (${status})`);
  }
}

function readPending(): Pending[] {
  try {
    const value: unknown = JSON.parse(window.localStorage.getItem(PENDING_KEY) ?? '[]');
    return Array.isArray(value) ? (value as Pending[]).filter((p) => typeof p?.assetId === 'string') : [];
  } catch {
    return [];
  }
}

function writePending(items: Pending[]): void {
  try {
    // Uploads are abandoned by storage after a day: older entries cannot be resumed.
    const fresh = items.filter((p) => Date.now() - p.savedAt < 24 * 3600 * 1000).slice(-10);
    window.localStorage.setItem(PENDING_KEY, JSON.stringify(fresh));
  } catch {
    // not remembered: a reload starts the upload again
  }
}

const sameFile = (p: Pending, file: File, purpose: MediaPurpose) => p.name === file.name && p.size === file.size && p.lastModified === file.lastModified && p.purpose === purpose;

/** Unfinished uploads remembered on this device for a purpose (to tell the user to pick the file again). */
export function pendingUploads(purpose: MediaPurpose): Pending[] {
  return readPending().filter((p) => p.purpose === purpose);
}

export function forgetPending(assetId: string): void {
  writePending(readPending().filter((p) => p.assetId !== assetId));
}

function remember(file: File, purpose: MediaPurpose, assetId: string): void {
  writePending([...readPending().filter((p) => !sameFile(p, file, purpose)), { assetId, name: file.name, size: file.size, lastModified: file.lastModified, purpose, savedAt: Date.now() }]);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = window.setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        window.clearTimeout(timer);
        reject(new DOMException('Aborted', 'AbortError'));
      },
      { once: true },
    );
  });
}

/** PUTs one part with XMLHttpRequest (fetch reports no upload progress) and answers its ETag. */
function putPart(part: PartUrl, body: Blob, onProgress: (loaded: number) => void, signal: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', toAppOrigin(part.url));
    for (const [name, value] of Object.entries(part.headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => onProgress(event.loaded);
    xhr.onload = () => {
      const etag = xhr.getResponseHeader('ETag');
      if (xhr.status >= 200 && xhr.status < 300 && etag) resolve(etag);
      else reject(new PartError(xhr.status));
    };
    xhr.onerror = () => reject(new PartError(0));
    xhr.ontimeout = () => reject(new PartError(0));
    xhr.onabort = () => reject(new DOMException('Aborted', 'AbortError'));
    const abort = () => xhr.abort();
    signal.addEventListener('abort', abort, { once: true });
    xhr.onloadend = () => signal.removeEventListener('abort', abort);
    xhr.send(body);
  });
}

/**
 * Uploads `file` for `purpose` and completes it; answers the asset (then verified and queued for
 * processing). Throws UploadError with the api's message (in the interface language) or ours.
 */
export async function uploadFile(file: File, purpose: MediaPurpose, onProgress: (progress: UploadProgress) => void, signal: AbortSignal): Promise<MediaAsset> {
  let assetId: string | null = null;
  let partSize = 0;
  let parts = 0;
  const done = new Map<number, string>();

  // An unfinished upload of this very file: continue it.
  const pending = readPending().find((p) => sameFile(p, file, purpose));
  if (pending) {
    const state = await call(api.GET('/api/v1/media/uploads/{assetId}', { params: { path: { assetId: pending.assetId } } }));
    if (state.ok && state.data.status === 'awaiting_upload') {
      assetId = state.data.assetId;
      partSize = state.data.partSize;
      parts = state.data.parts;
      for (const part of state.data.uploadedParts) done.set(part.partNumber, part.etag);
    } else if (state.ok && state.data.status !== 'failed') {
      // Completed already (the answer was lost): nothing to send.
      forgetPending(pending.assetId);
      const asset = await call(api.GET('/api/v1/media/{assetId}', { params: { path: { assetId: pending.assetId } } }));
      if (asset.ok) return asset.data;
    } else if (state.ok || state.status === 404) {
      forgetPending(pending.assetId);
    } else if (state.status === null) {
      throw new UploadError(state.message, true);
    }
  }

  if (!assetId) {
    const created = await call(api.POST('/api/v1/media/uploads', { body: { purpose, fileName: file.name, size: file.size, ...(file.type ? { contentType: file.type } : {}) } }));
    if (!created.ok) throw new UploadError(created.message, created.status === null);
    assetId = created.data.assetId;
    partSize = created.data.partSize;
    parts = created.data.parts;
    remember(file, purpose, assetId);
  }
  const id = assetId;

  const sizeOf = (n: number) => Math.max(0, Math.min(partSize, file.size - (n - 1) * partSize));
  let doneBytes = [...done.keys()].reduce((sum, n) => sum + sizeOf(n), 0);
  const resumedParts = done.size;
  const report = (current: number, retryingPart: number | null = null) =>
    onProgress({ loaded: Math.min(file.size, doneBytes + current), total: file.size, parts, retryingPart, resumedParts });
  report(0);

  const urls = new Map<number, PartUrl>();
  for (let n = 1; n <= parts; n++) {
    if (done.has(n)) continue;
    for (let attempt = 1; ; attempt++) {
      signal.throwIfAborted();
      let url = urls.get(n);
      if (!url || Date.parse(url.expiresAt) - Date.now() < 60_000) {
        const batch = await call(api.GET('/api/v1/media/uploads/{assetId}/parts', { params: { path: { assetId: id }, query: { from: n, count: Math.min(URL_BATCH, parts - n + 1) } } }));
        if (!batch.ok) {
          if (batch.status !== null || attempt >= PART_ATTEMPTS) throw new UploadError(batch.message, batch.status === null);
          report(0, n);
          await sleep(1000 * 2 ** (attempt - 1), signal);
          continue;
        }
        for (const item of batch.data.items) urls.set(item.partNumber, item);
        url = urls.get(n);
        if (!url) throw new UploadError(i18n.t('common.unexpected'), false);
      }
      try {
        const start = (n - 1) * partSize;
        const etag = await putPart(url, file.slice(start, start + sizeOf(n)), (loaded) => report(loaded, attempt > 1 ? n : null), signal);
        done.set(n, etag);
        doneBytes += sizeOf(n);
        report(0);
        break;
      } catch (error) {
        if (error instanceof DOMException && error.name === 'AbortError') throw error;
        // An expired or refused signature: ask for a new URL; anything else: the network, try again.
        if (error instanceof PartError && (error.status === 403 || error.status === 401)) urls.delete(n);
        if (attempt >= PART_ATTEMPTS) throw new UploadError(i18n.t('media.offline'), true);
        report(0, n);
        await sleep(1000 * 2 ** (attempt - 1), signal);
      }
    }
  }

  const completed = await call(
    api.POST('/api/v1/media/uploads/{assetId}/complete', {
      params: { path: { assetId: id } },
      body: { parts: [...done.entries()].sort((a, b) => a[0] - b[0]).map(([partNumber, etag]) => ({ partNumber, etag })) },
    }),
  );
  if (!completed.ok) {
    if (completed.status === null) throw new UploadError(completed.message, true);
    forgetPending(id); // refused at verification: the file is deleted; another file is needed
    throw new UploadError(completed.message, false);
  }
  forgetPending(id);
  return completed.data;
}
