import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { LocalKeyTokenService, loadConfig } from '@pl/application';
import { EVENT_STORE, EventStore } from '@pl/event-store';
import { createApi } from '../../apps/api/src/bootstrap';
import { Figure, anchorsCaughtUp, atLeast, atMost, numberArg, percentile, report, tempFolder } from './bench-support';
import { writeHouseholds } from './household-history';

// `npm run bench:query -- [--households 200000] [--clients 200] [--seconds 8] [--requests 40000]`
// The API in this process on a real port; the load from a worker thread (its own event loop)
// over keep-alive connections on loopback, so the client does not steal the server's loop.

const households = numberArg('households', 200_000);
const clients = numberArg('clients', 200);
const seconds = numberArg('seconds', 8);
const maxRequests = numberArg('requests', 40_000);

/** One request a client may send: path and headers. */
interface Target { readonly path: string; readonly headers: Record<string, string> }
interface Load { readonly latencies: number[]; readonly elapsedMs: number; readonly statuses: Record<string, number> }

// Plain JavaScript, evaluated in the worker: no TypeScript hook needed there. The client is a few
// lines over raw sockets (as wrk and autocannon are), not a full HTTP client: each request is a
// prepared buffer and a response is read by its Content-Length. A heavier client (undici, about
// as many microseconds per request as the server's answer from the cache) queues responses on
// its own thread, and that wait would be counted as the server's latency.
const LOAD = `
const { parentPort, workerData } = require('node:worker_threads');
const net = require('node:net');
const { host, port, targets, clients, maxRequests, maxMs } = workerData;
const requests = targets.map((t) => Buffer.from(
  'GET ' + t.path + ' HTTP/1.1\\r\\nhost: ' + host + ':' + port + '\\r\\nconnection: keep-alive\\r\\n' +
  Object.entries(t.headers).map(([k, v]) => k + ': ' + v + '\\r\\n').join('') + '\\r\\n', 'latin1'));
const CONTENT_LENGTH = /\\r\\ncontent-length: *(\\d+)/i;
const latencies = []; const statuses = {}; let next = 0;
const started = performance.now(); const deadline = started + maxMs;
function connection() {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port, noDelay: true });
    let pending = null; let t0 = 0; let need = -1; let status = 0;
    const send = () => {
      if (next >= maxRequests || performance.now() >= deadline) { socket.end(); return resolve(); }
      const request = requests[next++ % requests.length];
      t0 = performance.now(); need = -1; pending = null;
      socket.write(request);
    };
    socket.on('connect', send);
    socket.on('error', reject);
    socket.on('data', (chunk) => {
      pending = pending ? Buffer.concat([pending, chunk]) : chunk;
      if (need < 0) {
        const end = pending.indexOf('\\r\\n\\r\\n');
        if (end < 0) return;
        const head = pending.latin1Slice(0, end + 2);
        status = Number(head.slice(9, 12));
        const length = CONTENT_LENGTH.exec(head);
        if (!length && status !== 304 && status !== 204) return reject(new Error('a response without Content-Length: ' + head.split('\\r\\n')[0]));
        need = end + 4 + (length ? Number(length[1]) : 0);
      }
      if (pending.length < need) return;
      latencies.push(performance.now() - t0);
      statuses[status] = (statuses[status] || 0) + 1;
      send();
    });
  });
}
Promise.all(Array.from({ length: clients }, connection)).then(() => {
  parentPort.postMessage({ latencies, elapsedMs: performance.now() - started, statuses });
}, (error) => { throw error; });
`;

function load(base: string, targets: readonly Target[], limits: { requests: number; ms: number }, concurrency = clients): Promise<Load> {
  return new Promise((resolve, reject) => {
    const { hostname: host, port } = new URL(base);
    const worker = new Worker(LOAD, { eval: true, workerData: { host, port: Number(port), targets, clients: concurrency, maxRequests: limits.requests, maxMs: limits.ms } });
    worker.once('message', (message: Load) => resolve(message));
    worker.once('error', reject);
  });
}

