import { assertNever, Decider } from '../shared/decider';
import { conflict, invalid, notFound, ruleViolated } from '../shared/errors';
import { AmendDirective, DirectiveCommand, IssueDirective, ReportImplementation } from './directive.commands';
import { DirectiveEvent } from './directive.events';
import { DirectiveState, evolveDirective, initialDirectiveState, IssuedDirective, isRecipient } from './directive.state';
import { checkRecipients, checkReporting, checkTargets, documentNumber } from './directive.values';
import { dueDateFor } from './reporting';

const KINDS = ['cong-van', 'ke-hoach', 'quyet-dinh', 'chi-thi', 'thong-bao'];

function issue(command: IssueDirective, state: DirectiveState): readonly DirectiveEvent[] {
  const d = command.data;
  if (state.issued) throw conflict('DIRECTIVE_ALREADY_ISSUED', `directive ${d.directiveId} is already recorded as ${state.number}`);
  if (!KINDS.includes(d.kind)) throw invalid('INVALID_DIRECTIVE_KIND', `a document is one of ${KINDS.join(', ')}, got "${d.kind}"`);
  if (!d.issuer.name.trim()) throw invalid('ISSUER_REQUIRED', 'a document names the body that issued it');
  if (!d.subject.trim()) throw invalid('SUBJECT_REQUIRED', 'a document has a subject line');
  checkRecipients(d.recipients);
  if (d.reporting) checkReporting(d.reporting, d.issuedOn);
  checkTargets(d.targets);
  const number = documentNumber(d.number);
  const basedOn = d.basedOn.map((n) => documentNumber(n, 'basedOn'));
  return [{ type: 'DirectiveIssued.v1', data: { ...d, number, basedOn } }];
}

/** Only an issued, unrevoked directive changes; after revocation it is there to be read. */
function live(state: DirectiveState, directiveId: string): IssuedDirective {
  if (!state.issued) throw notFound('DIRECTIVE_NOT_FOUND', `directive ${directiveId} is not recorded`, { directiveId });
  if (state.revoked) {
    throw ruleViolated('DIRECTIVE_REVOKED', `directive ${state.number} was revoked on ${state.revoked.revokedOn}: it can only be read`, {
      directiveId,
    });
  }
  return state;
}

function recipient(state: IssuedDirective, recipientId: string): void {
  if (!isRecipient(state, recipientId)) {
    throw ruleViolated('NOT_A_RECIPIENT', `${recipientId} is not a recipient of ${state.number}, directly or by forwarding`, { recipientId });
  }
}

function report(command: ReportImplementation, state: IssuedDirective): readonly DirectiveEvent[] {
  const { recipientId, period, reportedOn } = command.data;
  recipient(state, recipientId);
  if (!state.reporting) throw ruleViolated('NO_REPORTING_DUTY', `${state.number} asks for no implementation report`);
  const dueDate = dueDateFor(state.reporting, period);
  if (state.reports.some((r) => r.recipientId === recipientId && r.period === period)) {
    throw conflict('ALREADY_REPORTED', `${recipientId} already reported on ${period}`, { recipientId, period });
  }
  if (Object.values(command.data.figures).some((v) => !Number.isFinite(v))) throw invalid('INVALID_FIGURES', 'report figures are numbers');
  return [{ type: 'DirectiveImplementationReported.v1', data: { ...command.data, dueDate, late: reportedOn > dueDate } }];
}

function amend(command: AmendDirective, state: IssuedDirective): readonly DirectiveEvent[] {
  const { changes, amendedOn } = command.data;
  if (Object.values(changes).every((v) => v === undefined)) throw invalid('EMPTY_AMENDMENT', 'an amendment changes something');
  if (changes.subject !== undefined && !changes.subject.trim()) throw invalid('SUBJECT_REQUIRED', 'a document has a subject line');
  if (changes.recipients) checkRecipients(changes.recipients);
  if (changes.reporting) checkReporting(changes.reporting, state.issuedOn);
  if (changes.targets) checkTargets(changes.targets);
  if (amendedOn < state.issuedOn) throw invalid('AMENDED_BEFORE_ISSUE', `${state.number} was issued on ${state.issuedOn}`);
  return [{ type: 'DirectiveAmended.v1', data: { ...command.data, byDocument: documentNumber(command.data.byDocument, 'byDocument') } }];
}

/** Decides what a command on a directive stream means, or refuses it with a coded error. */
export function decideDirective(command: DirectiveCommand, state: DirectiveState): readonly DirectiveEvent[] {
  if (command.type === 'IssueDirective') return issue(command, state);
  const directive = live(state, command.data.directiveId);
  switch (command.type) {
    case 'ForwardDirective': {
      recipient(directive, command.data.by.id);
      checkRecipients(command.data.to, 'to');
      return [{ type: 'DirectiveForwarded.v1', data: command.data }];
    }
    case 'AcknowledgeDirective': {
      const { recipientId } = command.data;
      recipient(directive, recipientId);
      const earlier = directive.acknowledged[recipientId];
      if (earlier) throw conflict('ALREADY_ACKNOWLEDGED', `${recipientId} acknowledged ${directive.number} on ${earlier}`, { recipientId });
      return [{ type: 'DirectiveAcknowledged.v1', data: command.data }];
    }
    case 'ReportImplementation':
      return report(command, directive);
    case 'AmendDirective':
      return amend(command, directive);
    case 'RevokeDirective': {
      const { byDocument, reason, revokedOn } = command.data;
      if (!reason.trim()) throw invalid('REASON_REQUIRED', 'a revocation gives its reason');
      if (revokedOn < directive.issuedOn) throw invalid('REVOKED_BEFORE_ISSUE', `${directive.number} was issued on ${directive.issuedOn}`);
      return [{ type: 'DirectiveRevoked.v1', data: { ...command.data, byDocument: documentNumber(byDocument, 'byDocument') } }];
    }
    default:
      return assertNever(command, 'directive command');
  }
}

/** An official document's life: issued, forwarded, acknowledged, reported on, amended, revoked. */
export const directiveDecider: Decider<DirectiveCommand, DirectiveEvent, DirectiveState> = {
  decide: decideDirective,
  evolve: evolveDirective,
  initialState: initialDirectiveState,
};
