import { EventStore, latestAnchor } from '@pl/event-store';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

/** One measured figure, printed beside its target. */
export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** `min`: the value must reach the target; `max`: it must not exceed it. */
  readonly target?: { readonly kind: 'min' | 'max'; readonly value: number };
}

export const atLeast = (value: number) => ({ kind: 'min' as const, value });
export const atMost = (value: number) => ({ kind: 'max' as const, value });

export function verdict(figure: Figure): 'PASS' | 'BELOW' | '' {
  if (!figure.target) return '';
  const ok = figure.target.kind === 'min' ? figure.value >= figure.target.value : figure.value <= figure.target.value;
  return ok ? 'PASS' : 'BELOW';
}

const format = (n: number): string => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(2));

/**
 * The human table, then one JSON line last on stdout (`tail -n 1` it for the figures), so a
 * script can compare runs without parsing the table.
 */
export function report(bench: string, figures: readonly Figure[], extra: Record<string, unknown> = {}): void {
  const rows = figures.map((f) => [
    f.name,
    `${format(f.value)} ${f.unit}`,
    f.target ? `${f.target.kind === 'min' ? '>=' : '<='} ${format(f.target.value)} ${f.unit}` : '',
    verdict(f),
  ]);
  const head = ['measure', 'result', 'target', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 1 || i === 2 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  console.log(`\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const row of rows) console.log(line(row));
  const results = Object.fromEntries(figures.map((f) => [f.name, { value: round(f.value), unit: f.unit, target: f.target, verdict: verdict(f) || undefined }]));
  console.log(JSON.stringify({ bench, at: new Date().toISOString(), machine: machine(), ...extra, results }));
}

const round = (n: number) => Math.round(n * 100) / 100;

export function machine(): Record<string, unknown> {
  return { node: process.version, cpu: cpus()[0]?.model, cpus: cpus().length, memoryGiB: round(totalmem() / 2 ** 30) };
}

/** The value below which `p` (0..1) of the samples fall; sorts `samples` in place. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  samples.sort((a, b) => a - b);
  return samples[Math.min(samples.length - 1, Math.max(0, Math.ceil(p * samples.length) - 1))];
}

/** A folder under the system temp dir for the bench's files, removed on exit. */
export function tempFolder(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `pl-bench-${prefix}-`));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Whether `--<name>` is on the command line. */
export const flag = (name: string): boolean => process.argv.includes(`--${name}`);

/** `--name value` from the command line, as a number: positive, or zero too when `zero` is 'allowed'. */
export function numberArg(name: string, fallback: number, zero: 'allowed' | 'refused' = 'refused'): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  const least = zero === 'allowed' ? 0 : Number.MIN_VALUE;
  if (!Number.isFinite(value) || value < least) throw new Error(`--${name} must be a ${zero === 'allowed' ? 'non-negative' : 'positive'} number`);
  return value;
}

/**
 * The floor under any reader of the log: every row in log order straight from node:sqlite,
 * data and metadata parsed, nothing else. What the store and the projections add shows as
 * the gap between this and their own rate.
 */
export function rawReadRate(file: string): { rows: number; seconds: number; perSecond: number } {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    const statement = db.prepare('SELECT position, stream_id, revision, event_id, type, data, metadata, prev_hash, hash FROM events ORDER BY position');
    statement.setReturnArrays(true);
    const started = performance.now();
    let rows = 0;
    let keep = 0;
    for (const row of statement.iterate() as Iterable<unknown[]>) {
      const data = JSON.parse(row[5] as string) as object;
      const metadata = JSON.parse(row[6] as string) as object;
      // Touch the parsed values so the work cannot be optimised away.
      if (data && metadata) keep += 1;
      rows += 1;
    }
    const seconds = (performance.now() - started) / 1000;
    if (keep !== rows) throw new Error('unparsed rows');
    return { rows, seconds, perSecond: rows / seconds };
  } finally {
    db.close();
  }
}

/**
 * Waits until the anchor reactor has hashed the log written before start (its first pass over a
 * fresh log competes with the first queries): the figures are those of an API past start-up.
 */
export async function anchorsCaughtUp(store: EventStore, events: number, every: number): Promise<{ eventCount: number; waitedMs: number }> {
  const t0 = performance.now();
  for (;;) {
    const eventCount = (await latestAnchor(store)).anchor?.eventCount ?? 0;
    if (every <= 0 || events - eventCount < every) return { eventCount, waitedMs: performance.now() - t0 };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
