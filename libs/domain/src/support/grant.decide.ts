import { conflict, invalid } from '../shared/errors';
import { eligibility, priorityGroupOn, statusOn } from './eligibility';
import { GrantSupport, RecordPriorSupport } from './support.commands';
import { isSupportKindId, limitOn, SUPPORT_KINDS, SupportKind } from './support-kinds';
import { HouseholdPriorSupportRecorded, HouseholdSupportGranted } from './support.events';
import { activeHousehold, checkDecision, checkText, settle, Violation } from './support.rules';
import { HouseholdSupportState } from './support.state';

function kindOf(id: string): SupportKind {
  if (!isSupportKindId(id)) throw invalid('UNKNOWN_SUPPORT_KIND', `unknown support kind "${id}"`, { kind: id });
  return SUPPORT_KINDS[id];
}

/** Grants one kind of support, judged on the household's status on the grant date. */
export function grantSupport(command: GrantSupport, state: HouseholdSupportState): readonly [HouseholdSupportGranted] {
  const { householdId, grantId, grantedOn, fund, amount, form, exception, meritoriousService, ...rest } = command.data;
  const kind = kindOf(command.data.kind);
  if (kind.loan) throw invalid('LOAN_NEEDS_DISBURSEMENT', `${kind.id} is lent, not granted: disburse a loan instead`, { kind: kind.id });
  activeHousehold(state, householdId);
  checkText(grantId, 'GRANT_ID_REQUIRED', 'the grant id');
  checkDecision(command.data.decision);
  if (state.grantIds.includes(grantId)) throw conflict('DUPLICATE_GRANT_ID', `grant ${grantId} is already recorded`, { grantId });
  if (!kind.forms.includes(form)) {
    throw invalid('FORM_NOT_ALLOWED', `${kind.id} is given as ${kind.forms.join(' or ')}, not ${form}`, { kind: kind.id, form });
  }
  const violations: Violation[] = [...eligibility(kind.id, state, grantedOn).reasons];
  if (!kind.funds.includes(fund)) {
    violations.push({
      code: 'FUND_NOT_ALLOWED',
      message: `${kind.id} is paid from ${kind.funds.join(', ')}, not ${fund}`,
      details: { kind: kind.id, fund, allowed: kind.funds },
    });
  }
  const limit = limitOn(kind, form, grantedOn);
  if (limit && amount > limit.max) {
    violations.push({
      code: 'AMOUNT_ABOVE_LIMIT',
      message: `${kind.id} as ${form} on ${grantedOn} is limited to ${limit.max} VND (${limit.source}), got ${amount}`,
      details: { kind: kind.id, amount, limit: limit.max, source: limit.source },
    });
  }
  const recorded = settle(violations, exception);
  return [
    {
      type: 'HouseholdSupportGranted.v1',
      data: {
        householdId,
        grantId,
        ...rest,
        kind: kind.id,
        grantedOn,
        fund,
        amount,
        form,
        priorityGroup: priorityGroupOn(state, grantedOn, meritoriousService),
        statusOnGrantDate: statusOn(state, grantedOn),
        ...(recorded ? { exception: recorded } : {}),
      },
    },
  ];
}

/** Records support an earlier programme gave, so a one-off kind is not given again. */
export function recordPriorSupport(command: RecordPriorSupport, state: HouseholdSupportState): readonly [HouseholdPriorSupportRecorded] {
  const { householdId, programme, recordedOn, source } = command.data;
  const kind = kindOf(command.data.kind);
  activeHousehold(state, householdId);
  checkText(programme, 'PROGRAMME_REQUIRED', 'the earlier programme');
  checkText(source, 'SOURCE_REQUIRED', 'the source of the record');
  return [{ type: 'HouseholdPriorSupportRecorded.v1', data: { householdId, kind: kind.id, programme, recordedOn, source, priorEquipment: true } }];
}
