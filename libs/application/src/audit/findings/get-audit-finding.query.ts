import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { notFound } from '@pl/domain';
import { READ_STORE, ReadStore } from '@pl/read-store';
import { AccessPolicy } from '../../security/access-policy';
import { Principal } from '../../security/principal';
import { UNIT_DIRECTORY, UnitDirectory } from '../../wiring/unit-directory';
import { FindingReader, FindingView } from './finding-reader';

export class GetAuditFinding extends Query<FindingView> {
  constructor(readonly findingId: string, readonly principal: Principal) {
    super();
  }
}

/** The finding a caller may see in its areas; a finding without a known area is seen nationally only. */
export function authorizeFinding(access: AccessPolicy, principal: Principal, finding: FindingView): void {
  access.authorize(principal, 'audit:read', {
    ...(finding.communeCode ? { communeCode: finding.communeCode } : {}),
    ...(finding.provinceCode ? { provinceCode: finding.provinceCode } : {}),
  });
}

/** One finding, with its evidence and review. */
@QueryHandler(GetAuditFinding)
export class GetAuditFindingHandler implements IQueryHandler<GetAuditFinding, FindingView> {
  private readonly reader: FindingReader;

  constructor(
    @Inject(READ_STORE) readStore: ReadStore,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
    @Inject(UNIT_DIRECTORY) units: UnitDirectory,
  ) {
    this.reader = new FindingReader(readStore, units);
  }

  async execute({ findingId, principal }: GetAuditFinding): Promise<FindingView> {
    this.access.authorize(principal, 'audit:read');
    const finding = await this.reader.get(findingId);
    if (!finding) throw notFound('FINDING_NOT_FOUND', `audit finding ${findingId} is not on record`, { findingId });
    authorizeFinding(this.access, principal, finding);
    return finding;
  }
}
