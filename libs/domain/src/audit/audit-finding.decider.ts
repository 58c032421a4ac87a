import { Decider, assertNever } from '../shared/decider';
import { conflict, invalid, notFound } from '../shared/errors';
import { AuditFindingCommand, ExplainFinding } from './audit-finding.commands';
import { AuditFindingEvent, AuditFindingState, evolveAuditFinding, initialAuditFindingState } from './audit-finding.events';

function known(findingId: string, onRecord: boolean): void {
  if (!findingId.trim() || !onRecord) throw notFound('FINDING_NOT_FOUND', `audit finding ${findingId} is not on record`, { findingId });
}

function explain(command: ExplainFinding, state: AuditFindingState): readonly AuditFindingEvent[] {
  const { findingId, explanation, legalBasis } = command.data;
  if (!explanation.trim()) throw invalid('EXPLANATION_REQUIRED', 'an explanation says why the finding is justified');
  if (legalBasis && !legalBasis.number.trim()) throw invalid('LEGAL_BASIS_INCOMPLETE', 'a legal basis names the number of its act');
  // One explanation per finding: a second would leave the record saying two different things.
  if (state.explained) throw conflict('FINDING_ALREADY_EXPLAINED', `audit finding ${findingId} is already explained`, { findingId });
  return [{ type: 'AuditFindingExplained.v1', data: { findingId, explanation, ...(legalBasis ? { legalBasis } : {}) } }];
}

/** Decides what an auditor's command on a finding means, or refuses it with a coded error. */
export function decideAuditFinding(command: AuditFindingCommand, state: AuditFindingState): readonly AuditFindingEvent[] {
  known(command.data.findingId, command.data.findingOnRecord);
  switch (command.type) {
    case 'AcknowledgeFinding': {
      const { findingId, note } = command.data;
      if (!note.trim()) throw invalid('NOTE_REQUIRED', 'an acknowledgement notes what follows from the finding');
      if (state.explained) throw conflict('FINDING_ALREADY_EXPLAINED', `audit finding ${findingId} is already explained`, { findingId });
      if (state.acknowledged) throw conflict('FINDING_ALREADY_ACKNOWLEDGED', `audit finding ${findingId} is already acknowledged`, { findingId });
      return [{ type: 'AuditFindingAcknowledged.v1', data: { findingId, note } }];
    }
    case 'ExplainFinding':
      return explain(command, state);
    default:
      return assertNever(command, 'audit finding command');
  }
}

/** An auditor's record on one finding: acknowledged, then perhaps explained. */
export const auditFindingDecider: Decider<AuditFindingCommand, AuditFindingEvent, AuditFindingState> = {
  decide: decideAuditFinding,
  evolve: evolveAuditFinding,
  initialState: initialAuditFindingState,
};
