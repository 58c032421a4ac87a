import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { SqliteEventStore } from '@pl/event-store';
import { MemoryReadStore } from '@pl/read-store';
import { ProjectionRunner } from '@pl/projections';
import { UnitDirectory } from '@pl/application';
import { projectionsOf } from '../../libs/application/src/wiring/projections';
import { tempFolder } from './bench-support';
import { writeHouseholds } from './household-history';

async function main(): Promise<void> {
  const file = join(tempFolder('regprof'), 'events.sqlite');
  await writeHouseholds(file, { events: 1_000_000 });
  const which = Number(process.env.PROJ ?? 0);
  const projection = projectionsOf(UnitDirectory.load({ adminUnitsFile: 'resources/admin-units/catalogue.json' }))[which];
  for (let round = 0; round < 4; round++) {
    const store = await SqliteEventStore.open({ file });
    const runner = new ProjectionRunner(store, new MemoryReadStore(), [projection]);
    const session = new Session(); session.connect();
    const prof = round === 3 && process.env.PROF;
    if (prof) { await session.post('Profiler.enable'); await session.post('Profiler.setSamplingInterval', { interval: 100 }); await session.post('Profiler.start'); }
    const t = performance.now();
    await runner.start();
    console.log(`${projection.name} round ${round}: ${Math.round(1_000_000 / ((performance.now() - t) / 1000))} ev/s`);
    if (prof) { const { profile } = await session.post('Profiler.stop'); writeFileSync('/tmp/reg.cpuprofile', JSON.stringify(profile)); }
    await runner.stop(); await store.close();
  }
}
main().catch((e) => { console.error(e); process.exit(1); });
