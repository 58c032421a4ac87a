import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { SqliteEventStore, makeEvent } from '@pl/event-store';
import { Document, MongoReadStore } from '@pl/read-store';
import { Projection, ProjectionRunner } from '@pl/projections';
import { Figure, atLeast, numberArg, report, tempFolder } from './bench-support';

// `MONGODB_URL=mongodb://127.0.0.1:27650/ node scripts/bench.mjs rebuild-mongodb -- [--docs 20000] [--singles 1000]`
// Document writes per second of a rebuild into MongoDB through the runner's bulk path (one
// bulkWrite per projection per batch), first into an empty collection (inserts), then a second
// pass over the same documents (replacements); single-document writes measured in the same run.

const docs = numberArg('docs', 20_000);
const singles = numberArg('singles', 1_000);
const KEYS = 'keys';

interface Keyed extends Document { readonly payload: string }

// One document per stream, rewritten by every event of the stream: the shape of the registry.
const byStream: Projection<Document> = {
  name: 'bench_by_stream', version: 1, handles: new Set(['Bench.v1']), indexes: [{ fields: ['province', 'round'] }],
  keys: (event) => [event.streamId],
  evolve: (_doc, event) => ({ province: String(event.streamId.length % 63), round: (event.data as { round: number }).round, payload: 'x'.repeat(200) }) as never,
};

async function appendRound(store: SqliteEventStore, round: number, count: number): Promise<number> {
  let head = 0;
  for (let from = 0; from < count; from += 500) {
    const appends = Array.from({ length: Math.min(500, count - from) }, (_, i) =>
      store.append(`h-${from + i}`, [makeEvent('Bench.v1', { round })], round === 0 ? 'no-stream' : 'any'));
    head = Math.max(...(await Promise.all(appends)).map((r) => r.position));
  }
  return head;
}

async function rebuildRate(events: SqliteEventStore, readStore: MongoReadStore, head: number, count: number): Promise<number> {
  const started = performance.now();
  const runner = new ProjectionRunner(events, readStore, [byStream], { batchSize: 2000 });
  await runner.start();
  await runner.stop();
  if (runner.position() < head) throw new Error(`runner stopped at ${runner.position()}, not ${head}`);
  return count / ((performance.now() - started) / 1000);
}

async function main(): Promise<void> {
  const url = process.env.MONGODB_URL;
  if (!url) throw new Error('set MONGODB_URL (scripts/ferretdb.sh start prints one)');
  const database = `pl_bench_${randomBytes(4).toString('hex')}`;
  const readStore = await MongoReadStore.connect(url, database);
  const events = await SqliteEventStore.open({ file: join(tempFolder('rebuild-mongodb'), 'events.sqlite'), synchronous: 'normal' });
  try {
    console.log(`position guard: ${readStore.guard}; ${docs.toLocaleString('en-US')} documents, ${singles} singles`);
    const first = await appendRound(events, 0, docs);
    const inserts = await rebuildRate(events, readStore, first, docs);
    const second = await appendRound(events, 1, docs);
    const replaces = await rebuildRate(events, readStore, second, docs);

    // Singles: one guarded write per call, as a live projection writes one event at a time.
    const keys = readStore.collection<Keyed>(KEYS);
    let started = performance.now();
    for (let i = 0; i < singles; i++) await keys.bulkWrite([{ kind: 'put', doc: { _id: `s-${i}`, _position: i + 1, payload: 'x'.repeat(200) } }]);
    const singleInserts = singles / ((performance.now() - started) / 1000);
    started = performance.now();
    for (let i = 0; i < singles; i++) await keys.bulkWrite([{ kind: 'put', doc: { _id: `s-${i}`, _position: singles + i + 1, payload: 'y'.repeat(200) } }]);
    const singleReplaces = singles / ((performance.now() - started) / 1000);

    const figures: Figure[] = [
      { name: 'rebuild, new documents (bulk)', value: inserts, unit: 'docs/s', target: atLeast(5 * singleInserts) },
      { name: 'rebuild, replaced documents (bulk)', value: replaces, unit: 'docs/s', target: atLeast(5 * singleReplaces) },
      { name: 'single-document inserts', value: singleInserts, unit: 'docs/s' },
      { name: 'single-document replaces', value: singleReplaces, unit: 'docs/s' },
    ];
    report('rebuild-mongodb', figures, { docs, singles, guard: readStore.guard });
  } finally {
    await readStore.dropDatabase();
    await readStore.close();
    await events.close();
  }
}

main().catch((error: unknown) => { console.error(error); process.exit(1); });
