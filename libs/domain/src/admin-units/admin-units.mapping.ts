import { AdminReorganisation } from './admin-unit';

/** A reorganisation's mapping and closed units in one comparable string, order-independent. */
export function canonicalMapping(r: AdminReorganisation): string {
  const pairs = r.mapping.map((m) => `${m.from}>${m.to}`).sort();
  const closed = [...(r.closed ?? [])].sort();
  return `${pairs.join(',')}|${closed.join(',')}`;
}
