// Text that a spreadsheet would run as a formula ("=HYPERLINK(…)", "+cmd", "@SUM(…)") when a CSV
// is opened in Excel. Roster values are stored as typed; they are made safe when written out.

const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/** The value with a leading single quote when it starts like a formula; otherwise unchanged. */
export function neutraliseSpreadsheetCell(value: string): string {
  return value.length > 0 && FORMULA_TRIGGERS.has(value[0] ?? '') ? `'${value}` : value;
}
