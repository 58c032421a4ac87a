import { isoDate } from '../shared/calendar';
import { communeCode } from '../shared/ids';
import { vnd } from '../shared/money';
import { deciderSpec } from '../shared/testing/decider-spec';
import { CommuneCommand, RecordHouseholdCount, RecordRadioUpgrade, RecordTrainingActivity } from './area.commands';
import { communeDecider } from './area.decider';
import { communeStream, CommuneEvent } from './area.events';

const spec = deciderSpec(communeDecider);
const COMMUNE = communeCode('31018');

const radio = (overrides: Partial<RecordRadioUpgrade['data']> = {}): RecordRadioUpgrade => ({
  type: 'RecordRadioUpgrade',
  data: {
    communeCode: COMMUNE,
    activityId: 'radio-2023',
    completedOn: isoDate('2023-11-30'),
    // As reported for one province in 2023 (docs/domain-rules.md §3): 6 stations and 98 clusters.
    stations: 6,
    loudspeakerClusters: 98,
    cost: vnd(1_450_000_000),
    fund: 'national-target-programme',
    decision: { number: '412/QĐ-UBND', date: isoDate('2023-05-15'), issuer: "provincial people's committee" },
    ...overrides,
  },
});

const training = (overrides: Partial<RecordTrainingActivity['data']> = {}): RecordTrainingActivity => ({
  type: 'RecordTrainingActivity',
  data: {
    communeCode: COMMUNE,
    activityId: 'training-2023-1',
    kind: 'training',
    heldOn: isoDate('2023-04-12'),
    participants: 300,
    topic: 'Truyền thông về Chương trình mục tiêu quốc gia giảm nghèo bền vững năm 2023',
    ...overrides,
  },
});

const householdCount = (overrides: Partial<RecordHouseholdCount['data']> = {}): RecordHouseholdCount => ({
  type: 'RecordHouseholdCount',
  data: {
    communeCode: COMMUNE,
    year: 2025,
    total: 2_140,
    urban: 340,
    rural: 1_800,
    ethnicMinority: 610,
    source: 'commune statistics office',
    recordedOn: isoDate('2025-09-01'),
    ...overrides,
  },
});

const after = (...commands: CommuneCommand[]): CommuneEvent[] =>
  commands.reduce<CommuneEvent[]>((events, command) => [...events, ...spec.given(events).when(command).events()], []);

describe('a commune radio upgrade', () => {
  it('when recorded, then the upgrade is kept as given', () => {
    spec
      .given([])
      .when(radio())
      .then([{ type: 'CommuneRadioUpgraded.v1', data: radio().data }]);
  });

  it('given the same activity, when recorded again, then a conflict', () => {
    spec
      .given(after(radio()))
      .when(radio({ completedOn: isoDate('2023-12-01') }))
      .thenThrows('DUPLICATE_ACTIVITY_ID', 'conflict');
  });

  it('when nothing was converted or installed, then invalid', () => {
    spec
      .given([])
      .when(radio({ stations: 0, loudspeakerClusters: 0 }))
      .thenThrows('INVALID_RADIO_UPGRADE', 'invalid');
  });

  it('names its stream after the commune', () => {
    expect(communeStream(COMMUNE)).toBe('commune-31018');
  });
});

describe('training and communication', () => {
  it('given a radio upgrade, when a training reuses its activity id, then a conflict', () => {
    spec
      .given(after(radio()))
      .when(training({ activityId: 'radio-2023' }))
      .thenThrows('DUPLICATE_ACTIVITY_ID', 'conflict');
  });

  it('when 300 officials are trained, then recorded', () => {
    spec
      .given([])
      .when(training())
      .then([{ type: 'CommuneTrainingHeld.v1', data: training().data }]);
  });

  it('when a paid activity names no fund, then invalid', () => {
    spec
      .given([])
      .when(training({ kind: 'communication', cost: vnd(15_000_000) }))
      .thenThrows('FUND_REQUIRED', 'invalid');
  });

  it('when nobody took part, then invalid', () => {
    spec
      .given([])
      .when(training({ participants: 0 }))
      .thenThrows('INVALID_PARTICIPANTS');
  });
});

describe('the household count a rate divides by', () => {
  it('when urban and rural add up to the total, then recorded as the first count of the year', () => {
    const [event] = spec.given([]).when(householdCount()).events();
    expect(event.data).toMatchObject({ year: 2025, total: 2_140, corrects: false });
  });

  it('given a count for 2025, when another is recorded for 2025, then it corrects the first and is the one in force', () => {
    const history = after(householdCount(), householdCount({ total: 2_150, rural: 1_810, recordedOn: isoDate('2025-10-01') }));
    expect(history[1].data).toMatchObject({ corrects: true });
    const state = history.reduce(communeDecider.evolve, communeDecider.initialState());
    expect(state.counts[2025].total).toBe(2_150);
  });

  it('given a count for 2024, when 2025 is recorded, then it is no correction', () => {
    const [event] = spec
      .given(after(householdCount({ year: 2024 })))
      .when(householdCount())
      .events();
    expect(event.data).toMatchObject({ corrects: false });
  });

  it.each([
    ['urban + rural above the total', { urban: 341 }],
    ['urban + rural below the total', { rural: 1_799 }],
    ['more ethnic-minority households than households', { ethnicMinority: 2_141 }],
    ['a negative count', { urban: -1, rural: 2_141 }],
  ])('when %s, then INVALID_HOUSEHOLD_COUNT', (_, overrides) => {
    spec.given([]).when(householdCount(overrides)).thenThrows('INVALID_HOUSEHOLD_COUNT', 'invalid');
  });

  it('when every household is ethnic-minority, then accepted', () => {
    expect(
      spec
        .given([])
        .when(householdCount({ ethnicMinority: 2_140 }))
        .events(),
    ).toHaveLength(1);
  });
});
