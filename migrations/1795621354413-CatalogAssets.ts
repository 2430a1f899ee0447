import { MigrationInterface, QueryRunner } from "typeorm";

export class CatalogAssets1795621354413 implements MigrationInterface {
    name = 'CatalogAssets1795621354413'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "course_catalog_entry"
            ADD "asset_ids" uuid array NOT NULL DEFAULT '{}'
        `);
        // Entries published before this column existed get an empty list (republishing fills it).
        await queryRunner.query(`
            ALTER TABLE "course_catalog_entry" ALTER COLUMN "asset_ids" DROP DEFAULT
        `);
        // Written by hand: "which published course uses this asset" is an array overlap.
        await queryRunner.query(`
            CREATE INDEX "ix_course_catalog_assets" ON "course_catalog_entry" USING gin ("asset_ids")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."ix_course_catalog_assets"
        `);
        await queryRunner.query(`
            ALTER TABLE "course_catalog_entry" DROP COLUMN "asset_ids"
        `);
    }

}
