import { Command } from '@nestjs/cqrs';
import { HouseholdId, HouseholdStatus, RecognitionDecision, RecognitionTransition, ReviewKind } from '@pl/domain';
import { CommandContext } from '../commands/command-context';

/** One household on the commune chairman's list and the status decided for it. */
export interface RecognitionEntry {
  readonly householdId: HouseholdId;
  readonly to: HouseholdStatus;
}

/** What happened to one entry: each household is its own stream, so each entry stands alone. */
export type RecognitionOutcome =
  | { readonly householdId: string; readonly outcome: 'recognised'; readonly revision: number; readonly position: number; readonly transition: RecognitionTransition }
  | { readonly householdId: string; readonly outcome: 'refused'; readonly code: string; readonly message: string };

/** The answer to a decision: outcomes in the order of the list, totals, and the last position written. */
export interface RecognitionBatchResult {
  readonly decisionNumber: string;
  readonly communeCode: string;
  readonly results: readonly RecognitionOutcome[];
  readonly totals: { readonly entries: number; readonly recognised: number; readonly refused: number };
  /** The highest log position written (or found, on a retry); 0 when every entry was refused. */
  readonly position: number;
}

/** One commune decision (many households, one decision number) applied household by household. */
export class RecogniseHouseholds extends Command<RecognitionBatchResult> {
  constructor(
    readonly decision: RecognitionDecision,
    readonly reviewYear: number,
    readonly reviewKind: ReviewKind,
    readonly communeCode: string,
    readonly entries: readonly RecognitionEntry[],
    readonly context: CommandContext,
  ) {
    super();
  }
}
