import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstValueFrom, filter, scan } from 'rxjs';
import { RecordedEvent } from '../../envelope';
import { eventStoreContract } from '../../testing/event-store.contract';
import { makeEvent, uniqueStream } from '../../testing/make-event';
import { SqliteEventStore } from './sqlite-event-store';

const dirs: string[] = [];
const tempFile = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'pl-events-poll-'));
  dirs.push(dir);
  return join(dir, 'events.sqlite');
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

eventStoreContract('sqlite, polling for other writers', async () => {
  const store = new SqliteEventStore({ file: tempFile(), pollIntervalMs: 20 });
  return { store, cleanup: () => store.close() };
}, { uniqueEventIdsAcrossStreams: false });

// Two stores on one file stand for two processes: each one's live feed carries only its own commits.
describe('SqliteEventStore with pollIntervalMs', () => {
  const positionsUntil = (store: SqliteEventStore, after: number, count: number) => firstValueFrom(store.subscribe(after).pipe(
    scan((seen: number[], batch: readonly RecordedEvent[]) => [...seen, ...batch.map((e) => e.position)], []),
    filter((seen) => seen.length >= count),
  ));

  it('delivers live appends made by another writer of the file, in order, once each', async () => {
    const file = tempFile();
    const writer = new SqliteEventStore({ file });
    const reader = new SqliteEventStore({ file, pollIntervalMs: 20 });
    await writer.append(uniqueStream(), [makeEvent('A.v1', {})], 'no-stream');
    const seen = positionsUntil(reader, 0, 6);
    await new Promise((r) => setTimeout(r, 50));
    for (let i = 0; i < 5; i += 1) await writer.append(uniqueStream(), [makeEvent('A.v1', { i })], 'no-stream');
    expect(await seen).toEqual([1, 2, 3, 4, 5, 6]);
    await Promise.all([writer.close(), reader.close()]);
  });

  it('does not duplicate its own appends that a poll also finds', async () => {
    const store = new SqliteEventStore({ file: tempFile(), pollIntervalMs: 5 });
    const positions: number[] = [];
    const sub = store.subscribe(0).subscribe((batch) => positions.push(...batch.map((e) => e.position)));
    await new Promise((r) => setTimeout(r, 20));
    for (let i = 0; i < 20; i += 1) await store.append(uniqueStream(), [makeEvent('A.v1', { i })], 'no-stream');
    await new Promise((r) => setTimeout(r, 50));
    sub.unsubscribe();
    expect(positions).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    await store.close();
  });

  it('without the option, appends of another writer stay unseen live (the reason for the option)', async () => {
    const file = tempFile();
    const writer = new SqliteEventStore({ file });
    const reader = new SqliteEventStore({ file });
    const positions: number[] = [];
    const sub = reader.subscribe(0).subscribe((batch) => positions.push(...batch.map((e) => e.position)));
    await new Promise((r) => setTimeout(r, 20));
    await writer.append(uniqueStream(), [makeEvent('A.v1', {})], 'no-stream');
    await new Promise((r) => setTimeout(r, 100));
    sub.unsubscribe();
    expect(positions).toEqual([]);
    await Promise.all([writer.close(), reader.close()]);
  });
});
