import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import { stream } from 'exceljs';
import { ExportColumn, ExportRow } from './export-columns';

const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } } as const;

/**
 * Streams a one-sheet workbook: rows are committed page by page, so memory holds one page,
 * not the whole area. A failure mid-way destroys the stream (the client sees a cut answer).
 */
export function xlsxStream(columns: readonly ExportColumn[], pages: AsyncIterable<readonly ExportRow[]>, sheetName: string): Readable {
  const out = new PassThrough();
  const workbook = new stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.heading, width: c.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = HEADER_FILL;
  header.alignment = { vertical: 'middle', wrapText: true };
  const write = async () => {
    header.commit();
    for await (const rows of pages) {
      for (const row of rows) sheet.addRow(columns.map((c) => c.value(row))).commit();
      // A slow client holds the next page back instead of letting the zip pile up in memory.
      if (out.writableNeedDrain) await once(out, 'drain');
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}
