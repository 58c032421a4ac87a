import { spawnSync } from 'node:child_process';
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
// then each read model alone (unless --no-each). Each replay runs in a process of its own, as a
// start does: a fresh heap and a cold JIT, and no read models of an earlier replay in memory
// waiting to be collected (which cost the later replays 10 to 20 % when they shared a process).

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
  const all = replayApart(file, 'all');
  if (all.registry !== households) throw new Error(`the registry holds ${all.registry} households, ${households} were written`);

  const figures: Figure[] = [
    { name: `replay into every in-memory read model (${projections.length} projections, ${all.head.toLocaleString('en-US')} events)`, value: all.head / all.seconds, unit: 'events/s', target: atLeast(200_000) },
    { name: 'replay time', value: all.seconds, unit: 's' },
    { name: `raw node:sqlite read (${raw.rows.toLocaleString('en-US')} rows)`, value: raw.perSecond, unit: 'rows/s' },
  ];
  // Each read model alone, from the same file: where the time of the whole replay goes.
  if (!flag('no-each')) {
    for (const projection of projections) {
      const alone = replayApart(file, projection.name);
      figures.push({ name: `  ${projection.name} alone`, value: alone.head / alone.seconds, unit: 'events/s', ...(projection.name === householdRegistry.name ? { target: atLeast(200_000) } : {}) });
    }
  }
  report('replay', figures, { events: all.head, households, documents: all.registry, heapMiB: all.heapMiB });
}

interface Replayed { readonly head: number; readonly seconds: number; readonly registry: number; readonly heapMiB: number }

/** Runs one replay (`all`, or one projection by name) in a child process of this bench; its last stdout line is the outcome. */
function replayApart(file: string, only: string): Replayed {
  const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1], '--replay-one', only, '--file', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (child.status !== 0) throw new Error(`the replay of ${only} failed (exit ${child.status})`);
  return JSON.parse(child.stdout.trim().split('\n').pop() ?? '') as Replayed;
}

/** In the child: one replay, its outcome as a JSON line. */
async function replayOne(file: string, only: string): Promise<void> {
  const projections = projectionsOf(UnitDirectory.load({ adminUnitsFile: 'resources/admin-units/catalogue.json' }));
  const chosen = only === 'all' ? projections : projections.filter((p) => p.name === only);
  if (chosen.length === 0) throw new Error(`no projection named ${only}`);
  console.log(JSON.stringify(await replay(file, chosen)));
}

/** Replays the log into fresh in-memory read models; fails on a poisoned event. */
async function replay(file: string, projections: readonly Projection<Document>[]): Promise<Replayed> {
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

const argument = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const one = argument('replay-one');
const logFile = argument('file');
(one && logFile ? replayOne(logFile, one) : main()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
