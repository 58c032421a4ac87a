import { Module } from '@nestjs/common';
import { GetRegistryPageHandler } from '@pl/application';
import { RegistryController } from './registry.controller';

/** The registry: filtered, paged, area-scoped lists of households. */
@Module({
  controllers: [RegistryController],
  providers: [GetRegistryPageHandler],
})
export class RegistryModule {}
