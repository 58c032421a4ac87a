import { Brand } from './brand';
import { invalid } from './errors';

/** A calendar date, `YYYY-MM-DD`, with no time zone: decisions and reviews are dated by day. */
export type IsoDate = Brand<string, 'IsoDate'>;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export function isoDate(value: string, field = 'date'): IsoDate {
  if (!isIsoDate(value)) throw invalid('INVALID_DATE', `${field} must be a calendar date YYYY-MM-DD, got "${value}"`, { field });
  return value;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export const yearOf = (date: IsoDate): number => Number(date.slice(0, 4));
/** `MM-DD` of a date, for windows that recur every year. */
export const monthDayOf = (date: IsoDate): string => date.slice(5);
/** ISO dates compare correctly as strings. */
export const compareDates = (a: IsoDate, b: IsoDate): number => (a < b ? -1 : a > b ? 1 : 0);

/** The same day `years` later (29 February falls back to 28 February). */
export function addYears(date: IsoDate, years: number): IsoDate {
  const y = yearOf(date) + years;
  const [mo, d] = [Number(date.slice(5, 7)), Number(date.slice(8, 10))];
  const day = Math.min(d, daysInMonth(y, mo));
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(day).padStart(2, '0')}` as IsoDate;
}
