import { MigrationInterface, QueryRunner } from "typeorm";

export class Identity1795613211042 implements MigrationInterface {
    name = 'Identity1795613211042'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "audit_event" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "action" character varying(64) NOT NULL,
                "user_id" uuid,
                "username" character varying(128),
                "ip" character varying(64),
                "request_id" character varying(128),
                "details" jsonb NOT NULL,
                CONSTRAINT "PK_481efbe8b0a403efe3f47a6528f" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_audit_event_user_at" ON "audit_event" ("user_id", "at")
        `);
        await queryRunner.query(`
            CREATE TABLE "user_account" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "username" character varying(64) NOT NULL,
                "display_name" character varying(200) NOT NULL,
                "email" character varying(254),
                "phone" character varying(32),
                "date_of_birth" date,
                "person_code" character varying(64),
                "status" character varying(16) NOT NULL DEFAULT 'active',
                "preferred_language" character varying(2) NOT NULL DEFAULT 'vi',
                "password_hash" text,
                "must_change_password" boolean NOT NULL DEFAULT false,
                "failed_login_count" integer NOT NULL DEFAULT '0',
                "locked_until" TIMESTAMP WITH TIME ZONE,
                "last_login_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_6acfec7285fdf9f463462de3e9f" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "refresh_token" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "family_id" uuid NOT NULL,
                "token_hash" character(64) NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "replaced_at" TIMESTAMP WITH TIME ZONE,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_b575dd3c21fb0831013c909e7fe" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_refresh_token_hash" ON "refresh_token" ("token_hash")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_refresh_token_user" ON "refresh_token" ("user_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_refresh_token_family" ON "refresh_token" ("family_id")
        `);
        // Usernames are unique whatever their case (written by hand: TypeORM cannot express an
        // index on an expression); login looks accounts up by lower(username) through it.
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_user_account_username" ON "user_account" (lower("username"))
        `);
        await queryRunner.query(`
            CREATE TABLE "role_assignment" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "role" character varying(32) NOT NULL,
                "unit_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_7e79671a8a5db18936173148cb4" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_role_assignment_user" ON "role_assignment" ("user_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "refresh_token"
            ADD CONSTRAINT "FK_6bbe63d2fe75e7f0ba1710351d4" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "role_assignment"
            ADD CONSTRAINT "FK_0308896e1a10f74ce104f6cc93f" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "role_assignment" DROP CONSTRAINT "FK_0308896e1a10f74ce104f6cc93f"
        `);
        await queryRunner.query(`
            ALTER TABLE "refresh_token" DROP CONSTRAINT "FK_6bbe63d2fe75e7f0ba1710351d4"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_role_assignment_user"
        `);
        await queryRunner.query(`
            DROP TABLE "role_assignment"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_refresh_token_family"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_refresh_token_user"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_refresh_token_hash"
        `);
        await queryRunner.query(`
            DROP TABLE "refresh_token"
        `);
        await queryRunner.query(`
            DROP INDEX "uq_user_account_username"
        `);
        await queryRunner.query(`
            DROP TABLE "user_account"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_audit_event_user_at"
        `);
        await queryRunner.query(`
            DROP TABLE "audit_event"
        `);
    }

}
