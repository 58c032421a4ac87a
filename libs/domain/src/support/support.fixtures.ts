import { isoDate } from '../shared/calendar';
import { vnd } from '../shared/money';
import { HH, historyWithStatus } from '../household/household.fixtures';
import { DisburseLoan, GrantSupport } from './support.commands';
import { HouseholdLoanDisbursed } from './support.events';
import { HouseholdStreamEvent } from './support.state';

// Commands and events for support specs, on the household of the household fixtures:
// listed poor by a decision of 2023-12-20; `escaped` leaves the lists by one of 2024-12-20.

export { HH };
export const poorHousehold = (): HouseholdStreamEvent[] => historyWithStatus('poor');
export const nearPoorHousehold = (): HouseholdStreamEvent[] => historyWithStatus('near-poor');
export const escapedHousehold = (): HouseholdStreamEvent[] => historyWithStatus('escaped');
export const unlistedHousehold = (): HouseholdStreamEvent[] => historyWithStatus('not-listed');

export const decision = { number: '125/QĐ-UBND', date: isoDate('2024-06-01'), issuer: 'commune chairman' };

export const grant = (overrides: Partial<GrantSupport['data']> = {}): GrantSupport => ({
  type: 'GrantSupport',
  data: {
    householdId: HH,
    grantId: 'g-1',
    kind: 'smartphone',
    grantedOn: isoDate('2024-06-10'),
    fund: 'public-utility-telecom-fund',
    decision,
    amount: vnd(500_000),
    form: 'cash',
    programme: 'Điện thoại thông minh cho hộ nghèo 2024',
    ...overrides,
  },
});

export const disburse = (overrides: Partial<DisburseLoan['data']> = {}): DisburseLoan => ({
  type: 'DisburseLoan',
  data: {
    householdId: HH,
    loanId: 'loan-1',
    programme: 'poor-household-lending',
    amount: vnd(50_000_000),
    termMonths: 60,
    disbursedOn: isoDate('2024-06-10'),
    fund: 'vbsp',
    decision,
    ...overrides,
  },
});

/** A loan of 50 M VND at the poor rate, disbursed on 2024-06-10. */
export const disbursed = (amount = 50_000_000): HouseholdLoanDisbursed => ({
  type: 'HouseholdLoanDisbursed.v1',
  data: {
    householdId: HH,
    loanId: 'loan-1',
    programme: 'poor-household-lending',
    lender: 'VBSP',
    amount: vnd(amount),
    termMonths: 60,
    annualRatePercent: 6.6,
    disbursedOn: isoDate('2024-06-10'),
    fund: 'vbsp',
    decision,
    statusOnDisbursement: 'poor',
    borrowerCategory: 'poor',
  },
});
