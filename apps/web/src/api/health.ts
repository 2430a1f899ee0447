import { api } from './client';

export type ComponentHealth = { name: string; status: 'up' | 'down' | string };

export type Readiness =
  | { kind: 'ready'; components: ComponentHealth[]; checkedAt: Date }
  | { kind: 'not-ready'; components: ComponentHealth[]; checkedAt: Date }
  | { kind: 'shutting-down'; components: ComponentHealth[]; checkedAt: Date }
  | { kind: 'unreachable'; checkedAt: Date }
  | { kind: 'unexpected'; httpStatus?: number; checkedAt: Date };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads `details` (or `info` + `error`) of a health-check body into a list of components. */
export function componentsOf(body: unknown): ComponentHealth[] {
  if (!isRecord(body)) return [];
  const merged: Record<string, unknown> = isRecord(body.details)
    ? body.details
    : { ...(isRecord(body.info) ? body.info : {}), ...(isRecord(body.error) ? body.error : {}) };
  return Object.entries(merged).map(([name, value]) => ({
    name,
    status: isRecord(value) && typeof value.status === 'string' ? value.status : 'unknown',
  }));
}

/** Interprets the answer of GET /health/ready (200 or 503 with a health-check body). */
export function interpretReadiness(httpStatus: number, body: unknown, checkedAt = new Date()): Readiness {
  const status = isRecord(body) && typeof body.status === 'string' ? body.status : undefined;
  const components = componentsOf(body);
  if (httpStatus >= 200 && httpStatus < 300 && status === 'ok') return { kind: 'ready', components, checkedAt };
  // The api marks itself not `accepting` once shutdown has begun (rolling restart, maintenance).
  const stopping = components.some((c) => c.name === 'accepting' && c.status !== 'up');
  if (status === 'shutting_down' || stopping) return { kind: 'shutting-down', components, checkedAt };
  if (httpStatus === 503) return { kind: 'not-ready', components, checkedAt };
  return { kind: 'unexpected', httpStatus, checkedAt };
}

/** Asks the api whether it is ready. Never throws, except when `signal` aborts. */
export async function fetchReadiness(signal?: AbortSignal): Promise<Readiness> {
  try {
    const { data, error, response } = await api.GET('/health/ready', {
      signal,
      cache: 'no-store',
    });
    return interpretReadiness(response.status, data ?? error);
  } catch (err) {
    if (signal?.aborted) throw err;
    // fetch rejects with a TypeError when the network or server cannot be reached; anything
    // else (e.g. HTML instead of JSON) is an unexpected answer.
    if (err instanceof TypeError) return { kind: 'unreachable', checkedAt: new Date() };
    return { kind: 'unexpected', checkedAt: new Date() };
  }
}
