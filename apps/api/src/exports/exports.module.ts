import { Module } from '@nestjs/common';
import { ExportRegistryHandler } from '@pl/application';
import { RegistryExportController } from './registry-export.controller';

/** Registry exports (CSV, XLSX) over the registry query. */
@Module({
  controllers: [RegistryExportController],
  providers: [ExportRegistryHandler],
})
export class ExportsModule {}
