import { nationalStandard } from '../poverty-standard/standard-for-year';
import { HouseholdAssessed, HouseholdAssessedV1Data } from './household.events';

/** One step of a stored event's evolution, in the shape the event store's upcaster registry takes. */
export type EventUpcaster = Readonly<{ from: string; to: string; upcast(data: unknown): unknown }>;

/** A v1 assessment read as v2: v1 surveys covered every indicator of their standard, so all were assessed. */
export function upcastHouseholdAssessedV1(data: HouseholdAssessedV1Data): HouseholdAssessed['data'] {
  return { ...data, indicatorsAssessed: nationalStandard(data.standardId).indicators };
}

/** Every upcaster of the household stream; wired at the store boundary so every reader sees current shapes. */
export const householdUpcasters: readonly EventUpcaster[] = [
  { from: 'HouseholdAssessed.v1', to: 'HouseholdAssessed.v2', upcast: (data) => upcastHouseholdAssessedV1(data as HouseholdAssessedV1Data) },
];
