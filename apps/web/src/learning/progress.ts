import { acceptLanguage, CSRF_HEADER, readCsrfToken } from '../api/client';
import type { Failed } from '../api/call';
import { currentLanguage } from '../i18n';
import { learningApi } from './api';
import type { ProgressAnswer, ProgressEvent } from './types';

// The heartbeat (POST /api/v1/progress): what the learner did in a lesson, queued here and sent
// every 10 seconds while a lesson is open, when the lesson changes, when playback pauses or a page
// is turned, and with a keep-alive request when the page is hidden or left. Each event has an id
// chosen here: an event whose answer was lost is sent again with the same id, which the api
// ignores (idempotent), so nothing is counted twice and nothing acknowledged is lost. Events not
// yet acknowledged are kept on this device (per user) and sent on the next visit.

const STORAGE_KEY = 'lms.progress.queue';
const TICK_MS = 10_000;
/** The api takes at most 100 events a request. */
const MAX_BATCH = 100;
/** The api replaces device times more than 24 h off its own clock: older events are not worth keeping. */
const MAX_AGE_MS = 23 * 3600 * 1000;
/** How soon after a page turn, a pause or a finished reading the events go (several in a row share one request). */
const SOON_MS = 1000;

export type NewEvent = Omit<ProgressEvent, 'id' | 'at'>;

/** Something that holds progress not yet queued (an open played range, reading time): asked before each send. */
export type ProgressSource = { cut(): void };

type AnswerListener = (answer: ProgressAnswer) => void;
type RefusalListener = (lessonId: string, failure: Failed) => void;

let userId: string | null = null;
let queue: ProgressEvent[] = [];
const sources = new Set<ProgressSource>();
const answerListeners = new Set<AnswerListener>();
const refusalListeners = new Set<RefusalListener>();
let timer: number | undefined;
let soonTimer: number | undefined;
let sending: Promise<void> | null = null;
let again = false;
let installed = false;

function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // Pages served over plain http on a school's LAN have no randomUUID: a v4 uuid from getRandomValues.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function persist(): void {
  try {
    if (!userId || queue.length === 0) window.localStorage.removeItem(STORAGE_KEY);
    else window.localStorage.setItem(STORAGE_KEY, JSON.stringify({ userId, events: queue }));
  } catch {
    // storage off: the events live as long as the page
  }
}

function restore(forUser: string): ProgressEvent[] {
  try {
    const stored: unknown = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? 'null');
    if (typeof stored !== 'object' || stored === null) return [];
    const { userId: owner, events } = stored as { userId?: unknown; events?: unknown };
    if (owner !== forUser || !Array.isArray(events)) return [];
    const now = Date.now();
    return (events as ProgressEvent[]).filter((e) => typeof e?.id === 'string' && typeof e.lessonId === 'string' && now - Date.parse(e.at) < MAX_AGE_MS);
  } catch {
    return [];
  }
}

function install(): void {
  if (installed) return;
  installed = true;
  // Hidden (a phone's other app, a closed tab) or left: send what is there with a keep-alive request.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void flushProgress({ leaving: true });
  });
  window.addEventListener('pagehide', () => void flushProgress({ leaving: true }));
}

function ensureTimer(): void {
  if (timer !== undefined) return;
  timer = window.setInterval(() => {
    if (sources.size === 0 && queue.length === 0) {
      window.clearInterval(timer);
      timer = undefined;
      return;
    }
    void flushProgress();
  }, TICK_MS);
}

/** Whose progress is recorded (the signed-in user): their unsent events from an earlier visit are sent too. */
export function setProgressUser(id: string | null): void {
  if (id === userId) return;
  userId = id;
  queue = id ? restore(id) : [];
  install();
  if (queue.length) {
    ensureTimer();
    void flushProgress();
  }
}

/** Queues one event (its id and device time are given here). */
export function recordProgress(event: NewEvent): void {
  if (!userId) return;
  queue.push({ id: newId(), at: new Date().toISOString(), ...event });
  persist();
  ensureTimer();
}

/** Sends soon (page turns, pauses: a few in a row go together). */
export function flushSoon(): void {
  window.clearTimeout(soonTimer);
  soonTimer = window.setTimeout(() => void flushProgress(), SOON_MS);
}