// Limits of the cold pages: none is the 50 of the repeated pages nor the 20 of the walk.
const COLD_LIMITS = Array.from({ length: 40 }, (_, i) => 30 + i);
const WALK_LIMIT = 20;
/** Clients for the page's latency at the edge: a few reporting services at once, not a queue of 200. */
const EDGE_CLIENTS = 4;

/**
 * Pages never asked before at this state, so no answer cache can serve them: cursors of walks
 * through each commune and status (at WALK_LIMIT), each asked at every one of COLD_LIMITS. The
 * walks' own pages are cached under their own URLs, which the cold pages do not share. Empty
 * pages (past the last cursor) are left out.
 */
async function coldPages(base: string, auth: Record<string, string>, filters: readonly string[], wanted: number): Promise<Target[]> {
  const cursors: string[] = [];
  const needed = Math.ceil(wanted / COLD_LIMITS.length);
  await Promise.all(filters.map(async (filter) => {
    let cursor: string | undefined;
    do {
      const query = `${filter}${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await (await fetch(`${base}/api/v1/registry?${query}&limit=${WALK_LIMIT}`, { headers: auth })).json()) as { items: unknown[]; nextCursor?: string };
      if (page.items.length > 0) cursors.push(query);
      cursor = page.nextCursor;
    } while (cursor && cursors.length < needed);
  }));
  const targets = COLD_LIMITS.flatMap((limit) => cursors.map((query) => ({ path: `/api/v1/registry?${query}&limit=${limit}`, headers: auth })));
  if (new Set(targets.map((t) => t.path)).size !== targets.length) throw new Error('cold pages must all differ');
  return targets;
}

async function main(): Promise<void> {
  const dataDir = tempFolder('query');
  const t0 = performance.now();
  const { events } = await writeHouseholds(join(dataDir, 'events.sqlite'), { households });
  console.log(`${households.toLocaleString('en-US')} households, ${events.toLocaleString('en-US')} events written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'error', RATE_LIMIT_PER_MINUTE: '10000000', ANCHOR_EVERY: process.env.ANCHOR_EVERY ?? '10000' }, process.cwd());
  const t1 = performance.now();
  const app = await createApi(config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = await app.getUrl();
  console.log(`API up at ${base} after a ${((performance.now() - t1) / 1000).toFixed(1)} s rebuild of the read models`);
  const anchoring = await anchorsCaughtUp(app.get<EventStore>(EVENT_STORE), events, config.anchorEvery);
  console.log(`log anchored up to event ${anchoring.eventCount.toLocaleString('en-US')} after ${(anchoring.waitedMs / 1000).toFixed(1)} s more: measuring after start-up work`);
  const token = await (await LocalKeyTokenService.open({ dataDir })).mint({ subject: 'bench', role: 'reporter', areas: ['25'], ttlSeconds: 3600 });
  const auth = { authorization: `Bearer ${token}` };

  const communes = ['07900', '07903', '07906', '07909', '07912', '07915', '07918', '07921'];
  const filters = communes.flatMap((c) => ['poor', 'near-poor'].map((s) => `communeCode=${c}&status=${s}`));
  const pages: Target[] = filters.map((filter) => ({ path: `/api/v1/registry?${filter}&limit=50`, headers: auth }));
  const limits = { requests: maxRequests, ms: seconds * 1000 };
  await load(base, pages, { requests: 2_000, ms: 2_000 }); // warm-up: JIT, connections

  console.log(`a) registry page by commune and status, repeated: ${pages.length} pages at rest, answered from the answer cache, ${clients} clients ...`);
  const page = await load(base, pages, limits);

  const cold = await coldPages(base, auth, filters, maxRequests);
  console.log(`a') registry page, cold: ${cold.length.toLocaleString('en-US')} distinct pages, each asked at most once ...`);
  const coldPage = await load(base, cold, { requests: Math.min(maxRequests, cold.length), ms: limits.ms });
  // The page's own latency at the edge, without 200 requests queued in front of it: a handful of
  // clients, pages not asked before (the half of the cold set the run above left unasked, else all of it).
  const edge = cold.length > 2 * coldPage.latencies.length ? cold.slice(coldPage.latencies.length) : cold;
  console.log(`a'') registry page, cold, ${EDGE_CLIENTS} clients ...`);
  const edgePage = await load(base, edge, { requests: Math.min(maxRequests, edge.length), ms: limits.ms }, EDGE_CLIENTS);

  console.log('b) poverty statistics by commune, repeated (answer cache) ...');
  const statsProbe = await fetch(`${base}/api/v1/statistics/poverty?areaCode=07906&year=2024`, { headers: auth });
  const stats = statsProbe.status === 200
    ? await load(base, communes.map((c) => ({ path: `/api/v1/statistics/poverty?areaCode=${c}&year=2024`, headers: auth })), limits)
    : undefined;
  if (!stats) console.log(`   skipped: GET /api/v1/statistics/poverty answered ${statsProbe.status}`);

  console.log('c) cached page: If-None-Match answered 304 ...');
  const first = await fetch(`${base}${pages[0].path}`, { headers: auth });
  await first.arrayBuffer();
  const cached = await load(base, [{ path: pages[0].path, headers: { ...auth, 'if-none-match': first.headers.get('etag') ?? '' } }], { requests: maxRequests * 2, ms: limits.ms });
  await app.close();

  const rate = (l: Load) => l.latencies.length / (l.elapsedMs / 1000);
  // By Little's law, a 50 ms p99 with `clients` requests always in flight takes clients / 0.05 s.
  const needed = atLeast(clients / 0.05);
  const figures: Figure[] = [
    { name: 'registry page, repeated (answer cache) p50', value: percentile(page.latencies, 0.5), unit: 'ms' },
    { name: 'registry page, repeated (answer cache) p99', value: percentile(page.latencies, 0.99), unit: 'ms', target: atMost(50) },
    { name: 'registry page, repeated (answer cache) throughput', value: rate(page), unit: 'req/s', target: needed },
    { name: 'registry page, cold p50', value: percentile(coldPage.latencies, 0.5), unit: 'ms' },
    { name: 'registry page, cold p99', value: percentile(coldPage.latencies, 0.99), unit: 'ms', target: atMost(50) },
    { name: 'registry page, cold throughput', value: rate(coldPage), unit: 'req/s', target: needed },
    { name: `registry page, cold, ${EDGE_CLIENTS} clients p50`, value: percentile(edgePage.latencies, 0.5), unit: 'ms' },
    { name: `registry page, cold, ${EDGE_CLIENTS} clients p99`, value: percentile(edgePage.latencies, 0.99), unit: 'ms', target: atMost(50) },
    ...(stats ? [
      { name: 'statistics, repeated (answer cache) p50', value: percentile(stats.latencies, 0.5), unit: 'ms' },
      { name: 'statistics, repeated (answer cache) p99', value: percentile(stats.latencies, 0.99), unit: 'ms', target: atMost(50) },
    ] : []),
    { name: 'cached page (304)', value: rate(cached), unit: 'req/s', target: atLeast(5_000) },
    { name: 'cached page p99', value: percentile(cached.latencies, 0.99), unit: 'ms' },
  ];
  report('query', figures, {
    households, events, clients, seconds, measuredAfter: `rebuild of the read models and anchoring of the log (${(anchoring.waitedMs / 1000).toFixed(1)} s after start)`,
    coldPages: cold.length,
    statuses: { page: page.statuses, coldPage: coldPage.statuses, edgePage: edgePage.statuses, statistics: stats?.statuses ?? `skipped (${statsProbe.status})`, cached: cached.statuses },
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
