import { join } from 'node:path';
import { SqliteEventStore } from '@pl/event-store';
import { Document, MemoryReadStore } from '@pl/read-store';
import { Projection, ProjectionRunner, collectionOf, householdRegistry } from '@pl/projections';
import { UnitDirectory } from '@pl/application';
import { projectionsOf } from '../../libs/application/src/wiring/projections';
import { Figure, atLeast, flag, numberArg, rawReadRate, report, tempFolder } from './bench-support';
import { history, storedSize, writeHouseholds } from './household-history';

// `npm run bench:replay -- [--events 1000000] [--no-each]`
// Rebuilds the in-memory read models from a sqlite log, as the embedded product does at start,
// then each read model alone (unless --no-each).

const target = numberArg('events', 1_000_000);
async function main(): Promise<void> {
  const file = join(tempFolder('replay'), 'events.sqlite');
  console.log(`writing ${target.toLocaleString('en-US')} events to ${file}; a registration is ~${storedSize(history(0).events[0])} bytes`);
  const started = performance.now();
  const { households, events } = await writeHouseholds(file, { events: target });
  const seconds = (performance.now() - started) / 1000;
  console.log(`  ${events.toLocaleString('en-US')} events of ${households.toLocaleString('en-US')} households written in ${seconds.toFixed(1)} s (${Math.round(events / seconds).toLocaleString('en-US')} events/s)`);

  console.log('raw node:sqlite read of the whole file ...');
  const raw = rawReadRate(file);

  console.log('replay into the in-memory read models ...');
  const projections = projectionsOf(UnitDirectory.load({ adminUnitsFile: 'resources/admin-units/catalogue.json' }));
  const all = await replay(file, projections);
  if (all.registry !== households) throw new Error(`the registry holds ${all.registry} households, ${households} were written`);

  const figures: Figure[] = [
    { name: `replay into every in-memory read model (${projections.length} projections, ${all.head.toLocaleString('en-US')} events)`, value: all.head / all.seconds, unit: 'events/s', target: atLeast(200_000) },
    { name: 'replay time', value: all.seconds, unit: 's' },
    { name: `raw node:sqlite read (${raw.rows.toLocaleString('en-US')} rows)`, value: raw.perSecond, unit: 'rows/s' },
  ];
  // Each read model alone, from the same file: where the time of the whole replay goes.
  if (!flag('no-each')) {
    for (const projection of projections) {
      const alone = await replay(file, [projection]);
      figures.push({ name: `  ${projection.name} alone`, value: alone.head / alone.seconds, unit: 'events/s', ...(projection.name === householdRegistry.name ? { target: atLeast(200_000) } : {}) });
    }
  }
  report('replay', figures, { events: all.head, households, documents: all.registry, heapMiB: all.heapMiB });
}

/** Replays the log into fresh in-memory read models; fails on a poisoned event. */
async function replay(file: string, projections: readonly Projection<Document>[]) {
  const store = await SqliteEventStore.open({ file });
  const readStore = new MemoryReadStore();
  const runner = new ProjectionRunner(store, readStore, projections);
  const started = performance.now();
  await runner.start();
  const seconds = (performance.now() - started) / 1000;
  await runner.stop();
  const head = await store.headPosition();
  const registry = await readStore.collection(collectionOf(householdRegistry)).count();
  const heapMiB = Math.round(process.memoryUsage().heapUsed / 2 ** 20);
  await store.close();
  if (runner.poisoned().length) throw new Error(`replay stopped on ${JSON.stringify(runner.poisoned())}`);
  return { head, seconds, registry, heapMiB };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
