import { MigrationInterface, QueryRunner } from "typeorm";

// Written by hand (another migration was being written at the same time): media_asset, as
// libs/media/src/media-asset.entity.ts declares it, plus a partial index for the start-up re-enqueue.
export class Media1795630000000 implements MigrationInterface {
    name = 'Media1795630000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "media_asset" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "owner_user_id" uuid NOT NULL,
                "purpose" character varying(16) NOT NULL,
                "original_name" character varying(255) NOT NULL,
                "declared_size" bigint NOT NULL,
                "size" bigint,
                "content_type" character varying(255),
                "status" character varying(16) NOT NULL DEFAULT 'awaiting_upload',
                "progress_percent" smallint NOT NULL DEFAULT '0',
                "failure" jsonb,
                "attempts" integer NOT NULL DEFAULT '0',
                "source_key" text NOT NULL,
                "upload_id" text,
                "part_size" integer NOT NULL,
                "derived" jsonb,
                "sha256" character varying(64),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "processed_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_facd363e2bf84400ac44913a2f3" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_media_asset_owner" ON "media_asset" ("owner_user_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_media_asset_unfinished" ON "media_asset" ("updated_at") WHERE "status" IN ('uploaded', 'processing')
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."ix_media_asset_unfinished"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_media_asset_owner"
        `);
        await queryRunner.query(`
            DROP TABLE "media_asset"
        `);
    }
}
