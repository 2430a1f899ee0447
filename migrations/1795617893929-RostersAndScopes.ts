import { MigrationInterface, QueryRunner } from "typeorm";

export class RostersAndScopes1795617893929 implements MigrationInterface {
    name = 'RostersAndScopes1795617893929'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "parent_link" (
                "parent_id" uuid NOT NULL,
                "child_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_b450a4b798472c2da6a5bc28950" PRIMARY KEY ("parent_id", "child_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_parent_link_child" ON "parent_link" ("child_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "roster_import" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "unit_id" uuid NOT NULL,
                "kind" character varying(16) NOT NULL,
                "format" character varying(8) NOT NULL,
                "file_name" character varying(255) NOT NULL,
                "file_key" text NOT NULL,
                "file_size" integer NOT NULL,
                "file_sha256" character varying(64) NOT NULL,
                "status" character varying(16) NOT NULL DEFAULT 'queued',
                "total_rows" integer,
                "done_rows" integer NOT NULL DEFAULT '0',
                "created_count" integer NOT NULL DEFAULT '0',
                "updated_count" integer NOT NULL DEFAULT '0',
                "unchanged_count" integer NOT NULL DEFAULT '0',
                "parents_created_count" integer NOT NULL DEFAULT '0',
                "error_count" integer NOT NULL DEFAULT '0',
                "failure" jsonb,
                "report_key" text,
                "slips_key" text,
                "created_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "finished_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_45aa91a49477018ab4f4da7852d" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_roster_import_unit" ON "roster_import" ("unit_id", "created_at")
        `);
        await queryRunner.query(`
            ALTER TABLE "user_account"
            ADD "one_time_code_hash" text
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_role_assignment_unit" ON "role_assignment" ("unit_id")
        `);
        // Written by hand: imports update people by their code, and a role is held once per unit.
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_user_account_person_code" ON "user_account" ("person_code") WHERE "person_code" IS NOT NULL
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_role_assignment" ON "role_assignment" ("user_id", "role", "unit_id") NULLS NOT DISTINCT
        `);
        await queryRunner.query(`
            ALTER TABLE "parent_link"
            ADD CONSTRAINT "FK_a887507569f5d9b49dfca72d1f4" FOREIGN KEY ("parent_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "parent_link"
            ADD CONSTRAINT "FK_b1e48cfcfda93a89c41d6227e57" FOREIGN KEY ("child_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "parent_link" DROP CONSTRAINT "FK_b1e48cfcfda93a89c41d6227e57"
        `);
        await queryRunner.query(`
            ALTER TABLE "parent_link" DROP CONSTRAINT "FK_a887507569f5d9b49dfca72d1f4"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_role_assignment"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_user_account_person_code"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_role_assignment_unit"
        `);
        await queryRunner.query(`
            ALTER TABLE "user_account" DROP COLUMN "one_time_code_hash"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_roster_import_unit"
        `);
        await queryRunner.query(`
            DROP TABLE "roster_import"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_parent_link_child"
        `);
        await queryRunner.query(`
            DROP TABLE "parent_link"
        `);
    }

}
