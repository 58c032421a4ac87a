import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AccessPolicy } from '../security/access-policy';
import { Principal } from '../security/principal';
import { ImportHouseholds } from './import-households';
import { ImportReport } from './import-report';
import { readImportFile } from './read-import-file';

/** Import a commune household list (.csv or .xlsx) as the caller, within the caller's areas. */
export class ImportHouseholdList extends Command<ImportReport> {
  constructor(readonly fileName: string, readonly content: Buffer, readonly caller: Principal, readonly now: Date) {
    super();
  }
}

@CommandHandler(ImportHouseholdList)
export class ImportHouseholdListHandler implements ICommandHandler<ImportHouseholdList, ImportReport> {
  constructor(@Inject(ImportHouseholds) private readonly importer: ImportHouseholds, @Inject(AccessPolicy) private readonly access: AccessPolicy) {}

  async execute({ fileName, content, caller, now }: ImportHouseholdList): Promise<ImportReport> {
    const table = await readImportFile(fileName, content);
    return this.importer.execute({ table, caller, now, covers: (communeCode) => this.access.covers(caller, { communeCode }) });
  }
}
