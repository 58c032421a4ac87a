import { ExportColumn, ExportRow } from './export-columns';

/** Spreadsheet programs read UTF-8 (and so the diacritics) only when the file starts with it. */
export const UTF8_BOM = '\uFEFF';

// A leading =, +, - or @ makes a spreadsheet evaluate the cell: such text is quoted as text.
const FORMULA = /^[=+\-@\t\r]/;

function cell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const text = FORMULA.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The heading line, BOM first. */
export const csvHeader = (columns: readonly ExportColumn[]): string => `${UTF8_BOM}${columns.map((c) => cell(c.heading)).join(',')}\r\n`;

/** Rows as CSV lines (RFC 4180, CRLF). */
export const csvLines = (columns: readonly ExportColumn[], rows: readonly ExportRow[]): string =>
  rows.map((row) => `${columns.map((c) => cell(c.value(row))).join(',')}\r\n`).join('');
