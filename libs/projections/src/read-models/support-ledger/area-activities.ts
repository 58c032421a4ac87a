import { CommuneEventType, CommuneRadioUpgraded, CommuneTrainingHeld } from '@pl/domain';
import { RecordedEvent } from '@pl/event-store';
import { AreaActivities, AreaActivityKind, AreaActivityTotal } from './support-ledger.document';

/** An area-level activity as the ledger counts it. */
export interface AreaActivity {
  readonly kind: AreaActivityKind;
  readonly communeCode: string;
  readonly year: number;
  readonly fund?: string;
  readonly amount: number;
  readonly stations: number;
  readonly loudspeakerClusters: number;
  readonly participants: number;
}

export const AREA_ACTIVITY_EVENTS: readonly string[] = [CommuneEventType.RadioUpgraded, CommuneEventType.TrainingHeld];

/** The activity a commune event records, or undefined for any other event. */
export function areaActivityOf(event: RecordedEvent): AreaActivity | undefined {
  if (event.type === CommuneEventType.RadioUpgraded) {
    const d = event.data as CommuneRadioUpgraded['data'];
    return {
      kind: 'radio-upgrade', communeCode: d.communeCode, year: Number(d.completedOn.slice(0, 4)), fund: d.fund,
      amount: d.cost, stations: d.stations, loudspeakerClusters: d.loudspeakerClusters, participants: 0,
    };
  }
  if (event.type === CommuneEventType.TrainingHeld) {
    const d = event.data as CommuneTrainingHeld['data'];
    return {
      kind: d.kind, communeCode: d.communeCode, year: Number(d.heldOn.slice(0, 4)), ...(d.fund ? { fund: d.fund } : {}),
      amount: d.cost ?? 0, stations: 0, loudspeakerClusters: 0, participants: d.participants,
    };
  }
  return undefined;
}

/** The totals with one more activity. */
export function addActivity(totals: AreaActivities | undefined, activity: AreaActivity): AreaActivities {
  const was: AreaActivityTotal = totals?.[activity.kind] ?? { count: 0, amount: 0, stations: 0, loudspeakerClusters: 0, participants: 0 };
  return {
    ...totals,
    [activity.kind]: {
      count: was.count + 1,
      amount: was.amount + activity.amount,
      stations: was.stations + activity.stations,
      loudspeakerClusters: was.loudspeakerClusters + activity.loudspeakerClusters,
      participants: was.participants + activity.participants,
    },
  };
}
