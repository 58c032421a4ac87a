import { hash } from 'node:crypto';

/**
 * A strong entity tag for the exact bytes of an answer: any change of the body changes it.
 * One-shot: no hash object per answer.
 */
export function etagOf(payload: string | Buffer): string {
  return `"${hash('sha256', payload, 'base64url')}"`;
}

/**
 * Whether `If-None-Match` names the tag (RFC 9110 §13.1.2): `*`, or any listed tag under the
 * weak comparison the header calls for, so `W/"x"` matches `"x"`.
 */
export function noneMatchHits(header: string | string[] | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const value = Array.isArray(header) ? header.join(',') : header;
  if (value.trim() === '*') return true;
  const opaque = etag.replace(/^W\//, '');
  return value.split(',').some((tag) => tag.trim().replace(/^W\//, '') === opaque);
}
