import { AuditSubject, AuditSubjectKind } from '@pl/application';
import { DomainError } from '@pl/domain';
import { AuditTrailQueryDto } from './dto/audit-trail-query.dto';

const FILTERS: readonly [keyof AuditTrailQueryDto, AuditSubjectKind][] = [
  ['householdId', 'household'], ['communeCode', 'commune'], ['fund', 'fund'], ['directiveId', 'directive'], ['actorId', 'actor'], ['correlationId', 'correlation'],
];

/** The one subject the query names; 400 ONE_SUBJECT_REQUIRED for none or several. */
export function toAuditSubject(query: AuditTrailQueryDto): AuditSubject {
  const given = FILTERS.filter(([field]) => query[field] !== undefined);
  if (given.length !== 1) {
    throw new DomainError('invalid', 'ONE_SUBJECT_REQUIRED', `name exactly one of ${FILTERS.map(([f]) => f).join(', ')}; got ${given.length ? given.map(([f]) => f).join(', ') : 'none'}`);
  }
  const [field, kind] = given[0];
  return { kind, value: String(query[field]) };
}
