import { canonicalJson } from '@pl/event-store';
import { Figure, report } from './bench-support';
import { history } from './household-history';

// `node scripts/bench.mjs canonical`: the cost of canonicalJson per event (data + metadata),
// beside the first, plain implementation it replaced (hash.spec.ts holds both to one output).

function plainCanonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(plainCanonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${plainCanonicalJson(v)}`).join(',')}}`;
}

const events = Array.from({ length: 5_000 }, (_, i) => history(i).events).flat();

function microsPerEvent(canonical: (value: unknown) => string, rounds: number): number {
  let chars = 0;
  const started = performance.now();
  for (let r = 0; r < rounds; r++) for (const e of events) chars += canonical(e.data).length + canonical(e.metadata).length;
  if (chars === 0) throw new Error('nothing written');
  return ((performance.now() - started) * 1000) / (rounds * events.length);
}

// A first pass of each warms the JIT; the second is measured.
microsPerEvent(plainCanonicalJson, 2);
microsPerEvent(canonicalJson, 2);
const figures: Figure[] = [
  { name: 'canonicalJson, plain (before)', value: microsPerEvent(plainCanonicalJson, 10), unit: 'µs/event' },
  { name: 'canonicalJson (now)', value: microsPerEvent(canonicalJson, 10), unit: 'µs/event' },
];
report('canonical', figures, { events: events.length });
