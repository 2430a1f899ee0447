import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@lms/core';
import { type MediaAccess, MediaAccessRegistry } from '@lms/media';
import type { DataSource } from 'typeorm';
import { EnrolmentService } from './enrolment.service';

/** The files of a published course's lessons open to the learners enrolled in it (one statement per set of assets). */
@Injectable()
export class EnrolledMediaAccess implements MediaAccess, OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly enrolment: EnrolmentService,
    private readonly registry: MediaAccessRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async viewableAssets(principal: Principal, assetIds: readonly string[]): Promise<ReadonlySet<string>> {
    if (assetIds.length === 0 || !principal.permissions.has('course.learn')) return new Set();
    const courses = [...(await this.enrolment.coverageOf(principal.userId)).keys()];
    if (courses.length === 0) return new Set();
    const rows = await this.dataSource.query<Array<{ id: string }>>(
      `SELECT a.id FROM unnest($1::uuid[]) AS a(id)
        WHERE EXISTS (SELECT 1 FROM course_catalog_entry e WHERE e.course_id = ANY($2::uuid[]) AND e.asset_ids @> ARRAY[a.id])`,
      [[...assetIds], courses],
    );
    return new Set(rows.map((r) => r.id));
  }
}
