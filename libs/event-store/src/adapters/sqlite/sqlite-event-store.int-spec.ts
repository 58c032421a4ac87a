import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { eventStoreContract } from '../../testing/event-store.contract';
import { makeEvent, uniqueStream } from '../../testing/make-event';
import { DuplicateEventIdError } from '../../errors';
import { eventIdKey, NEW_FILE_PAGE_SIZE } from './schema';
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
}, { uniqueEventIdsAcrossStreams: false });

eventStoreContract('sqlite, synchronous normal', async () => {
  const store = await SqliteEventStore.open({ file: tempFile(), synchronous: 'normal' });
  return { store, cleanup: () => store.close() };
}, { uniqueEventIdsAcrossStreams: false });

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

  it('fails only the append that reuses an id another append of the same group just stored in its stream', async () => {
    const store = new SqliteEventStore({ file: tempFile() });
    const reused = makeEvent('A.v1', { n: 1 });
    const stream = uniqueStream();

    const outcomes = await Promise.allSettled([
      store.append(stream, [reused], 'no-stream'),
      store.append(stream, [makeEvent('A.v1', { n: 2 }), reused, makeEvent('A.v1', { n: 3 })], 'any'),
      store.append(uniqueStream(), [makeEvent('A.v1', { n: 4 }), makeEvent('A.v1', { n: 5 })], 'no-stream'),
    ]);

    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(DuplicateEventIdError);
    expect(store.commitCount).toBe(1);
    expect(outcomes[2]).toMatchObject({ value: { revision: 1, position: 3 } });
    expect((await store.readStream(stream)).map((e) => e.eventId)).toEqual([reused.eventId]);
    await store.close();
  });

  it('tells a stored id from another id with the same index key, wherever it stands in an append', async () => {
    const file = tempFile();
    const store = new SqliteEventStore({ file });
    await store.append(uniqueStream(), [makeEvent('A.v1', {})], 'no-stream');
    const [leading, later] = [makeEvent('A.v1', { n: 1 }), makeEvent('A.v1', { n: 2 })];
    // Key collisions are too rare to meet by chance: rows of the stream under other ids are given the keys of the new ones.
    const stream = uniqueStream();
    const other = new DatabaseSync(file);
    const forge = other.prepare("INSERT INTO events (stream_id, revision, event_id, id_key, type, data, metadata, prev_hash, hash) VALUES (?, ?, ?, ?, 'A.v1', '{}', '{}', '', '')");
    forge.run(stream, 0, 'forged-1', eventIdKey(leading.eventId));
    forge.run(stream, 1, 'forged-2', eventIdKey(later.eventId));
    other.close();

    const result = await store.append(stream, [leading, later], 'any');

    expect(result).toEqual({ revision: 3, position: 5, duplicate: false });
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

describe('SqliteEventStore file layout', () => {
  const pragma = (file: string, name: string): number => {
    const db = new DatabaseSync(file, { readOnly: true });
    try { return (db.prepare(`PRAGMA ${name}`).get() as Record<string, number>)[name]; } finally { db.close(); }
  };

  it('makes new files with large pages and leaves an existing file its own page size', async () => {
    const fresh = tempFile();
    await new SqliteEventStore({ file: fresh }).close();
    const older = tempFile();
    const db = new DatabaseSync(older);
    db.exec('PRAGMA page_size = 4096; PRAGMA journal_mode = WAL; CREATE TABLE t (x)');
    db.close();
    await new SqliteEventStore({ file: older }).close();

    expect([pragma(fresh, 'page_size'), pragma(older, 'page_size')]).toEqual([NEW_FILE_PAGE_SIZE, 4096]);
  });

  it('migrates a file of layout 3 (one id index over the whole log): its events stay, retries are still recognised', async () => {
    const file = tempFile();
    const stream = uniqueStream();
    const first = makeEvent('A.v1', { n: 1 });
    // A file of layout 3 is one of layout 4 with the id index over the whole log instead, and version 3.
    const before = new SqliteEventStore({ file });
    await before.append(stream, [first], 'no-stream');
    await before.close();
    const back = new DatabaseSync(file);
    back.exec('DROP INDEX events_by_stream_id_key; CREATE INDEX events_by_id_key ON events (id_key); PRAGMA user_version = 3');
    back.close();

    const store = new SqliteEventStore({ file });
    const retry = await store.append(stream, [first], 'no-stream');
    await store.close();
    const reader = new DatabaseSync(file, { readOnly: true });
    const indexes = reader.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' AND sql IS NOT NULL").all();
    reader.close();

    expect(retry).toEqual({ revision: 0, position: 1, duplicate: true });
    expect(indexes.map((row) => (row as { name: string }).name)).toEqual(['events_by_stream_id_key']);
    expect(pragma(file, 'user_version')).toBe(4);
  });

  it('copies the WAL into the file on its own thread while appends go on, and loses nothing when closed', async () => {
    const file = tempFile();
    const store = new SqliteEventStore({ file, synchronous: 'normal' });
    const text = 'x'.repeat(8_000);
    // About 24 MiB of events: past the thread's 4 MiB, short of the writer's own checkpoint at 64 MiB.
    for (let i = 0; i < 30; i++) await store.append(uniqueStream(), Array.from({ length: 100 }, (_, n) => makeEvent('A.v1', { i, n, text })), 'no-stream');

    // Without the thread the file would stay as it was made until the writer's own checkpoint.
    const deadline = Date.now() + 10_000;
    while (statSync(file).size < 4 * 1024 * 1024 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const checkpointed = statSync(file).size;
    await store.close();
    const reopened = new SqliteEventStore({ file });
    const head = await reopened.headPosition();
    await reopened.close();

    expect(checkpointed).toBeGreaterThanOrEqual(4 * 1024 * 1024);
    expect(head).toBe(3_000);
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
