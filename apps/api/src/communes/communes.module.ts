import { Module } from '@nestjs/common';
import { ExecuteCommuneCommandHandler } from '@pl/application';
import { CommunesController } from './communes.controller';

/** Area-level support of a commune and its household counts, on the commune's stream. */
@Module({
  controllers: [CommunesController],
  providers: [ExecuteCommuneCommandHandler],
})
export class CommunesModule {}
