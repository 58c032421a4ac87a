import { assertNever, Decider } from '../shared/decider';
import { conflict, invalid } from '../shared/errors';
import { CommuneCommand, RecordHouseholdCount } from './area.commands';
import { CommuneEvent, CommuneState, evolveCommune, initialCommuneState } from './area.events';

const count = (value: number) => Number.isInteger(value) && value >= 0;

function newActivity(state: CommuneState, activityId: string): void {
  if (!activityId.trim()) throw invalid('ACTIVITY_ID_REQUIRED', 'an activity needs an id');
  if (state.activityIds.includes(activityId)) throw conflict('DUPLICATE_ACTIVITY_ID', `activity ${activityId} is already recorded`, { activityId });
}

function householdCount(command: RecordHouseholdCount, state: CommuneState): readonly CommuneEvent[] {
  const { year, total, urban, rural, ethnicMinority, source } = command.data;
  const fail = (why: string) =>
    invalid('INVALID_HOUSEHOLD_COUNT', `household count of ${year}: ${why}`, { year, total, urban, rural, ethnicMinority });
  if (!Number.isInteger(year) || year < 1900) throw fail('the year is not a calendar year');
  if (![total, urban, rural, ethnicMinority].every(count)) throw fail('counts are whole, non-negative numbers');
  // A rate is recomputed from this denominator, so its parts must add up (docs/domain-rules.md §2).
  if (urban + rural !== total) throw fail(`urban ${urban} + rural ${rural} is not the total ${total}`);
  if (ethnicMinority > total) throw fail(`ethnic-minority households ${ethnicMinority} exceed the total ${total}`);
  if (!source.trim()) throw invalid('SOURCE_REQUIRED', 'a household count names its source');
  return [{ type: 'CommuneHouseholdCountRecorded.v1', data: { ...command.data, corrects: state.counts[year] !== undefined } }];
}

/** Decides what a command on a commune's stream means, or refuses it with a coded error. */
export function decideCommune(command: CommuneCommand, state: CommuneState): readonly CommuneEvent[] {
  switch (command.type) {
    case 'RecordRadioUpgrade': {
      const { activityId, stations, loudspeakerClusters, decision } = command.data;
      newActivity(state, activityId);
      if (!count(stations) || !count(loudspeakerClusters) || stations + loudspeakerClusters === 0) {
        throw invalid('INVALID_RADIO_UPGRADE', 'an upgrade converts at least one station or installs at least one loudspeaker cluster');
      }
      if (!decision.number.trim()) throw invalid('DECISION_REQUIRED', 'a radio upgrade is carried by a decision');
      return [{ type: 'CommuneRadioUpgraded.v1', data: command.data }];
    }
    case 'RecordTrainingActivity': {
      const { activityId, participants, topic, cost, fund } = command.data;
      newActivity(state, activityId);
      if (!Number.isInteger(participants) || participants < 1) throw invalid('INVALID_PARTICIPANTS', 'an activity has at least one participant');
      if (!topic.trim()) throw invalid('TOPIC_REQUIRED', 'an activity names its topic');
      if (cost !== undefined && cost > 0 && !fund) throw invalid('FUND_REQUIRED', 'a paid activity names the fund it was paid from');
      return [{ type: 'CommuneTrainingHeld.v1', data: command.data }];
    }
    case 'RecordHouseholdCount':
      return householdCount(command, state);
    default:
      return assertNever(command, 'commune command');
  }
}

/** Area-level support of one commune: radio, training, and the household counts statistics divide by. */
export const communeDecider: Decider<CommuneCommand, CommuneEvent, CommuneState> = {
  decide: decideCommune,
  evolve: evolveCommune,
  initialState: initialCommuneState,
};
