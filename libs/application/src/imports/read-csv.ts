import { parse } from 'csv-parse/sync';
import { invalid } from '@pl/domain';
import { ImportTable, RawRow, tableOf } from './import-table';

/**
 * Reads a CSV list: UTF-8 with or without BOM, comma or semicolon (Excel in a Vietnamese
 * locale saves with semicolons). Line numbers are the line where each record starts.
 */
export function readCsv(content: Buffer | string): ImportTable {
  const text = (typeof content === 'string' ? content : content.toString('utf8')).replace(/^\uFEFF/, '');
  if (text.includes('\uFFFD')) throw invalid('NOT_UTF8', 'the CSV file is not UTF-8: save it as "CSV UTF-8" and import it again');
  let records: { record: string[]; info: { lines: number; empty_lines: number } }[];
  try {
    records = parse(text, { delimiter: delimiterOf(text), record_delimiter: ['\r\n', '\n', '\r'], relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as typeof records;
  } catch (error) {
    throw invalid('MALFORMED_CSV', `the CSV file cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  const rows: RawRow[] = [];
  let lastEnd = 0;
  let lastEmpty = 0;
  for (const { record, info } of records) {
    // info.lines is where a record ends; a quoted field may span lines, so count from the last end.
    rows.push({ line: lastEnd + 1 + (info.empty_lines - lastEmpty), values: record });
    lastEnd = info.lines;
    lastEmpty = info.empty_lines;
  }
  return tableOf('csv', rows);
}

/** The delimiter of the header line: whichever of ";" and "," occurs more often outside quotes. */
export function delimiterOf(text: string): ',' | ';' {
  const firstLine = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const outsideQuotes = firstLine.replace(/"[^"]*"/g, '');
  const count = (c: string) => outsideQuotes.split(c).length - 1;
  return count(';') > count(',') ? ';' : ',';
}
