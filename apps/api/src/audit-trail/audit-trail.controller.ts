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
    const read = (cursor: string | undefined, limit: number): Promise<AuditTrailPage> => this.queries.execute(new GetAuditTrail(
      toAuditSubject(q),
      { from: q.from, to: q.to, limit, ...(cursor !== undefined ? { cursor: Number(cursor) } : {}) },
      caller,
      { reason, route: ROUTE },
    ));
    const page = await read(q.cursor, q.format === 'csv' ? 1000 : q.limit ?? 100);
    if (q.format !== 'csv') return page;
    // An export is the whole trail from the cursor on, not one page of it.
    const entries = [...page.entries];
    for (let next = page.nextCursor; next !== undefined;) {
      const more = await read(next, 1000);
      entries.push(...more.entries);
      next = more.nextCursor;
    }
    return new StreamableFile(Buffer.from(auditTrailCsv({ subject: page.subject, entries }), 'utf8'), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="audit-trail-${page.subject.kind}-${page.subject.value}.csv"`,
    });
  }
}
