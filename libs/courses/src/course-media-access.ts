import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@lms/core';
import { type MediaAccess, MediaAccessRegistry } from '@lms/media';
import { AccessService } from '@lms/org';
import type { DataSource } from 'typeorm';

/**
 * Who may stream a course's media besides its uploader: anyone signed in with `course.learn` for
 * the cover of a published course (the catalogue shows it), and the collaborators and reviewers of
 * a course for the assets of its working copy. One statement for a whole set of asset ids. The
 * lessons' files of a published course open to its enrolled learners (the learning lib's
 * EnrolledMediaAccess).
 */
@Injectable()
export class CourseMediaAccess implements MediaAccess, OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly registry: MediaAccessRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async viewableAssets(principal: Principal, assetIds: readonly string[]): Promise<ReadonlySet<string>> {
    if (assetIds.length === 0) return new Set();
    const reach = await this.access.reach(principal, 'course.review');
    const rows = await this.dataSource.query<Array<{ id: string }>>(
      `WITH mine AS (
         SELECT c.id, c.cover_asset_id FROM course c
          WHERE EXISTS (SELECT 1 FROM course_collaborator cc WHERE cc.course_id = c.id AND cc.user_id = $2)
             OR $3::boolean
             OR EXISTS (SELECT 1 FROM org_unit u WHERE u.id = c.owner_unit_id AND u.path LIKE ANY($4::text[])))
       SELECT a.id FROM unnest($1::uuid[]) AS a(id)
        WHERE ($5::boolean AND EXISTS (SELECT 1 FROM course_catalog_entry e WHERE e.asset_ids @> ARRAY[a.id] AND e.cover_asset_id = a.id))
           OR EXISTS (SELECT 1 FROM mine WHERE mine.cover_asset_id = a.id)
           OR EXISTS (SELECT 1 FROM lesson l JOIN mine ON mine.id = l.course_id
                       WHERE l.content->>'assetId' = a.id::text OR l.content->'assetIds' ? a.id::text)`,
      [[...assetIds], principal.userId, reach.everywhere, reach.paths.map((p) => `${p}%`), principal.permissions.has('course.learn')],
    );
    return new Set(rows.map((r) => r.id));
  }
}
