import { Workbook, CellValue } from 'exceljs';
import { invalid } from '@pl/domain';
import { ImportTable, RawRow, tableOf } from './import-table';

/** Reads the first worksheet of an XLSX list; the header is its first non-empty row. */
export async function readXlsx(content: Buffer): Promise<ImportTable> {
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch (error) {
    throw invalid('MALFORMED_XLSX', `the XLSX file cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw invalid('EMPTY_FILE', 'the XLSX file has no worksheet');
  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => { values[column - 1] = textOf(cell.value); });
    rows.push({ line: rowNumber, values: Array.from(values, (v) => v ?? '') });
  });
  return tableOf('xlsx', rows);
}

/** A cell as the text an office typed: dates as yyyy-mm-dd, formulas by their result, rich text flattened. */
export function textOf(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return String(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('result' in value) return value.result === undefined ? '' : textOf(value.result as CellValue);
  if ('text' in value) return String(value.text);
  if ('error' in value) return '';
  return '';
}
