/**
 * GENERATED FILE — do not edit by hand.
 * Tệp sinh tự động — không sửa tay.
 *
 * Source: open-api/lms.json. Regenerate with `npm run openapi:client`.
 */

export interface paths {
    "/api/v1/assignments/{assignmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Thu hồi việc giao / Revoke an assignment (kept in history; progress stays) */
        delete: operations["revokeAssignment"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
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
    "/api/v1/catalog/courses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tìm khoá học / Search published courses (with or without diacritics), filter, page */
        get: operations["searchCatalog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalog/courses/{courseId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A published course’s outline (its live revision) */
        get: operations["getPublishedCourse"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalog/courses/{courseId}/lessons/{lessonId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Mở bài học / A lesson of a published course as a learner opens it (content of the live revision) */
        get: operations["getPublishedLesson"];
        put?: never;
        post?: never;
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
    "/api/v1/competencies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Khung năng lực số TT 02/2025 / The framework: domains, competencies, levels */
        get: operations["getCompetencyFramework"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/competencies/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One competency with its descriptors level by level */
        get: operations["getCompetency"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/courses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Khoá học tôi soạn hoặc duyệt / Courses the caller works on or reviews */
        get: operations["listMyCourses"];
        put?: never;
        /** Tạo khoá học / Create a course (the caller becomes its owner) */
        post: operations["createCourse"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/courses/{courseId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The working copy: metadata, sections, lessons, collaborators, revisions */
        get: operations["getCourseOutline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Sửa thông tin khoá học / Edit the course’s metadata */
        patch: operations["updateCourse"];
        trace?: never;
    };
    "/api/v1/courses/{courseId}/{action}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Gửi duyệt, xuất bản, trả lại, lưu trữ / submit, publish, return or archive */
        post: operations["moveCourseInWorkflow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/courses/{courseId}/assignments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Giao khoá học / Assign a published course to a unit’s subtree (audience, grade, due date) */
        post: operations["assignCourse"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/courses/{courseId}/collaborators/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Thêm người cùng soạn / Add or change a collaborator (owner, editor, reviewer) */
        put: operations["setCourseCollaborator"];
        post?: never;
        /** Bỏ người cùng soạn / Remove a collaborator (a course keeps at least one owner) */
        delete: operations["removeCourseCollaborator"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/courses/{courseId}/enrolment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ghi danh / Enrol in a published course (with its key when it has one) */
        post: operations["enrol"];
        /** Huỷ ghi danh / Withdraw from a course (progress is kept) */
        delete: operations["withdraw"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/courses/{courseId}/enrolment-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Cách ghi danh / How learners may enrol in a course (its editors) */
        get: operations["getEnrolmentSettings"];
        /** Đặt cách ghi danh / Set the enrolment mode (open, key, assigned) and key */
        put: operations["updateEnrolmentSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/courses/{courseId}/lessons/{lessonId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Xoá bài học / Delete a lesson (published revisions keep it) */
        delete: operations["deleteLesson"];
        options?: never;
        head?: never;
        /** Sửa bài học / Edit a lesson */
        patch: operations["updateLesson"];
        trace?: never;
    };
    "/api/v1/courses/{courseId}/package": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Xuất gói khoá học / Export the course as a zip (manifest.json and its files) */
        get: operations["exportCoursePackage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/courses/{courseId}/section-order": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Sắp xếp chương / Set the order of the sections */
        put: operations["orderSections"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/courses/{courseId}/sections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Thêm chương / Add a section at the end */
        post: operations["addSection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/courses/{courseId}/sections/{sectionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Xoá chương và các bài của chương / Delete a section with its lessons */
        delete: operations["deleteSection"];
        options?: never;
        head?: never;
        /** Đổi tên chương / Rename a section */
        patch: operations["updateSection"];
        trace?: never;
    };
    "/api/v1/courses/{courseId}/sections/{sectionId}/lesson-order": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Sắp xếp bài học / Set a section’s lessons in order (moves lessons between sections) */
        put: operations["orderLessons"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/courses/{courseId}/sections/{sectionId}/lessons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Thêm bài học / Add a lesson at the end of a section */
        post: operations["addLesson"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/courses/package-imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Nhập gói khoá học / Import a course package (the raw zip is the body) as a new draft
         * @description Files are verified and processed like uploads.
         */
        post: operations["importCoursePackage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Minh chứng cần duyệt / Evidence of learners within reach */
        get: operations["listEvidence"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evidence/{evidenceId}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Duyệt minh chứng / Approve: the external lesson is complete */
        post: operations["approveEvidence"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evidence/{evidenceId}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Từ chối minh chứng / Reject, with the reason */
        post: operations["rejectEvidence"];
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
    "/api/v1/me/children/{childId}/competency-profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Hồ sơ năng lực của con / A linked child’s competency profile */
        get: operations["getChildCompetencyProfile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/children/{childId}/learning": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Việc học của con / A linked child’s courses and progress */
        get: operations["getChildLearning"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/competency-profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Hồ sơ năng lực số / My TT 02/2025 profile: attained and expected levels, evidence, recommendations */
        get: operations["getMyCompetencyProfile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/learning": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Việc học của tôi / My courses, progress, due dates and where to continue */
        get: operations["getMyLearning"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/learning/courses/{courseId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tiến độ khoá học / My progress in one published course, lesson by lesson */
        get: operations["getMyCourseProgress"];
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
    "/api/v1/media/{assetId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Một tệp media / An asset: status, progress, failure, what processing derived */
        get: operations["getMediaAsset"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/media/{assetId}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Tải tệp / Redirect (302) to a short-lived URL of the source or a derived file
         * @description The URL serves Range requests itself (S3, or the filesystem driver’s signed route).
         */
        get: operations["getMediaFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/media/{assetId}/hls/{rendition}.m3u8": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Danh sách phân đoạn / One rendition’s playlist, every segment a short-lived signed URL
         * @description Segments are fetched from storage directly (S3 presigned URLs, or the filesystem driver’s signed URLs, both with Range).
         */
        get: operations["getMediaHlsRendition"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/media/{assetId}/hls/master.m3u8": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Danh sách phát HLS / The HLS master playlist (renditions lowest first) */
        get: operations["getMediaHlsMaster"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/media/{assetId}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Xử lý lại / Process a failed asset again (its owner or an administrator) */
        post: operations["retryMediaProcessing"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/media/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Bắt đầu tải tệp lên / Start a direct upload: the asset is recorded and a multipart upload opened
         * @description Then: GET /media/uploads/{assetId}/parts for part URLs, PUT each part there, POST /media/uploads/{assetId}/complete with the ETags. Limits: video 2 GB, audio 200 MB, slides and document 100 MB, image and evidence 20 MB, file 500 MB (configurable). `media.upload` uploads any purpose; `evidence.upload` only `evidence`.
         */
        post: operations["createMediaUpload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/media/uploads/{assetId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tiến độ tải lên / An upload and the parts storage already holds (to resume) */
        get: operations["getMediaUpload"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/media/uploads/{assetId}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Hoàn tất tải lên / Complete the upload: size and content are verified, then processing starts
         * @description A refused file is deleted and the asset failed. Calling it again after completion answers the asset as it is.
         */
        post: operations["completeMediaUpload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/media/uploads/{assetId}/parts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Đường dẫn tải từng phần / Short-lived PUT URLs for parts `from`…`from+count-1`
         * @description Presigned S3 URLs, or the filesystem driver’s signed API URLs. The browser reads each answer’s ETag header.
         */
        get: operations["getMediaUploadPartUrls"];
        put?: never;
        post?: never;
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
    "/api/v1/org/units/{unitId}/assignments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Khoá học đã giao / Active assignments covering a unit (made on it, above or below it) */
        get: operations["listUnitAssignments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/units/{unitId}/progress-matrix": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Bảng tiến độ / Learners × courses of a unit’s subtree, lesson by lesson, overdue marked */
        get: operations["getProgressMatrix"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/units/{unitId}/progress-matrix/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Xuất bảng tiến độ / The matrix as CSV (UTF-8 with BOM) or XLSX (overdue cells red) */
        get: operations["exportProgressMatrix"];
        put?: never;
        post?: never;
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
    "/api/v1/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Nhịp tiến độ / Progress heartbeat: a batch of 1–100 learning events (idempotent by event id)
         * @description Answers once the events are committed. Errors (the whole batch is refused, nothing written): 400 VALIDATION_FAILED, 413 PROGRESS_BATCH_TOO_LARGE, 404 PROGRESS_LESSON_NOT_FOUND, 403 PROGRESS_NOT_ENROLLED, 422 PROGRESS_OUT_OF_RANGE, 409 PROGRESS_MEDIA_NOT_READY. See docs/learning.md.
         */
        post: operations["recordProgress"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/progress/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Nộp minh chứng / Evidence of an external course, for a teacher to approve */
        post: operations["submitEvidence"];
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
    "/api/v1/users/{userId}/competency-profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Hồ sơ năng lực của một người học / A learner’s competency profile (within reach) */
        get: operations["getUserCompetencyProfile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{userId}/learning": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Việc học của một người học / A learner’s courses and progress (within reach) */
        get: operations["getUserLearning"];
        put?: never;
        post?: never;
        delete?: never;
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
        AssignmentDto: {
            /** @enum {string} */
            audience: "student" | "teacher" | "staff" | "parent";
            /** Format: uuid */
            courseId: string;
            courseTitleVi: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            createdBy: string | null;
            /** Format: date-time */
            dueAt: string | null;
            grade: number | null;
            /** Format: uuid */
            id: string;
            /** @description People the assignment covers now */
            learnerCount: number;
            /** Format: uuid */
            unitId: string;
            unitName: string;
        };
        AssignmentListDto: {
            items: components["schemas"]["AssignmentDto"][];
        };
        CanDto: {
            edit: boolean;
            review: boolean;
        };
        CatalogItemDto: {
            audiences: string[];
            competencyCodes: string[];
            /** Format: uuid */
            coverAssetId: string | null;
            estimatedMinutes: number | null;
            gradeMax: number | null;
            gradeMin: number | null;
            /** Format: uuid */
            id: string;
            lessonCount: number;
            /** Format: uuid */
            ownerUnitId: string | null;
            ownerUnitName: string | null;
            /** Format: date-time */
            publishedAt: string;
            summaryEn: string | null;
            summaryVi: string;
            titleEn: string | null;
            titleVi: string;
        };
        CatalogPageDto: {
            items: components["schemas"]["CatalogItemDto"][];
            page: number;
            pageSize: number;
            total: number;
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
        CollaboratorDto: {
            /** @enum {string} */
            role: "owner" | "editor" | "reviewer";
        };
        CollaboratorViewDto: {
            displayName: string;
            /** @enum {string} */
            role: "owner" | "editor" | "reviewer";
            /** Format: uuid */
            userId: string;
            username: string;
        };
        CompetencyDetailDto: {
            /** @example 4.2 */
            code: string;
            descriptionVi: string | null;
            domainCode: string;
            levels: components["schemas"]["CompetencyLevelDescriptorsDto"][];
            nameEn: string;
            nameVi: string;
        };
        CompetencyLevelDescriptorsDto: {
            descriptors: string[];
            level: number;
        };
        CompetencyProfileDto: {
            band: string | null;
            displayName: string;
            domains: components["schemas"]["DomainStandingDto"][];
            grade: number | null;
            summary: components["schemas"]["ProfileSummaryDto"];
            /** Format: uuid */
            userId: string;
        };
        CompetencyStandingDto: {
            attainedLevel: number;
            /** @example 1.1 */
            code: string;
            evidence: components["schemas"]["ProfileEvidenceDto"][];
            expectedLevel: number | null;
            gap: number;
            nameEn: string;
            nameVi: string;
            recommendations: components["schemas"]["RecommendationDto"][];
        };
        CompetencySummaryDto: {
            /** @example 4.2 */
            code: string;
            descriptionVi: string | null;
            nameEn: string;
            nameVi: string;
        };
        CompetencyTagDto: {
            /**
             * @description A competency code of TT 02/2025 (1.1 … 6.3)
             * @example 4.2
             */
            code: string;
            /** @example 2 */
            level: number;
        };
        CompleteMediaUploadDto: {
            /** @description Every part, in ascending order */
            parts: components["schemas"]["UploadedPartDto"][];
        };
        CourseDto: {
            audiences: ("staff" | "teacher" | "student" | "parent" | "community")[];
            /** Format: uuid */
            coverAssetId: string | null;
            estimatedMinutes: number | null;
            gradeMax: number | null;
            gradeMin: number | null;
            /** Format: uuid */
            id: string;
            licence: string;
            /** Format: uuid */
            ownerUnitId: string | null;
            /** Format: date-time */
            publishedAt: string | null;
            /** Format: uuid */
            publishedRevisionId: string | null;
            /** @enum {string} */
            status: "draft" | "in_review" | "published" | "archived";
            summaryEn: string | null;
            summaryVi: string;
            titleEn: string | null;
            titleVi: string;
            /** Format: date-time */
            updatedAt: string;
        };
        CourseListDto: {
            items: components["schemas"]["CourseDto"][];
        };
        CourseProgressDto: {
            /** Format: date-time */
            completedAt: string | null;
            /** Format: uuid */
            courseId: string;
            /** Format: date-time */
            dueAt: string | null;
            enrolled: boolean;
            lessons: components["schemas"]["LessonProgressDto"][];
            overdue: boolean;
            percent: number;
            requiredDone: number;
            requiredTotal: number;
            /** @enum {string|null} */
            source: "self" | "key" | "assignment" | null;
        };
        CreateAssignmentDto: {
            /** @enum {string} */
            audience: "student" | "teacher" | "staff" | "parent";
            /** Format: date-time */
            dueAt?: string;
            /** @description Only students (or the parents of students) of this grade */
            grade?: number;
            /**
             * Format: uuid
             * @description The unit whose subtree the course is assigned to
             */
            unitId: string;
        };
        CreateCourseDto: {
            audiences: ("staff" | "teacher" | "student" | "parent" | "community")[];
            /** Format: uuid */
            coverAssetId?: string | null;
            estimatedMinutes?: number | null;
            gradeMax?: number | null;
            gradeMin?: number | null;
            /** @example CC BY 4.0 */
            licence?: string;
            /**
             * Format: uuid
             * @description The institution or department that owns the course
             */
            ownerUnitId?: string | null;
            summaryEn?: string | null;
            summaryVi: string;
            titleEn?: string | null;
            /** @example An toàn thông tin cho học sinh tiểu học */
            titleVi: string;
        };
        CreatedPersonDto: {
            /**
             * @description One-time sign-in code, shown only now: hand it to the person
             * @example 7KQ2-M9XD-4TRA
             */
            oneTimeCode: string;
            person: components["schemas"]["PersonDto"];
        };
        CreateMediaUploadDto: {
            /**
             * @description The browser’s File.type: only used to refuse early (SVG, programs); the bytes decide
             * @example video/mp4
             */
            contentType?: string;
            /**
             * @description The file’s name on the user’s device (shown, and used as download name)
             * @example bai-1-dien-thoai-thong-minh.mp4
             */
            fileName: string;
            /**
             * @description What the file is for: decides the size limit, the formats accepted and the processing
             * @enum {string}
             */
            purpose: "video" | "audio" | "slides" | "document" | "image" | "file" | "evidence";
            /**
             * @description Size in bytes; 0 is refused (422 MEDIA_EMPTY), over the purpose’s limit 413 MEDIA_TOO_LARGE
             * @example 73400320
             */
            size: number;
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
        DashboardCourseDto: {
            /** Format: date-time */
            completedAt: string | null;
            /** Format: uuid */
            courseId: string;
            /** Format: uuid */
            coverAssetId: string | null;
            /** Format: date-time */
            dueAt: string | null;
            /** Format: date-time */
            enrolledAt: string | null;
            /** Format: date-time */
            lastActivityAt: string | null;
            /** Format: uuid */
            nextLessonId: string | null;
            overdue: boolean;
            percent: number;
            requiredDone: number;
            requiredTotal: number;
            /** @enum {string} */
            source: "self" | "key" | "assignment";
            titleEn: string | null;
            titleVi: string;
        };
        DomainDto: {
            /** @example 4 */
            code: string;
            competencies: components["schemas"]["CompetencySummaryDto"][];
            nameEn: string;
            nameVi: string;
        };
        DomainStandingDto: {
            /** @example 1 */
            code: string;
            competencies: components["schemas"]["CompetencyStandingDto"][];
            nameEn: string;
            nameVi: string;
        };
        EnrolDto: {
            key?: string;
        };
        EnrolmentDto: {
            /** Format: uuid */
            courseId: string;
            /** Format: date-time */
            dueAt: string | null;
            /** Format: date-time */
            enrolledAt: string;
            /** @enum {string} */
            source: "self" | "key" | "assignment";
        };
        EnrolmentSettingsDto: {
            /** @description A new enrolment key (kept hashed); required to switch to mode key the first time */
            key?: string;
            /**
             * @description open: anyone may enrol; key: with the enrolment key; assigned: only by assignment
             * @enum {string}
             */
            mode: "open" | "key" | "assigned";
        };
        EnrolmentSettingsViewDto: {
            hasKey: boolean;
            /** @enum {string} */
            mode: "open" | "key" | "assigned";
        };
        EvidenceDto: {
            /** Format: uuid */
            assetId: string;
            /** Format: uuid */
            courseId: string;
            courseTitleVi: string;
            /** Format: uuid */
            id: string;
            learner: components["schemas"]["PersonRefDto"];
            /** Format: uuid */
            lessonId: string;
            lessonTitleVi: string;
            note: string | null;
            /** Format: date-time */
            reviewedAt: string | null;
            /** @enum {string} */
            status: "pending" | "approved" | "rejected";
            /** Format: date-time */
            submittedAt: string;
        };
        EvidenceListDto: {
            items: components["schemas"]["EvidenceDto"][];
        };
        FrameworkDto: {
            domains: components["schemas"]["DomainDto"][];
            levels: components["schemas"]["LevelDto"][];
        };
        GrantableRoleDto: {
            /** @enum {string} */
            role: "administrator" | "department_manager" | "commune_officer" | "institution_manager" | "teacher" | "author" | "student" | "parent" | "learner";
            /**
             * @description Kinds of unit the role may be held on; null: installation-wide
             * @example [
             *       "institution",
             *       "class"
             *     ]
             */
            unitTypes: string[] | null;
        };
        LearningDashboardDto: {
            courses: components["schemas"]["DashboardCourseDto"][];
            resume: components["schemas"]["ResumeDto"] | null;
        };
        LessonDto: {
            competencies?: components["schemas"]["CompetencyTagDto"][];
            /** @description video/audio/slides/file: { assetId }; text: { markdown }; gallery: { assetIds }; external: { url, provider?, instructions? }; quiz: {} */
            content?: {
                [key: string]: unknown;
            };
            estimatedMinutes?: number | null;
            /** @enum {string} */
            kind: "video" | "audio" | "slides" | "text" | "gallery" | "file" | "external" | "quiz";
            /**
             * @description Counts towards completing the course
             * @default true
             */
            required: boolean;
            titleEn?: string | null;
            titleVi: string;
        };
        LessonEvidenceStateDto: {
            /** Format: uuid */
            id: string;
            note: string | null;
            /** @enum {string} */
            status: "pending" | "approved" | "rejected";
        };
        LessonProgressDto: {
            /** Format: date-time */
            completedAt: string | null;
            evidence: components["schemas"]["LessonEvidenceStateDto"] | null;
            /** @enum {string} */
            kind: "video" | "audio" | "slides" | "text" | "gallery" | "file" | "external" | "quiz";
            /** Format: uuid */
            lessonId: string;
            percent: number;
            positionSeconds: number | null;
            required: boolean;
            /** @enum {string} */
            status: "not_started" | "in_progress" | "completed";
            timeSpentSeconds: number;
        };
        LevelDto: {
            /** @description Grades of CV 3456’s reference band (empty for 6–8) */
            grades: number[];
            id: number;
            /** @example Bậc 1 */
            nameVi: string;
            /** @example CB1 */
            shortCode: string;
            /** @example CB */
            tier: string;
            /** @example Basic */
            tierNameEn: string;
            /** @example Cơ bản */
            tierNameVi: string;
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
        MatrixCellDto: {
            /** Format: date-time */
            completedAt: string | null;
            /** Format: uuid */
            courseId: string;
            /** Format: date-time */
            dueAt: string | null;
            enrolled: boolean;
            lessons: components["schemas"]["MatrixLessonCellDto"][];
            overdue: boolean;
            percent: number;
            requiredDone: number;
            requiredTotal: number;
        };
        MatrixCourseDto: {
            /** Format: uuid */
            courseId: string;
            /** Format: date-time */
            dueAt: string | null;
            lessons: components["schemas"]["MatrixLessonDto"][];
            titleEn: string | null;
            titleVi: string;
        };
        MatrixLearnerDto: {
            cells: components["schemas"]["MatrixCellDto"][];
            className: string | null;
            displayName: string;
            personCode: string | null;
            /** Format: uuid */
            userId: string;
            username: string;
        };
        MatrixLessonCellDto: {
            /** Format: uuid */
            lessonId: string;
            percent: number;
            /** @enum {string} */
            status: "not_started" | "in_progress" | "completed";
        };
        MatrixLessonDto: {
            /** @enum {string} */
            kind: "video" | "audio" | "slides" | "text" | "gallery" | "file" | "external" | "quiz";
            /** Format: uuid */
            lessonId: string;
            required: boolean;
            titleEn: string | null;
            titleVi: string;
        };
        MediaAssetDto: {
            /** @description Processing requests so far (first run and retries) */
            attempts: number;
            /** @description Detected from the content, once verified */
            contentType: string | null;
            /** Format: date-time */
            createdAt: string;
            declaredSize: number;
            derived: components["schemas"]["MediaDerivedDto"] | null;
            failure: components["schemas"]["MediaFailureDto"] | null;
            /** Format: uuid */
            id: string;
            originalName: string;
            /** Format: date-time */
            processedAt: string | null;
            progressPercent: number;
            /** @enum {string} */
            purpose: "video" | "audio" | "slides" | "document" | "image" | "file" | "evidence";
            sha256: string | null;
            /** @description Stored size, once uploaded */
            size: number | null;
            /** @enum {string} */
            status: "awaiting_upload" | "uploaded" | "processing" | "ready" | "failed";
            /** Format: date-time */
            updatedAt: string;
        };
        MediaDerivedDto: {
            durationSeconds?: number;
            /** @description variant=audio exists (normalised AAC) */
            hasAudio: boolean;
            /** @description variant=pdf exists */
            hasPdf: boolean;
            /** @description variant=poster exists */
            hasPoster: boolean;
            height?: number;
            pageCount?: number;
            /** @description HLS renditions, lowest first; play /media/{assetId}/hls/master.m3u8 */
            renditions?: components["schemas"]["MediaRenditionDto"][];
            /** @description Page thumbnails: variant=page-1 … page-<n> */
            thumbnailCount: number;
            /** @description Transcoding speed, as a multiple of real time */
            transcodeSpeed?: number;
            variants?: components["schemas"]["MediaImageVariantDto"][];
            width?: number;
        };
        MediaFailureDto: {
            /** @example MEDIA_UNREADABLE */
            code: string;
            en: string;
            /** @description Technical detail (what the tool said) */
            reason?: string;
            vi: string;
        };
        MediaImageVariantDto: {
            /** @enum {string} */
            format: "jpeg" | "webp";
            height: number;
            /**
             * @description The `variant` to ask GET /media/{assetId}/file for
             * @example w640.webp
             */
            variant: string;
            width: number;
        };
        MediaPartUrlDto: {
            /** Format: date-time */
            expiresAt: string;
            /** @description Headers to send with the PUT */
            headers: {
                [key: string]: string;
            };
            /** @enum {string} */
            method: "PUT";
            partNumber: number;
            /** @description Bytes this part must have */
            size: number;
            /** @description PUT the part’s bytes here; the answer’s ETag header goes into the completion */
            url: string;
        };
        MediaPartUrlListDto: {
            items: components["schemas"]["MediaPartUrlDto"][];
        };
        MediaRenditionDto: {
            /** @description Average bits per second */
            averageBandwidth: number;
            /** @description Peak bits per second */
            bandwidth: number;
            /** @enum {string} */
            name: "240p" | "360p" | "720p";
            /** @example 1280x720 */
            resolution: string;
        };
        MediaUploadDto: {
            /** Format: uuid */
            assetId: string;
            /** @description How many parts the file is uploaded in */
            parts: number;
            /** @description Bytes per part (every part but the last has exactly this size) */
            partSize: number;
            /** @enum {string} */
            purpose: "video" | "audio" | "slides" | "document" | "image" | "file" | "evidence";
            /** @enum {string} */
            status: "awaiting_upload" | "uploaded" | "processing" | "ready" | "failed";
            /** @description Parts storage already holds (resume from the first missing one) */
            uploadedParts: components["schemas"]["UploadedPartDto"][];
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
        OrderLessonsDto: {
            /** @description The lessons of the section in order; lessons of other sections listed here move into it */
            lessonIds: string[];
        };
        OrderSectionsDto: {
            sectionIds: string[];
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
        OutlineDto: {
            can: components["schemas"]["CanDto"];
            collaborators: components["schemas"]["CollaboratorViewDto"][];
            course: components["schemas"]["CourseDto"];
            revisions: components["schemas"]["RevisionDto"][];
            sections: components["schemas"]["OutlineSectionDto"][];
        };
        OutlineLessonDto: {
            /** @description Sanitised HTML of a text lesson */
            bodyHtml: string | null;
            competencies: components["schemas"]["CompetencyTagDto"][];
            content: {
                [key: string]: unknown;
            };
            estimatedMinutes: number | null;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "video" | "audio" | "slides" | "text" | "gallery" | "file" | "external" | "quiz";
            required: boolean;
            titleEn: string | null;
            titleVi: string;
        };
        OutlineSectionDto: {
            /** Format: uuid */
            id: string;
            lessons: components["schemas"]["OutlineLessonDto"][];
            titleEn: string | null;
            titleVi: string;
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
        PersonRefDto: {
            displayName: string;
            /** Format: uuid */
            id: string;
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
            /** @description Roles this person may grant to others */
            grantable: components["schemas"]["GrantableRoleDto"][];
            /** Format: uuid */
            id: string;
            /** @description Manages the organisation installation-wide (may create departments) */
            managesEverywhere: boolean;
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
        ProfileEvidenceDto: {
            /** Format: date-time */
            at: string;
            /** Format: uuid */
            courseId: string;
            courseTitleVi: string;
            /** @enum {string} */
            kind: "video" | "audio" | "slides" | "text" | "gallery" | "file" | "external" | "quiz";
            /** Format: uuid */
            lessonId: string;
            lessonTitleVi: string;
            level: number;
        };
        ProfileSummaryDto: {
            attained: number;
            expected: number;
            met: number;
        };
        ProgressMatrixDto: {
            courses: components["schemas"]["MatrixCourseDto"][];
            /** Format: date-time */
            generatedAt: string;
            learners: components["schemas"]["MatrixLearnerDto"][];
            /** Format: uuid */
            unitId: string;
            unitName: string;
        };
        PublishedCourseDto: {
            audiences: string[];
            competencyCodes: string[];
            /** Format: uuid */
            coverAssetId: string | null;
            estimatedMinutes: number | null;
            gradeMax: number | null;
            gradeMin: number | null;
            /** Format: uuid */
            id: string;
            lessonCount: number;
            licence: string;
            /** Format: uuid */
            ownerUnitId: string | null;
            ownerUnitName: string | null;
            /** Format: date-time */
            publishedAt: string;
            revision: number;
            sections: components["schemas"]["PublishedSectionDto"][];
            summaryEn: string | null;
            summaryVi: string;
            titleEn: string | null;
            titleVi: string;
        };
        PublishedLessonDto: {
            competencies: components["schemas"]["CompetencyTagDto"][];
            estimatedMinutes: number | null;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "video" | "audio" | "slides" | "text" | "gallery" | "file" | "external" | "quiz";
            required: boolean;
            titleEn: string | null;
            titleVi: string;
        };
        PublishedLessonViewDto: {
            /** Format: uuid */
            courseId: string;
            courseTitleEn: string | null;
            courseTitleVi: string;
            lesson: components["schemas"]["OutlineLessonDto"];
            /** Format: uuid */
            nextLessonId: string | null;
            /** Format: uuid */
            previousLessonId: string | null;
            revision: number;
            /** Format: uuid */
            sectionId: string;
            sectionTitleVi: string;
        };
        PublishedSectionDto: {
            /** Format: uuid */
            id: string;
            lessons: components["schemas"]["PublishedLessonDto"][];
            titleEn: string | null;
            titleVi: string;
        };
        RecommendationDto: {
            /** Format: uuid */
            courseId: string;
            courseTitleVi: string;
            /** Format: uuid */
            lessonId: string;
            lessonTitleEn: string | null;
            lessonTitleVi: string;
            level: number;
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
        ResumeDto: {
            /** Format: uuid */
            courseId: string;
            courseTitleEn: string | null;
            courseTitleVi: string;
            /** @enum {string} */
            kind: "video" | "audio" | "slides" | "text" | "gallery" | "file" | "external" | "quiz";
            /** Format: uuid */
            lessonId: string;
            lessonTitleEn: string | null;
            lessonTitleVi: string;
            positionSeconds: number | null;
            /** Format: date-time */
            updatedAt: string;
        };
        ReviewEvidenceDto: {
            note?: string;
        };
        RevisionDto: {
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            number: number;
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
        SectionDto: {
            titleEn?: string | null;
            /** @example Chương 1. Mật khẩu an toàn */
            titleVi: string;
        };
        SubmitEvidenceDto: {
            /**
             * Format: uuid
             * @description The caller’s own upload with purpose evidence
             */
            assetId: string;
            /** Format: uuid */
            lessonId: string;
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
        UpdateCourseDto: {
            audiences?: ("staff" | "teacher" | "student" | "parent" | "community")[];
            /** Format: uuid */
            coverAssetId?: string | null;
            estimatedMinutes?: number | null;
            gradeMax?: number | null;
            gradeMin?: number | null;
            licence?: string;
            /** Format: uuid */
            ownerUnitId?: string | null;
            summaryEn?: string | null;
            summaryVi?: string;
            titleEn?: string | null;
            titleVi?: string;
        };
        UpdateLessonDto: {
            competencies?: components["schemas"]["CompetencyTagDto"][];
            content?: {
                [key: string]: unknown;
            };
            estimatedMinutes?: number | null;
            /** @enum {string} */
            kind?: "video" | "audio" | "slides" | "text" | "gallery" | "file" | "external" | "quiz";
            required?: boolean;
            titleEn?: string | null;
            titleVi?: string;
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
        UpdateSectionDto: {
            titleEn?: string | null;
            titleVi?: string;
        };
        UploadedPartDto: {
            /** @description The ETag header the part’s PUT answered */
            etag: string;
            partNumber: number;
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
    revokeAssignment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                assignmentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked */
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
            /** @description ASSIGNMENT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
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
    searchCatalog: {
        parameters: {
            query?: {
                audience?: "staff" | "teacher" | "student" | "parent" | "community";
                competency?: string;
                grade?: number;
                level?: number;
                page?: number;
                pageSize?: number;
                /** @description Words of the title or summary, with or without diacritics */
                q?: string;
                /** @description Courses owned by this unit or a unit beneath it */
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
                    "application/json": components["schemas"]["CatalogPageDto"];
                };
            };
        };
    };
    getPublishedCourse: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
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
                    "application/json": components["schemas"]["PublishedCourseDto"];
                };
            };
            /** @description COURSE_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getPublishedLesson: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
                lessonId: string;
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
                    "application/json": components["schemas"]["PublishedLessonViewDto"];
                };
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description ENROLMENT_REQUIRED (a course with a key, or only by assignment); an open course enrols the learner on the way
             *
             *     FORBIDDEN
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description COURSE_NOT_FOUND, COURSE_LESSON_NOT_FOUND */
            404: {
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
    getCompetencyFramework: {
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
                    "application/json": components["schemas"]["FrameworkDto"];
                };
            };
        };
    };
    getCompetency: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
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
                    "application/json": components["schemas"]["CompetencyDetailDto"];
                };
            };
            /** @description COMPETENCY_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listMyCourses: {
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
                    "application/json": components["schemas"]["CourseListDto"];
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
    createCourse: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCourseDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutlineDto"];
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
            /** @description COURSE_INVALID */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getCourseOutline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
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
                    "application/json": components["schemas"]["OutlineDto"];
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
            /** @description COURSE_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    updateCourse: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateCourseDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutlineDto"];
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
    moveCourseInWorkflow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                action: string;
                courseId: string;
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
                    "application/json": components["schemas"]["OutlineDto"];
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
            /** @description COURSE_WORKFLOW */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description COURSE_INVALID (not ready to publish) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    assignCourse: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAssignmentDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssignmentDto"];
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
            /** @description COURSE_NOT_FOUND, ORG_UNIT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description ASSIGNMENT_GRADE_NOT_ALLOWED, ASSIGNMENT_DUE_IN_PAST */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    setCourseCollaborator: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CollaboratorDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutlineDto"];
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
    removeCourseCollaborator: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
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
                    "application/json": components["schemas"]["OutlineDto"];
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
    enrol: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EnrolDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnrolmentDto"];
                };
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description ENROLMENT_KEY_REQUIRED, ENROLMENT_KEY_INVALID, ENROLMENT_ASSIGNED_ONLY
             *
             *     FORBIDDEN
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description COURSE_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    withdraw: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Withdrawn */
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
            /** @description ENROLMENT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description ENROLMENT_BY_ASSIGNMENT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getEnrolmentSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
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
                    "application/json": components["schemas"]["EnrolmentSettingsViewDto"];
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
    updateEnrolmentSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EnrolmentSettingsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnrolmentSettingsViewDto"];
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
            /** @description ENROLMENT_KEY_MISSING */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    deleteLesson: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
                lessonId: string;
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
                    "application/json": components["schemas"]["OutlineDto"];
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
    updateLesson: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
                lessonId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateLessonDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutlineDto"];
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
    exportCoursePackage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The package (zip) */
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
    orderSections: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrderSectionsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutlineDto"];
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
    addSection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SectionDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutlineDto"];
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
    deleteSection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
                sectionId: string;
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
                    "application/json": components["schemas"]["OutlineDto"];
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
    updateSection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
                sectionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateSectionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutlineDto"];
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
    orderLessons: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
                sectionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrderLessonsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutlineDto"];
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
    addLesson: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
                sectionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LessonDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutlineDto"];
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
            /** @description COURSE_INVALID (content for the kind, competency tags) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    importCoursePackage: {
        parameters: {
            query: {
                /** @description The unit that will own the imported course */
                ownerUnitId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/octet-stream": string;
                "application/zip": string;
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutlineDto"];
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
            /** @description COURSE_PACKAGE_INVALID, MEDIA_KIND_NOT_ALLOWED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listEvidence: {
        parameters: {
            query?: {
                status?: "pending" | "approved" | "rejected";
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
                    "application/json": components["schemas"]["EvidenceListDto"];
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
    approveEvidence: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                evidenceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviewEvidenceDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvidenceDto"];
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
            /** @description EVIDENCE_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description EVIDENCE_ALREADY_REVIEWED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    rejectEvidence: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                evidenceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviewEvidenceDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvidenceDto"];
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
            /** @description EVIDENCE_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description EVIDENCE_NOTE_REQUIRED */
            422: {
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
    getChildCompetencyProfile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                childId: string;
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
                    "application/json": components["schemas"]["CompetencyProfileDto"];
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
    getChildLearning: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                childId: string;
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
                    "application/json": components["schemas"]["LearningDashboardDto"];
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
    getMyCompetencyProfile: {
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
                    "application/json": components["schemas"]["CompetencyProfileDto"];
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
    getMyLearning: {
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
                    "application/json": components["schemas"]["LearningDashboardDto"];
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
    getMyCourseProgress: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
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
                    "application/json": components["schemas"]["CourseProgressDto"];
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
            /** @description COURSE_NOT_FOUND */
            404: {
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
    getMediaAsset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                assetId: string;
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
                    "application/json": components["schemas"]["MediaAssetDto"];
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
            /** @description MEDIA_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getMediaFile: {
        parameters: {
            query?: {
                /** @description `source` (the uploaded file), `pdf`, `audio`, `poster`, `page-<n>` (a page thumbnail), `w<width>.jpg` or `w<width>.webp` (a resized image) */
                variant?: string;
            };
            header?: never;
            path: {
                assetId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Location: the signed URL */
            302: {
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
            /** @description MEDIA_NOT_FOUND, MEDIA_VARIANT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description MEDIA_NOT_READY */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getMediaHlsRendition: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                assetId: string;
                rendition: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description M3U8 */
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
            /** @description MEDIA_NOT_FOUND, MEDIA_VARIANT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description MEDIA_NOT_READY */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getMediaHlsMaster: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                assetId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description M3U8; its variants are relative: {rendition}.m3u8 next to it */
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
            /** @description MEDIA_NOT_FOUND, MEDIA_VARIANT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description MEDIA_NOT_READY */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    retryMediaProcessing: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                assetId: string;
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
                    "application/json": components["schemas"]["MediaAssetDto"];
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
            /** @description MEDIA_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description MEDIA_NOT_FAILED (also an upload refused at verification: upload it again) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    createMediaUpload: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateMediaUploadDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MediaUploadDto"];
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
            /** @description MEDIA_TOO_LARGE (nothing is stored) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description MEDIA_EMPTY, MEDIA_KIND_NOT_ALLOWED (an SVG, a program) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getMediaUpload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                assetId: string;
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
                    "application/json": components["schemas"]["MediaUploadDto"];
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
            /** @description MEDIA_NOT_FOUND (also: not the caller’s upload) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    completeMediaUpload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                assetId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CompleteMediaUploadDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MediaAssetDto"];
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
            /** @description MEDIA_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description MEDIA_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description MEDIA_KIND_NOT_ALLOWED, MEDIA_SIZE_MISMATCH, MEDIA_EMPTY */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getMediaUploadPartUrls: {
        parameters: {
            query?: {
                /** @description How many part URLs */
                count?: number;
                /** @description First part number */
                from?: number;
            };
            header?: never;
            path: {
                assetId: string;
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
                    "application/json": components["schemas"]["MediaPartUrlListDto"];
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
            /** @description MEDIA_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description MEDIA_UPLOAD_CLOSED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description MEDIA_PART_OUT_OF_RANGE */
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
                /** @description Instead of children: units within reach whose name contains these words, with or without diacritics (at most 50) */
                q?: string;
                /** @description With q: only units of this type */
                type?: "department" | "commune" | "institution" | "class";
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
    listUnitAssignments: {
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
                    "application/json": components["schemas"]["AssignmentListDto"];
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
    getProgressMatrix: {
        parameters: {
            query?: {
                audience?: "student" | "teacher" | "staff" | "parent";
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
                    "application/json": components["schemas"]["ProgressMatrixDto"];
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
    exportProgressMatrix: {
        parameters: {
            query?: {
                audience?: "student" | "teacher" | "staff" | "parent";
                format?: "csv" | "xlsx";
            };
            header?: never;
            path: {
                unitId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file */
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
    recordProgress: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    events: {
                        /**
                         * Format: date-time
                         * @description When it happened on the device
                         */
                        at: string;
                        /** @description played: first media second actually played */
                        from?: number;
                        /**
                         * Format: uuid
                         * @description Chosen by the client; a replayed id is a no-op
                         */
                        id: string;
                        /** Format: uuid */
                        lessonId: string;
                        /** @description page: a page or image shown */
                        page?: number;
                        /** @description Where to resume (seconds, or page) */
                        position?: number;
                        /** @description scroll: how far down the text */
                        ratio?: number;
                        /** @description Seconds of active time since the previous event */
                        spent?: number;
                        /** @description played: last media second played (to − from ≤ 60) */
                        to?: number;
                        /** @enum {string} */
                        type: "played" | "page" | "scroll" | "time";
                    }[];
                };
            };
        };
        responses: {
            /** @description Recorded */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Events recorded now */
                        accepted: number;
                        /** @description Courses these events completed */
                        completedCourses: string[];
                        /** @description Events already recorded (replays): nothing changed */
                        duplicates: number;
                        lessons: {
                            completed: boolean;
                            /** Format: date-time */
                            completedAt: string | null;
                            /** Format: uuid */
                            lessonId: string;
                            percent: number;
                        }[];
                    };
                };
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN, PROGRESS_NOT_ENROLLED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    submitEvidence: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubmitEvidenceDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvidenceDto"];
                };
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description PROGRESS_NOT_ENROLLED
             *
             *     FORBIDDEN
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description PROGRESS_NOT_EXTERNAL, EVIDENCE_ASSET_INVALID */
            422: {
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
    getUserCompetencyProfile: {
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
                    "application/json": components["schemas"]["CompetencyProfileDto"];
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
    getUserLearning: {
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
                    "application/json": components["schemas"]["LearningDashboardDto"];
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
