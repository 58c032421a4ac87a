import { Module } from '@nestjs/common';
import { PersonalDataAccessLog, RequestErasureHandler, SearchByCitizenIdHandler } from '@pl/application';
import { CitizenIdSearchController } from './citizen-id-search.controller';
import { ErasureController } from './erasure.controller';

/** Personal data: erasure on request, exact search by citizen ID, and the log of auditors' reads. */
@Module({
  controllers: [CitizenIdSearchController, ErasureController],
  providers: [RequestErasureHandler, SearchByCitizenIdHandler, PersonalDataAccessLog],
  exports: [PersonalDataAccessLog],
})
export class PersonalDataModule {}
