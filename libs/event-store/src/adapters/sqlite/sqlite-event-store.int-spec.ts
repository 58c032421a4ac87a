import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { eventStoreContract } from '../../testing/event-store.contract';
import { makeEvent, uniqueStream } from '../../testing/make-event';
import { DuplicateEventIdError } from '../../errors';
import { eventIdKey } from './schema';
import { SqliteEventStore } from './sqlite-event-store';

const dirs: string[] = [];
const tempFile = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'pl-events-'));
  dirs.push(dir);
  return join(dir, 'events.sqlite');
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

eventStoreContract('sqlite', async () => {
  const store = new SqliteEventStore({ file: tempFile() });
  return { store, cleanup: () => store.close() };
});

eventStoreContract('sqlite, synchronous normal', async () => {
  const store = await SqliteEventStore.open({ file: tempFile(), synchronous: 'normal' });
  return { store, cleanup: () => store.close() };
});

describe('SqliteEventStore', () => {
  it('commits many concurrent appends in far fewer transactions than appends', async () => {
    const store = new SqliteEventStore({ file: tempFile() });

    const results = await Promise.all(Array.from({ length: 200 }, () => store.append(uniqueStream(), [makeEvent('A.v1', {})], 'no-stream')));

    expect(new Set(results.map((r) => r.position)).size).toBe(200);
    expect(store.stats().appends).toBe(200);
    expect(store.commitCount).toBeLessThanOrEqual(5);
    await store.close();
  });

  it('rejects only the conflicting append of a group and commits the others', async () => {
    const store = new SqliteEventStore({ file: tempFile() });
    const stream = uniqueStream();

    const outcomes = await Promise.allSettled([
      store.append(stream, [makeEvent('A.v1', { n: 1 })], 'no-stream'),
      store.append(stream, [makeEvent('A.v1', { n: 2 })], 'no-stream'),
      store.append(stream, [makeEvent('A.v1', { n: 3 })], 0),
    ]);

    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(store.commitCount).toBe(1);
    expect((await store.readStream(stream)).map((e) => e.data)).toEqual([{ n: 1 }, { n: 3 }]);
    await store.close();
  });

  it('fails only the append that reuses an id another append of the same group just stored', async () => {
    const store = new SqliteEventStore({ file: tempFile() });
    const reused = makeEvent('A.v1', { n: 1 });
    const [first, second] = [uniqueStream(), uniqueStream()];

    const outcomes = await Promise.allSettled([
      store.append(first, [reused], 'no-stream'),
      store.append(second, [makeEvent('A.v1', { n: 2 }), reused, makeEvent('A.v1', { n: 3 })], 'no-stream'),
      store.append(uniqueStream(), [makeEvent('A.v1', { n: 4 }), makeEvent('A.v1', { n: 5 })], 'no-stream'),
    ]);

    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(DuplicateEventIdError);
    expect(store.commitCount).toBe(1);
    expect(outcomes[2]).toMatchObject({ value: { revision: 1, position: 3 } });
    await expect(store.readStream(second)).rejects.toThrow();
    await store.close();
  });

  it('tells a stored id from another id with the same index key, wherever it stands in an append', async () => {
    const file = tempFile();
    const store = new SqliteEventStore({ file });
    await store.append(uniqueStream(), [makeEvent('A.v1', {})], 'no-stream');
    const [leading, later] = [makeEvent('A.v1', { n: 1 }), makeEvent('A.v1', { n: 2 })];
    // Key collisions are too rare to meet by chance: rows under other ids are given the keys of the new ones.
    const other = new DatabaseSync(file);
    const forge = other.prepare("INSERT INTO events (stream_id, revision, event_id, id_key, type, data, metadata, prev_hash, hash) VALUES (?, 0, ?, ?, 'A.v1', '{}', '{}', '', '')");
    forge.run(uniqueStream(), 'forged-1', eventIdKey(leading.eventId));
    forge.run(uniqueStream(), 'forged-2', eventIdKey(later.eventId));
    other.close();

    const result = await store.append(uniqueStream(), [leading, later], 'no-stream');

    expect(result).toEqual({ revision: 1, position: 5, duplicate: false });
    await store.close();
  });

  it('makes an acknowledged append visible to another connection before the store is closed', async () => {
    const file = tempFile();
    const store = new SqliteEventStore({ file });
    for (let i = 0; i < 25; i++) await store.append(uniqueStream(), [makeEvent('A.v1', { i })], 'no-stream');

    const other = new DatabaseSync(file, { readOnly: true });
    const { count } = other.prepare('SELECT COUNT(*) AS count FROM events').get() as { count: number };
    other.close();

    expect(count).toBe(25);
    await store.close();
  });

  it('keeps every acknowledged event when reopened after the writer was never closed', async () => {
    const file = tempFile();
    const abandoned = new SqliteEventStore({ file });
    const stream = uniqueStream();
    for (let i = 0; i < 10; i++) await abandoned.append(stream, [makeEvent('A.v1', { i })], i - 1 < 0 ? 'no-stream' : i - 1);

    const reopened = new SqliteEventStore({ file });

    expect((await reopened.readStream(stream)).map((e) => e.revision)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(await reopened.append(stream, [makeEvent('A.v1', {})], 9)).toMatchObject({ revision: 10, position: 11 });
    await reopened.close();
    await abandoned.close();
  });

  it('commits appends already queued when it is closed', async () => {
    const file = tempFile();
    const store = new SqliteEventStore({ file });
    const pending = store.append(uniqueStream(), [makeEvent('A.v1', {})], 'no-stream');

    await store.close();

    await expect(pending).resolves.toMatchObject({ position: 1 });
    const reopened = new SqliteEventStore({ file });
    expect(await reopened.headPosition()).toBe(1);
    await reopened.close();
  });

  it('keeps every acknowledged append when the writing process is killed with SIGKILL', async () => {
    const file = tempFile();

    const acknowledged = await runAndKill(file, 300);

    const reopened = new SqliteEventStore({ file });
    const stored = new Set<string>();
    for await (const batch of reopened.readAll({ batchSize: 1000 })) batch.forEach((e) => stored.add(e.eventId));
    expect(acknowledged.length).toBeGreaterThanOrEqual(300);
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    await reopened.close();
  });
});

/** Starts a writer process, kills it with SIGKILL once `after` appends were acknowledged, returns their event ids. */
function runAndKill(file: string, after: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(__dirname, 'crash-writer.cjs'), file], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acknowledged: string[] = [];
    let pending = '';
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => { errors += String(chunk); });
    child.stdout.on('data', (chunk: Buffer) => {
      const lines = (pending + String(chunk)).split('\n');
      pending = lines.pop() ?? '';
      acknowledged.push(...lines.filter((line) => line && line !== 'ready'));
      if (acknowledged.length >= after) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(acknowledged);
      else reject(new Error(`the writer stopped by itself: ${errors}`));
    });
  });
}
