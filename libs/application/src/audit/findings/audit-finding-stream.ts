import { createHash } from 'node:crypto';

/**
 * The stream of an auditor's record on one finding. Finding ids carry grant ids and colons, so
 * the stream is named by a hash of the id; the events themselves carry the id in full.
 */
export const auditFindingStream = (findingId: string): string =>
  `audit-finding-${createHash('sha256').update(findingId, 'utf8').digest('hex').slice(0, 40)}`;
