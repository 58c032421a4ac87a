import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiHeader, ApiNotFoundResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { AccessPolicy, CommandContext, DirectiveWriteResult, ExecuteDirectiveCommand, GetDirectiveArea, Principal } from '@pl/application';
import { DirectiveCommand, directiveId as toDirectiveId } from '@pl/domain';
import { Caller, Requires } from '../auth/auth.decorators';
import { Ctx } from '../http/command-context.decorator';
import { areaTarget, authorizeRecipient } from './directive-area';
import { IssueDirectiveDto } from './dto/directive.dto';
import {
  AcknowledgeDirectiveDto, AmendDirectiveDto, DirectiveWrittenDto, ForwardDirectiveDto, ReportImplementationDto, ReportWrittenDto, RevokeDirectiveDto,
} from './dto/directive-life.dto';
import {
  toAcknowledgeDirective, toAmendDirective, toForwardDirective, toIssueDirective, toReportImplementation, toRevokeDirective,
} from './dto/to-directive-commands';

/**
 * Official documents and their life. The issuer's reviewers (directive:write, area = the
 * issuer's) issue, forward, amend and revoke; a recipient's officer (support:write, area = the
 * recipient's, inside the issuer's) acknowledges and reports.
 */
@ApiTags('directives')
@Controller('api/v1/directives')
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'retry-safe writes: the same key and body answer as the first time' })
@ApiBadRequestResponse({ description: 'malformed body, a document number out of shape, a period without a due date' })
@ApiNotFoundResponse({ description: 'no such directive' })
@ApiUnprocessableEntityResponse({ description: 'a rule refused it: revoked, not a recipient, no reporting duty' })
export class DirectivesController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
  ) {}

  @Post()
  @HttpCode(201)
  @Requires('directive:write')
  @ApiCreatedResponse({ type: DirectiveWrittenDto })
  async issue(@Body() dto: IssueDirectiveDto, @Caller() caller: Principal, @Ctx() ctx: CommandContext): Promise<DirectiveWrittenDto> {
    this.access.authorize(caller, 'directive:write', areaTarget(dto.areaCode));
    return this.run(toIssueDirective(dto, ctx), ctx);
  }

  @Post(':directiveId/forwards')
  @HttpCode(201)
  @Requires('directive:write')
  @ApiCreatedResponse({ type: DirectiveWrittenDto })
  async forward(@Param('directiveId') id: string, @Body() dto: ForwardDirectiveDto, @Caller() caller: Principal, @Ctx() ctx: CommandContext): Promise<DirectiveWrittenDto> {
    await this.asIssuer(id, caller);
    return this.run(toForwardDirective(dto, toDirectiveId(id)), ctx);
  }

  @Post(':directiveId/amendments')
  @HttpCode(201)
  @Requires('directive:write')
  @ApiCreatedResponse({ type: DirectiveWrittenDto })
  async amend(@Param('directiveId') id: string, @Body() dto: AmendDirectiveDto, @Caller() caller: Principal, @Ctx() ctx: CommandContext): Promise<DirectiveWrittenDto> {
    await this.asIssuer(id, caller);
    return this.run(toAmendDirective(dto, toDirectiveId(id)), ctx);
  }

  @Post(':directiveId/revocation')
  @HttpCode(201)
  @Requires('directive:write')
  @ApiCreatedResponse({ type: DirectiveWrittenDto })
  async revoke(@Param('directiveId') id: string, @Body() dto: RevokeDirectiveDto, @Caller() caller: Principal, @Ctx() ctx: CommandContext): Promise<DirectiveWrittenDto> {
    await this.asIssuer(id, caller);
    return this.run(toRevokeDirective(dto, toDirectiveId(id)), ctx);
  }

  @Post(':directiveId/acknowledgements')
  @HttpCode(201)
  @Requires('support:write')
  @ApiCreatedResponse({ type: DirectiveWrittenDto })
  async acknowledge(@Param('directiveId') id: string, @Body() dto: AcknowledgeDirectiveDto, @Caller() caller: Principal, @Ctx() ctx: CommandContext): Promise<DirectiveWrittenDto> {
    authorizeRecipient(this.access, caller, 'support:write', await this.issuerArea(id), dto.areaCode);
    return this.run(toAcknowledgeDirective(dto, toDirectiveId(id)), ctx);
  }

  @Post(':directiveId/reports')
  @HttpCode(201)
  @Requires('support:write')
  @ApiCreatedResponse({ type: ReportWrittenDto })
  async report(@Param('directiveId') id: string, @Body() dto: ReportImplementationDto, @Caller() caller: Principal, @Ctx() ctx: CommandContext): Promise<ReportWrittenDto> {
    authorizeRecipient(this.access, caller, 'support:write', await this.issuerArea(id), dto.areaCode);
    const result: DirectiveWriteResult = await this.commands.execute(new ExecuteDirectiveCommand(toReportImplementation(dto, toDirectiveId(id)), ctx));
    const reported = result.events.find((e) => e.type === 'DirectiveImplementationReported.v1');
    if (reported?.type !== 'DirectiveImplementationReported.v1') throw new Error(`the report on ${id} produced no report event`);
    return { directiveId: id, revision: result.revision, position: result.position, dueDate: reported.data.dueDate, late: reported.data.late };
  }

  private issuerArea(id: string): Promise<string | null> {
    return this.queries.execute(new GetDirectiveArea(toDirectiveId(id)));
  }

  /** Only the issuer's area may change a directive; one recorded without an area only nationally. */
  private async asIssuer(id: string, caller: Principal): Promise<void> {
    const area = await this.issuerArea(id);
    this.access.authorize(caller, 'directive:write', area === null ? {} : areaTarget(area));
  }

  private async run(command: DirectiveCommand, ctx: CommandContext): Promise<DirectiveWrittenDto> {
    const result: DirectiveWriteResult = await this.commands.execute(new ExecuteDirectiveCommand(command, ctx));
    return { directiveId: command.data.directiveId, revision: result.revision, position: result.position };
  }
}
