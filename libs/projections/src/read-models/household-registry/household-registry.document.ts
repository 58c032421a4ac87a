import { HouseholdStatus, RecognitionDecision, RecognitionTransition } from '@pl/domain';
import { Document } from '@pl/read-store';

/** One status change as the registry shows it. */
export interface RegistryStatusChange {
  readonly reviewYear: number;
  readonly from: HouseholdStatus;
  readonly to: HouseholdStatus;
  readonly transition: RecognitionTransition;
  readonly decision: RecognitionDecision;
}

/** The current poverty registry: one document per household. */
export interface HouseholdRegistryDoc extends Document {
  readonly householdId: string;
  /** The commune as recorded on the household's last address event. */
  readonly communeCode: string;
  /** The province of that commune on the day it was recorded, where the catalogue knows it. */
  readonly provinceCode: string | null;
  /** Today's unit(s) the recorded commune maps to after reorganisations. */
  readonly currentCommuneCodes: readonly string[];
  readonly village: string;
  readonly areaType: 'urban' | 'rural';
  readonly memberCount: number;
  readonly ethnicMinority: boolean;
  readonly policyFamily: boolean;
  readonly status: HouseholdStatus;
  readonly active: boolean;
  readonly registeredOn: string;
  readonly dissolvedOn: string | null;
  readonly lastAssessment: {
    readonly reviewYear: number;
    readonly reviewKind: 'periodic' | 'regular';
    readonly assessedOn: string;
    readonly standardId: string;
    readonly proposedCategory: string;
    readonly deprivations: number;
  } | null;
  readonly history: readonly RegistryStatusChange[];
  readonly lastDecision: RecognitionDecision | null;
  /** Review years in which the household was assessed or recognised. */
  readonly reviewYears: readonly number[];
  readonly causes: readonly string[];
  readonly needGroups: readonly string[];
  /** Personal data as stored: ciphertext, opened at the edge only for roles that may see it; null once erased. */
  readonly personal: unknown;
  /** Keyed hashes of the citizen IDs the household was recorded with, for exact search; emptied on erasure. */
  readonly citizenIdHashes: readonly string[];
  readonly personalDataErased: boolean;
}
