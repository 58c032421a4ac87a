import { assertNever, Decider } from '../shared/decider';
import { grantSupport, recordPriorSupport } from './grant.decide';
import { disburseLoan, markLoanOverdue, recordRepayment } from './loan.decide';
import { SupportCommand } from './support.commands';
import { SupportEvent } from './support.events';
import { evolveSupport, HouseholdStreamEvent, HouseholdSupportState, initialSupportState } from './support.state';

/** Decides what a support command on a household stream means, or refuses it with a coded error. */
export function decideSupport(command: SupportCommand, state: HouseholdSupportState): readonly SupportEvent[] {
  switch (command.type) {
    case 'GrantSupport':
      return grantSupport(command, state);
    case 'RecordPriorSupport':
      return recordPriorSupport(command, state);
    case 'DisburseLoan':
      return disburseLoan(command, state);
    case 'RecordRepayment':
      return recordRepayment(command, state);
    case 'MarkLoanOverdue':
      return markLoanOverdue(command, state);
    default:
      return assertNever(command, 'support command');
  }
}

/** Household support: it reads the whole household stream (household events and support) and appends support to it. */
export const householdSupportDecider: Decider<SupportCommand, HouseholdStreamEvent, HouseholdSupportState> = {
  decide: decideSupport,
  evolve: evolveSupport,
  initialState: initialSupportState,
};
