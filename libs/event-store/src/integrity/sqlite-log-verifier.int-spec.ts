import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { SqliteEventStore } from '../adapters/sqlite/sqlite-event-store';
import { EventMetadata } from '../envelope';
import { eventHash } from '../hash';
import { makeEvent } from '../testing/make-event';
import { ANCHOR_STREAM } from './anchor';
import { anchorEvent, computeLogHash, latestAnchor } from './log-hash-reader';
import { verifySqliteLog } from './sqlite-log-verifier';
import { verifyEventStore } from './verify-event-store';

const actor = { id: 'auditor-1', role: 'auditor' };

/** Given a log of two households (3 and 2 events) and an anchor, then one more event after it. */
async function givenLog(file: string): Promise<void> {
  const store = await SqliteEventStore.open({ file });
  await store.append('household-a', [0, 1, 2].map((i) => makeEvent('HouseholdAssessed.v1', { householdId: 'a', step: i, name: 'Hà Văn Sơn' })), 'no-stream');
  await store.append('household-b', [0, 1].map((i) => makeEvent('HouseholdAssessed.v1', { householdId: 'b', step: i })), 'no-stream');
  const state = await computeLogHash(store);
  await store.append(ANCHOR_STREAM, [anchorEvent(state, new Date('2026-02-01T00:00:00Z'), 'anchor-1', actor)], 'no-stream');
  await store.append('household-a', [makeEvent('HouseholdAssessed.v1', { householdId: 'a', step: 3 })], 2);
  await store.close();
}

describe('verifying an SQLite log', () => {
  let dir: string;
  let file: string;
  let db: DatabaseSync;
  const row = (position: number) => db.prepare('SELECT * FROM events WHERE position = ?').get(position) as Record<string, string | number>;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pl-verify-'));
    file = join(dir, 'events.sqlite');
    await givenLog(file);
    db = new DatabaseSync(file);
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('passes an untouched log, checking the anchor, through the store port as well', async () => {
    const report = await verifySqliteLog(file);
    expect(report).toMatchObject({ ok: true, events: 7, streams: 3, anchorsChecked: 1, logEventCount: 6, lastPosition: 7 });
    const store = await SqliteEventStore.open({ file });
    try {
      expect(await verifyEventStore(store)).toMatchObject({ ok: true, events: 7, anchorsChecked: 1, logHash: report.logHash });
      expect((await latestAnchor(store)).anchor).toMatchObject({ position: 5, eventCount: 5 });
    } finally {
      await store.close();
    }
  });

  it('names an event whose data lost one byte as changed', async () => {
    db.prepare("UPDATE events SET data = replace(data, 'Sơn', 'Sơm') WHERE position = 2").run();
    const { ok, finding } = await verifySqliteLog(file);
    expect(ok).toBe(false);
    expect(finding).toMatchObject({ kind: 'changed', position: 2, streamId: 'household-a', revision: 1, eventId: row(2).event_id });
  });

  it('names the missing revision when a row is deleted', async () => {
    db.prepare('DELETE FROM events WHERE position = 2').run();
    expect((await verifySqliteLog(file)).finding).toMatchObject({ kind: 'removed', position: 3, streamId: 'household-a', revision: 1 });
  });

  it('reports two events of one stream swapped as reordered', async () => {
    swapContent(db, 1, 2);
    expect((await verifySqliteLog(file)).finding).toMatchObject({ kind: 'reordered', position: 1, streamId: 'household-a', revision: 0, eventId: row(1).event_id });
  });

  it('reports events of two streams swapped as reordered, naming where the content belongs', async () => {
    swapContent(db, 2, 5);
    const { finding } = await verifySqliteLog(file);
    expect(finding).toMatchObject({ kind: 'reordered', position: 2, streamId: 'household-a', revision: 1 });
    expect(finding?.message).toContain('position 5');
  });

  it('catches a whole stream rewritten with a consistent chain at the next anchor', async () => {
    rewriteConsistently(db, 4, { householdId: 'b', step: 0, forged: true });
    const { finding } = await verifySqliteLog(file);
    expect(finding).toMatchObject({ kind: 'anchor-mismatch', position: 6, streamId: ANCHOR_STREAM });
  });

  it('catches an event removed after the last stored anchor with an exported one', async () => {
    const store = await SqliteEventStore.open({ file });
    const exported = { ...(await computeLogHash(store)), anchoredAt: '2026-02-02T00:00:00Z' };
    await store.close();
    db.prepare('DELETE FROM events WHERE position = 7').run();
    expect((await verifySqliteLog(file)).ok).toBe(true);
    expect((await verifySqliteLog(file, { anchor: exported })).finding).toMatchObject({ kind: 'anchor-mismatch', position: 7 });
  });

  it('names an event inserted into a stream with a well-formed link of its own', async () => {
    // After the anchor: household-a's revision 3 (position 7) moves to position 9 as revision 4, a forgery takes its place.
    db.prepare('UPDATE events SET position = 9, revision = 4 WHERE position = 7').run();
    const forged = makeEvent('HouseholdAssessed.v1', { householdId: 'a', forged: true });
    const prev = row(3).hash as string;
    db.prepare('INSERT INTO events (position, stream_id, revision, event_id, id_key, type, data, metadata, prev_hash, hash) VALUES (8, ?, 3, ?, 0, ?, ?, ?, ?, ?)')
      .run('household-a', forged.eventId, forged.type, JSON.stringify(forged.data), JSON.stringify(forged.metadata), prev, eventHash(prev, 'household-a', 3, forged));
    expect((await verifySqliteLog(file)).finding).toMatchObject({ kind: 'inserted', position: 8, streamId: 'household-a', revision: 3, eventId: forged.eventId });
  });

  it('verifies one stream alone', async () => {
    db.prepare("UPDATE events SET data = replace(data, 'Sơn', 'Sơm') WHERE position = 2").run();
    expect((await verifySqliteLog(file, { streamId: 'household-b' })).ok).toBe(true);
    expect((await verifySqliteLog(file, { streamId: 'household-a' })).finding).toMatchObject({ kind: 'changed', position: 2 });
  });
});

