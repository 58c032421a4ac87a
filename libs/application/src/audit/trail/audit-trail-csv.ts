import { stringify } from 'csv-stringify/sync';
import { AuditTrailPage } from './audit-subject';

const COLUMNS = [
  'position', 'recordedAt', 'effectiveDate', 'streamId', 'revision', 'type', 'actorId', 'actorRole', 'actorUnit',
  'legalBasisNumber', 'legalBasisDate', 'legalBasisIssuer', 'correlationId', 'causationId', 'eventId', 'data',
];

/** A trail page as CSV: UTF-8 with a byte-order mark, so spreadsheet programs read Vietnamese text right. */
export function auditTrailCsv(page: AuditTrailPage): string {
  const rows = page.entries.map((e) => [
    e.position, e.recordedAt, e.effectiveDate ?? '', e.streamId, e.revision, e.type, e.actor.id, e.actor.role, e.actor.unit ?? '',
    e.legalBasis?.number ?? '', e.legalBasis?.date ?? '', e.legalBasis?.issuer ?? '', e.correlationId, e.causationId, e.eventId, JSON.stringify(e.data),
  ]);
  return `\uFEFF${stringify([COLUMNS, ...rows])}`;
}