/** A lesson part that holds progress (a player, a reader): asked to queue it before every send. */
export function addProgressSource(source: ProgressSource): () => void {
  sources.add(source);
  install();
  ensureTimer();
  return () => {
    sources.delete(source);
  };
}

export function onProgressAnswer(listener: AnswerListener): () => void {
  answerListeners.add(listener);
  return () => answerListeners.delete(listener);
}

/** The api refused a lesson's events for good (not enrolled, not found, out of range): they were dropped. */
export function onProgressRefused(listener: RefusalListener): () => void {
  refusalListeners.add(listener);
  return () => refusalListeners.delete(listener);
}

function acknowledge(events: ProgressEvent[]): void {
  const done = new Set(events.map((e) => e.id));
  queue = queue.filter((e) => !done.has(e.id));
  persist();
}

/** Errors after which sending the same events again cannot succeed. */
function permanent(status: number | null): boolean {
  return status !== null && status >= 400 && status < 500 && status !== 401 && status !== 408 && status !== 429;
}

async function sendBatch(events: ProgressEvent[]): Promise<void> {
  const result = await learningApi.sendProgress(events);
  if (result.ok) {
    acknowledge(events);
    if (result.data) answerListeners.forEach((listener) => listener(result.data));
    return;
  }
  if (!permanent(result.status)) return; // kept: sent again at the next tick
  // One bad event refuses the whole batch: halve it until the bad ones are alone, so good ones still count.
  if (events.length > 1 && (result.status === 400 || result.status === 422 || result.status === 413)) {
    const middle = Math.ceil(events.length / 2);
    await sendBatch(events.slice(0, middle));
    await sendBatch(events.slice(middle));
    return;
  }
  acknowledge(events);
  refusalListeners.forEach((listener) => listener(events[0].lessonId, result));
}

/** The queued events by lesson, oldest first, in batches the api accepts (a refused lesson never holds up another). */
function batches(events: ProgressEvent[]): ProgressEvent[][] {
  const byLesson = new Map<string, ProgressEvent[]>();
  for (const event of events) {
    const list = byLesson.get(event.lessonId) ?? [];
    list.push(event);
    byLesson.set(event.lessonId, list);
  }
  const out: ProgressEvent[][] = [];
  for (const list of byLesson.values()) for (let i = 0; i < list.length; i += MAX_BATCH) out.push(list.slice(i, i + MAX_BATCH));
  return out;
}

/** The page is going away: a keep-alive request outlives it (the answer, when the page is still there, acknowledges). */
function sendKeepAlive(events: ProgressEvent[]): void {
  const headers = new Headers({ 'Content-Type': 'application/json', 'Accept-Language': acceptLanguage(currentLanguage()) });
  const csrf = readCsrfToken();
  if (csrf) headers.set(CSRF_HEADER, csrf);
  void fetch('/api/v1/progress', { method: 'POST', headers, body: JSON.stringify({ events }), credentials: 'same-origin', keepalive: true })
    .then(async (response) => {
      if (!response.ok) return;
      acknowledge(events);
      const answer = (await response.json()) as ProgressAnswer;
      answerListeners.forEach((listener) => listener(answer));
    })
    .catch(() => undefined); // sent again next time
}

/**
 * Sends every queued event. `leaving`: with keep-alive requests (the page is being hidden or
 * closed); otherwise one batch after another, through the api client (a renewed session included).
 */
export function flushProgress({ leaving = false }: { leaving?: boolean } = {}): Promise<void> {
  window.clearTimeout(soonTimer);
  for (const source of sources) source.cut();
  if (queue.length === 0) return sending ?? Promise.resolve();
  if (leaving) {
    // Keep-alive bodies share a 64 KiB budget: the newest events of each lesson first.
    for (const batch of batches(queue.slice(-MAX_BATCH * 2))) sendKeepAlive(batch);
    return Promise.resolve();
  }
  if (sending) {
    again = true;
    return sending;
  }
  sending = (async () => {
    try {
      do {
        again = false;
        for (const batch of batches([...queue])) await sendBatch(batch);
      } while (again && queue.length > 0);
    } finally {
      sending = null;
    }
  })();
  return sending;
}
