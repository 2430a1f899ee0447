/**
 * xAPI 1.0.3 statements for progress events and completions, stored as they would be served by a
 * Learning Record Store (`xapi_statement.statement`), so an LRS endpoint can be added later without
 * a migration. Activities are identified by IRIs under the installation's public URL.
 */

export const XAPI_VERSION = '1.0.3';

export const VERBS = {
  played: { id: 'https://w3id.org/xapi/video/verbs/played', display: { 'vi-VN': 'đã xem', 'en-US': 'played' } },
  page: { id: 'http://id.tincanapi.com/verb/viewed', display: { 'vi-VN': 'đã xem trang', 'en-US': 'viewed' } },
  scroll: { id: 'http://adlnet.gov/expapi/verbs/experienced', display: { 'vi-VN': 'đã đọc', 'en-US': 'experienced' } },
  time: { id: 'http://adlnet.gov/expapi/verbs/progressed', display: { 'vi-VN': 'đã học', 'en-US': 'progressed' } },
  completed: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'vi-VN': 'đã hoàn thành', 'en-US': 'completed' } },
  passed: { id: 'http://adlnet.gov/expapi/verbs/passed', display: { 'vi-VN': 'đã đạt', 'en-US': 'passed' } },
} as const;
export type VerbName = keyof typeof VERBS;

export interface ProgressEvent {
  id: string;
  lessonId: string;
  at: string;
  type: 'played' | 'page' | 'scroll' | 'time';
  from?: number;
  to?: number;
  page?: number;
  ratio?: number;
  position?: number;
  spent?: number;
}

export function activityIri(publicUrl: string, kind: 'lesson' | 'course', id: string): string {
  return `${publicUrl}/xapi/activities/${kind}/${id}`;
}

function actor(publicUrl: string, userId: string) {
  return { objectType: 'Agent', account: { homePage: publicUrl, name: userId } };
}

/** ISO 8601 duration of whole and fractional seconds (PT12.5S). */
export function isoDuration(seconds: number): string {
  return `PT${Math.round(seconds * 100) / 100}S`;
}

/** The statement of one accepted heartbeat event. `timestamp` is the device's time when plausible. */
export function progressStatement(
  publicUrl: string,
  userId: string,
  courseId: string,
  lessonKind: string,
  event: ProgressEvent,
  timestamp: Date,
  stored: Date,
): Record<string, unknown> {
  const extensions: Record<string, unknown> = {};
  if (event.type === 'played') {
    extensions['https://w3id.org/xapi/video/extensions/time-from'] = event.from;
    extensions['https://w3id.org/xapi/video/extensions/time-to'] = event.to;
  }
  if (event.page !== undefined) extensions['http://id.tincanapi.com/extension/page'] = event.page;
  if (event.ratio !== undefined) extensions['https://w3id.org/xapi/cmi5/result/extensions/progress'] = Math.round(event.ratio * 100);
  if (event.position !== undefined) extensions[`${publicUrl}/xapi/extensions/position`] = event.position;
  const result: Record<string, unknown> = {};
  if (event.spent !== undefined) result.duration = isoDuration(event.spent);
  if (Object.keys(extensions).length > 0) result.extensions = extensions;
  return {
    id: event.id,
    version: XAPI_VERSION,
    actor: actor(publicUrl, userId),
    verb: VERBS[event.type],
    object: { objectType: 'Activity', id: activityIri(publicUrl, 'lesson', event.lessonId), definition: { type: `${publicUrl}/xapi/activity-types/${lessonKind}` } },
    result,
    context: { contextActivities: { parent: [{ objectType: 'Activity', id: activityIri(publicUrl, 'course', courseId) }] }, platform: 'LMS Bình dân học vụ số' },
    timestamp: timestamp.toISOString(),
    stored: stored.toISOString(),
  };
}

/** A completion (of a lesson or a course) or a passed quiz, recorded by the server. */
export function completionStatement(
  publicUrl: string,
  id: string,
  userId: string,
  verb: 'completed' | 'passed',
  object: { kind: 'lesson' | 'course'; id: string; courseId?: string },
  at: Date,
  score?: number,
): Record<string, unknown> {
  return {
    id,
    version: XAPI_VERSION,
    actor: actor(publicUrl, userId),
    verb: VERBS[verb],
    object: { objectType: 'Activity', id: activityIri(publicUrl, object.kind, object.id) },
    result: { completion: true, ...(verb === 'passed' ? { success: true } : {}), ...(score !== undefined ? { score: { scaled: Math.round(score) / 100 } } : {}) },
    context: object.courseId ? { contextActivities: { parent: [{ objectType: 'Activity', id: activityIri(publicUrl, 'course', object.courseId) }] } } : {},
    timestamp: at.toISOString(),
    stored: at.toISOString(),
  };
}
