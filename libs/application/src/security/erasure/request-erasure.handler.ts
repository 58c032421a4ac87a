import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Decider, DomainError, HouseholdCommand, HouseholdEvent, HouseholdState, householdDecider, householdStream } from '@pl/domain';
import { CommandExecutor } from '../../commands/command-executor';
import { deterministicId } from '../../commands/deterministic-id';
import { householdFacts } from '../../households/execute-household-command.handler';
import { PersonalData } from '../../wiring/personal-data';
import { AccessPolicy } from '../access-policy';
import { Principal } from '../principal';
import { ErasureReceipt, RequestErasure } from './request-erasure.command';

/**
 * Records the erasure first, then destroys the key. In that order a crash in between leaves
 * a recorded erasure whose key a retry destroys; the other order could lose the record of
 * an erasure that happened.
 */
@CommandHandler(RequestErasure)
export class RequestErasureHandler implements ICommandHandler<RequestErasure, ErasureReceipt> {
  constructor(
    @Inject(CommandExecutor) private readonly executor: CommandExecutor,
    @Inject(PersonalData) private readonly personal: PersonalData,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
  ) {}

  async execute({ command, caller, context }: RequestErasure): Promise<ErasureReceipt> {
    const { householdId, legalBasis } = command.data;
    const streamId = householdStream(householdId);
    let position: number;
    try {
      ({ position } = await this.executor.execute(streamId, this.areaChecked(caller), command, context, householdFacts));
    } catch (error) {
      // Already recorded: finish what an interrupted request may have left, then refuse.
      if (error instanceof DomainError && error.code === 'PERSONAL_DATA_ALREADY_ERASED') await this.personal.cipher.erase(householdId);
      throw error;
    }
    const tombstone = await this.personal.cipher.erase(householdId);
    return {
      householdId,
      erasedAt: context.recordedAt,
      keyDestroyedAt: tombstone?.destroyedAt ?? null,
      legalBasis,
      position,
      receiptId: deterministicId(context.commandId, streamId, '0'),
    };
  }

  /** The area is checked on the state the event is decided on, so the check and the write see one address. */
  private areaChecked(caller: Principal): Decider<HouseholdCommand, HouseholdEvent, HouseholdState> {
    return {
      ...householdDecider,
      decide: (cmd, state) => {
        if (state.registered) this.access.authorize(caller, 'erasure:request', { communeCode: state.address.communeCode });
        return householdDecider.decide(cmd, state);
      },
    };
  }
}
