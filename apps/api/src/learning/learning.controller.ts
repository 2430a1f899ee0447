import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { type Principal, RequirePermission } from '@lms/core';
import { EnrolmentService, EvidenceService, LearningViewsService, matrixCsv, matrixXlsx } from '@lms/learning';
import { contentDisposition } from '@lms/storage';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import {
  AssignmentDto,
  AssignmentListDto,
  CompetencyProfileDto,
  CourseProgressDto,
  CreateAssignmentDto,
  EnrolDto,
  EnrolmentDto,
  EnrolmentSettingsDto,
  EnrolmentSettingsViewDto,
  EvidenceDto,
  EvidenceListDto,
  EvidenceQueryDto,
  LearningDashboardDto,
  MatrixExportQueryDto,
  MatrixQueryDto,
  ProgressMatrixDto,
  ReviewEvidenceDto,
  SubmitEvidenceDto,
} from './learning.dto';

/** Enrolment, assignments, learners' dashboards and profiles, class matrices, evidence review. The heartbeat is a plain Fastify route (progress.route.ts). */
@ApiTags('learning')
@Controller()
export class LearningController {
  constructor(
    private readonly enrolment: EnrolmentService,
    private readonly views: LearningViewsService,
    private readonly evidence: EvidenceService,
  ) {}

  // --- Enrolment -------------------------------------------------------------------------------

  @Get('courses/:courseId/enrolment-settings')
  @RequirePermission('course.author')
  @ApiOperation({ operationId: 'getEnrolmentSettings', summary: 'Cách ghi danh / How learners may enrol in a course (its editors)' })
  @ApiOkResponse({ type: EnrolmentSettingsViewDto })
  settings(@CurrentPrincipal() principal: Principal, @Param('courseId') courseId: string): Promise<EnrolmentSettingsViewDto> {
    return this.enrolment.settings(principal, courseId);
  }

  @Put('courses/:courseId/enrolment-settings')
  @RequirePermission('course.author')
  @ApiOperation({ operationId: 'updateEnrolmentSettings', summary: 'Đặt cách ghi danh / Set the enrolment mode (open, key, assigned) and key' })
  @ApiOkResponse({ type: EnrolmentSettingsViewDto })
  @ApiUnprocessableEntityResponse({ description: 'ENROLMENT_KEY_MISSING' })
  updateSettings(@CurrentPrincipal() principal: Principal, @Param('courseId') courseId: string, @Body() body: EnrolmentSettingsDto): Promise<EnrolmentSettingsViewDto> {
    return this.enrolment.updateSettings(principal, courseId, body.mode, body.key);
  }

  @Post('courses/:courseId/enrolment')
  @RequirePermission('course.learn')
  @ApiOperation({ operationId: 'enrol', summary: 'Ghi danh / Enrol in a published course (with its key when it has one)' })
  @ApiCreatedResponse({ type: EnrolmentDto })
  @ApiNotFoundResponse({ description: 'COURSE_NOT_FOUND' })
  @ApiForbiddenResponse({ description: 'ENROLMENT_KEY_REQUIRED, ENROLMENT_KEY_INVALID, ENROLMENT_ASSIGNED_ONLY' })
  enrol(@CurrentPrincipal() principal: Principal, @Param('courseId') courseId: string, @Body() body: EnrolDto): Promise<EnrolmentDto> {
    return this.enrolment.enrol(principal, courseId, body.key);
  }

  @Delete('courses/:courseId/enrolment')
  @HttpCode(204)
  @RequirePermission('course.learn')
  @ApiOperation({ operationId: 'withdraw', summary: 'Huỷ ghi danh / Withdraw from a course (progress is kept)' })
  @ApiNoContentResponse({ description: 'Withdrawn' })
  @ApiConflictResponse({ description: 'ENROLMENT_BY_ASSIGNMENT' })
  @ApiNotFoundResponse({ description: 'ENROLMENT_NOT_FOUND' })
  async withdraw(@CurrentPrincipal() principal: Principal, @Param('courseId') courseId: string): Promise<void> {
    await this.enrolment.withdraw(principal, courseId);
  }

  // --- Assignments -----------------------------------------------------------------------------

