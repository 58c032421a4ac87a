import ExcelJS from 'exceljs';
import { PovertyStatisticsAnswer } from '@pl/application';
import { SUMMARY_HEADINGS, summaryRows, summaryTitle } from './annual-summary.layout';

/** The annual summary as an XLSX workbook: title rows, a bold heading row, one row per line, rates to 2 decimals. */
export async function annualSummaryXlsx(answer: PovertyStatisticsAnswer): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(`Nam ${answer.year}`);
  for (const title of summaryTitle(answer)) sheet.addRow([title]).font = { bold: true };
  sheet.addRow([]);
  const heading = sheet.addRow([...SUMMARY_HEADINGS]);
  heading.font = { bold: true };
  for (const r of summaryRows(answer)) sheet.addRow([...r]);
  sheet.getColumn(1).width = 32;
  for (let c = 2; c <= SUMMARY_HEADINGS.length; c++) sheet.getColumn(c).width = 14;
  sheet.getColumn(SUMMARY_HEADINGS.length).numFmt = '0.00';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
