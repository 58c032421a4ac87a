import { isoDate } from '../shared/calendar';
import { deciderSpec } from '../shared/testing/decider-spec';
import { AuditFindingCommand } from './audit-finding.commands';
import { auditFindingDecider } from './audit-finding.decider';
import { AuditFindingEvent } from './audit-finding.events';

const findingId = 'finding:grant-not-eligible-on-date:household-hh-1:g-1';
const spec = deciderSpec(auditFindingDecider);
const acknowledge = (note = 'the commune will recover the phone', findingOnRecord = true): AuditFindingCommand =>
  ({ type: 'AcknowledgeFinding', data: { findingId, note, findingOnRecord } });
const explain = (explanation = 'flood relief list of the district'): AuditFindingCommand =>
  ({ type: 'ExplainFinding', data: { findingId, explanation, findingOnRecord: true, legalBasis: { number: '45/QĐ-UBND', date: isoDate('2024-05-20') } } });
const acknowledged: AuditFindingEvent = { type: 'AuditFindingAcknowledged.v1', data: { findingId, note: 'seen' } };
const explained: AuditFindingEvent = { type: 'AuditFindingExplained.v1', data: { findingId, explanation: 'flood' } };

describe('audit finding decider', () => {
  it('given a finding on record, when an auditor acknowledges it with a note, then it is acknowledged', () => {
    spec.given([]).when(acknowledge()).then([{ type: 'AuditFindingAcknowledged.v1', data: { findingId, note: 'the commune will recover the phone' } }]);
  });

  it('given a finding the read model does not list, when acknowledged, then 404 FINDING_NOT_FOUND', () => {
    spec.given([]).when(acknowledge('seen', false)).thenThrows('FINDING_NOT_FOUND', 'not-found');
  });

  it('given an acknowledgement without a note, then INVALID NOTE_REQUIRED', () => {
    spec.given([]).when(acknowledge('  ')).thenThrows('NOTE_REQUIRED', 'invalid');
  });

  it('given an acknowledged finding, when acknowledged again, then conflict; when explained, then explained with its legal basis', () => {
    spec.given([acknowledged]).when(acknowledge()).thenThrows('FINDING_ALREADY_ACKNOWLEDGED', 'conflict');
    spec.given([acknowledged]).when(explain()).then([
      { type: 'AuditFindingExplained.v1', data: { findingId, explanation: 'flood relief list of the district', legalBasis: { number: '45/QĐ-UBND', date: isoDate('2024-05-20') } } },
    ]);
  });

  it('given an explained finding, when acknowledged or explained again, then conflict', () => {
    spec.given([explained]).when(acknowledge()).thenThrows('FINDING_ALREADY_EXPLAINED', 'conflict');
    spec.given([explained]).when(explain()).thenThrows('FINDING_ALREADY_EXPLAINED', 'conflict');
  });

  it('given an explanation that says nothing, then EXPLANATION_REQUIRED', () => {
    spec.given([]).when(explain(' ')).thenThrows('EXPLANATION_REQUIRED', 'invalid');
  });
});
