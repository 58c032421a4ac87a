import { invalid } from '@pl/domain';
import { ImportTable } from './import-table';
import { readCsv } from './read-csv';
import { readXlsx } from './read-xlsx';

/** The largest list accepted: a commune of 20,000 households is well under it. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** An XLSX file is a zip archive: it starts with "PK\x03\x04". */
const isZip = (content: Buffer): boolean => content.length >= 4 && content.readUInt32BE(0) === 0x504b0304;

/** Reads a list by its file name's extension (.csv or .xlsx); anything else is UNSUPPORTED_FILE. */
export async function readImportFile(fileName: string, content: Buffer): Promise<ImportTable> {
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (extension !== 'csv' && extension !== 'xlsx') {
    throw invalid('UNSUPPORTED_FILE', `"${fileName}" is not a .csv or .xlsx file; save the list as CSV UTF-8 or Excel workbook (.xlsx)`);
  }
  if (content.length === 0) throw invalid('EMPTY_FILE', `"${fileName}" is empty`);
  if (content.length > MAX_IMPORT_BYTES) throw invalid('FILE_TOO_LARGE', `"${fileName}" is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split the list`);
  if (extension === 'xlsx') {
    if (!isZip(content)) throw invalid('UNSUPPORTED_FILE', `"${fileName}" is not an Excel workbook (.xlsx); old .xls files must be saved again as .xlsx`);
    return readXlsx(content);
  }
  if (isZip(content)) throw invalid('UNSUPPORTED_FILE', `"${fileName}" is a workbook, not CSV text; name it .xlsx`);
  return readCsv(content);
}
