import { api } from '../api/client';
import { call } from '../api/call';
import type { Audience, ProgressEvent } from './types';

// The learning endpoints (docs/learning.md), through the app's one typed api client (its language,
// CSRF and token-refresh middlewares).

const course = (courseId: string) => ({ params: { path: { courseId } } });
const child = (childId: string) => ({ params: { path: { childId } } });

export const learningApi = {
  dashboard: () => call(api.GET('/api/v1/me/learning')),
  courseProgress: (courseId: string) => call(api.GET('/api/v1/me/learning/courses/{courseId}', course(courseId))),
  profile: () => call(api.GET('/api/v1/me/competency-profile')),
  childDashboard: (childId: string) => call(api.GET('/api/v1/me/children/{childId}/learning', child(childId))),
  childProfile: (childId: string) => call(api.GET('/api/v1/me/children/{childId}/competency-profile', child(childId))),

  enrol: (courseId: string, key?: string) => call(api.POST('/api/v1/courses/{courseId}/enrolment', { ...course(courseId), body: key ? { key } : {} })),
  withdraw: (courseId: string) => call(api.DELETE('/api/v1/courses/{courseId}/enrolment', course(courseId))),

  sendProgress: (events: ProgressEvent[]) => call(api.POST('/api/v1/progress', { body: { events } })),
  submitEvidence: (lessonId: string, assetId: string) => call(api.POST('/api/v1/progress/evidence', { body: { lessonId, assetId } })),

  assign: (courseId: string, body: { unitId: string; audience: Audience; grade?: number; dueAt?: string }) => call(api.POST('/api/v1/courses/{courseId}/assignments', { ...course(courseId), body })),
  assignments: (unitId: string) => call(api.GET('/api/v1/org/units/{unitId}/assignments', { params: { path: { unitId } } })),
  revoke: (assignmentId: string) => call(api.DELETE('/api/v1/assignments/{assignmentId}', { params: { path: { assignmentId } } })),

  matrix: (unitId: string) => call(api.GET('/api/v1/org/units/{unitId}/progress-matrix', { params: { path: { unitId }, query: { audience: 'student' } } })),

  evidence: (unitId?: string) => call(api.GET('/api/v1/evidence', { params: { query: { status: 'pending', ...(unitId ? { unitId } : {}) } } })),
  approve: (evidenceId: string, note?: string) => call(api.POST('/api/v1/evidence/{evidenceId}/approve', { params: { path: { evidenceId } }, body: note ? { note } : {} })),
  reject: (evidenceId: string, note: string) => call(api.POST('/api/v1/evidence/{evidenceId}/reject', { params: { path: { evidenceId } }, body: { note } })),
};

/** The address of the class matrix as a file (a plain link: the session cookie goes along). */
export function matrixExportUrl(unitId: string, format: 'csv' | 'xlsx'): string {
  return `/api/v1/org/units/${encodeURIComponent(unitId)}/progress-matrix/export?format=${format}`;
}
