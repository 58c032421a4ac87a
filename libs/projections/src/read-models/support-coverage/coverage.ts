import { HouseholdStatus, SupportKindId } from '@pl/domain';
import { HouseholdRegistryDoc } from '../household-registry/household-registry.document';
import { SupportCoverageDoc } from './support-coverage.document';

/** A commune's coverage of one kind on a date. */
export interface Coverage {
  readonly communeCode: string;
  readonly kind: SupportKindId;
  readonly asOf: string;
  /** Active households listed poor or near-poor on `asOf`. */
  readonly eligible: number;
  /** Eligible households that had received the kind by `asOf`, here or from an earlier programme. */
  readonly covered: number;
  readonly grantedHere: number;
  readonly fromEarlierProgrammes: number;
  /** covered / eligible, in percent to 2 decimals; 0 when no household is eligible. */
  readonly coveragePercent: number;
  readonly uncoveredHouseholdIds: readonly string[];
}

/** The status the registry shows for a household on a date: the last decision dated on or before it. */
export function registryStatusOn(doc: HouseholdRegistryDoc, date: string): HouseholdStatus {
  let status: HouseholdStatus = 'not-listed';
  let since = '';
  for (const change of doc.history) {
    if (change.decision.date <= date && change.decision.date >= since) {
      status = change.to;
      since = change.decision.date;
    }
  }
  return status;
}

const activeOn = (doc: HouseholdRegistryDoc, date: string): boolean => doc.registeredOn <= date && (doc.dissolvedOn === null || doc.dissolvedOn > date);

/** Whether a household was on the poor or near-poor list on a date. */
export const eligibleOn = (doc: HouseholdRegistryDoc, date: string): boolean => {
  if (!activeOn(doc, date)) return false;
  const status = registryStatusOn(doc, date);
  return status === 'poor' || status === 'near-poor';
};

const round2 = (value: number): number => Math.round(value * 100) / 100;

/** Joins a commune's registry documents with what each household received. */
export function coverageOf(
  communeCode: string,
  kind: SupportKindId,
  asOf: string,
  households: readonly HouseholdRegistryDoc[],
  received: ReadonlyMap<string, SupportCoverageDoc>,
): Coverage {
  const eligible = households.filter((h) => eligibleOn(h, asOf));
  let grantedHere = 0;
  let fromEarlierProgrammes = 0;
  const uncovered: string[] = [];
  for (const h of eligible) {
    const got = received.get(h.householdId)?.kinds[kind];
    const granted = got?.grantedOn != null && got.grantedOn <= asOf;
    const prior = got?.priorOn != null && got.priorOn <= asOf;
    if (granted) grantedHere++;
    else if (prior) fromEarlierProgrammes++;
    else uncovered.push(h.householdId);
  }
  const covered = grantedHere + fromEarlierProgrammes;
  return {
    communeCode, kind, asOf, eligible: eligible.length, covered, grantedHere, fromEarlierProgrammes,
    coveragePercent: eligible.length === 0 ? 0 : round2((covered / eligible.length) * 100),
    uncoveredHouseholdIds: uncovered.sort(),
  };
}
