import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AuditFindingCommand, AuditFindingEvent, ExplanationBasis, assertNever, auditFindingDecider } from '@pl/domain';
import { READ_STORE, ReadStore } from '@pl/read-store';
import { CommandContext } from '../../commands/command-context';
import { CommandExecutor, Decided, EventFacts } from '../../commands/command-executor';
import { AccessPolicy } from '../../security/access-policy';
import { Principal } from '../../security/principal';
import { UNIT_DIRECTORY, UnitDirectory } from '../../wiring/unit-directory';
import { auditFindingStream } from './audit-finding-stream';
import { authorizeFinding } from './get-audit-finding.query';
import { FindingReader } from './finding-reader';

/** What an auditor records on a finding, as the edge maps it. */
export type FindingReview =
  | { readonly type: 'AcknowledgeFinding'; readonly note: string }
  | { readonly type: 'ExplainFinding'; readonly explanation: string; readonly legalBasis?: ExplanationBasis };

/** The answer: the events appended to the finding's stream and where they landed. */
export type FindingReviewResult = Decided<AuditFindingEvent>;

/** Records an auditor's acknowledgement or explanation of one finding. */
export class ReviewFinding extends Command<FindingReviewResult> {
  constructor(readonly findingId: string, readonly review: FindingReview, readonly principal: Principal, readonly context: CommandContext) {
    super();
  }
}

const factsOf = (event: AuditFindingEvent): EventFacts => {
  switch (event.type) {
    case 'AuditFindingAcknowledged.v1': return {};
    case 'AuditFindingExplained.v1': return event.data.legalBasis ? { legalBasis: event.data.legalBasis } : {};
    default: return assertNever(event, 'audit finding event');
  }
};

function commandOf(findingId: string, review: FindingReview, findingOnRecord: boolean): AuditFindingCommand {
  switch (review.type) {
    case 'AcknowledgeFinding': return { type: 'AcknowledgeFinding', data: { findingId, note: review.note, findingOnRecord } };
    case 'ExplainFinding': {
      const { explanation, legalBasis } = review;
      return { type: 'ExplainFinding', data: { findingId, explanation, findingOnRecord, ...(legalBasis ? { legalBasis } : {}) } };
    }
    default: return assertNever(review, 'finding review');
  }
}

/** The finding must be in the read model and in the auditor's areas; the decider refuses the rest. */
@CommandHandler(ReviewFinding)
export class ReviewFindingHandler implements ICommandHandler<ReviewFinding, FindingReviewResult> {
  private readonly reader: FindingReader;

  constructor(
    @Inject(CommandExecutor) private readonly executor: CommandExecutor,
    @Inject(READ_STORE) readStore: ReadStore,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
    @Inject(UNIT_DIRECTORY) units: UnitDirectory,
  ) {
    this.reader = new FindingReader(readStore, units);
  }

  async execute({ findingId, review, principal, context }: ReviewFinding): Promise<FindingReviewResult> {
    this.access.authorize(principal, 'audit:read');
    const finding = await this.reader.get(findingId);
    if (finding) authorizeFinding(this.access, principal, finding);
    return this.executor.execute(auditFindingStream(findingId), auditFindingDecider, commandOf(findingId, review, finding !== undefined), context, factsOf);
  }
}
