import { isoDate } from '@pl/domain';
import { PLAN, issued } from '../../../../domain/src/directive/directive.fixtures';
import { HouseholdRegistryDoc } from '../household-registry/household-registry.document';
import { project } from '../support-ledger/project.spec-helper';
import { targetProgress } from './target-progress';
import { DirectiveTargetsDoc } from './targets.document';
import { directiveTargetsProjection } from './targets.projection';

const plan = issued({ issuer: { code: '25', name: 'UBND tỉnh' }, targets: [{ year: 2019, reducePoor: 43, reduceNearPoor: 29 }] });
const amended = { type: 'DirectiveAmended.v1', data: { directiveId: PLAN, amendedOn: '2019-07-01', byDocument: '41/KH-UBND', changes: { targets: [{ year: 2019, reducePoor: 40, areaCode: '07906' }] } } };
const revoked = { type: 'DirectiveRevoked.v1', data: { directiveId: PLAN, revokedOn: '2019-09-01', byDocument: '52/QĐ-UBND', reason: 'replaced' } };
const targetsOf = (events: readonly { type: string; data: unknown }[]) => [...project<DirectiveTargetsDoc>(directiveTargetsProjection, events).values()];

const household = (changes: [string, string, string][]) =>
  ({ history: changes.map(([date, from, to]) => ({ from, to, decision: { number: '1/QĐ', date: isoDate(date), issuer: 'x' } })) }) as unknown as HouseholdRegistryDoc;

describe('targets projection', () => {
  it('given an issued plan, then its targets sit in the issuer\'s area for their year', () => {
    const [doc] = targetsOf([plan]);
    expect(doc).toMatchObject({ directiveId: PLAN, issuerCode: '25', areaYears: ['25:2019'], revokedOn: null });
  });

  it('given an amendment, then its targets replace the old ones whole, in their own area', () => {
    const [doc] = targetsOf([plan, amended]);
    expect(doc.areaYears).toEqual(['07906:2019']);
    expect(doc.targets).toEqual([{ areaCode: '07906', year: 2019, reducePoor: 40, reduceNearPoor: null, smartphoneCoveragePercent: null }]);
  });

  it('given exits decided in the year, then progress counts households leaving poor and near-poor against the targets', () => {
    const households = [
      household([['2018-12-20', 'not-listed', 'poor'], ['2019-12-18', 'poor', 'escaped']]),
      household([['2019-06-01', 'poor', 'near-poor']]),
      household([['2019-12-18', 'near-poor', 'escaped']]),
      household([['2019-12-18', 'near-poor', 'poor'], ['2020-12-18', 'poor', 'escaped']]),
    ];
    expect(targetProgress('25', 2019, targetsOf([plan]), households)).toMatchObject({
      target: { reducePoor: 43, reduceNearPoor: 29 }, achieved: { leftPoor: 2, leftNearPoor: 1 }, percent: { reducePoor: 4.65, reduceNearPoor: 3.45 },
    });
  });

  it('given a revoked plan, then its targets no longer count', () => {
    expect(targetProgress('25', 2019, targetsOf([plan, revoked]), []).target).toEqual({ reducePoor: 0, reduceNearPoor: 0 });
  });
});
