import { MigrationInterface, QueryRunner } from "typeorm";

export class InitialSchema1795609360886 implements MigrationInterface {
    name = 'InitialSchema1795609360886'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "system_setting" (
                "key" character varying(128) NOT NULL,
                "value" jsonb NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_c6ce0e35b3c0d67dca93523ba1b" PRIMARY KEY ("key")
            )
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP TABLE "system_setting"
        `);
    }

}
