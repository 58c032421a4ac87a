import { join } from 'node:path';
import { LocalKeyTokenService, loadConfig } from '@pl/application';
import { EVENT_STORE, EventStore } from '@pl/event-store';
import { REBUILD_BATCH, RebuildService, householdRegistry } from '@pl/projections';
import { createApi } from '../../apps/api/src/bootstrap';
import { Figure, anchorsCaughtUp, atLeast, numberArg, percentile, rawReadRate, report, tempFolder } from './bench-support';
import { writeHouseholds } from './household-history';

// `node scripts/bench.mjs rebuild -- [--events 1000000] [--batch 1000] [--warm-queries 1000]`
// A blue/green rebuild of the registry inside a running API on a sqlite log, while registry
// queries go on; then the switch. The rebuild's rate is set beside the raw node:sqlite read rate.

const target = numberArg('events', 1_000_000);
/** Events the rebuild applies between checkpoints (REBUILD_BATCH_SIZE). */
const batch = numberArg('batch', REBUILD_BATCH);
/** Registry queries the API answers before the rebuild starts (not counted). */
const warmQueries = numberArg('warm-queries', 1000, 'allowed');

async function main(): Promise<void> {
  const dir = tempFolder('rebuild');
  const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'error', REBUILD_BATCH_SIZE: String(batch) }, join(__dirname, '..', '..'));
  if (config.eventStore.kind !== 'sqlite') throw new Error('the bench needs the sqlite event store');
  console.log(`writing ${target.toLocaleString('en-US')} events to ${config.eventStore.file} ...`);
  const { households } = await writeHouseholds(config.eventStore.file, { events: target });

  console.log('raw node:sqlite read of the whole file ...');
  const raw = rawReadRate(config.eventStore.file);

  console.log('starting the API (replays every read model) ...');
  let started = performance.now();
  const app = await createApi(config);
  const startup = (performance.now() - started) / 1000;
  // Past start-up: the anchor reactor's first pass over the log would compete with the rebuild.
  const anchoring = await anchorsCaughtUp(app.get<EventStore>(EVENT_STORE), target, config.anchorEvery);
  console.log(`log anchored up to event ${anchoring.eventCount.toLocaleString('en-US')} after ${(anchoring.waitedMs / 1000).toFixed(1)} s more`);
  const token = await (await LocalKeyTokenService.open({ dataDir: dir })).mint({ subject: 'bench', role: 'reviewer', areas: ['*'], ttlSeconds: 3600 });
  const http = app.getHttpAdapter().getInstance();
  const rebuilds = app.get(RebuildService);

  const latencies: number[] = [];
  const failures: string[] = [];
  const query = async (i: number): Promise<void> => {
    const t = performance.now();
    const res = await http.inject({ method: 'GET', url: `/api/v1/registry?limit=20${i % 2 ? '&status=poor' : ''}`, headers: { authorization: `Bearer ${token}` } });
    latencies.push(performance.now() - t);
    const items = res.statusCode === 200 ? (res.json() as { items: unknown[] }).items.length : 0;
    if (res.statusCode !== 200 || items === 0) failures.push(`${res.statusCode}: ${items} items`);
  };
  // A running API has served queries before an operator rebuilds: the registry's indexes and
  // sorted views are built and the query path is compiled. These are not counted.
  console.log(`serving ${warmQueries} registry queries before the rebuild ...`);
  for (let i = 0; i < warmQueries; i++) await query(i);
  const warmFailures = failures.splice(0);
  if (warmFailures.length) throw new Error(`${warmFailures.length} queries failed before the rebuild: ${warmFailures.slice(0, 5).join('; ')}`);
  latencies.length = 0;

  // Queries throughout: one after another, as fast as the API answers them.
  let querying = true;
  const queries = (async () => {
    for (let i = 0; querying; i++) {
      await query(i);
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();

  console.log('rebuilding the registry into a new collection while queries run ...');
  started = performance.now();
  const { _id } = await rebuilds.start(householdRegistry.name);
  // Built: the new collection has caught up with the head; then the diff against the live one.
  let builtAt = 0;
  rebuilds.progress(_id).subscribe((p) => { if (!builtAt && p.total > 0 && p.done >= p.total) builtAt = performance.now(); });
  const ready = await rebuilds.whenSettled(_id);
  const settledAt = performance.now();
  if (!builtAt) builtAt = settledAt;
  const seconds = (builtAt - started) / 1000;
  const diffSeconds = (settledAt - builtAt) / 1000;
  if (ready.state !== 'ready') throw new Error(`the rebuild ended ${ready.state}: ${ready.error ?? ''}`);
  if (!ready.diff?.identical) throw new Error(`the rebuilt registry differs: ${JSON.stringify(ready.diff)}`);
  const switchStarted = performance.now();
  const switched = await rebuilds.switch(_id);
  const switchMs = performance.now() - switchStarted;
  await new Promise((resolve) => setTimeout(resolve, 200));
  querying = false;
  await queries;
  await app.close();
  if (switched.state !== 'switched') throw new Error(`the switch left the rebuild ${switched.state}`);
  if (failures.length) throw new Error(`${failures.length} of ${latencies.length} queries failed or saw an empty registry: ${failures.slice(0, 5).join('; ')}`);

  const events = ready.progress.done;
  const rate = events / seconds;
  const figures: Figure[] = [
    { name: `rebuild of the registry in a running API (${events.toLocaleString('en-US')} events)`, value: rate, unit: 'events/s', target: atLeast(200_000) },
    { name: `raw node:sqlite read (${raw.rows.toLocaleString('en-US')} rows)`, value: raw.perSecond, unit: 'rows/s' },
    { name: 'rebuild rate / raw read rate', value: (100 * rate) / raw.perSecond, unit: '%', target: atLeast(40) },
    { name: 'rebuild time (from 0 to the head)', value: seconds, unit: 's' },
    { name: `diff of the ${ready.diff?.liveCount.toLocaleString('en-US') ?? 0} documents against the live registry`, value: diffSeconds, unit: 's' },
    { name: 'API start (replay of every read model)', value: startup, unit: 's' },
    { name: 'switch', value: switchMs, unit: 'ms' },
    { name: `registry queries during the rebuild (${latencies.length}), p99`, value: percentile(latencies, 0.99), unit: 'ms' },
  ];
  report('rebuild', figures, { measuredAfter: `start-up: replay of the read models and anchoring of the log (${(anchoring.waitedMs / 1000).toFixed(1)} s)`, events, households, queries: latencies.length, failures: failures.length, warmQueries, heapMiB: Math.round(process.memoryUsage().heapUsed / 2 ** 20) });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
