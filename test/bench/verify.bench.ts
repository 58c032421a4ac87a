import { join } from 'node:path';
import { ANCHOR_STREAM, SqliteEventStore, anchorEvent, computeLogHash, verifyEventStore, verifySqliteLog } from '@pl/event-store';
import { Figure, atLeast, numberArg, rawReadRate, report, tempFolder } from './bench-support';
import { history } from './household-history';

// `npm run bench:verify -- [--events 1000000] [--anchor-every 10000] [--in-flight 8]`
// Builds a log of household histories with an anchor every N events, then verifies it whole:
// the dedicated SQLite verifier (raw rows), the verifier over the store port, and the raw read floor.

const target = numberArg('events', 1_000_000);
const anchorEvery = numberArg('anchor-every', 10_000);
const inFlight = numberArg('in-flight', 8);

async function buildLog(file: string): Promise<{ events: number; anchors: number }> {
  // Loading is not what is measured: synchronous = NORMAL keeps it short.
  const store = await SqliteEventStore.open({ file, synchronous: 'normal' });
  let n = 0;
  let written = 0;
  let anchors = 0;
  let sinceAnchor = 0;
  let state = { position: 0, logHash: '', eventCount: 0 };
  while (written < target) {
    const chunk = Array.from({ length: inFlight * 50 }, () => history(n++));
    let next = 0;
    const loader = async () => {
      while (next < chunk.length) {
        const { streamId, events } = chunk[next++];
        await store.append(streamId, events, 'no-stream');
      }
    };
    await Promise.all(Array.from({ length: inFlight }, loader));
    const added = chunk.reduce((sum, h) => sum + h.events.length, 0);
    written += added;
    sinceAnchor += added;
    if (sinceAnchor >= anchorEvery || written >= target) {
      state = await computeLogHash(store, state);
      await store.append(ANCHOR_STREAM, [anchorEvent(state, new Date(), `anchor-${anchors}`, { id: 'bench', role: 'operator' })], anchors - 1 < 0 ? 'no-stream' : anchors - 1);
      anchors += 1;
      sinceAnchor = 0;
    }
    if (n % 20_000 < inFlight * 50) process.stdout.write(`\r  ${written.toLocaleString('en-US')} events`);
  }
  await store.close();
  process.stdout.write('\n');
  return { events: written + anchors, anchors };
}


async function main(): Promise<void> {
  const file = join(tempFolder('verify'), 'events.sqlite');
  console.log(`a) building ${target.toLocaleString('en-US')} events, an anchor every ${anchorEvery.toLocaleString('en-US')} ...`);
  const built = await buildLog(file);

  console.log('b) dedicated SQLite verifier (raw rows) ...');
  const sqlite = await verifySqliteLog(file);
  if (!sqlite.ok) throw new Error(`the fresh log did not verify: ${JSON.stringify(sqlite.finding)}`);

  console.log('c) verifier over the store port (readAll) ...');
  const store = await SqliteEventStore.open({ file });
  const port = await verifyEventStore(store, { batchSize: 1000 });
  await store.close();
  if (!port.ok) throw new Error(`the fresh log did not verify through the port: ${JSON.stringify(port.finding)}`);

  console.log('d) raw node:sqlite read with JSON.parse (the floor) ...');
  const raw = rawReadRate(file);

  const figures: Figure[] = [
    { name: `verify, SQLite verifier (${sqlite.events.toLocaleString('en-US')} events)`, value: sqlite.events / sqlite.seconds, unit: 'events/s', target: atLeast(200_000) },
    { name: 'verify, SQLite verifier, total', value: sqlite.seconds, unit: 's' },
    { name: 'verify, through the store port', value: port.events / port.seconds, unit: 'events/s' },
    { name: 'raw read + JSON.parse (floor)', value: raw.perSecond, unit: 'rows/s' },
  ];
  report('verify', figures, { events: built.events, anchors: built.anchors, anchorsChecked: sqlite.anchorsChecked, streams: sqlite.streams });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
