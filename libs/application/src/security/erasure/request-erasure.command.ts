import { Command } from '@nestjs/cqrs';
import { ErasePersonalData, ErasureLegalBasis } from '@pl/domain';
import { CommandContext } from '../../commands/command-context';
import { Principal } from '../principal';

/** Proof that a household's personal data was erased: what was recorded, and when its key was destroyed. */
export interface ErasureReceipt {
  readonly householdId: string;
  /** When the erasure event was recorded. */
  readonly erasedAt: string;
  /** When the household's key was destroyed; null when it never had one. */
  readonly keyDestroyedAt: string | null;
  readonly legalBasis: ErasureLegalBasis;
  readonly position: number;
  /** The id of the erasure event in the log. */
  readonly receiptId: string;
}

/** An erasure request, carrying the caller so the area is checked against the household's own stream. */
export class RequestErasure extends Command<ErasureReceipt> {
  constructor(readonly command: ErasePersonalData, readonly caller: Principal, readonly context: CommandContext) {
    super();
  }
}
