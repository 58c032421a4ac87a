import { Decider, assertNever } from '../shared/decider';
import { invalid, notFound, ruleViolated } from '../shared/errors';
import { classifyUnder } from '../poverty-standard/classify';
import { standardForReviewYear } from '../poverty-standard/standard-for-year';
import { checkedCodes, isNeedGroup, isPovertyCause, NEED_GROUPS, POVERTY_CAUSES } from './household.causes';
import {
  AssessHousehold,
  HouseholdCommand,
  RecogniseHousehold,
  RegisterHousehold,
  RelocateHousehold,
} from './household.commands';
import { HouseholdEvent, isHouseholdEvent } from './household.events';
import { assessedIndicators } from './household.indicators';
import { checkCitizenIds, erasePersonalData, refuseIfErased } from './household.personal-data';
import { evolveHousehold, HouseholdState, initialHouseholdState, RegisteredHousehold } from './household.state';
import { MAX_MEMBERS, MIN_MEMBERS, statusMatchesCategory, transitionBetween } from './household.values';
import { withinPeriodicWindow } from './review-window';

/** Decides what a command on a household stream means, or refuses it with a coded error. */
export function decideHousehold(command: HouseholdCommand, state: HouseholdState): readonly HouseholdEvent[] {
  if (command.type === 'RegisterHousehold') return register(command, state);
  if (command.type === 'ErasePersonalData') return erasePersonalData(command, state);
  const household = active(state, command.data.householdId);
  switch (command.type) {
    case 'AssessHousehold':
      return assess(command, household);
    case 'RecogniseHousehold':
      return recognise(command, household);
    case 'ChangeMembers':
      checkMemberCount(command.data.memberCount);
      refuseIfErased(household, command.data.personal !== undefined);
      checkCitizenIds(command.data.personal);
      return [{ type: 'HouseholdMembersChanged.v1', data: command.data }];
    case 'RelocateHousehold':
      return relocate(command, household);
    case 'DissolveHousehold':
      if (!command.data.reason.trim()) throw invalid('REASON_REQUIRED', 'a dissolution needs a reason');
      return [{ type: 'HouseholdDissolved.v1', data: command.data }];
    case 'RecordCauses': {
      const { householdId, recordedOn } = command.data;
      const causes = checkedCodes(command.data.causes, isPovertyCause, 'UNKNOWN_POVERTY_CAUSE', 'poverty cause(s)', POVERTY_CAUSES);
      const needGroups = checkedCodes(command.data.needGroups, isNeedGroup, 'UNKNOWN_NEED_GROUP', 'need group(s)', NEED_GROUPS);
      return [{ type: 'HouseholdCausesRecorded.v1', data: { householdId, recordedOn, causes, needGroups } }];
    }
    default:
      return assertNever(command, 'household command');
  }
}

function register(command: RegisterHousehold, state: HouseholdState): readonly HouseholdEvent[] {
  if (state.registered) {
    throw ruleViolated('HOUSEHOLD_ALREADY_REGISTERED', `household ${state.householdId} is already registered`, { householdId: state.householdId });
  }
  checkMemberCount(command.data.memberCount);
  if (!command.data.personal.headName.trim()) throw invalid('HEAD_NAME_REQUIRED', 'the head of household needs a name');
  checkCitizenIds(command.data.personal);
  return [{ type: 'HouseholdRegistered.v1', data: command.data }];
}

function active(state: HouseholdState, householdId: string): RegisteredHousehold {
  if (!state.registered) throw notFound('HOUSEHOLD_NOT_FOUND', `household ${householdId} is not registered`, { householdId });
  if (state.dissolved) throw ruleViolated('HOUSEHOLD_DISSOLVED', `household ${householdId} is dissolved: nothing can follow`, { householdId });
  return state;
}

