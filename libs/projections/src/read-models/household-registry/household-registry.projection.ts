import {
  HouseholdEvent, HouseholdEventType, assertNever,
} from '@pl/domain';
import { RecordedEvent } from '@pl/event-store';
import { Draft, Projection } from '../../projection';
import { HouseholdRegistryDoc } from './household-registry.document';

/** Where a commune code sits and what it maps to today; pure data from the unit catalogue. */
export interface UnitLookup {
  provinceOf(communeCode: string, onDate: string): string | undefined;
  currentUnitsOf(communeCode: string): readonly string[];
}

/** Keyed citizen-ID hashes the event codec stores beside the ciphertext; the projection has no secret to compute them. */
const hashesOf = (recorded: RecordedEvent): readonly string[] => {
  const hashes = (recorded.data as { citizenIdHashes?: unknown }).citizenIdHashes;
  return Array.isArray(hashes) ? hashes.filter((h): h is string => typeof h === 'string') : [];
};

/** The empty list every new household starts with: one frozen array shared, not five fresh ones per household. */
const NONE: readonly never[] = Object.freeze([]);

const withHashes = (known: readonly string[], added: readonly string[]): readonly string[] =>
  added.length === 0 ? known : [...new Set([...known, ...added])];

const withYear = (years: readonly number[], year: number): readonly number[] =>
  years.includes(year) ? years : [...years, year].sort((a, b) => a - b);

/** Name and version of the registry read model; its live collection is `collectionOf(householdRegistry)`. */
export const householdRegistry = { name: 'household-registry', version: 1 } as const;

/** The registry: each household's current status, history, flags and area (as recorded and mapped). */
export function householdRegistryProjection(units: UnitLookup): Projection<HouseholdRegistryDoc> {
  const area = (communeCode: string, onDate: string) => ({
    communeCode,
    provinceCode: units.provinceOf(communeCode, onDate) ?? null,
    currentCommuneCodes: units.currentUnitsOf(communeCode),
  });

  function evolve(doc: HouseholdRegistryDoc | null, recorded: RecordedEvent): Draft<HouseholdRegistryDoc> | null {
    const event = { type: recorded.type, data: recorded.data } as HouseholdEvent;
    if (event.type === HouseholdEventType.Registered) {
      const d = event.data;
      return {
        _id: d.householdId, householdId: d.householdId, ...area(d.address.communeCode, d.registeredOn),
        village: d.address.village, areaType: d.areaType, memberCount: d.memberCount,
        ethnicMinority: d.ethnicMinority, policyFamily: d.policyFamily, status: 'not-listed', active: true,
        registeredOn: d.registeredOn, dissolvedOn: null, lastAssessment: null, history: NONE, lastDecision: null,
        reviewYears: NONE, causes: NONE, needGroups: NONE, personal: d.personal,
        citizenIdHashes: withHashes(NONE, hashesOf(recorded)), personalDataErased: false,
      };
    }
    if (!doc) throw new Error(`${recorded.type} at position ${recorded.position} for a household the registry has not seen registered`);
    switch (event.type) {
      case HouseholdEventType.Assessed: {
        const d = event.data;
        return {
          ...doc,
          lastAssessment: {
            reviewYear: d.reviewYear, reviewKind: d.reviewKind, assessedOn: d.assessedOn, standardId: d.standardId,
            proposedCategory: d.proposedCategory, deprivations: d.deprivations,
          },
          reviewYears: withYear(doc.reviewYears, d.reviewYear),
        };
      }
      case HouseholdEventType.Recognised: {
        const d = event.data;
        const change = { reviewYear: d.reviewYear, from: d.from, to: d.to, transition: d.transition, decision: d.decision };
        return { ...doc, status: d.to, history: [...doc.history, change], lastDecision: d.decision, reviewYears: withYear(doc.reviewYears, d.reviewYear) };
      }
      case HouseholdEventType.MembersChanged:
        // A former member stays findable by ID: search answers "which households has this person been part of".
        return { ...doc, memberCount: event.data.memberCount, citizenIdHashes: withHashes(doc.citizenIdHashes, hashesOf(recorded)) };
      case HouseholdEventType.Relocated:
        return { ...doc, ...area(event.data.to.communeCode, event.data.movedOn), village: event.data.to.village, areaType: event.data.areaType };
      case HouseholdEventType.Dissolved:
        return { ...doc, active: false, dissolvedOn: event.data.dissolvedOn };
      case HouseholdEventType.CausesRecorded:
        return { ...doc, causes: [...event.data.causes], needGroups: [...event.data.needGroups] };
      case HouseholdEventType.PersonalDataErased:
        return { ...doc, personal: null, citizenIdHashes: NONE, personalDataErased: true };
      default:
        return assertNever(event, 'household event');
    }
  }

  return {
    ...householdRegistry,
    handles: new Set(Object.values(HouseholdEventType)),
    indexes: [
      { fields: ['communeCode', 'status'] },
      { fields: ['provinceCode', 'status'] },
      { fields: ['status'] },
      { fields: ['citizenIdHashes'] },
    ],
    keys: (event) => [(event.data as { householdId: string }).householdId],
    evolve: (doc, event) => evolve(doc, event),
  };
}
