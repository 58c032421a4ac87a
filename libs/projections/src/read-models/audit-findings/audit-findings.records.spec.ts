import {
  acknowledged, assessed, audit, directiveIssued, directiveRevoked, explained, granted, poorSince2023, recognised, registered,
} from './audit-findings.spec-helper';

describe('audit findings: records, directives and reviews', () => {
  it('given a recognition without a decision number, then recognition-without-decision-number', () => {
    const { findings } = audit([registered(), assessed('2023-10-01'), recognised('poor', '2023-12-20', ' ')]);
    expect(findings).toEqual([expect.objectContaining({ id: 'finding:recognition-without-decision-number:household-hh-1:r2', severity: 'high', communeCode: '00001' })]);
  });

  it('given a periodic survey outside 1 September-14 December without a reason, then a finding; with a reason or a regular review, none', () => {
    expect(audit([registered(), assessed('2023-12-28')]).findings).toEqual([
      expect.objectContaining({ ruleId: 'periodic-review-outside-window-without-reason', severity: 'medium', evidence: [expect.objectContaining({ type: 'HouseholdAssessed.v2' })] }),
    ]);
    expect(audit([registered(), assessed('2023-12-28', 'periodic', 'flood delayed the survey')]).findings).toEqual([]);
    expect(audit([registered(), assessed('2023-12-28', 'regular')]).findings).toEqual([]);
  });

  it('given a grant citing a directive, when a revocation recorded later is effective on or before the decision, then cites-revoked-directive', () => {
    const cites = granted('g-1', '2024-06-10', { decision: { number: '125/QĐ-UBND', date: '2024-06-01', issuer: 'UBND xã', directiveId: 'cv-715' } });
    const { findings } = audit([directiveIssued('cv-715', '2024-03-01'), ...poorSince2023(), cites, directiveRevoked('cv-715', '2024-05-01')]);
    expect(findings).toEqual([expect.objectContaining({
      id: 'finding:cites-revoked-directive:directive-cv-715:hh-1:g-1', directiveId: 'cv-715', householdId: 'hh-1', communeCode: null, detectedAtPosition: 6,
      evidence: [expect.objectContaining({ streamId: 'household-hh-1' }), expect.objectContaining({ streamId: 'directive-cv-715', type: 'DirectiveRevoked.v1' })],
    })]);
    expect(audit([directiveIssued('cv-715', '2024-03-01'), ...poorSince2023(), cites, directiveRevoked('cv-715', '2024-06-02')]).findings).toEqual([]);
  });

  it('given a recognition citing a directive already revoked on its date, then cites-revoked-directive with the commune it records', () => {
    const { findings } = audit([directiveIssued('kh-29', '2023-01-10'), directiveRevoked('kh-29', '2023-06-01'), registered(), recognised('poor', '2023-12-20', '125/QĐ-UBND', 'kh-29')]);
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'cites-revoked-directive', communeCode: '00001', directiveId: 'kh-29' })]);
  });

  it('given an open finding, when an auditor acknowledges and then explains it, then its status follows with who and when', () => {
    const id = 'finding:grant-not-eligible-on-date:household-hh-1:g-1';
    const base = [registered(), granted('g-1', '2024-03-01')];
    expect(audit([...base, acknowledged(id)]).findings[0]).toMatchObject({
      status: 'acknowledged', acknowledgement: { note: 'the commune will recover it', by: 'auditor-1', at: '2025-03-01T08:00:00.000Z', position: 3 },
    });
    expect(audit([...base, acknowledged(id), explained(id, 'district flood list')]).findings[0]).toMatchObject({ status: 'explained', explanation: { explanation: 'district flood list' } });
  });

  it('given a review naming a finding not recorded, then the projection stops on it rather than lose it', () => {
    expect(() => audit([...poorSince2023(), acknowledged('finding:loan-wrong-rate:household-hh-1:loan-9')])).toThrow(/not recorded/);
  });
});