function checkMemberCount(count: number): void {
  if (!Number.isInteger(count) || count < MIN_MEMBERS || count > MAX_MEMBERS) {
    throw invalid('INVALID_MEMBER_COUNT', `a household has ${MIN_MEMBERS} to ${MAX_MEMBERS} members, got ${count}`, { memberCount: count });
  }
}

function assess(command: AssessHousehold, household: RegisteredHousehold): readonly HouseholdEvent[] {
  const { reviewYear, reviewKind, assessedOn, outOfWindowReason } = command.data;
  const standard = standardForReviewYear(reviewYear);
  if (!command.data.surveyor.trim()) throw invalid('SURVEYOR_REQUIRED', 'an assessment names its surveyor');
  if (reviewKind === 'periodic' && !withinPeriodicWindow(reviewYear, assessedOn) && !outOfWindowReason?.trim()) {
    throw ruleViolated(
      'REVIEW_OUTSIDE_WINDOW',
      `a periodic review of ${reviewYear} runs from 1 September to 14 December; ${assessedOn} is outside it, so give an out-of-window reason`,
      { reviewYear, assessedOn },
    );
  }
  const result = classifyUnder(standard, { ...command.data, areaType: household.areaType });
  const { indicatorsAssessed, ...surveyed } = command.data;
  return [
    {
      type: 'HouseholdAssessed.v2',
      data: {
        ...surveyed,
        indicatorsAssessed: assessedIndicators(standard, indicatorsAssessed, result.reasons.deficientIndicators),
        deficientIndicators: result.reasons.deficientIndicators,
        standardId: result.standardId,
        proposedCategory: result.category,
        deprivations: result.reasons.deprivations,
      },
    },
  ];
}

function recognise(command: RecogniseHousehold, household: RegisteredHousehold): readonly HouseholdEvent[] {
  const { householdId, reviewYear, reviewKind, decision, to } = command.data;
  if (!decision.number.trim()) {
    throw ruleViolated('RECOGNITION_WITHOUT_DECISION', 'a status change needs the number of the decision that carries it', { householdId });
  }
  const assessment = household.assessments[reviewYear];
  if (!assessment) {
    throw ruleViolated('NO_ASSESSMENT_FOR_REVIEW_YEAR', `household ${householdId} has no assessment in review year ${reviewYear}`, {
      householdId,
      reviewYear,
    });
  }
  const from = household.status;
  const transition = transitionBetween(from, to);
  if (!transition) {
    throw ruleViolated('TRANSITION_NOT_ALLOWED', `a household cannot be recognised from ${from} to ${to}`, { householdId, from, to });
  }
  return [
    {
      type: 'HouseholdRecognised.v1',
      data: {
        householdId,
        reviewYear,
        reviewKind,
        decision,
        from,
        to,
        transition,
        standardId: assessment.standardId,
        deprivations: assessment.deprivations,
        communeCode: household.address.communeCode,
        proposedCategory: assessment.proposedCategory,
        matchesAssessment: statusMatchesCategory(to, assessment.proposedCategory),
      },
    },
  ];
}

function relocate(command: RelocateHousehold, household: RegisteredHousehold): readonly HouseholdEvent[] {
  const { householdId, to, areaType, movedOn } = command.data;
  if (to.communeCode === household.address.communeCode) {
    throw ruleViolated('SAME_COMMUNE', `household ${householdId} already lives in commune ${to.communeCode}: a relocation changes commune`, {
      householdId,
      communeCode: to.communeCode,
    });
  }
  return [{ type: 'HouseholdRelocated.v1', data: { householdId, from: household.address, to, areaType, movedOn } }];
}

/** The household aggregate: one stream per household. */
export const householdDecider: Decider<HouseholdCommand, HouseholdEvent, HouseholdState> = {
  decide: decideHousehold,
  // The household's stream also holds its support (grants, loans: see ../support), which
  // folds into the support decider's state; the household's own state passes over it.
  evolve: (state, event) => (isHouseholdEvent(event) ? evolveHousehold(state, event) : state),
  initialState: initialHouseholdState,
};
