import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface FrameworkView {
  levels: Array<{ id: number; tier: string; shortCode: string; nameVi: string; tierNameVi: string; tierNameEn: string; grades: number[] }>;
  domains: Array<{ code: string; nameVi: string; nameEn: string; competencies: Array<{ code: string; nameVi: string; nameEn: string; descriptionVi: string | null }> }>;
}

/** The framework as stored by the migration: what pickers and profiles show. */
@Injectable()
export class CompetencyService {
  private cached: FrameworkView | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async framework(): Promise<FrameworkView> {
    if (this.cached) return this.cached;
    const levels = await this.dataSource.query<FrameworkView['levels']>(
      `SELECT id, tier, short_code AS "shortCode", name_vi AS "nameVi", tier_name_vi AS "tierNameVi", tier_name_en AS "tierNameEn", grades FROM competency_level ORDER BY id`,
    );
    const domains = await this.dataSource.query<FrameworkView['domains']>(
      `SELECT d.code, d.name_vi AS "nameVi", d.name_en AS "nameEn",
              json_agg(json_build_object('code', c.code, 'nameVi', c.name_vi, 'nameEn', c.name_en, 'descriptionVi', c.description_vi) ORDER BY c.position) AS competencies
         FROM competency_domain d JOIN competency c ON c.domain_code = d.code
        GROUP BY d.code ORDER BY d.position`,
    );
    this.cached = { levels, domains };
    return this.cached;
  }

  /** One competency with its descriptors ("yêu cầu cần đạt") level by level; null if unknown. */
  async competency(code: string): Promise<{ code: string; nameVi: string; nameEn: string; descriptionVi: string | null; domainCode: string; levels: Array<{ level: number; descriptors: string[] }> } | null> {
    const [row] = await this.dataSource.query<Array<{ code: string; nameVi: string; nameEn: string; descriptionVi: string | null; domainCode: string }>>(
      `SELECT code, name_vi AS "nameVi", name_en AS "nameEn", description_vi AS "descriptionVi", domain_code AS "domainCode" FROM competency WHERE code = $1`,
      [code],
    );
    if (!row) return null;
    const levels = await this.dataSource.query<Array<{ level: number; descriptors: string[] }>>(
      `SELECT level, array_agg(text_vi ORDER BY position) AS descriptors FROM competency_descriptor WHERE competency_code = $1 GROUP BY level ORDER BY level`,
      [code],
    );
    return { ...row, levels };
  }
}
