import { MigrationInterface, QueryRunner } from "typeorm";
import { TT02_2025 } from "../libs/competency/src/tt02-2025.data";

export class CoursesAndCompetency1795619731131 implements MigrationInterface {
    name = 'CoursesAndCompetency1795619731131'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "competency_level" (
                "id" smallint NOT NULL,
                "tier" character varying(4) NOT NULL,
                "short_code" character varying(8) NOT NULL,
                "name_vi" character varying(64) NOT NULL,
                "tier_name_vi" character varying(64) NOT NULL,
                "tier_name_en" character varying(64) NOT NULL,
                "grades" smallint array NOT NULL,
                CONSTRAINT "PK_93d467fe1fd912cecd2d5f40c44" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "competency_domain" (
                "code" character varying(4) NOT NULL,
                "name_vi" character varying(200) NOT NULL,
                "name_en" character varying(200) NOT NULL,
                "position" smallint NOT NULL,
                CONSTRAINT "PK_3d183b6c658cb8bb92b6f883dd6" PRIMARY KEY ("code")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "competency" (
                "code" character varying(8) NOT NULL,
                "domain_code" character varying(4) NOT NULL,
                "name_vi" character varying(300) NOT NULL,
                "name_en" character varying(300) NOT NULL,
                "description_vi" text,
                "position" smallint NOT NULL,
                "band_levels" jsonb NOT NULL,
                CONSTRAINT "PK_6fe8f8fb489d35f8cf5ed738d72" PRIMARY KEY ("code")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_competency_domain" ON "competency" ("domain_code")
        `);
        await queryRunner.query(`
            CREATE TABLE "competency_descriptor" (
                "competency_code" character varying(8) NOT NULL,
                "level" smallint NOT NULL,
                "position" smallint NOT NULL,
                "text_vi" text NOT NULL,
                CONSTRAINT "PK_0f7e7d9e26022dfb773b1c8b3c9" PRIMARY KEY ("competency_code", "level", "position")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "course" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "title_vi" character varying(200) NOT NULL,
                "title_en" character varying(200),
                "summary_vi" text NOT NULL,
                "summary_en" text,
                "audiences" character varying(16) array NOT NULL,
                "grade_min" smallint,
                "grade_max" smallint,
                "estimated_minutes" integer,
                "cover_asset_id" uuid,
                "owner_unit_id" uuid,
                "licence" character varying(64) NOT NULL,
                "status" character varying(16) NOT NULL,
                "published_revision_id" uuid,
                "published_at" TIMESTAMP WITH TIME ZONE,
                "created_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_bf95180dd756fd204fb01ce4916" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_course_owner_unit" ON "course" ("owner_unit_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "course_section" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "course_id" uuid NOT NULL,
                "position" integer NOT NULL,
                "title_vi" character varying(200) NOT NULL,
                "title_en" character varying(200),
                CONSTRAINT "PK_0881e971db0ee457d3a988e92b8" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_course_section_course" ON "course_section" ("course_id", "position")
        `);
        await queryRunner.query(`
            CREATE TABLE "lesson" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "course_id" uuid NOT NULL,
                "section_id" uuid NOT NULL,
                "position" integer NOT NULL,
                "kind" character varying(16) NOT NULL,
                "title_vi" character varying(200) NOT NULL,
                "title_en" character varying(200),
                "required" boolean NOT NULL,
                "estimated_minutes" integer,
                "content" jsonb NOT NULL,
                "body_html" text,
                "competencies" jsonb NOT NULL,
                CONSTRAINT "PK_0ef25918f0237e68696dee455bd" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_lesson_course" ON "lesson" ("course_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_lesson_section" ON "lesson" ("section_id", "position")
        `);
        await queryRunner.query(`
            CREATE TABLE "course_revision" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "course_id" uuid NOT NULL,
                "number" integer NOT NULL,
                "snapshot" jsonb NOT NULL,
                "published_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_52b34cc405ccbeb90eb9f7700a7" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_course_revision_number" ON "course_revision" ("course_id", "number")
        `);
        await queryRunner.query(`
            CREATE TABLE "course_collaborator" (
                "course_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "role" character varying(16) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_46d13a74c783415f0ee1a0c8d72" PRIMARY KEY ("course_id", "user_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_course_collaborator_user" ON "course_collaborator" ("user_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "course_catalog_entry" (
                "course_id" uuid NOT NULL,
                "revision_id" uuid NOT NULL,
                "title_vi" character varying(200) NOT NULL,
                "title_en" character varying(200),
                "summary_vi" text NOT NULL,
                "summary_en" text,
                "audiences" character varying(16) array NOT NULL,
                "grade_min" smallint,
                "grade_max" smallint,
                "estimated_minutes" integer,
                "cover_asset_id" uuid,
                "owner_unit_id" uuid,
                "owner_unit_path" text,
                "competency_codes" character varying(8) array NOT NULL,
                "competency_levels" character varying(12) array NOT NULL,
                "lesson_count" integer NOT NULL,
                "search_text" text NOT NULL,
                "search" tsvector,
                "published_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_300639002a5b22fbaa681f2c963" PRIMARY KEY ("course_id")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "competency"
            ADD CONSTRAINT "FK_3d183b6c658cb8bb92b6f883dd6" FOREIGN KEY ("domain_code") REFERENCES "competency_domain"("code") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "competency_descriptor"
            ADD CONSTRAINT "FK_a7ac85876ea320f6eabb1c55cd8" FOREIGN KEY ("competency_code") REFERENCES "competency"("code") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "course"
            ADD CONSTRAINT "FK_872ddbaf3095b209bbf612c4c3d" FOREIGN KEY ("owner_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "course_section"
            ADD CONSTRAINT "FK_96e2b12714357c99e42ca45be9c" FOREIGN KEY ("course_id") REFERENCES "course"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "lesson"
            ADD CONSTRAINT "FK_5b2678a83db14ed1bfe89de5774" FOREIGN KEY ("course_id") REFERENCES "course"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "lesson"
            ADD CONSTRAINT "FK_a83099885c0ef3112edb9e12fd6" FOREIGN KEY ("section_id") REFERENCES "course_section"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "course_revision"
            ADD CONSTRAINT "FK_948d824ac9f5c9362edfe9143db" FOREIGN KEY ("course_id") REFERENCES "course"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "course_collaborator"
            ADD CONSTRAINT "FK_51b4c6c015a5bf2e4e669af1185" FOREIGN KEY ("course_id") REFERENCES "course"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "course_collaborator"
            ADD CONSTRAINT "FK_b7c43e83da7779d8f637ffcf041" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "course_catalog_entry"
            ADD CONSTRAINT "FK_300639002a5b22fbaa681f2c963" FOREIGN KEY ("course_id") REFERENCES "course"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        // Written by hand: the catalogue's search vector and array filters are GIN-indexed.
        await queryRunner.query(`
            CREATE INDEX "ix_course_catalog_search" ON "course_catalog_entry" USING gin ("search")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_course_catalog_filters" ON "course_catalog_entry" USING gin ("audiences", "competency_levels", "competency_codes")
        `);
        // The framework of TT 02/2025 (and CV 3456's grade bands), so that it can be queried.
        for (const level of TT02_2025.levels) {
            await queryRunner.query(
                `INSERT INTO "competency_level" ("id", "tier", "short_code", "name_vi", "tier_name_vi", "tier_name_en", "grades") VALUES ($1, $2, $3, $4, $5, $6, $7)`,
                [level.id, level.tier, level.shortCode, level.nameVi, level.tierNameVi, level.tierNameEn, [...level.grades]],
            );
        }
        for (const domain of TT02_2025.domains) {
            await queryRunner.query(`INSERT INTO "competency_domain" ("code", "name_vi", "name_en", "position") VALUES ($1, $2, $3, $4)`, [domain.code, domain.nameVi, domain.nameEn, domain.position]);
            for (const c of domain.competencies) {
                await queryRunner.query(
                    `INSERT INTO "competency" ("code", "domain_code", "name_vi", "name_en", "description_vi", "position", "band_levels") VALUES ($1, $2, $3, $4, $5, $6, $7)`,
                    [c.code, domain.code, c.nameVi, c.nameEn, c.descriptionVi, c.position, JSON.stringify(c.bandLevels)],
                );
                for (const [level, statements] of Object.entries(c.descriptors)) {
                    for (const [k, text] of statements.entries()) {
                        await queryRunner.query(`INSERT INTO "competency_descriptor" ("competency_code", "level", "position", "text_vi") VALUES ($1, $2, $3, $4)`, [c.code, Number(level), k + 1, text]);
                    }
                }
            }
        }
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."ix_course_catalog_filters"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_course_catalog_search"
        `);
        await queryRunner.query(`
            ALTER TABLE "course_catalog_entry" DROP CONSTRAINT "FK_300639002a5b22fbaa681f2c963"
        `);
        await queryRunner.query(`
            ALTER TABLE "course_collaborator" DROP CONSTRAINT "FK_b7c43e83da7779d8f637ffcf041"
        `);
        await queryRunner.query(`
            ALTER TABLE "course_collaborator" DROP CONSTRAINT "FK_51b4c6c015a5bf2e4e669af1185"
        `);
        await queryRunner.query(`
            ALTER TABLE "course_revision" DROP CONSTRAINT "FK_948d824ac9f5c9362edfe9143db"
        `);
        await queryRunner.query(`
            ALTER TABLE "lesson" DROP CONSTRAINT "FK_a83099885c0ef3112edb9e12fd6"
        `);
        await queryRunner.query(`
            ALTER TABLE "lesson" DROP CONSTRAINT "FK_5b2678a83db14ed1bfe89de5774"
        `);
        await queryRunner.query(`
            ALTER TABLE "course_section" DROP CONSTRAINT "FK_96e2b12714357c99e42ca45be9c"
        `);
        await queryRunner.query(`
            ALTER TABLE "course" DROP CONSTRAINT "FK_872ddbaf3095b209bbf612c4c3d"
        `);
        await queryRunner.query(`
            ALTER TABLE "competency_descriptor" DROP CONSTRAINT "FK_a7ac85876ea320f6eabb1c55cd8"
        `);
        await queryRunner.query(`
            ALTER TABLE "competency" DROP CONSTRAINT "FK_3d183b6c658cb8bb92b6f883dd6"
        `);
        await queryRunner.query(`
            DROP TABLE "course_catalog_entry"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_course_collaborator_user"
        `);
        await queryRunner.query(`
            DROP TABLE "course_collaborator"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_course_revision_number"
        `);
        await queryRunner.query(`
            DROP TABLE "course_revision"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_lesson_section"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_lesson_course"
        `);
        await queryRunner.query(`
            DROP TABLE "lesson"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_course_section_course"
        `);
        await queryRunner.query(`
            DROP TABLE "course_section"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_course_owner_unit"
        `);
        await queryRunner.query(`
            DROP TABLE "course"
        `);
        await queryRunner.query(`
            DROP TABLE "competency_descriptor"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_competency_domain"
        `);
        await queryRunner.query(`
            DROP TABLE "competency"
        `);
        await queryRunner.query(`
            DROP TABLE "competency_domain"
        `);
        await queryRunner.query(`
            DROP TABLE "competency_level"
        `);
    }

}
