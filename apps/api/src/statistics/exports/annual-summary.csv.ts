import { PovertyStatisticsAnswer } from '@pl/application';
import { SUMMARY_HEADINGS, summaryRows, summaryTitle } from './annual-summary.layout';

// Excel opens a CSV as UTF-8 only when it starts with a byte-order mark; without it diacritics break.
const BOM = '\uFEFF';

const RATE_COLUMN = SUMMARY_HEADINGS.length - 1;

const cell = (value: string | number | null, column = 0): string => {
  if (value === null) return '';
  const text = typeof value === 'number' ? value.toFixed(column === RATE_COLUMN ? 2 : 0) : value;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The annual summary as CSV: UTF-8 with BOM, CRLF line ends, title lines first. */
export function annualSummaryCsv(answer: PovertyStatisticsAnswer): Buffer {
  const lines = [
    ...summaryTitle(answer).map((t) => cell(t)),
    SUMMARY_HEADINGS.map((h) => cell(h)).join(','),
    ...summaryRows(answer).map((r) => r.map((v, i) => cell(v, i)).join(',')),
  ];
  return Buffer.from(BOM + lines.join('\r\n') + '\r\n', 'utf8');
}
