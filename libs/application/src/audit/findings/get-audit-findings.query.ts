import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { AuditRuleId, FindingSeverity, invalid } from '@pl/domain';
import { FindingStatus, ProjectionRunner } from '@pl/projections';
import { READ_STORE, ReadStore } from '@pl/read-store';
import { AccessPolicy, AccessTarget } from '../../security/access-policy';
import { Principal } from '../../security/principal';
import { UNIT_DIRECTORY, UnitDirectory } from '../../wiring/unit-directory';
import { FindingReader, FindingView } from './finding-reader';

/** What a findings page may be filtered by; validated at the edge. */
export interface FindingCriteria {
  /** A 5-digit commune (as recorded) or a 2-digit province. */
  readonly areaCode?: string;
  readonly ruleId?: AuditRuleId;
  readonly status?: FindingStatus;
  readonly severity?: FindingSeverity;
  /** True: only findings a later event resolved; false: only those still standing. */
  readonly resolved?: boolean;
  readonly limit: number;
  readonly cursor?: string;
}

/** A page of findings in id order, and the log position the read models had reached. */
export interface FindingPage {
  readonly items: readonly FindingView[];
  readonly nextCursor?: string;
  readonly position: number;
}

export class GetAuditFindings extends Query<FindingPage> {
  constructor(readonly criteria: FindingCriteria, readonly principal: Principal) {
    super();
  }
}

export const areaTargetOf = (areaCode: string): AccessTarget => (areaCode.length === 2 ? { provinceCode: areaCode } : { communeCode: areaCode });

const encodeCursor = (id: string): string => Buffer.from(id, 'utf8').toString('base64url');
function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!id.startsWith('finding:')) throw invalid('INVALID_CURSOR', 'cursor must be a nextCursor from an earlier page');
  return id;
}

/** Findings in the caller's areas, filtered, one page at a time. */
@QueryHandler(GetAuditFindings)
export class GetAuditFindingsHandler implements IQueryHandler<GetAuditFindings, FindingPage> {
  private readonly reader: FindingReader;

  constructor(
    @Inject(READ_STORE) readStore: ReadStore,
    @Inject(ProjectionRunner) private readonly runner: ProjectionRunner,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
    @Inject(UNIT_DIRECTORY) units: UnitDirectory,
  ) {
    this.reader = new FindingReader(readStore, units);
  }

  async execute({ criteria, principal }: GetAuditFindings): Promise<FindingPage> {
    const { areaCode, ruleId, status, severity, resolved, limit } = criteria;
    this.access.authorize(principal, 'audit:read', areaCode === undefined ? undefined : areaTargetOf(areaCode));
    const after = criteria.cursor === undefined ? undefined : decodeCursor(criteria.cursor);
    // Read before the page: the page reflects at least this position.
    const position = this.runner.position();
    const inArea = (f: FindingView) => areaCode === undefined || f.communeCode === areaCode || (areaCode.length === 2 && f.provinceCode === areaCode);
    const matching = (await this.reader.all(ruleId ? { ruleIds: ruleId } : {})).filter((f) =>
      (after === undefined || f.id > after) && (!ruleId || f.ruleId === ruleId) && (!status || f.status === status) && (!severity || f.severity === severity)
      && (resolved === undefined || (f.resolvedByPosition !== undefined) === resolved) && inArea(f)
      && this.access.covers(principal, { ...(f.communeCode ? { communeCode: f.communeCode } : {}), ...(f.provinceCode ? { provinceCode: f.provinceCode } : {}) }));
    const items = matching.slice(0, limit);
    return { items, ...(matching.length > limit ? { nextCursor: encodeCursor(items[items.length - 1].id) } : {}), position };
  }
}
