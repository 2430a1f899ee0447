/**
 * GENERATED FILE — do not edit by hand.
 * Tệp sinh tự động — không sửa tay.
 *
 * Source: open-api/lms.json. Regenerate with `npm run openapi:client`.
 */

export interface paths {
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Đăng nhập / Sign in with username and password */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Đăng xuất / End the session of this refresh token */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exchange a refresh token for new tokens (the refresh token rotates) */
        post: operations["refreshTokens"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/web/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Đăng nhập trên web / Sign in from the web app (cookie session) */
        post: operations["webLogin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/web/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Đăng xuất trên web / End the web session */
        post: operations["webLogout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/web/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Renew the web session (rotates the refresh cookie) */
        post: operations["webRefresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/client-errors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Report an error that happened in the web app */
        post: operations["reportClientError"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in account with its role assignments */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/children": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Con của tôi / A parent’s linked children */
        get: operations["listMyChildren"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Đổi mật khẩu / Change my password (ends every other session) */
        post: operations["changeMyPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/meta": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Product name, version and languages, for the web app */
        get: operations["getMeta"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Đơn vị trực thuộc / Children of a unit, or the roots */
        get: operations["listOrgUnits"];
        put?: never;
        /** Tạo đơn vị / Create a department, commune, institution or class */
        post: operations["createOrgUnit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/units/{unitId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One unit of the organisation tree */
        get: operations["getOrgUnit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename and/or move a unit (everything beneath moves with it) */
        patch: operations["updateOrgUnit"];
        trace?: never;
    };
    "/api/v1/org/units/{unitId}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Lưu trữ đơn vị / Archive a unit and its subtree */
        post: operations["archiveOrgUnit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/units/{unitId}/roster-imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Các lần nhập danh sách của một trường / Roster imports of an institution, newest first */
        get: operations["listRosterImports"];
        put?: never;
        /**
         * Nhập danh sách / Upload a roster file (CSV UTF-8 or XLSX) of an institution; it is imported by a background job
         * @description The raw request body is the file. Progress: GET /roster-imports/{importId}.
         */
        post: operations["startRosterImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/units/{unitId}/subtree": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every unit beneath a unit (one indexed query) */
        get: operations["getOrgSubtree"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registration": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether self-registration is open */
        get: operations["getRegistrationInfo"];
        put?: never;
        /** Đăng ký tài khoản / Register as a parent or community learner */
        post: operations["register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registration/{userId}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Duyệt đăng ký / Accept a pending registration */
        post: operations["approveRegistration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registration/{userId}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Từ chối đăng ký / Reject a pending registration (the account is removed) */
        post: operations["rejectRegistration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registration/institutions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Institutions to choose when registering (only while registration is open) */
        get: operations["listRegistrationInstitutions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/roster-imports/{importId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tiến độ nhập / One import: status, rows done of total, counts, errors */
        get: operations["getRosterImport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/roster-imports/{importId}/error-report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Báo cáo lỗi / The per-row error report (CSV, UTF-8 with BOM) */
        get: operations["getRosterErrorReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/roster-imports/{importId}/slips": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Phiếu tài khoản / Account slips (PDF) of the accounts the import created, one page per class */
        get: operations["getRosterSlips"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/roster-templates/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tệp mẫu / A roster template to fill in (students or staff; XLSX or CSV) */
        get: operations["getRosterTemplate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/storage/objects/{path}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Tải tệp qua đường dẫn đã ký / Download an object through a signed URL
         * @description Honours `Range: bytes=a-b` (206 with Content-Range, 416 when unsatisfiable).
         */
        get: operations["getStorageObject"];
        /**
         * Tải tệp lên qua đường dẫn đã ký / Upload an object or a multipart part through a signed URL
         * @description The raw request body is the object (any Content-Type). With `uploadId` and `partNumber` it is one part.
         */
        put: operations["putStorageObject"];
        post?: never;
        delete?: never;
        options?: never;
        /** Thông tin tệp qua đường dẫn đã ký / Object headers through a signed GET URL */
        head: operations["headStorageObject"];
        patch?: never;
        trace?: never;
    };
    "/api/v1/system/info": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Installation details for administrators */
        get: operations["getSystemInfo"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tài khoản trong phạm vi / Accounts within the caller’s reach, filtered and paged */
        get: operations["listUsers"];
        put?: never;
        /** Tạo tài khoản / Create an account with its roles; answers its one-time code */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One account with roles, parents and children */
        get: operations["getUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Sửa thông tin, khoá hoặc mở tài khoản / Edit, disable or re-enable an account */
        patch: operations["updateUser"];
        trace?: never;
    };
    "/api/v1/users/{userId}/children": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Liên kết phụ huynh với học sinh / Link a parent to a child */
        post: operations["linkChild"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{userId}/children/{childId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Bỏ liên kết phụ huynh / Unlink a parent from a child */
        delete: operations["unlinkChild"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{userId}/one-time-code": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cấp lại mã đăng nhập / Replace the password with a new one-time code (ends every session) */
        post: operations["resetUserCode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{userId}/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Gán vai trò / Grant a role on a unit */
        post: operations["grantUserRole"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{userId}/roles/{assignmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Bỏ vai trò / Remove a role assignment */
        delete: operations["revokeUserRole"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers */
        get: operations["getHealthLive"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: database, Redis and storage answer */
        get: operations["getHealthReady"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AcceptedDto: {
            /** @example true */
            accepted: boolean;
            requestId: string;
        };
        ChangePasswordDto: {
            /** Format: password */
            currentPassword: string;
            /** Format: password */
            newPassword: string;
        };
        ChildClassDto: {
            /** Format: uuid */
            id: string;
            institution: string | null;
            name: string;
        };
        ClientErrorReportDto: {
            /** @enum {string} */
            language?: "vi" | "en";
            message: string;
            stack?: string;
            url?: string;
        };
        CreatedPersonDto: {
            /**
             * @description One-time sign-in code, shown only now: hand it to the person
             * @example 7KQ2-M9XD-4TRA
             */
            oneTimeCode: string;
            person: components["schemas"]["PersonDto"];
        };
        CreateOrgUnitDto: {
            code?: string;
            /** @example K67 */
            cohort?: string;
            /** @enum {string} */
            communeKind?: "xa" | "phuong" | "dac_khu";
            grade?: number;
            /** @enum {string} */
            institutionKind?: "preschool" | "primary" | "lower_secondary" | "upper_secondary" | "continuing_education" | "vocational" | "college" | "university";
            /** @example Trường Tiểu học Lê Văn Tám */
            name: string;
            /** @enum {string} */
            ownership?: "public" | "private";
            /** Format: uuid */
            parentId?: string;
            /** @enum {string} */
            type: "department" | "commune" | "institution" | "class";
        };
        CreatePersonDto: {
            /** Format: date */
            dateOfBirth?: string | null;
            /** @example Nguyễn Văn An */
            displayName: string;
            email?: string | null;
            /** @description Student code (mã định danh) or staff code */
            personCode?: string | null;
            /** @example 0912345678 */
            phone?: string | null;
            roles: components["schemas"]["RoleGrantDto"][];
            /**
             * @description Letters, digits, dot, dash, underscore
             * @example nguyenvanan
             */
            username: string;
        };
        LinkChildDto: {
            /** Format: uuid */
            childId: string;
        };
        LoginDto: {
            /** Format: password */
            password: string;
            /** @example quantri */
            username: string;
        };
        MetaDto: {
            /** @enum {string} */
            defaultLanguage: "vi" | "en";
            languages: ("vi" | "en")[];
            /** @example Bình dân học vụ số — Hải Phòng */
            name: string;
            /** @example 0.1.0 */
            version: string;
        };
        MyChildDto: {
            classes: components["schemas"]["ChildClassDto"][];
            displayName: string;
            /** Format: uuid */
            id: string;
            username: string;
        };
        MyChildrenDto: {
            items: components["schemas"]["MyChildDto"][];
        };
        OneTimeCodeDto: {
            /** @example 7KQ2-M9XD-4TRA */
            oneTimeCode: string;
        };
        OrgUnitDto: {
            /** @description Ids from the root down to the parent */
            ancestorIds: string[];
            /** Format: date-time */
            archivedAt: string | null;
            code: string | null;
            cohort: string | null;
            /** @enum {string|null} */
            communeKind: "xa" | "phuong" | "dac_khu" | null;
            depth: number;
            grade: number | null;
            /** Format: uuid */
            id: string;
            /** @enum {string|null} */
            institutionKind: "preschool" | "primary" | "lower_secondary" | "upper_secondary" | "continuing_education" | "vocational" | "college" | "university" | null;
            name: string;
            /** @enum {string|null} */
            ownership: "public" | "private" | null;
            /** Format: uuid */
            parentId: string | null;
            /** @enum {string} */
            type: "department" | "commune" | "institution" | "class";
        };
        OrgUnitListDto: {
            items: components["schemas"]["OrgUnitDto"][];
        };
        PersonDto: {
            children: components["schemas"]["PersonLinkDto"][];
            /** Format: date-time */
            createdAt: string;
            /** Format: date */
            dateOfBirth: string | null;
            displayName: string;
            email: string | null;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            lastLoginAt: string | null;
            mustChangePassword: boolean;
            parents: components["schemas"]["PersonLinkDto"][];
            personCode: string | null;
            phone: string | null;
            roles: components["schemas"]["PersonRoleDto"][];
            /** @enum {string} */
            status: "active" | "locked" | "disabled" | "pending";
            username: string;
        };
        PersonLinkDto: {
            displayName: string;
            /** Format: uuid */
            id: string;
            phone?: string | null;
        };
        PersonPageDto: {
            items: components["schemas"]["PersonSummaryDto"][];
            page: number;
            pageSize: number;
            total: number;
        };
        PersonRoleDto: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            role: "administrator" | "department_manager" | "commune_officer" | "institution_manager" | "teacher" | "author" | "student" | "parent" | "learner";
            /** Format: uuid */
            unitId: string | null;
            unitName: string | null;
            /** @enum {string|null} */
            unitType: "department" | "commune" | "institution" | "class" | null;
        };
        PersonSummaryDto: {
            displayName: string;
            /** Format: uuid */
            id: string;
            mustChangePassword: boolean;
            personCode: string | null;
            roles: components["schemas"]["PersonRoleDto"][];
            /** @enum {string} */
            status: "active" | "locked" | "disabled" | "pending";
            username: string;
        };
        ProfileDto: {
            displayName: string;
            email: string | null;
            /** Format: uuid */
            id: string;
            mustChangePassword: boolean;
            /**
             * @description What the roles allow (navigation only: every request is checked by the api)
             * @example [
             *       "profile.read",
             *       "profile.update",
             *       "user.read"
             *     ]
             */
            permissions: string[];
            phone: string | null;
            /** @enum {string} */
            preferredLanguage: "vi" | "en";
            roles: components["schemas"]["RoleAssignmentDto"][];
            /** @enum {string} */
            status: "active" | "locked" | "disabled" | "pending";
            username: string;
        };
        RefreshDto: {
            refreshToken: string;
        };
        RegisterDto: {
            displayName: string;
            email?: string | null;
            /** Format: uuid */
            institutionId: string;
            /**
             * @description Phụ huynh (parent) or người dân (community learner)
             * @enum {string}
             */
            kind: "parent" | "learner";
            /** Format: password */
            password: string;
            phone?: string | null;
            username: string;
        };
        RegisteredDto: {
            /**
             * @description pending: the school must approve before the account can sign in
             * @enum {string}
             */
            status: "active" | "pending";
        };
        RegistrationInfoDto: {
            /**
             * @description off: no self-registration; approval: a school manager accepts each one
             * @enum {string}
             */
            mode: "off" | "open" | "approval";
        };
        RegistrationInstitutionDto: {
            commune: string | null;
            /** Format: uuid */
            id: string;
            name: string;
        };
        RegistrationInstitutionListDto: {
            items: components["schemas"]["RegistrationInstitutionDto"][];
        };
        RoleAssignmentDto: {
            /** @enum {string} */
            role: "administrator" | "department_manager" | "commune_officer" | "institution_manager" | "teacher" | "author" | "student" | "parent" | "learner";
            /** Format: uuid */
            unitId: string | null;
        };
        RoleGrantDto: {
            /** @enum {string} */
            role: "administrator" | "department_manager" | "commune_officer" | "institution_manager" | "teacher" | "author" | "student" | "parent" | "learner";
            /**
             * Format: uuid
             * @description The unit the role is held on; null: installation-wide (administrators only)
             */
            unitId: string | null;
        };
        RosterFailureDto: {
            /** @example ROSTER_ROW_ERRORS */
            code: string;
            en: string;
            /** @description The first row errors; the report has them all */
            sample: components["schemas"]["RosterRowErrorDto"][];
            vi: string;
        };
        RosterImportDto: {
            /** Format: date-time */
            createdAt: string;
            createdCount: number;
            /** @description Rows read (status reading) or written (status importing) */
            doneRows: number;
            errorCount: number;
            failure: components["schemas"]["RosterFailureDto"] | null;
            fileName: string;
            fileSize: number;
            /** Format: date-time */
            finishedAt: string | null;
            /** @enum {string} */
            format: "csv" | "xlsx";
            /** @description A per-row error report can be downloaded */
            hasErrorReport: boolean;
            /** @description Account slips of the new accounts can be printed */
            hasSlips: boolean;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "students" | "staff";
            parentsCreatedCount: number;
            /** @enum {string} */
            status: "queued" | "reading" | "importing" | "completed" | "failed";
            /** @description Rows in the file, once it has been read */
            totalRows: number | null;
            unchangedCount: number;
            /** Format: uuid */
            unitId: string;
            updatedCount: number;
        };
        RosterImportListDto: {
            items: components["schemas"]["RosterImportDto"][];
        };
        RosterRowErrorDto: {
            /** @example INVALID_DATE */
            code: string;
            column: string | null;
            en: string;
            /** @description Row number as in the spreadsheet (the header is row 1) */
            row: number;
            vi: string;
        };
        SystemInfoDto: {
            appliedMigrations: string[];
            databaseVersion: string;
            /** Format: uuid */
            installationId: string;
            /** @enum {string} */
            jobsDriver: "bullmq" | "inline";
            redisConfigured: boolean;
            /** @enum {string} */
            storageDriver: "fs" | "s3";
            version: string;
        };
        TokensDto: {
            /** @description JWT for `Authorization: Bearer …` */
            accessToken: string;
            /** @description Access token lifetime in seconds */
            expiresIn: number;
            /** @description The account must choose a new password before anything else */
            mustChangePassword: boolean;
            /** @description Opaque; exchange it at /auth/refresh (it rotates) */
            refreshToken: string;
            /** @enum {string} */
            tokenType: "Bearer";
        };
        UpdateOrgUnitDto: {
            name?: string;
            /**
             * Format: uuid
             * @description Move the unit (and everything beneath) under this parent; null makes it a root (departments only)
             */
            parentId?: string | null;
        };
        UpdatePersonDto: {
            /** Format: date */
            dateOfBirth?: string | null;
            displayName?: string;
            email?: string | null;
            personCode?: string | null;
            phone?: string | null;
            /**
             * @description active also unlocks a locked account
             * @enum {string}
             */
            status?: "active" | "disabled";
        };
        WebSessionDto: {
            /** @description Also in the readable lms_csrf cookie; send it as X-CSRF-Token on unsafe requests */
            csrfToken: string;
            /** @description Access token lifetime in seconds */
            expiresIn: number;
            mustChangePassword: boolean;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokensDto"];
                };
            };
            /** @description AUTH_INVALID_CREDENTIALS (one answer for unknown users and wrong passwords) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshDto"];
            };
        };
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    refreshTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokensDto"];
                };
            };
            /** @description AUTH_REFRESH_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webLogin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebSessionDto"];
                };
            };
            /** @description AUTH_INVALID_CREDENTIALS */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webLogout: {
        parameters: {
            query?: never;
            header: {
                "x-csrf-token": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webRefresh: {
        parameters: {
            query?: never;
            header: {
                "x-csrf-token": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebSessionDto"];
                };
            };
            /** @description AUTH_REFRESH_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    reportClientError: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClientErrorReportDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcceptedDto"];
                };
            };
            /** @description VALIDATION_FAILED, MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProfileDto"];
                };
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listMyChildren: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyChildrenDto"];
                };
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    changeMyPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordDto"];
            };
        };
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description PASSWORD_POLICY */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getMeta: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MetaDto"];
                };
            };
        };
    };
    listOrgUnits: {
        parameters: {
            query?: {
                includeArchived?: boolean;
                /** @description Children of this unit; without it, the roots */
                parentId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrgUnitListDto"];
                };
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    createOrgUnit: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateOrgUnitDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrgUnitDto"];
                };
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description ORG_INVALID_PARENT, ORG_INVALID_UNIT */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getOrgUnit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                unitId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrgUnitDto"];
                };
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description ORG_UNIT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    updateOrgUnit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                unitId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateOrgUnitDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrgUnitDto"];
                };
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description ORG_INVALID_PARENT */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    archiveOrgUnit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                unitId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrgUnitDto"];
                };
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listRosterImports: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                unitId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RosterImportListDto"];
                };
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    startRosterImport: {
        parameters: {
            query: {
                /** @description The file’s name as the user chose it */
                fileName?: string;
                /** @description Học sinh (students) or cán bộ, giáo viên (staff) */
                kind: "students" | "staff";
            };
            header?: never;
            path: {
                unitId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/octet-stream": string;
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                "text/csv": string;
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RosterImportDto"];
                };
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description ORG_UNIT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getOrgSubtree: {
        parameters: {
            query?: {
                includeArchived?: boolean;
                type?: "department" | "commune" | "institution" | "class";
            };
            header?: never;
            path: {
                unitId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrgUnitListDto"];
                };
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getRegistrationInfo: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationInfoDto"];
                };
            };
        };
    };
    register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegisteredDto"];
                };
            };
            /** @description REGISTRATION_CLOSED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description USERNAME_TAKEN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    approveRegistration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    rejectRegistration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listRegistrationInstitutions: {
        parameters: {
            query?: {
                /** @description Part of the name, with or without diacritics */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationInstitutionListDto"];
                };
            };
            /** @description REGISTRATION_CLOSED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getRosterImport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                importId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RosterImportDto"];
                };
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description ROSTER_IMPORT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getRosterErrorReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                importId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV: row, column, code, reason (vi), reason (en) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getRosterSlips: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                importId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description PDF */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description ROSTER_IMPORT_NOT_FOUND, ROSTER_NO_SLIPS */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getRosterTemplate: {
        parameters: {
            query?: {
                format?: "csv" | "xlsx";
            };
            header?: never;
            path: {
                kind: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The template file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getStorageObject: {
        parameters: {
            query: {
                contentType?: unknown;
                disposition?: "inline" | "attachment";
                /** @description Unix time (s) after which the URL is refused */
                expires: number;
                /** @description Download name (UTF-8), sent as RFC 5987 filename* */
                filename?: unknown;
                /** @description Hex HMAC-SHA256 over method, key, expiry and every other parameter */
                sig: unknown;
            };
            header?: {
                /** @description bytes=start-end */
                Range?: string;
            };
            path: {
                /** @description Object key, each segment URL-encoded (`a/b%20c.mp4`). */
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The object bytes */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description Part of the object (Range) */
            206: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description STORAGE_KEY_INVALID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description STORAGE_SIGNATURE_INVALID or STORAGE_SIGNATURE_EXPIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description STORAGE_OBJECT_NOT_FOUND (also every request while the s3 driver is active) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description STORAGE_RANGE_NOT_SATISFIABLE */
            416: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    putStorageObject: {
        parameters: {
            query: {
                /** @description Content type fixed at signing time */
                contentType?: unknown;
                /** @description Unix time (s) after which the URL is refused */
                expires: number;
                partNumber?: number;
                /** @description Hex HMAC-SHA256 over method, key, expiry and every other parameter */
                sig: unknown;
                uploadId?: unknown;
            };
            header?: never;
            path: {
                /** @description Object key, each segment URL-encoded (`a/b%20c.mp4`). */
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Stored; the ETag header carries the md5 of the bytes */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description STORAGE_KEY_INVALID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description STORAGE_SIGNATURE_INVALID or STORAGE_SIGNATURE_EXPIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description STORAGE_OBJECT_NOT_FOUND (also every request while the s3 driver is active) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    headStorageObject: {
        parameters: {
            query: {
                /** @description Unix time (s) after which the URL is refused */
                expires: number;
                /** @description Hex HMAC-SHA256 over method, key, expiry and every other parameter */
                sig: unknown;
            };
            header?: never;
            path: {
                /** @description Object key, each segment URL-encoded (`a/b%20c.mp4`). */
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Headers only: Content-Length, Content-Type, ETag, Accept-Ranges */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description STORAGE_KEY_INVALID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description STORAGE_SIGNATURE_INVALID or STORAGE_SIGNATURE_EXPIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description STORAGE_OBJECT_NOT_FOUND (also every request while the s3 driver is active) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getSystemInfo: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SystemInfoDto"];
                };
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listUsers: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                /** @description Part of the name, username or code */
                q?: string;
                role?: "administrator" | "department_manager" | "commune_officer" | "institution_manager" | "teacher" | "author" | "student" | "parent" | "learner";
                status?: "active" | "locked" | "disabled" | "pending";
                /** @description Only people holding a role in this unit’s subtree */
                unitId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonPageDto"];
                };
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePersonDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedPersonDto"];
                };
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description USERNAME_TAKEN, PERSON_CODE_TAKEN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description ROLE_NOT_GRANTABLE */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonDto"];
                };
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description USER_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    updateUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdatePersonDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonDto"];
                };
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    linkChild: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LinkChildDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonDto"];
                };
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    unlinkChild: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                childId: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonDto"];
                };
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    resetUserCode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OneTimeCodeDto"];
                };
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    grantUserRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RoleGrantDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonDto"];
                };
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description ROLE_NOT_GRANTABLE */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    revokeUserRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                assignmentId: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonDto"];
                };
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getHealthLive: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process is up */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example ok */
                        status: string;
                    };
                };
            };
        };
    };
    getHealthReady: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Health Check is successful */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @example {
                         *       "database": {
                         *         "responseTime": 12,
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        };
                        /** @example {} */
                        error?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "responseTime": 12,
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example ok
                         * @enum {string}
                         */
                        status?: "ok" | "degraded";
                    };
                };
            };
            /**
             * @description A dependency is down or the process is shutting down
             *
             *     The Health Check is not successful
             */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @example {
                         *       "database": {
                         *         "responseTime": 12,
                         *         "status": "up"
                         *       },
                         *       "redis": {
                         *         "message": "Could not connect",
                         *         "responseTime": 3005,
                         *         "status": "down"
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        };
                        /**
                         * @example {
                         *       "redis": {
                         *         "message": "Could not connect",
                         *         "responseTime": 3005,
                         *         "status": "down"
                         *       }
                         *     }
                         */
                        error?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "responseTime": 12,
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example error
                         * @enum {string}
                         */
                        status?: "error" | "shutting_down";
                    };
                };
            };
        };
    };
}
