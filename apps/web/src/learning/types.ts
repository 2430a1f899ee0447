import type { components, operations } from '../api/schema';

// The learning api's answers (docs/learning.md), as the generated OpenAPI types name them:
// enrolment, progress, the dashboard, the competency profile, assignments, the class matrix and
// evidence review.

type Schemas = components['schemas'];

export type Assignment = Schemas['AssignmentDto'];
export type Audience = Assignment['audience'];
export type LearningDashboard = Schemas['LearningDashboardDto'];
export type DashboardCourse = Schemas['DashboardCourseDto'];
export type CourseProgress = Schemas['CourseProgressDto'];
export type LessonProgress = Schemas['LessonProgressDto'];
export type LessonStatus = LessonProgress['status'];
export type LessonEvidence = Schemas['LessonEvidenceStateDto'];
export type CompetencyProfile = Schemas['CompetencyProfileDto'];
export type ProfileDomain = Schemas['DomainStandingDto'];
export type ProfileCompetency = Schemas['CompetencyStandingDto'];
export type EvidenceForReview = Schemas['EvidenceDto'];
export type ProgressMatrix = Schemas['ProgressMatrixDto'];
export type MatrixCourse = Schemas['MatrixCourseDto'];
export type MatrixCell = Schemas['MatrixCellDto'];

type Heartbeat = operations['recordProgress'];
/** One heartbeat event (POST /progress). */
export type ProgressEvent = Heartbeat['requestBody']['content']['application/json']['events'][number];
/** The heartbeat's answer: the lessons it touched, and the courses it completed. */
export type ProgressAnswer = Heartbeat['responses'][200]['content']['application/json'];
export type LessonOutcome = ProgressAnswer['lessons'][number];
