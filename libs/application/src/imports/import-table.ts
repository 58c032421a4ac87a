import { invalid } from '@pl/domain';
import { ImportField, REQUIRED_FIELDS, columnName, fieldOfHeader } from './import-columns';

/** One data row of a list: where it sits in the file and its cells by field, as text. */
export interface ImportRow {
  /** CSV line or sheet row number, counted from 1, as the office sees it in its editor. */
  readonly line: number;
  readonly cells: Readonly<Partial<Record<ImportField, string>>>;
}

/** A parsed list, header already mapped to fields. */
export interface ImportTable {
  readonly format: 'csv' | 'xlsx';
  readonly headerLine: number;
  readonly rows: readonly ImportRow[];
  /** Header cells that named no known column; kept to explain a surprising result. */
  readonly ignoredColumns: readonly string[];
}

/** A row as a reader found it, before the header is applied. */
export interface RawRow {
  readonly line: number;
  readonly values: readonly string[];
}

/**
 * Applies the header row to the data rows; refuses a list lacking a required column, a
 * repeated column, or no rows. The header is the first non-empty row naming two known
 * columns, so a title line above the table ("DANH SÁCH HỘ ...") is skipped; failing that,
 * the first non-empty row, so the refusal names the row the office would look at.
 */
export function tableOf(format: ImportTable['format'], raw: readonly RawRow[]): ImportTable {
  const filled = raw.filter((row) => row.values.some((v) => v.trim() !== ''));
  if (filled.length === 0) throw invalid('EMPTY_FILE', 'the file holds no header row and no households');
  const found = filled.findIndex((row) => row.values.filter((v) => fieldOfHeader(v) !== undefined).length >= 2);
  const [header, ...data] = filled.slice(Math.max(0, found));
  const fields: (ImportField | undefined)[] = header.values.map((h) => fieldOfHeader(h));
  const ignoredColumns = header.values.filter((h, i) => fields[i] === undefined && h.trim() !== '');
  const seen = new Set<ImportField>();
  for (const field of fields) {
    if (!field) continue;
    if (seen.has(field)) throw invalid('DUPLICATE_COLUMN', `line ${header.line}: column ${columnName(field)} appears twice`, { line: header.line, column: field });
    seen.add(field);
  }
  const missing = REQUIRED_FIELDS.filter((f) => !seen.has(f));
  if (missing.length) {
    throw invalid('MISSING_COLUMN', `line ${header.line}: the header lacks ${missing.map(columnName).join(', ')}`, { line: header.line, missing });
  }
  if (data.length === 0) throw invalid('EMPTY_FILE', 'the file holds a header row but no households');
  const rows = data.map((row): ImportRow => {
    const cells: Partial<Record<ImportField, string>> = {};
    fields.forEach((field, i) => { if (field) cells[field] = (row.values[i] ?? '').trim(); });
    return { line: row.line, cells };
  });
  return { format, headerLine: header.line, rows, ignoredColumns };
}
