import { MigrationInterface, QueryRunner } from "typeorm";

export class OrgTree1795615636908 implements MigrationInterface {
    name = 'OrgTree1795615636908'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "org_unit" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "type" character varying(16) NOT NULL,
                "name" character varying(200) NOT NULL,
                "code" character varying(64),
                "parent_id" uuid,
                "path" text NOT NULL,
                "commune_kind" character varying(16),
                "institution_kind" character varying(32),
                "ownership" character varying(16),
                "grade" smallint,
                "cohort" character varying(64),
                "archived_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_ba1c59043dc14bb66023c1d07c7" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_org_unit_parent" ON "org_unit" ("parent_id")
        `);
        // Written by hand: subtree queries are prefix scans on the materialised path.
        await queryRunner.query(`
            CREATE UNIQUE INDEX "ix_org_unit_path" ON "org_unit" ("path" text_pattern_ops)
        `);
        await queryRunner.query(`
            ALTER TABLE "org_unit"
            ADD CONSTRAINT "FK_b8e4301109a2850200ba2c7c512" FOREIGN KEY ("parent_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."ix_org_unit_path"
        `);
        await queryRunner.query(`
            ALTER TABLE "org_unit" DROP CONSTRAINT "FK_b8e4301109a2850200ba2c7c512"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_org_unit_parent"
        `);
        await queryRunner.query(`
            DROP TABLE "org_unit"
        `);
    }

}