/** Swaps what two rows hold while each keeps its place and hash columns. */
function swapContent(db: DatabaseSync, a: number, b: number): void {
  db.exec(`
    CREATE TEMP TABLE swap AS SELECT position, event_id, type, data, metadata FROM events WHERE position IN (${a}, ${b});
    UPDATE events SET (event_id, type, data, metadata) = (SELECT event_id, type, data, metadata FROM swap WHERE swap.position = ${b}) WHERE position = ${a};
    UPDATE events SET (event_id, type, data, metadata) = (SELECT event_id, type, data, metadata FROM swap WHERE swap.position = ${a}) WHERE position = ${b};
    DROP TABLE swap;`);
}

/** Changes one event's data and recomputes its stream's hashes from there on, as a careful forger would. */
function rewriteConsistently(db: DatabaseSync, position: number, data: unknown): void {
  const target = db.prepare('SELECT stream_id, revision FROM events WHERE position = ?').get(position) as { stream_id: string; revision: number };
  db.prepare('UPDATE events SET data = ? WHERE position = ?').run(JSON.stringify(data), position);
  const rows = db.prepare('SELECT * FROM events WHERE stream_id = ? ORDER BY revision').all(target.stream_id) as Record<string, string | number>[];
  let prev = '';
  for (const r of rows) {
    const hash = eventHash(prev, r.stream_id as string, r.revision as number, {
      eventId: r.event_id as string, type: r.type as string, data: JSON.parse(r.data as string), metadata: JSON.parse(r.metadata as string) as EventMetadata,
    });
    db.prepare('UPDATE events SET prev_hash = ?, hash = ? WHERE position = ?').run(prev, hash, r.position);
    prev = hash;
  }
}
