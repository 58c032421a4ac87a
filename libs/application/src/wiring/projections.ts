import { Document } from '@pl/read-store';
import {
  Projection, directiveBoardProjection, directiveTargetsProjection, householdRegistryProjection, supportCoverageProjection, supportLedgerProjection,
} from '@pl/projections';
import { UnitDirectory } from './unit-directory';
import { auditIndexProjection } from '@pl/projections';
import { povertyStatisticsProjection } from '@pl/projections';
import { statisticsUnitsOf } from '../statistics/statistics-units';
import { auditFindingsProjection } from '@pl/projections';

/** Every projection the product keeps up to date: the one place to see what runs. */
export function projectionsOf(units: UnitDirectory): Projection<Document>[] {
  return [
    householdRegistryProjection(units),
    supportLedgerProjection,
    supportCoverageProjection,
    directiveBoardProjection,
    directiveTargetsProjection,
    auditIndexProjection,
    povertyStatisticsProjection(statisticsUnitsOf(units)),
    auditFindingsProjection(units),
  ] as unknown as Projection<Document>[];
}
