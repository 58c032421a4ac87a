import { join } from 'node:path';
import { SqliteEventStore } from '@pl/event-store';
import { Figure, atLeast, atMost, numberArg, percentile, rawReadRate, report, tempFolder } from './bench-support';
import { longHistory, registration, storedSize } from './household-history';

// `npm run bench:append -- [--clients 64] [--seconds 5] [--bulk 100000] [--batch 1000] [--in-flight 8]`
// Appends to a durable (synchronous = FULL) sqlite log, as the API does.

const clients = numberArg('clients', 64);
const seconds = numberArg('seconds', 5);
const bulkEvents = numberArg('bulk', 100_000);
const batch = numberArg('batch', 1_000);
// A bulk loader (an import, a migration) keeps several appends in flight, so group commit
// can put them in one synced transaction.
const inFlight = numberArg('in-flight', 8);

let next = 0;

/** Each client registers one household after another, as a busy commune office would; returns every latency in ms. */
async function commandTraffic(store: SqliteEventStore, clientCount: number, durationMs: number): Promise<{ latencies: number[]; elapsedMs: number }> {
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + durationMs;
  const client = async () => {
    while (performance.now() < deadline) {
      const { streamId, event } = registration(next++);
      const t0 = performance.now();
      await store.append(streamId, [event], 'no-stream');
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: clientCount }, client));
  return { latencies, elapsedMs: performance.now() - started };
}

async function main(): Promise<void> {
  const file = join(tempFolder('append'), 'events.sqlite');
  const store = await SqliteEventStore.open({ file, synchronous: 'full' });
  console.log(`sqlite log at ${file}, synchronous = FULL; event size ~${storedSize(registration(0).event)} bytes (data + metadata)`);

  // Warm up: the JIT and the page cache, so the first second does not weigh on the figures.
  await commandTraffic(store, clients, 500);

  console.log(`a) ${clients} concurrent clients, one registration per append, ${seconds} s ...`);
  const before = store.stats();
  const concurrent = await commandTraffic(store, clients, seconds * 1000);
  const after = store.stats();
  const perCommit = (after.appends - before.appends) / (after.commits - before.commits);

  console.log('b) one client, one registration per append, 2 s ...');
  const sequential = await commandTraffic(store, 1, 2000);

  console.log(`c) bulk: ${bulkEvents.toLocaleString('en-US')} events, ${batch} per append, ${inFlight} appends in flight ...`);
  const batches = Array.from({ length: Math.ceil(bulkEvents / batch) }, (_, i) => longHistory(i, Math.min(batch, bulkEvents - i * batch)));
  const bulkStarted = performance.now();
  let nextBatch = 0;
  const loader = async () => {
    while (nextBatch < batches.length) {
      const { streamId, events } = batches[nextBatch++];
      await store.append(streamId, events, 'no-stream');
    }
  };
  await Promise.all(Array.from({ length: inFlight }, loader));
  const bulkSeconds = (performance.now() - bulkStarted) / 1000;
  await store.close();

  console.log('d) raw node:sqlite read of the whole file ...');
  const raw = rawReadRate(file);

  const figures: Figure[] = [
    { name: `concurrent appends (${clients} clients)`, value: concurrent.latencies.length / (concurrent.elapsedMs / 1000), unit: 'appends/s', target: atLeast(1_000) },
    { name: 'concurrent append p50', value: percentile(concurrent.latencies, 0.5), unit: 'ms' },
    { name: 'concurrent append p99', value: percentile(concurrent.latencies, 0.99), unit: 'ms', target: atMost(20) },
    { name: 'sequential append p50 (1 client)', value: percentile(sequential.latencies, 0.5), unit: 'ms' },
    { name: 'sequential append p99 (1 client)', value: percentile(sequential.latencies, 0.99), unit: 'ms' },
    { name: 'sequential appends (1 client)', value: sequential.latencies.length / (sequential.elapsedMs / 1000), unit: 'appends/s' },
    { name: `bulk append (${batch} events per append)`, value: bulkEvents / bulkSeconds, unit: 'events/s', target: atLeast(100_000) },
    { name: `raw node:sqlite read (${raw.rows.toLocaleString('en-US')} rows)`, value: raw.perSecond, unit: 'rows/s' },
  ];
  report('append', figures, { clients, seconds, bulkEvents, batch, appendsPerCommit: Math.round(perCommit * 10) / 10 });
  console.error(`group commit: ${perCommit.toFixed(1)} appends per transaction during (a)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
