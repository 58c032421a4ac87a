import { createHash } from 'node:crypto';
import { CommuneCode, DomainError, HouseholdId, IsoDate, RegisterHousehold, validateCitizenId } from '@pl/domain';
import { UnitDirectory } from '../wiring/unit-directory';
import { ImportField, columnName } from './import-columns';
import { ImportRow } from './import-table';
import { householdIdOf } from './import-ids';
import {
  CellProblem, areaTypeCell, citizenIdCell, communeCell, countCell, dateCell, flagCell, isMinorityEthnicity, policyCell,
} from './import-values';

/** A row ready to execute: the registration it asks for and the hash a re-run must match. */
export interface PreparedRow {
  readonly line: number;
  readonly householdCode: string;
  readonly communeCode: string;
  readonly householdId: HouseholdId;
  readonly command: RegisterHousehold;
  /** Hash of the row's normalized content; a defaulted registration date is left out so re-runs on later days still match. */
  readonly requestHash: string;
}

/** A row the import did not execute, and why. */
export interface RowRefusal {
  readonly line: number;
  readonly householdCode: string;
  readonly code: string;
  readonly message: string;
}

const REQUIRED_VALUES: readonly ImportField[] = ['householdCode', 'headName', 'communeCode', 'village', 'areaType', 'memberCount'];

/** Checks one row against the file's own rules and the unit catalogue, and builds its registration. */
export function prepareRow(row: ImportRow, units: UnitDirectory, today: IsoDate): PreparedRow | RowRefusal {
  const cell = (field: ImportField): string => row.cells[field] ?? '';
  const householdCode = cell('householdCode');
  const refuse = (code: string, message: string): RowRefusal => ({ line: row.line, householdCode, code, message: `line ${row.line}: ${message}` });
  try {
    const empty = REQUIRED_VALUES.filter((f) => cell(f) === '');
    if (empty.length) return refuse('MISSING_VALUE', `${empty.map(columnName).join(', ')} ${empty.length > 1 ? 'are' : 'is'} empty`);
    const communeCode = communeCell(cell('communeCode'));
    const registeredOn = cell('registeredOn') ? dateCell(cell('registeredOn'), 'registration date') : undefined;
    const on = registeredOn ?? today;
    if (!units.isCommune(communeCode, on)) {
      const known = units.catalogue.unit(communeCode)?.level === 'commune';
      return known
        ? refuse('COMMUNE_CLOSED', `commune ${communeCode} was not in existence on ${on} (closed by a reorganisation); register under the commune that replaced it`)
        : refuse('UNKNOWN_COMMUNE', `commune ${communeCode} is not in the administrative-unit catalogue`);
    }
    const birthDate = cell('birthDate') ? dateCell(cell('birthDate'), 'birth date') : undefined;
    const citizenId = cell('citizenId') ? citizenIdCell(cell('citizenId')) : undefined;
    if (citizenId) validateCitizenId(citizenId, birthDate);
    const ethnicity = cell('ethnicity');
    const ethnicMinority = cell('ethnicMinority') ? flagCell(cell('ethnicMinority'), 'DTTS') : isMinorityEthnicity(ethnicity);
    const content = {
      communeCode, householdCode, headName: cell('headName'), citizenId, birthDate, ethnicity: ethnicity || undefined, ethnicMinority,
      village: cell('village'), areaType: areaTypeCell(cell('areaType')), memberCount: countCell(cell('memberCount')),
      policyFamily: policyCell(cell('policyFamily')), registeredOn,
    };
    const householdId = householdIdOf(communeCode, householdCode);
    const command: RegisterHousehold = {
      type: 'RegisterHousehold',
      data: {
        householdId,
        registeredOn: on,
        address: { communeCode: communeCode as CommuneCode, village: content.village },
        areaType: content.areaType,
        memberCount: content.memberCount,
        ethnicMinority,
        policyFamily: content.policyFamily,
        personal: {
          headName: content.headName,
          ...(citizenId ? { headCitizenId: citizenId } : {}),
          ...(birthDate ? { headBirthDate: birthDate } : {}),
          ...(ethnicity ? { ethnicity } : {}),
        },
      },
    };
    return { line: row.line, householdCode, communeCode, householdId, command, requestHash: hashOf(content) };
  } catch (error) {
    if (error instanceof CellProblem || error instanceof DomainError) return refuse(error.code, error.message);
    throw error;
  }
}

/** Whether a prepared result was refused. */
export const isRefusal = (row: PreparedRow | RowRefusal): row is RowRefusal => 'code' in row;

// JSON.stringify drops undefined fields, and the key order is fixed by the literal above.
const hashOf = (content: object): string => createHash('sha256').update(JSON.stringify(content)).digest('base64url');
