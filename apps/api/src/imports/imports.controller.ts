import { Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiBody, ApiConsumes, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AccessPolicy, ImportHouseholdList, ImportReport, Principal } from '@pl/application';
import type { FastifyRequest } from 'fastify';
import { Caller, Requires } from '../auth/auth.decorators';
import { uploadedList } from './uploaded-list';

@ApiTags('imports')
@Controller('api/v1/imports')
export class ImportsController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus, @Inject(AccessPolicy) private readonly access: AccessPolicy) {}

  @Post('households')
  @HttpCode(200)
  @Requires('household:write')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary', description: '.csv (UTF-8, comma or semicolon) or .xlsx, at most 20 MB' } } } })
  @ApiOkResponse({ description: 'the report: accepted, already present (re-run rows), refused rows with line, code and reason, and the highest position written' })
  @ApiBadRequestResponse({ description: 'UNSUPPORTED_FILE, EMPTY_FILE, MISSING_COLUMN, FILE_TOO_LARGE: the file as a whole cannot be imported' })
  async importHouseholds(@Req() request: FastifyRequest, @Caller() caller: Principal): Promise<ImportReport> {
    // The role is checked before reading the upload; each row's commune is checked against the areas inside.
    this.access.authorize(caller, 'household:write');
    const { fileName, content } = await uploadedList(request);
    return this.commands.execute(new ImportHouseholdList(fileName, content, caller, new Date()));
  }
}
