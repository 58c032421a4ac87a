import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiConflictResponse } from '@nestjs/swagger';
import {
  CommandContext, FindingPage, FindingReview, FindingReviewResult, FindingView, GetAuditFinding, GetAuditFindings, Principal, ReviewFinding,
} from '@pl/application';
import { isoDate } from '@pl/domain';
import { Caller, Requires } from '../auth/auth.decorators';
import { Ctx } from '../http/command-context.decorator';
import { AcceptsMinPosition } from '../http/min-position';
import { ReadQueryDto } from '../http/read-query.dto';
import { FindingQueryDto } from './dto/finding-query.dto';
import { AcknowledgeFindingDto, ExplainFindingDto, FindingReviewedDto } from './dto/finding-review.dto';

/**
 * Audit findings: what went wrong, by rule, with its evidence. Auditors read them and record
 * their review, each within the areas of the finding's commune or province.
 */
@ApiTags('audit')
@Controller('api/v1/audit/findings')
@ApiNotFoundResponse({ description: 'no such finding' })
export class AuditFindingsController {
  constructor(
    @Inject(QueryBus) private readonly queries: QueryBus,
    @Inject(CommandBus) private readonly commands: CommandBus,
  ) {}

  @Get()
  @Requires('audit:read')
  @AcceptsMinPosition()
  @ApiOkResponse({ description: '{ items, nextCursor?, position }: findings in id order, each with rule, severity, status and evidence' })
  @ApiBadRequestResponse({ description: 'an unknown filter or a malformed value' })
  page(@Query() q: FindingQueryDto, @Caller() caller: Principal): Promise<FindingPage> {
    return this.queries.execute(new GetAuditFindings({
      ...(q.areaCode !== undefined ? { areaCode: q.areaCode } : {}),
      ...(q.ruleId !== undefined ? { ruleId: q.ruleId } : {}),
      ...(q.status !== undefined ? { status: q.status } : {}),
      ...(q.severity !== undefined ? { severity: q.severity } : {}),
      ...(q.resolved !== undefined ? { resolved: q.resolved } : {}),
      limit: q.limit ?? 50,
      ...(q.cursor !== undefined ? { cursor: q.cursor } : {}),
    }, caller));
  }

  @Get(':findingId')
  @Requires('audit:read')
  @AcceptsMinPosition()
  @ApiOkResponse({ description: 'the finding with its evidence and review' })
  one(@Param('findingId') findingId: string, @Query() _query: ReadQueryDto, @Caller() caller: Principal): Promise<FindingView> {
    return this.queries.execute(new GetAuditFinding(findingId, caller));
  }

  @Post(':findingId/acknowledgement')
  @HttpCode(201)
  @Requires('audit:read')
  @ApiCreatedResponse({ type: FindingReviewedDto })
  @ApiConflictResponse({ description: 'already acknowledged or explained' })
  acknowledge(@Param('findingId') findingId: string, @Body() dto: AcknowledgeFindingDto, @Caller() caller: Principal, @Ctx() ctx: CommandContext): Promise<FindingReviewedDto> {
    return this.review(findingId, { type: 'AcknowledgeFinding', note: dto.note }, caller, ctx);
  }

  @Post(':findingId/explanation')
  @HttpCode(201)
  @Requires('audit:read')
  @ApiCreatedResponse({ type: FindingReviewedDto })
  @ApiConflictResponse({ description: 'already explained' })
  explain(@Param('findingId') findingId: string, @Body() dto: ExplainFindingDto, @Caller() caller: Principal, @Ctx() ctx: CommandContext): Promise<FindingReviewedDto> {
    const legalBasis = dto.legalBasis ? { number: dto.legalBasis.number, date: isoDate(dto.legalBasis.date, 'legalBasis.date') } : undefined;
    return this.review(findingId, { type: 'ExplainFinding', explanation: dto.explanation, ...(legalBasis ? { legalBasis } : {}) }, caller, ctx);
  }

  private async review(findingId: string, review: FindingReview, caller: Principal, ctx: CommandContext): Promise<FindingReviewedDto> {
    const result: FindingReviewResult = await this.commands.execute(new ReviewFinding(findingId, review, caller, ctx));
    return { findingId, revision: result.revision, position: result.position };
  }
}
