import { Body, Controller, Delete, Get, Header, HttpCode, Param, Patch, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConflictResponse, ApiConsumes, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { type Principal, Public, RequirePermission, commonError } from '@lms/core';
import { CompetencyService } from '@lms/competency';
import { CatalogService, CoursePackageService, CoursePackageTooLargeException, CoursesService } from '@lms/courses';
import { EnrolmentService } from '@lms/learning';
import { contentDisposition } from '@lms/storage';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import {
  CatalogPageDto,
  CatalogQueryDto,
  CollaboratorDto,
  CourseListDto,
  CreateCourseDto,
  ImportPackageQuery,
  LessonDto,
  OrderLessonsDto,
  OrderSectionsDto,
  OutlineDto,
  PublishedCourseDto,
  PublishedLessonViewDto,
  SectionDto,
  UpdateCourseDto,
  UpdateLessonDto,
  UpdateSectionDto,
  toCourseDto,
  toOutlineDto,
} from './courses.dto';
import { CompetencyDetailDto, FrameworkDto } from './competency.dto';

/** Largest course package accepted (a course may hold a 2 GB video and more). */
export const COURSE_PACKAGE_MAX_BYTES = 4 * 1024 * 1024 * 1024;
/** Package imports reach the controller as an unread stream (see raw-body.ts). */
export const COURSE_PACKAGE_PATH = /^\/api\/v1\/courses\/package-imports(\?|$)/;

@ApiTags('courses')
@Controller('courses')
export class CoursesController {
  constructor(
    private readonly courses: CoursesService,
    private readonly packages: CoursePackageService,
  ) {}

  @Get()
  @RequirePermission('course.author')
  @ApiOperation({ operationId: 'listMyCourses', summary: 'Khoá học tôi soạn hoặc duyệt / Courses the caller works on or reviews' })
  @ApiOkResponse({ type: CourseListDto })
  async mine(@CurrentPrincipal() principal: Principal): Promise<CourseListDto> {
    return { items: (await this.courses.mine(principal)).map(toCourseDto) };
  }

  @Post()
  @RequirePermission('course.author')
  @ApiOperation({ operationId: 'createCourse', summary: 'Tạo khoá học / Create a course (the caller becomes its owner)' })
  @ApiCreatedResponse({ type: OutlineDto })
  @ApiUnprocessableEntityResponse({ description: 'COURSE_INVALID' })
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreateCourseDto): Promise<OutlineDto> {
    return toOutlineDto(await this.courses.create(principal, body));
  }

  @Get(':courseId')
  @RequirePermission('course.author')
  @ApiOperation({ operationId: 'getCourseOutline', summary: 'The working copy: metadata, sections, lessons, collaborators, revisions' })
  @ApiOkResponse({ type: OutlineDto })
  @ApiNotFoundResponse({ description: 'COURSE_NOT_FOUND' })
  async outline(@CurrentPrincipal() principal: Principal, @Param('courseId') courseId: string): Promise<OutlineDto> {
    return toOutlineDto(await this.courses.outline(principal, courseId));
  }

  @Patch(':courseId')
  @RequirePermission('course.author')
  @ApiOperation({ operationId: 'updateCourse', summary: 'Sửa thông tin khoá học / Edit the course’s metadata' })
  @ApiOkResponse({ type: OutlineDto })
  async update(@CurrentPrincipal() principal: Principal, @Param('courseId') courseId: string, @Body() body: UpdateCourseDto): Promise<OutlineDto> {
    return toOutlineDto(await this.courses.update(principal, courseId, body));
  }

  @Post(':courseId/sections')
  @RequirePermission('course.author')
  @ApiOperation({ operationId: 'addSection', summary: 'Thêm chương / Add a section at the end' })
  @ApiCreatedResponse({ type: OutlineDto })
  async addSection(@CurrentPrincipal() principal: Principal, @Param('courseId') courseId: string, @Body() body: SectionDto): Promise<OutlineDto> {
    return toOutlineDto(await this.courses.addSection(principal, courseId, body));
  }

  @Put(':courseId/section-order')
  @RequirePermission('course.author')
  @ApiOperation({ operationId: 'orderSections', summary: 'Sắp xếp chương / Set the order of the sections' })
  @ApiOkResponse({ type: OutlineDto })
  async orderSections(@CurrentPrincipal() principal: Principal, @Param('courseId') courseId: string, @Body() body: OrderSectionsDto): Promise<OutlineDto> {
    return toOutlineDto(await this.courses.orderSections(principal, courseId, body.sectionIds));
  }

  @Patch(':courseId/sections/:sectionId')
  @RequirePermission('course.author')
  @ApiOperation({ operationId: 'updateSection', summary: 'Đổi tên chương / Rename a section' })
  @ApiOkResponse({ type: OutlineDto })
  async updateSection(@CurrentPrincipal() principal: Principal, @Param('courseId') courseId: string, @Param('sectionId') sectionId: string, @Body() body: UpdateSectionDto): Promise<OutlineDto> {
    return toOutlineDto(await this.courses.updateSection(principal, courseId, sectionId, body));
  }

  @Delete(':courseId/sections/:sectionId')
  @RequirePermission('course.author')
  @ApiOperation({ operationId: 'deleteSection', summary: 'Xoá chương và các bài của chương / Delete a section with its lessons' })
  @ApiOkResponse({ type: OutlineDto })
  async deleteSection(@CurrentPrincipal() principal: Principal, @Param('courseId') courseId: string, @Param('sectionId') sectionId: string): Promise<OutlineDto> {
    return toOutlineDto(await this.courses.deleteSection(principal, courseId, sectionId));
  }

  @Post(':courseId/sections/:sectionId/lessons')
  @RequirePermission('course.author')
  @ApiOperation({ operationId: 'addLesson', summary: 'Thêm bài học / Add a lesson at the end of a section' })
  @ApiCreatedResponse({ type: OutlineDto })
  @ApiUnprocessableEntityResponse({ description: 'COURSE_INVALID (content for the kind, competency tags)' })
  async addLesson(@CurrentPrincipal() principal: Principal, @Param('courseId') courseId: string, @Param('sectionId') sectionId: string, @Body() body: LessonDto): Promise<OutlineDto> {
    return toOutlineDto(await this.courses.addLesson(principal, courseId, sectionId, body));
  }

  @Put(':courseId/sections/:sectionId/lesson-order')
  @RequirePermission('course.author')
  @ApiOperation({ operationId: 'orderLessons', summary: 'Sắp xếp bài học / Set a section’s lessons in order (moves lessons between sections)' })
  @ApiOkResponse({ type: OutlineDto })
  async orderLessons(@CurrentPrincipal() principal: Principal, @Param('courseId') courseId: string, @Param('sectionId') sectionId: string, @Body() body: OrderLessonsDto): Promise<OutlineDto> {
    return toOutlineDto(await this.courses.orderLessons(principal, courseId, sectionId, body.lessonIds));
  }

  @Patch(':courseId/lessons/:lessonId')
  @RequirePermission('course.author')
  @ApiOperation({ operationId: 'updateLesson', summary: 'Sửa bài học / Edit a lesson' })
  @ApiOkResponse({ type: OutlineDto })
  async updateLesson(@CurrentPrincipal() principal: Principal, @Param('courseId') courseId: string, @Param('lessonId') lessonId: string, @Body() body: UpdateLessonDto): Promise<OutlineDto> {
    return toOutlineDto(await this.courses.updateLesson(principal, courseId, lessonId, body));
  }

  @Delete(':courseId/lessons/:lessonId')
  @RequirePermission('course.author')
  @ApiOperation({ operationId: 'deleteLesson', summary: 'Xoá bài học / Delete a lesson (published revisions keep it)' })
  @ApiOkResponse({ type: OutlineDto })
  async deleteLesson(@CurrentPrincipal() principal: Principal, @Param('courseId') courseId: string, @Param('lessonId') lessonId: string): Promise<OutlineDto> {
    return toOutlineDto(await this.courses.deleteLesson(principal, courseId, lessonId));
  }

  @Put(':courseId/collaborators/:userId')
  @RequirePermission('course.author')
  @ApiOperation({ operationId: 'setCourseCollaborator', summary: 'Thêm người cùng soạn / Add or change a collaborator (owner, editor, reviewer)' })
  @ApiOkResponse({ type: OutlineDto })
  async setCollaborator(@CurrentPrincipal() principal: Principal, @Param('courseId') courseId: string, @Param('userId') userId: string, @Body() body: CollaboratorDto): Promise<OutlineDto> {
    return toOutlineDto(await this.courses.setCollaborator(principal, courseId, userId, body.role));
  }

  @Delete(':courseId/collaborators/:userId')
  @RequirePermission('course.author')
  @ApiOperation({ operationId: 'removeCourseCollaborator', summary: 'Bỏ người cùng soạn / Remove a collaborator (a course keeps at least one owner)' })
  @ApiOkResponse({ type: OutlineDto })
  async removeCollaborator(@CurrentPrincipal() principal: Principal, @Param('courseId') courseId: string, @Param('userId') userId: string): Promise<OutlineDto> {
    return toOutlineDto(await this.courses.removeCollaborator(principal, courseId, userId));
  }

  @Get(':courseId/package')
  @RequirePermission('course.author')
  @ApiOperation({ operationId: 'exportCoursePackage', summary: 'Xuất gói khoá học / Export the course as a zip (manifest.json and its files)' })
  @ApiProduces('application/zip')
  @ApiOkResponse({ description: 'The package (zip)' })
  async exportPackage(@CurrentPrincipal() principal: Principal, @Param('courseId') courseId: string, @Res() reply: FastifyReply): Promise<void> {
    const { stream, fileName } = await this.packages.export(principal, courseId);
    await reply.header('content-type', 'application/zip').header('content-disposition', contentDisposition('attachment', fileName)).header('cache-control', 'no-store').send(stream);
  }

  @Post('package-imports')
  @RequirePermission('course.author')
  @ApiOperation({ operationId: 'importCoursePackage', summary: 'Nhập gói khoá học / Import a course package (the raw zip is the body) as a new draft', description: 'Files are verified and processed like uploads.' })
  @ApiConsumes('application/zip', 'application/octet-stream')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiCreatedResponse({ type: OutlineDto })
  @ApiUnprocessableEntityResponse({ description: 'COURSE_PACKAGE_INVALID, MEDIA_KIND_NOT_ALLOWED' })
  async importPackage(@CurrentPrincipal() principal: Principal, @Query() query: ImportPackageQuery, @Req() request: FastifyRequest): Promise<OutlineDto> {
    const length = Number(request.headers['content-length']);
    if (Number.isFinite(length) && length > COURSE_PACKAGE_MAX_BYTES) {
      request.raw.resume();
      throw new CoursePackageTooLargeException(COURSE_PACKAGE_MAX_BYTES);
    }
    return toOutlineDto(await this.packages.import(principal, query.ownerUnitId, request.raw, COURSE_PACKAGE_MAX_BYTES));
  }

  @Post(':courseId/:action')
  @HttpCode(200)
  @RequirePermission('course.author')
  @ApiOperation({ operationId: 'moveCourseInWorkflow', summary: 'Gửi duyệt, xuất bản, trả lại, lưu trữ / submit, publish, return or archive' })
  @ApiOkResponse({ type: OutlineDto })
  @ApiConflictResponse({ description: 'COURSE_WORKFLOW' })
  @ApiUnprocessableEntityResponse({ description: 'COURSE_INVALID (not ready to publish)' })
  async workflow(@CurrentPrincipal() principal: Principal, @Param('courseId') courseId: string, @Param('action') action: string): Promise<OutlineDto> {
    switch (action) {
      case 'submit':
        return toOutlineDto(await this.courses.submit(principal, courseId));
      case 'publish':
        return toOutlineDto(await this.courses.publish(principal, courseId));
      case 'return':
        return toOutlineDto(await this.courses.returnToDraft(principal, courseId));
      case 'archive':
        return toOutlineDto(await this.courses.archive(principal, courseId));
      default:
        throw commonError('ROUTE_NOT_FOUND');
    }
  }
}