  @Post('courses/:courseId/assignments')
  @RequirePermission('course.assign')
  @ApiOperation({ operationId: 'assignCourse', summary: 'Giao khoá học / Assign a published course to a unit’s subtree (audience, grade, due date)' })
  @ApiCreatedResponse({ type: AssignmentDto })
  @ApiNotFoundResponse({ description: 'COURSE_NOT_FOUND, ORG_UNIT_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({ description: 'ASSIGNMENT_GRADE_NOT_ALLOWED, ASSIGNMENT_DUE_IN_PAST' })
  assign(@CurrentPrincipal() principal: Principal, @Param('courseId') courseId: string, @Body() body: CreateAssignmentDto): Promise<AssignmentDto> {
    return this.enrolment.assign(principal, courseId, body);
  }

  @Get('org/units/:unitId/assignments')
  @RequirePermission('course.assign')
  @ApiOperation({ operationId: 'listUnitAssignments', summary: 'Khoá học đã giao / Active assignments covering a unit (made on it, above or below it)' })
  @ApiOkResponse({ type: AssignmentListDto })
  async assignments(@CurrentPrincipal() principal: Principal, @Param('unitId') unitId: string): Promise<AssignmentListDto> {
    return { items: await this.enrolment.assignmentsOf(principal, unitId) };
  }

  @Delete('assignments/:assignmentId')
  @HttpCode(204)
  @RequirePermission('course.assign')
  @ApiOperation({ operationId: 'revokeAssignment', summary: 'Thu hồi việc giao / Revoke an assignment (kept in history; progress stays)' })
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiNotFoundResponse({ description: 'ASSIGNMENT_NOT_FOUND' })
  async revoke(@CurrentPrincipal() principal: Principal, @Param('assignmentId') assignmentId: string): Promise<void> {
    await this.enrolment.revoke(principal, assignmentId);
  }

  // --- Learners, parents, teachers -------------------------------------------------------------

  @Get('me/learning')
  @RequirePermission('course.learn')
  @ApiOperation({ operationId: 'getMyLearning', summary: 'Việc học của tôi / My courses, progress, due dates and where to continue' })
  @ApiOkResponse({ type: LearningDashboardDto })
  myLearning(@CurrentPrincipal() principal: Principal): Promise<LearningDashboardDto> {
    return this.views.dashboard(principal.userId);
  }

  @Get('me/learning/courses/:courseId')
  @RequirePermission('course.learn')
  @ApiOperation({ operationId: 'getMyCourseProgress', summary: 'Tiến độ khoá học / My progress in one published course, lesson by lesson' })
  @ApiOkResponse({ type: CourseProgressDto })
  @ApiNotFoundResponse({ description: 'COURSE_NOT_FOUND' })
  myCourse(@CurrentPrincipal() principal: Principal, @Param('courseId') courseId: string): Promise<CourseProgressDto> {
    return this.views.courseProgress(principal.userId, courseId);
  }

  @Get('me/competency-profile')
  @RequirePermission('course.learn')
  @ApiOperation({ operationId: 'getMyCompetencyProfile', summary: 'Hồ sơ năng lực số / My TT 02/2025 profile: attained and expected levels, evidence, recommendations' })
  @ApiOkResponse({ type: CompetencyProfileDto })
  myProfile(@CurrentPrincipal() principal: Principal): Promise<CompetencyProfileDto> {
    return this.views.profile(principal.userId);
  }

  @Get('me/children/:childId/learning')
  @RequirePermission('child.read')
  @ApiOperation({ operationId: 'getChildLearning', summary: 'Việc học của con / A linked child’s courses and progress' })
  @ApiOkResponse({ type: LearningDashboardDto })
  @ApiNotFoundResponse({ description: 'USER_NOT_FOUND' })
  async childLearning(@CurrentPrincipal() principal: Principal, @Param('childId') childId: string): Promise<LearningDashboardDto> {
    await this.views.assertCanRead(principal, childId, 'child.read');
    return this.views.dashboard(childId);
  }

  @Get('me/children/:childId/competency-profile')
  @RequirePermission('child.read')
  @ApiOperation({ operationId: 'getChildCompetencyProfile', summary: 'Hồ sơ năng lực của con / A linked child’s competency profile' })
  @ApiOkResponse({ type: CompetencyProfileDto })
  @ApiNotFoundResponse({ description: 'USER_NOT_FOUND' })
  async childProfile(@CurrentPrincipal() principal: Principal, @Param('childId') childId: string): Promise<CompetencyProfileDto> {
    await this.views.assertCanRead(principal, childId, 'child.read');
    return this.views.profile(childId);
  }

  @Get('users/:userId/learning')
  @RequirePermission('progress.read')
  @ApiOperation({ operationId: 'getUserLearning', summary: 'Việc học của một người học / A learner’s courses and progress (within reach)' })
  @ApiOkResponse({ type: LearningDashboardDto })
  @ApiNotFoundResponse({ description: 'USER_NOT_FOUND' })
  async userLearning(@CurrentPrincipal() principal: Principal, @Param('userId') userId: string): Promise<LearningDashboardDto> {
    await this.views.assertCanRead(principal, userId, 'progress.read');
    return this.views.dashboard(userId);
  }

  @Get('users/:userId/competency-profile')
  @RequirePermission('progress.read')
  @ApiOperation({ operationId: 'getUserCompetencyProfile', summary: 'Hồ sơ năng lực của một người học / A learner’s competency profile (within reach)' })
  @ApiOkResponse({ type: CompetencyProfileDto })
  @ApiNotFoundResponse({ description: 'USER_NOT_FOUND' })
  async userProfile(@CurrentPrincipal() principal: Principal, @Param('userId') userId: string): Promise<CompetencyProfileDto> {
    await this.views.assertCanRead(principal, userId, 'progress.read');
    return this.views.profile(userId);
  }

  @Get('org/units/:unitId/progress-matrix')
  @RequirePermission('progress.read')
  @ApiOperation({ operationId: 'getProgressMatrix', summary: 'Bảng tiến độ / Learners × courses of a unit’s subtree, lesson by lesson, overdue marked' })
  @ApiOkResponse({ type: ProgressMatrixDto })
  @ApiNotFoundResponse({ description: 'ORG_UNIT_NOT_FOUND' })
  matrix(@CurrentPrincipal() principal: Principal, @Param('unitId') unitId: string, @Query() query: MatrixQueryDto): Promise<ProgressMatrixDto> {
    return this.views.matrix(principal, unitId, query.audience);
  }

  @Get('org/units/:unitId/progress-matrix/export')
  @RequirePermission('progress.read')
  @ApiOperation({ operationId: 'exportProgressMatrix', summary: 'Xuất bảng tiến độ / The matrix as CSV (UTF-8 with BOM) or XLSX (overdue cells red)' })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: 'The file' })
  async exportMatrix(@CurrentPrincipal() principal: Principal, @Param('unitId') unitId: string, @Query() query: MatrixExportQueryDto, @Res() reply: FastifyReply): Promise<void> {
    const matrix = await this.views.matrix(principal, unitId, query.audience);
    const format = query.format ?? 'csv';
    const name = `tien-do-${matrix.generatedAt.slice(0, 10)}.${format}`;
    const body = format === 'csv' ? matrixCsv(matrix) : await matrixXlsx(matrix);
    await reply
      .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', contentDisposition('attachment', name))
      .header('cache-control', 'no-store')
      .send(body);
  }

