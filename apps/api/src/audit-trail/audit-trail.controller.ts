import { Controller, Get, Headers, Inject, Query, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiHeader, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AuditTrailPage, GetAuditTrail, Principal, auditTrailCsv } from '@pl/application';
import { Caller, Requires } from '../auth/auth.decorators';
import { AcceptsMinPosition } from '../http/min-position';
import { AuditTrailQueryDto } from './dto/audit-trail-query.dto';
import { toAuditSubject } from './to-audit-subject';

const ROUTE = 'GET /api/v1/audit/trail';

/** Every event of one subject, for the inspectorate: who, when, why and what, in log order. */
@ApiTags('audit')
@Controller('api/v1/audit/trail')
export class AuditTrailController {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get()
  @Requires('audit:read')
  @AcceptsMinPosition()
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ description: 'the subject\'s events in log order; personal data opened for auditors, the read recorded' })
  @ApiBadRequestResponse({ description: 'no subject or several, or a malformed filter' })
  @ApiHeader({ name: 'X-Access-Reason', required: false, description: 'required when the trail holds personal data: why it is read (3-500 characters, UTF-8 percent-encoded); the read is recorded' })
  async trail(@Query() q: AuditTrailQueryDto, @Caller() caller: Principal, @Headers('x-access-reason') reason?: string): Promise<AuditTrailPage | StreamableFile> {
    const page = await this.queries.execute(new GetAuditTrail(
      toAuditSubject(q),
      { from: q.from, to: q.to, limit: q.limit ?? 100, ...(q.cursor !== undefined ? { cursor: Number(q.cursor) } : {}) },
      caller,
      { reason, route: ROUTE },
    ));
    if (q.format !== 'csv') return page;
    return new StreamableFile(Buffer.from(auditTrailCsv(page), 'utf8'), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="audit-trail-${page.subject.kind}-${page.subject.value}.csv"`,
    });
  }
}
