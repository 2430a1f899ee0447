import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { CompetencyModule } from '@lms/competency';
import { CatalogService, CoursesModule } from '@lms/courses';
import { LearningModule } from '@lms/learning';
import type { FastifyInstance } from 'fastify';
import { registerRawBodies } from '../storage/raw-body';
import { registerCatalogCache } from './catalog-cache';
import { COURSE_PACKAGE_PATH, CatalogController, CoursesController } from './courses.controller';

@Module({ imports: [CoursesModule, CompetencyModule, LearningModule], controllers: [CoursesController, CatalogController] })
export class CoursesHttpModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly catalog: CatalogService,
  ) {}

  onModuleInit(): void {
    const adapter = this.adapterHost.httpAdapter;
    if (adapter?.getType() !== 'fastify') return;
    registerRawBodies(adapter.getInstance<FastifyInstance>(), (method, url) => method === 'POST' && COURSE_PACKAGE_PATH.test(url));
    registerCatalogCache(adapter.getInstance<FastifyInstance>(), this.catalog);
  }
}
