import i18n from '../i18n';
import { apiErrorOf } from './client';

/** One field the api refused (VALIDATION_FAILED details), by its name in the request body. */
export type FieldProblem = { field: string; problems: string[] };

export type Failed = { ok: false; status: number | null; code?: string; message: string; fields: FieldProblem[] };
export type Outcome<T> = { ok: true; data: T } | Failed;

function fieldsOf(error: unknown): FieldProblem[] {
  if (typeof error !== 'object' || error === null) return [];
  const details = (error as { details?: unknown }).details;
  const fields = typeof details === 'object' && details !== null ? (details as { fields?: unknown }).fields : undefined;
  if (!Array.isArray(fields)) return [];
  return fields.filter(
    (f): f is FieldProblem => typeof f === 'object' && f !== null && typeof (f as FieldProblem).field === 'string' && Array.isArray((f as FieldProblem).problems),
  );
}

/** A failure in words for the user: the api's own message (already in the interface language), or ours. */
export function failureOf(error: unknown, status: number | null): Failed {
  const { code, message } = apiErrorOf(error);
  return { ok: false, status, code, message: message ?? i18n.t('common.unexpected'), fields: fieldsOf(error) };
}

/**
 * Awaits a call of the typed client and folds its three outcomes (answer, error answer, no answer)
 * into one value the pages can show. A 2xx without a body (204) is a success with `undefined`.
 */
export async function call<T>(request: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<Outcome<T>> {
  try {
    const { data, error, response } = await request;
    if (response.ok) return { ok: true, data: data as T };
    return failureOf(error, response.status);
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    return { ok: false, status: null, message: i18n.t('session.unreachable'), fields: [] };
  }
}
