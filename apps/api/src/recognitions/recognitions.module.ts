import { Module } from '@nestjs/common';
import { RecogniseHouseholdsHandler } from '@pl/application';
import { RecognitionsController } from './recognitions.controller';

/** Recognitions: one commune decision applied to each household it lists. */
@Module({
  controllers: [RecognitionsController],
  providers: [RecogniseHouseholdsHandler],
})
export class RecognitionsModule {}