@ApiTags('catalog')
@Controller()
export class CatalogController {
  constructor(
    private readonly catalog: CatalogService,
    private readonly competencies: CompetencyService,
    private readonly enrolment: EnrolmentService,
  ) {}

  @Get('catalog/courses')
  @Public()
  @Header('cache-control', 'public, max-age=30')
  @ApiOperation({ operationId: 'searchCatalog', summary: 'Tìm khoá học / Search published courses (with or without diacritics), filter, page' })
  @ApiOkResponse({ type: CatalogPageDto })
  async search(@Query() query: CatalogQueryDto): Promise<CatalogPageDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const { items, total } = await this.catalog.search({ ...query, page, pageSize });
    return { items, total, page, pageSize };
  }

  @Get('catalog/courses/:courseId')
  @Public()
  @ApiOperation({ operationId: 'getPublishedCourse', summary: 'A published course’s outline (its live revision)' })
  @ApiOkResponse({ type: PublishedCourseDto })
  @ApiNotFoundResponse({ description: 'COURSE_NOT_FOUND' })
  published(@Param('courseId') courseId: string): Promise<PublishedCourseDto> {
    return this.catalog.published(courseId);
  }

  @Get('catalog/courses/:courseId/lessons/:lessonId')
  @RequirePermission('course.learn')
  @ApiOperation({ operationId: 'getPublishedLesson', summary: 'Mở bài học / A lesson of a published course as a learner opens it (content of the live revision)' })
  @ApiOkResponse({ type: PublishedLessonViewDto })
  @ApiNotFoundResponse({ description: 'COURSE_NOT_FOUND, COURSE_LESSON_NOT_FOUND' })
  @ApiForbiddenResponse({ description: 'ENROLMENT_REQUIRED (a course with a key, or only by assignment); an open course enrols the learner on the way' })
  async lesson(@CurrentPrincipal() principal: Principal, @Param('courseId') courseId: string, @Param('lessonId') lessonId: string): Promise<PublishedLessonViewDto> {
    const lesson = await this.catalog.lesson(courseId, lessonId);
    await this.enrolment.ensureEnrolled(principal, courseId);
    return lesson;
  }

  @Get('competencies')
  @Public()
  @ApiOperation({ operationId: 'getCompetencyFramework', summary: 'Khung năng lực số TT 02/2025 / The framework: domains, competencies, levels' })
  @ApiOkResponse({ type: FrameworkDto })
  framework(): Promise<FrameworkDto> {
    return this.competencies.framework();
  }

  @Get('competencies/:code')
  @Public()
  @ApiOperation({ operationId: 'getCompetency', summary: 'One competency with its descriptors level by level' })
  @ApiOkResponse({ type: CompetencyDetailDto })
  @ApiNotFoundResponse({ description: 'COMPETENCY_NOT_FOUND' })
  async competency(@Param('code') code: string): Promise<CompetencyDetailDto> {
    const found = await this.competencies.competency(code);
    if (!found) throw commonError('NOT_FOUND');
    return found;
  }
}
