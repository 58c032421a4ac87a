import { Controller, Get, Inject, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  AccessPolicy, GetHouseholdCommune, GetSupportCoverage, GetSupportLedger, LedgerAnswer, LedgerSelector, Principal,
} from '@pl/application';
import { DomainError, invalid, isoDate } from '@pl/domain';
import { Coverage } from '@pl/projections';
import { Caller, Requires } from '../auth/auth.decorators';
import { AcceptsMinPosition } from '../http/min-position';
import { CoverageQueryDto, LedgerQueryDto } from './dto/support-query.dto';

/** The edge's clock: "today" is read here, never in a projection. */
const today = (): string => new Date().toISOString().slice(0, 10);

function selectorOf(q: LedgerQueryDto): LedgerSelector {
  const { householdId, communeCode, fund, year } = q;
  if (householdId !== undefined && communeCode === undefined && fund === undefined && year === undefined) return { by: 'household', householdId };
  if (communeCode !== undefined && year !== undefined && householdId === undefined && fund === undefined) return { by: 'commune-year', communeCode, year };
  if (fund !== undefined && year !== undefined && householdId === undefined && communeCode === undefined) return { by: 'fund-year', fund, year };
  throw invalid('INVALID_LEDGER_QUERY', 'ask for one of: householdId; communeCode and year; fund and year');
}

/** Support figures: the ledger's totals and a commune's coverage. */
@ApiTags('support')
@Controller('api/v1/support')
export class SupportReadsController {
  constructor(
    @Inject(QueryBus) private readonly queries: QueryBus,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
  ) {}

  @Get('ledger')
  @Requires('statistics:read')
  @AcceptsMinPosition()
  @ApiOkResponse({ description: '{ selector, lines: [{kind, year, count, amount}], total, exceptions }' })
  @ApiBadRequestResponse({ description: 'not exactly one selector, or a malformed value' })
  async ledger(@Query() q: LedgerQueryDto, @Caller() caller: Principal): Promise<LedgerAnswer> {
    const selector = selectorOf(q);
    await this.authorize(caller, selector);
    return this.queries.execute(new GetSupportLedger(selector));
  }

  @Get('coverage')
  @Requires('statistics:read')
  @AcceptsMinPosition()
  @ApiOkResponse({ description: 'eligible (poor or near-poor on asOf), covered, coveragePercent to 2 decimals' })
  coverage(@Query() q: CoverageQueryDto, @Caller() caller: Principal): Promise<Coverage> {
    this.access.authorize(caller, 'statistics:read', { communeCode: q.communeCode });
    return this.queries.execute(new GetSupportCoverage(q.communeCode, q.kind ?? 'smartphone', isoDate(q.asOf ?? today(), 'asOf')));
  }

  private async authorize(caller: Principal, selector: LedgerSelector): Promise<void> {
    switch (selector.by) {
      case 'household': {
        const communeCode = await this.queries.execute(new GetHouseholdCommune(selector.householdId));
        return this.access.authorize(caller, 'statistics:read', { communeCode });
      }
      case 'commune-year':
        return this.access.authorize(caller, 'statistics:read', { communeCode: selector.communeCode });
      case 'fund-year':
        if (this.access.covers(caller, {})) return;
        throw new DomainError('forbidden', 'OUTSIDE_AREA', `a fund's totals span every area: ${caller.subject} needs national access`, { fund: selector.fund });
    }
  }
}
