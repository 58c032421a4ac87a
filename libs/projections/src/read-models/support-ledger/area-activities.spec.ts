import { fundYearTotals } from './support-ledger.totals';
import { AreaYearLedgerDoc, FundYearLedgerDoc, areaYearLedgerId, fundYearLedgerId } from './support-ledger.document';
import { supportLedgerProjection } from './support-ledger.projection';
import { project } from './project.spec-helper';

const decision = { number: '1275/QĐ-UBND', date: '2023-05-10', issuer: 'Ủy ban nhân dân tỉnh' };

// Project 6 in one province in 2023: 6 stations and 98 loudspeaker clusters (docs/domain-rules.md §3).
const radio = (activityId: string, communeCode: string, stations: number, clusters: number, cost: number) => ({
  type: 'CommuneRadioUpgraded.v1',
  data: { communeCode, activityId, completedOn: '2023-11-20', stations, loudspeakerClusters: clusters, cost, fund: 'national-target-programme', decision },
});
const training = (activityId: string, communeCode: string, participants: number, cost?: number) => ({
  type: 'CommuneTrainingHeld.v1',
  data: { communeCode, activityId, kind: 'training', heldOn: '2023-08-02', participants, topic: 'Giảm nghèo về thông tin', ...(cost ? { cost, fund: 'national-target-programme' } : {}) },
});

describe('support ledger: support to communes as a whole', () => {
  it('given radio upgrades and training in two communes, then each commune-year counts its own and the fund-year counts both', () => {
    const docs = project(supportLedgerProjection, [
      radio('r-1', '07906', 2, 40, 900_000_000),
      radio('r-2', '07909', 4, 58, 1_300_000_000),
      training('t-1', '07906', 150, 45_000_000),
      training('t-2', '07906', 150),
    ]);
    const commune = docs.get(areaYearLedgerId('07906', 2023)) as AreaYearLedgerDoc;
    expect(commune.activities).toEqual({
      'radio-upgrade': { count: 1, amount: 900_000_000, stations: 2, loudspeakerClusters: 40, participants: 0 },
      training: { count: 2, amount: 45_000_000, stations: 0, loudspeakerClusters: 0, participants: 300 },
    });
    const fund = docs.get(fundYearLedgerId('national-target-programme', 2023)) as FundYearLedgerDoc;
    expect(fundYearTotals(fund, 2023).areaActivities).toEqual({
      'radio-upgrade': { count: 2, amount: 2_200_000_000, stations: 6, loudspeakerClusters: 98, participants: 0 },
      training: { count: 1, amount: 45_000_000, stations: 0, loudspeakerClusters: 0, participants: 150 },
    });
  });

  it('given a training paid by no fund, then no fund-year document is touched', () => {
    const docs = project(supportLedgerProjection, [training('t-9', '07909', 20)]);
    expect([...docs.keys()]).toEqual([areaYearLedgerId('07909', 2023)]);
  });
});
