import { daysInMonth, IsoDate } from '../shared/calendar';
import { invalid } from '../shared/errors';
import { DirectiveState } from './directive.state';
import { Reporting, ReportingPeriod } from './directive.values';

const PERIOD_SHAPE: Readonly<Record<ReportingPeriod, RegExp>> = {
  monthly: /^(\d{4})-(0[1-9]|1[0-2])$/,
  'half-yearly': /^(\d{4})-H([12])$/,
  yearly: /^(\d{4})$/,
  once: /^once$/,
};

const EXAMPLE: Readonly<Record<ReportingPeriod, string>> = { monthly: '2025-03', 'half-yearly': '2025-H1', yearly: '2025', once: 'once' };

// Half a period: how far from the end of a period its due date may fall.
const REACH_DAYS: Readonly<Record<ReportingPeriod, number>> = { monthly: 15, 'half-yearly': 91, yearly: 182, once: Infinity };

const pad = (n: number) => String(n).padStart(2, '0');

/** Days since 0000-03-01, so that two dates can be subtracted without a clock or a time zone. */
function dayNumber(date: IsoDate): number {
  const [y0, m, d] = [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
  const y = m <= 2 ? y0 - 1 : y0;
  const mp = (m + 9) % 12;
  return 365 * y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) + Math.floor((153 * mp + 2) / 5) + d - 1;
}

/** The last day a reporting period covers. */
function periodEnd(kind: ReportingPeriod, period: string): IsoDate | undefined {
  const m = PERIOD_SHAPE[kind].exec(period);
  if (!m) return undefined;
  const year = Number(m[1]);
  const endMonth = kind === 'monthly' ? Number(m[2]) : kind === 'half-yearly' ? (m[2] === '1' ? 6 : 12) : 12;
  return `${year}-${pad(endMonth)}-${pad(daysInMonth(year, endMonth))}` as IsoDate;
}

/**
 * The due date a report for `period` answers: the one nearest the period's end, since plans set
 * it either shortly before (half-year reports by 15 June) or shortly after (by the 5th of the next month).
 */
export function dueDateFor(reporting: Reporting, period: string): IsoDate {
  if (reporting.period === 'once') {
    if (period !== 'once') throw invalid('INVALID_PERIOD', `a one-off report is for the period "once", got "${period}"`);
    return reporting.dueDates[0];
  }
  const end = periodEnd(reporting.period, period);
  if (!end) throw invalid('INVALID_PERIOD', `a ${reporting.period} report names its period like ${EXAMPLE[reporting.period]}, got "${period}"`);
  const distance = (d: IsoDate) => Math.abs(dayNumber(d) - dayNumber(end));
  const nearest = reporting.dueDates.reduce((best, d) => (distance(d) <= distance(best) ? d : best));
  if (distance(nearest) > REACH_DAYS[reporting.period]) {
    throw invalid('NO_DUE_DATE_FOR_PERIOD', `no due date of this directive falls near the end of ${period}`, { period });
  }
  return nearest;
}

/** A report an original recipient still owes. */
export type OverdueReport = Readonly<{ recipientId: string; dueDate: IsoDate }>;

/**
 * Which original recipients owe a report whose due date has passed by `asOf`. Forwarded bodies
 * answer to whoever forwarded, not to the issuer; nothing falls due after a revocation.
 */
export function overdueReports(state: DirectiveState, asOf: IsoDate): readonly OverdueReport[] {
  if (!state.issued || !state.reporting) return [];
  const revokedOn = state.revoked?.revokedOn;
  const due = state.reporting.dueDates.filter((d) => d < asOf && (!revokedOn || d < revokedOn));
  const reported = new Set(state.reports.map((r) => `${r.recipientId}|${r.dueDate}`));
  return due.flatMap((dueDate) => state.recipients.filter((r) => !reported.has(`${r.id}|${dueDate}`)).map((r) => ({ recipientId: r.id, dueDate })));
}
