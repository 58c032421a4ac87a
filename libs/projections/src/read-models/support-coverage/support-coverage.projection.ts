import { HouseholdPriorSupportRecorded, HouseholdSupportGranted, SupportEventType, assertNever } from '@pl/domain';
import { RecordedEvent } from '@pl/event-store';
import { Draft, Projection } from '../../projection';
import { KindReceived, SupportCoverageDoc } from './support-coverage.document';

/** Name and version of the coverage read model; its live collection is `collectionOf(supportCoverage)`. */
export const supportCoverage = { name: 'support-coverage', version: 1 } as const;

type CoverageEvent = HouseholdSupportGranted | HouseholdPriorSupportRecorded;

const earliest = (known: string | null, date: string): string => (known !== null && known <= date ? known : date);

function evolve(doc: SupportCoverageDoc | null, recorded: RecordedEvent, id: string): Draft<SupportCoverageDoc> {
  const event = { type: recorded.type, data: recorded.data } as CoverageEvent;
  const base: Draft<SupportCoverageDoc> = doc ?? { _id: id, householdId: event.data.householdId, kinds: {} };
  const kind = event.data.kind;
  const was: KindReceived = base.kinds[kind] ?? { grantedOn: null, priorOn: null };
  switch (event.type) {
    case 'HouseholdSupportGranted.v1':
      return { ...base, kinds: { ...base.kinds, [kind]: { ...was, grantedOn: earliest(was.grantedOn, event.data.grantedOn) } } };
    case 'HouseholdPriorSupportRecorded.v1':
      return { ...base, kinds: { ...base.kinds, [kind]: { ...was, priorOn: earliest(was.priorOn, event.data.recordedOn) } } };
    default:
      return assertNever(event, 'coverage event');
  }
}

/** Which kinds each household has received and since when; the commune comes from the registry at query time. */
export const supportCoverageProjection: Projection<SupportCoverageDoc> = {
  ...supportCoverage,
  handles: new Set<string>([SupportEventType.Granted, SupportEventType.PriorRecorded]),
  indexes: [],
  keys: (event) => [(event.data as { householdId: string }).householdId],
  evolve,
};
