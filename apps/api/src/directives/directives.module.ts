import { Module } from '@nestjs/common';
import {
  ExecuteDirectiveCommandHandler, GetDirectiveAreaHandler, GetDirectiveBoardHandler, GetTargetProgressHandler,
} from '@pl/application';
import { DirectiveReadsController } from './directive-reads.controller';
import { DirectivesController } from './directives.controller';

/** Directives: their life on `directive-<id>` streams, their board and the targets they set. */
@Module({
  controllers: [DirectivesController, DirectiveReadsController],
  providers: [ExecuteDirectiveCommandHandler, GetDirectiveAreaHandler, GetDirectiveBoardHandler, GetTargetProgressHandler],
})
export class DirectivesModule {}
