import { IsoDate } from '../shared/calendar';
import { Vnd } from '../shared/money';
import { limitOn, SUPPORT_KINDS } from './support-kinds';
import { BorrowerCategory } from './support.values';

// VBSP preferential lending (docs/domain-rules.md §3; Decision 28/2015/QĐ-TTg).
const POOR_RATE = 6.6; // %/year, VBSP rate for poor households
const NEAR_POOR_RATE = 7.92; // %/year, VBSP rate for near-poor households
const NEWLY_ESCAPED_SHARE = 1.25; // 125 % of the poor rate, Decision 28/2015/QĐ-TTg
const OVERDUE_SHARE = 1.3; // overdue debt bears 130 % of the loan's rate, VBSP

/** Longest term of a preferential loan, in months (VBSP, since 2019). */
export const MAX_LOAN_TERM_MONTHS = 120;

/** The default lender of preferential credit: Ngân hàng Chính sách Xã hội. */
export const DEFAULT_LENDER = 'VBSP';

// Rates are published to two decimals; rounding keeps 6.6 * 1.25 from reading as 8.249999.
const percent = (value: number): number => Math.round(value * 10_000) / 10_000;

/** The yearly rate a borrower category pays. */
export function loanRateFor(category: BorrowerCategory): number {
  switch (category) {
    case 'poor':
      return POOR_RATE;
    case 'near-poor':
      return NEAR_POOR_RATE;
    case 'newly-escaped':
      return percent(POOR_RATE * NEWLY_ESCAPED_SHARE);
  }
}

/** The yearly rate on an overdue loan. */
export const overdueRateFor = (annualRatePercent: number): number => percent(annualRatePercent * OVERDUE_SHARE);

/** Whether two rates are the same once rounded to what is published. */
export const sameRate = (a: number, b: number): boolean => percent(a) === percent(b);

/** The cap on one preferential loan on a date, from the support table. */
export const loanCapOn = (on: IsoDate): Vnd | undefined => limitOn(SUPPORT_KINDS['preferential-credit'], 'cash', on)?.max;
