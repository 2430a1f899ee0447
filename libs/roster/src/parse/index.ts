export {
  ROSTER_COLUMNS,
  ROSTER_HEADERS,
  STAFF_COLUMNS,
  STUDENT_COLUMNS,
  foldVietnamese,
  matchRosterHeader,
  normaliseHeader,
  rosterColumns,
  type RosterColumn,
  type RosterField,
  type RosterKind,
  type StaffField,
  type StudentField,
} from './roster-columns';
export { RosterFileException, type RosterColumnsProblem, type RosterFileErrorCode, type RowError, type RowErrorCode } from './roster-errors';
export {
  DEFAULT_MAX_ROWS,
  detectRosterFormat,
  parseRoster,
  type ParseOptions,
  type ParsedRoster,
  type RosterFormat,
  type StaffRole,
  type StaffRow,
  type StudentRow,
} from './parse-roster';
export { MAX_ROW_ERRORS } from './roster-rows';
export { normaliseEmail, normalisePhone, parseRosterDate, parseStaffRole } from './roster-values';
export { neutraliseSpreadsheetCell } from './spreadsheet-safety';
export { ERROR_REPORT_HEADER, writeErrorReportCsv } from './error-report';
export { rosterTemplateCsv, rosterTemplateXlsx } from './roster-template';
