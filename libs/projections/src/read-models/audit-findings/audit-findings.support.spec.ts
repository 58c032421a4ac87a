import {
  acknowledged, audit, dissolved, granted, lent, poorSince2023, priorSupport, recognised, registered,
} from './audit-findings.spec-helper';

const G1 = 'finding:grant-not-eligible-on-date:household-hh-1:g-1';
const only = (ruleId: string, events: Parameters<typeof audit>[0]) => audit(events).findings.filter((f) => f.ruleId === ruleId);

describe('audit findings: support', () => {
  it('given a smartphone to a poor household, then no finding', () => {
    expect(audit([...poorSince2023(), granted('g-1', '2024-03-01')]).findings).toEqual([]);
  });

  it('given a smartphone to a household never listed, then grant-not-eligible-on-date with the grant as evidence', () => {
    const { findings } = audit([registered(), granted('g-1', '2024-03-01')]);
    expect(findings).toEqual([expect.objectContaining({
      id: G1, ruleId: 'grant-not-eligible-on-date', severity: 'high', status: 'open', communeCode: '00001', provinceCode: '01',
      householdId: 'hh-1', fund: 'public-utility-telecom-fund', detectedAtPosition: 2, message: expect.stringContaining('not-listed'),
      evidence: [{ position: 2, streamId: 'household-hh-1', revision: 1, eventId: 'e-2', type: 'HouseholdSupportGranted.v1' }],
    })]);
  });

  it('given a grant on 2024-03-01 while poor, when a correction recorded later and dated 2024-02-15 moves the household to escaped, then the grant is found ineligible on its date', () => {
    const correction = recognised('escaped', '2024-02-15', '31/QĐ-UBND');
    const { findings } = audit([...poorSince2023(), granted('g-1', '2024-03-01'), correction]);
    expect(findings).toEqual([expect.objectContaining({
      id: G1, detectedAtPosition: 5, message: expect.stringMatching(/escaped.*31\/QĐ-UBND dated 2024-02-15, recorded after the grant/),
      evidence: [expect.objectContaining({ position: 4, type: 'HouseholdSupportGranted.v1' }), expect.objectContaining({ position: 5, type: 'HouseholdRecognised.v1' })],
    })]);
  });

  it('given that finding, when a further correction dated on or before the grant restores poor, then the finding is kept, marked resolved', () => {
    const { findings } = audit([
      ...poorSince2023(), granted('g-1', '2024-03-01'), recognised('escaped', '2024-02-15'), acknowledged(G1), recognised('poor', '2024-02-20'),
    ]);
    expect(findings).toEqual([expect.objectContaining({ id: G1, status: 'acknowledged', detectedAtPosition: 5, resolvedByPosition: 7 })]);
  });

  it('given a correction dated after the grant, then the grant stays eligible', () => {
    expect(audit([...poorSince2023(), granted('g-1', '2024-03-01'), recognised('escaped', '2024-03-02')]).findings).toEqual([]);
  });

  it('given two smartphones, or one after an earlier programme gave one, then duplicate-one-off-support on the later one with both as evidence', () => {
    const twice = only('duplicate-one-off-support', [...poorSince2023(), granted('g-1', '2024-03-01'), granted('g-2', '2024-04-01')]);
    expect(twice).toEqual([expect.objectContaining({
      id: 'finding:duplicate-one-off-support:household-hh-1:g-2', severity: 'high',
      evidence: [expect.objectContaining({ position: 5 }), expect.objectContaining({ position: 4 })],
    })]);
    const afterPrior = only('duplicate-one-off-support', [...poorSince2023(), priorSupport('smartphone', '2022-05-01'), granted('g-1', '2024-03-01')]);
    expect(afterPrior.map((f) => f.id)).toEqual(['finding:duplicate-one-off-support:household-hh-1:g-1']);
    expect(only('duplicate-one-off-support', [...poorSince2023(), granted('g-1', '2024-03-01', { kind: 'health-insurance', form: 'service', fund: 'provincial-budget' }), granted('g-2', '2024-04-01', { kind: 'health-insurance', form: 'service', fund: 'provincial-budget' })])).toEqual([]);
  });

  it('given a loan above the cap, longer than 120 months, then loan-above-cap and loan-term-too-long', () => {
    const found = audit([...poorSince2023(), lent({ amount: 120_000_000, termMonths: 144 })]).findings.map((f) => [f.ruleId, f.severity]);
    expect(found).toEqual([['loan-above-cap', 'high'], ['loan-term-too-long', 'medium']]);
  });

  it('given a loan at the near-poor rate to a poor household, then loan-wrong-rate', () => {
    const { findings } = audit([...poorSince2023(), lent({ annualRatePercent: 7.92 })]);
    expect(findings).toEqual([expect.objectContaining({ id: 'finding:loan-wrong-rate:household-hh-1:loan-1', message: expect.stringContaining('6.6') })]);
  });

  it('given a loan at the poor rate, when a backdated correction makes the borrower near-poor on its date, then loan-wrong-rate', () => {
    const { findings } = audit([...poorSince2023(), lent(), recognised('near-poor', '2024-05-01')]);
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'loan-wrong-rate', detectedAtPosition: 5, message: expect.stringContaining('7.92') })]);
  });

  it('given support dated on or after a dissolution, even one recorded later, then support-after-dissolution', () => {
    const { findings } = audit([...poorSince2023(), granted('g-1', '2024-03-01'), dissolved('2024-02-01')]);
    expect(findings.map((f) => f.ruleId)).toEqual(['support-after-dissolution']);
    expect(findings[0].evidence.map((e) => e.type)).toEqual(['HouseholdSupportGranted.v1', 'HouseholdDissolved.v1']);
    expect(audit([...poorSince2023(), granted('g-1', '2024-03-01'), dissolved('2024-03-02')]).findings).toEqual([]);
  });

  it('given a grant under an exception, then exception-granted (low) beside the rule it set aside', () => {
    const exception = { legalBasis: { number: '45/QĐ-UBND', date: '2024-05-20' }, reason: 'flood', overrides: ['NOT_ELIGIBLE_ON_GRANT_DATE'] };
    const { findings } = audit([registered(), granted('g-1', '2024-06-10', { exception })]);
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([['grant-not-eligible-on-date', 'high'], ['exception-granted', 'low']]);
    expect(findings[1].message).toContain('45/QĐ-UBND');
  });
});
