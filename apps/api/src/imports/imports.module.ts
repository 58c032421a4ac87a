import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { CommandExecutor, ImportHouseholdListHandler, ImportHouseholds, MAX_IMPORT_BYTES, UNIT_DIRECTORY, UnitDirectory } from '@pl/application';
import { ImportsController } from './imports.controller';

/** Imports: a commune's existing household list, from CSV or XLSX, registered row by row. */
@Module({
  controllers: [ImportsController],
  providers: [
    ImportHouseholdListHandler,
    {
      provide: ImportHouseholds,
      useFactory: (executor: CommandExecutor, units: UnitDirectory) => new ImportHouseholds(executor, units),
      inject: [CommandExecutor, UNIT_DIRECTORY],
    },
  ],
})
export class ImportsModule implements OnModuleInit {
  constructor(@Inject(HttpAdapterHost) private readonly host: HttpAdapterHost) {}

  /** Multipart parsing is needed by this feature alone, so the feature registers it. */
  async onModuleInit(): Promise<void> {
    const fastify = this.host.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify || fastify.hasContentTypeParser('multipart/form-data')) return;
    await fastify.register(multipart, { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 5 } });
  }
}
