import { Document } from '@pl/read-store';
import {
  Projection, directiveBoardProjection, directiveTargetsProjection, householdRegistryProjection, supportCoverageProjection, supportLedgerProjection,
} from '@pl/projections';
import { UnitDirectory } from './unit-directory';

/** Every projection the product keeps up to date: the one place to see what runs. */
export function projectionsOf(units: UnitDirectory): Projection<Document>[] {
  return [
    householdRegistryProjection(units),
    supportLedgerProjection,
    supportCoverageProjection,
    directiveBoardProjection,
    directiveTargetsProjection,
  ] as unknown as Projection<Document>[];
}
