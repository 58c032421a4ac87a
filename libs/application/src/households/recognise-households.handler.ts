import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DomainError, HouseholdEventType, RecogniseHousehold, RecognitionDecision, householdStream, invalid } from '@pl/domain';
import { EVENT_STORE, EventStore } from '@pl/event-store';
import { CommandContext } from '../commands/command-context';
import { CommandExecutor } from '../commands/command-executor';
import { deterministicId } from '../commands/deterministic-id';
import { citableDirective } from '../directives/directive-reader';
import { UNIT_DIRECTORY, UnitDirectory } from '../wiring/unit-directory';
import { mapBounded } from './bounded-map';
import { communeGuardedDecider } from './commune-guarded-decider';
import { householdFacts } from './execute-household-command.handler';
import { RecogniseHouseholds, RecognitionBatchResult, RecognitionEntry, RecognitionOutcome } from './recognise-households.command';

/** A recognition decision may cite the directive it implements. */
type CitingDecision = RecognitionDecision & { readonly directiveId?: string };

/** Enough to keep the log's group commit busy without one decision starving other requests. */
const CONCURRENCY = 16;

@CommandHandler(RecogniseHouseholds)
export class RecogniseHouseholdsHandler implements ICommandHandler<RecogniseHouseholds, RecognitionBatchResult> {
  constructor(
    @Inject(CommandExecutor) private readonly executor: CommandExecutor,
    @Inject(UNIT_DIRECTORY) private readonly units: UnitDirectory,
    @Inject(EVENT_STORE) private readonly store?: EventStore,
  ) {}

  async execute(batch: RecogniseHouseholds): Promise<RecognitionBatchResult> {
    refuseDuplicates(batch.entries);
    await this.checkCitation(batch.decision);
    const decider = communeGuardedDecider(batch.communeCode, (code) => this.units.currentUnitsOf(code));
    const results = await mapBounded(batch.entries, CONCURRENCY, (entry) => this.recognise(batch, entry, decider));
    const recognised = results.filter((r) => r.outcome === 'recognised');
    return {
      decisionNumber: batch.decision.number,
      communeCode: batch.communeCode,
      results,
      totals: { entries: results.length, recognised: recognised.length, refused: results.length - recognised.length },
      position: recognised.reduce((max, r) => Math.max(max, r.position), 0),
    };
  }

  /** A decision that cites a directive is refused whole when the directive is unknown or revoked on its date. */
  private async checkCitation(decision: CitingDecision): Promise<void> {
    if (!decision.directiveId) return;
    if (!this.store) throw new Error('a decision cites a directive but no event store was given to read it');
    await citableDirective(this.store, decision.directiveId, decision.date);
  }

  private async recognise(batch: RecogniseHouseholds, entry: RecognitionEntry, decider: ReturnType<typeof communeGuardedDecider>): Promise<RecognitionOutcome> {
    const command: RecogniseHousehold = {
      type: 'RecogniseHousehold',
      data: { householdId: entry.householdId, reviewYear: batch.reviewYear, reviewKind: batch.reviewKind, decision: batch.decision, to: entry.to },
    };
    try {
      const written = await this.executor.execute(householdStream(entry.householdId), decider, command, entryContext(batch.context, entry.householdId), householdFacts);
      const event = written.events.find((e) => e.type === HouseholdEventType.Recognised);
      if (event?.type !== HouseholdEventType.Recognised) throw new Error(`recognition of ${entry.householdId} produced no recognition event`);
      return { householdId: entry.householdId, outcome: 'recognised', revision: written.revision, position: written.position, transition: event.data.transition };
    } catch (error) {
      // A refused household changes nothing and does not hold back the others; an outage does stop the batch.
      if (!(error instanceof DomainError) || error.kind === 'unavailable') throw error;
      return { householdId: entry.householdId, outcome: 'refused', code: error.code, message: error.message };
    }
  }
}

/**
 * Each household's command gets its own id, derived from the decision's command id (itself
 * derived from the Idempotency-Key), so a retried decision finds its events and appends
 * nothing twice. Correlation and causation point at the decision, for the audit trail.
 */
export function entryContext(batch: CommandContext, householdId: string): CommandContext {
  return {
    ...batch,
    commandId: deterministicId(batch.commandId, 'recognition', householdId),
    correlationId: batch.commandId,
    causationId: batch.commandId,
  };
}

function refuseDuplicates(entries: readonly RecognitionEntry[]): void {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const { householdId } of entries) (seen.has(householdId) ? repeated : seen).add(householdId);
  if (repeated.size > 0) {
    throw invalid('DUPLICATE_HOUSEHOLD_IN_DECISION', `a decision lists each household once; repeated: ${[...repeated].join(', ')}`, { repeated: [...repeated] });
  }
}