  // --- Evidence --------------------------------------------------------------------------------

  @Post('progress/evidence')
  @RequirePermission('course.learn')
  @ApiOperation({ operationId: 'submitEvidence', summary: 'Nộp minh chứng / Evidence of an external course, for a teacher to approve' })
  @ApiCreatedResponse({ type: EvidenceDto })
  @ApiForbiddenResponse({ description: 'PROGRESS_NOT_ENROLLED' })
  @ApiUnprocessableEntityResponse({ description: 'PROGRESS_NOT_EXTERNAL, EVIDENCE_ASSET_INVALID' })
  submitEvidence(@CurrentPrincipal() principal: Principal, @Body() body: SubmitEvidenceDto): Promise<EvidenceDto> {
    return this.evidence.submit(principal, body.lessonId, body.assetId);
  }

  @Get('evidence')
  @RequirePermission('evidence.review')
  @ApiOperation({ operationId: 'listEvidence', summary: 'Minh chứng cần duyệt / Evidence of learners within reach' })
  @ApiOkResponse({ type: EvidenceListDto })
  async listEvidence(@CurrentPrincipal() principal: Principal, @Query() query: EvidenceQueryDto): Promise<EvidenceListDto> {
    return { items: await this.evidence.list(principal, query.status, query.unitId) };
  }

  @Post('evidence/:evidenceId/approve')
  @HttpCode(200)
  @RequirePermission('evidence.review')
  @ApiOperation({ operationId: 'approveEvidence', summary: 'Duyệt minh chứng / Approve: the external lesson is complete' })
  @ApiOkResponse({ type: EvidenceDto })
  @ApiNotFoundResponse({ description: 'EVIDENCE_NOT_FOUND' })
  @ApiConflictResponse({ description: 'EVIDENCE_ALREADY_REVIEWED' })
  approve(@CurrentPrincipal() principal: Principal, @Param('evidenceId') evidenceId: string, @Body() body: ReviewEvidenceDto): Promise<EvidenceDto> {
    return this.evidence.review(principal, evidenceId, 'approved', body.note);
  }

  @Post('evidence/:evidenceId/reject')
  @HttpCode(200)
  @RequirePermission('evidence.review')
  @ApiOperation({ operationId: 'rejectEvidence', summary: 'Từ chối minh chứng / Reject, with the reason' })
  @ApiOkResponse({ type: EvidenceDto })
  @ApiNotFoundResponse({ description: 'EVIDENCE_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({ description: 'EVIDENCE_NOTE_REQUIRED' })
  reject(@CurrentPrincipal() principal: Principal, @Param('evidenceId') evidenceId: string, @Body() body: ReviewEvidenceDto): Promise<EvidenceDto> {
    return this.evidence.review(principal, evidenceId, 'rejected', body.note);
  }
}
