import { IsoDate, monthDayOf, yearOf } from '../shared/calendar';

// Decision 24/2021/QĐ-TTg: the periodic review runs from 1 September to 14 December.
const OPENS = '09-01';
const CLOSES = '12-14';

/** Whether a date falls within the periodic review window of its review year. */
export function withinPeriodicWindow(reviewYear: number, on: IsoDate): boolean {
  const day = monthDayOf(on);
  return yearOf(on) === reviewYear && day >= OPENS && day <= CLOSES;
}
