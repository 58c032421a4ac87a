import { AuditFindingEvent, assertNever } from '@pl/domain';
import { RecordedEvent } from '@pl/event-store';
import { Draft } from '../../projection';
import { AuditFinding, AuditSubjectDoc } from './audit-findings.document';
import { findingFields } from './reconcile';

function reviewed(finding: AuditFinding, event: AuditFindingEvent, recorded: RecordedEvent): AuditFinding {
  const mark = { by: recorded.metadata.actor.id, at: recorded.metadata.recordedAt, position: recorded.position };
  switch (event.type) {
    case 'AuditFindingAcknowledged.v1':
      return { ...finding, status: 'acknowledged', acknowledgement: { ...mark, note: event.data.note } };
    case 'AuditFindingExplained.v1': {
      const { explanation, legalBasis } = event.data;
      return { ...finding, status: 'explained', explanation: { ...mark, explanation, ...(legalBasis ? { legalBasis } : {}) } };
    }
    default:
      return assertNever(event, 'audit finding event');
  }
}

/** An auditor's acknowledgement or explanation, set on the finding it names. */
export function evolveReview(doc: AuditSubjectDoc | null, recorded: RecordedEvent): Draft<AuditSubjectDoc> {
  const event = { type: recorded.type, data: recorded.data } as AuditFindingEvent;
  const findingId = event.data.findingId;
  // The application refuses a review of a finding the read model does not list, so a miss here is a defect to surface.
  if (!doc?.findings.some((f) => f.id === findingId)) throw new Error(`${recorded.type} at position ${recorded.position} names finding ${findingId}, which is not recorded`);
  return { ...doc, ...findingFields(doc.findings.map((f) => (f.id === findingId ? reviewed(f, event, recorded) : f))) };
}
