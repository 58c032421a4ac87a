import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { TamperFinding, verifySqliteLog } from '@pl/event-store';
import { registration, startApi } from '../support/api-harness';
import { buildApp, projectRoot as root } from '../support/build-app';

type Row = { position: number; stream_id: string; revision: number; event_id: string };

/** Tampering with a stored log, directly in the SQLite file, as someone with disk access could. */
describe('tamper evidence of the stored log', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'pl-tamper-'));
  const log = join(dataDir, 'events.sqlite');
  let main: string;
  let copies = 0;

  const cli = (...args: string[]) => {
    const result = spawnSync(process.execPath, [main, ...args], { cwd: root, encoding: 'utf8', timeout: 60_000, env: { ...process.env, DATA_DIR: dataDir } });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  /** A consistent copy of the log (WAL included), tampered with by `change`. */
  const tamperedCopy = (change: (db: DatabaseSync) => void): string => {
    const file = join(dataDir, `copy-${++copies}.sqlite`);
    const source = new DatabaseSync(log);
    source.prepare('VACUUM INTO ?').run(file);
    source.close();
    const db = new DatabaseSync(file);
    try { change(db); } finally { db.close(); }
    return file;
  };
  const rowOf = (stream: string, revision: number): Row => {
    const db = new DatabaseSync(log, { readOnly: true });
    try {
      return db.prepare('SELECT position, stream_id, revision, event_id FROM events WHERE stream_id = ? AND revision = ?').get(stream, revision) as Row;
    } finally { db.close(); }
  };
  const finding = async (file: string): Promise<TamperFinding | undefined> => (await verifySqliteLog(file)).finding;

  beforeAll(async () => {
    main = buildApp('cli');
    // Given households registered and assessed through the API.
    const api = await startApi({}, dataDir);
    const officer = { authorization: `Bearer ${await api.token('commune-officer', ['07906'])}` };
    for (const id of ['tamper-a', 'tamper-b', 'tamper-c']) {
      await api.http.post('/api/v1/households').set(officer).send(registration({ householdId: id, registeredOn: '2023-03-01' })).expect(201);
    }
    for (const id of ['tamper-a', 'tamper-b']) {
      await api.http.post(`/api/v1/households/${id}/assessments`).set(officer)
        .send({ reviewKind: 'periodic', surveyor: 'Đinh Thị Lan', reviewYear: 2023, assessedOn: '2023-10-01', incomePerPersonMonthly: 1_000_000, deficientIndicators: ['latrine'] })
        .expect(201);
    }
    await api.close();
  }, 240_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('anchors, exports the anchor and verifies the untouched log with exit code 0', () => {
    expect(cli('audit', 'anchor')).toMatchObject({ code: 0, stdout: expect.stringMatching(/^anchored 5 events through position \d+/) });
    const out = join(dataDir, 'anchor.json');
    expect(cli('audit', 'export-anchor', '--out', out).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ eventCount: 5, logHash: expect.stringMatching(/^[0-9a-f]{64}$/), algorithm: expect.stringContaining('sha256') });
    const verified = cli('audit', 'verify', '--anchor', out);
    expect(verified).toMatchObject({ code: 0, stdout: expect.stringMatching(/^OK: log intact: 6 events in 4 streams, 2 anchors checked/) });
  });

  it('finds one byte of stored data changed, names the event and exits 4', () => {
    const target = rowOf('household-tamper-b', 0);
    const file = tamperedCopy((db) => db.prepare("UPDATE events SET data = replace(data, '\"memberCount\":4', '\"memberCount\":5') WHERE position = ?").run(target.position));
    const result = cli('audit', 'verify', '--file', file);
    expect(result.code).toBe(4);
    expect(result.stdout).toContain(`TAMPERING FOUND: changed at position ${target.position}, stream household-tamper-b revision 0, event ${target.event_id}`);
  });

  it('finds a deleted row and names the missing revision', async () => {
    const target = rowOf('household-tamper-a', 0);
    const file = tamperedCopy((db) => db.prepare('DELETE FROM events WHERE position = ?').run(target.position));
    expect(await finding(file)).toMatchObject({ kind: 'removed', streamId: 'household-tamper-a', revision: 0 });
  });

  it('finds the last event of a stream deleted, by the anchor', async () => {
    const target = rowOf('household-tamper-c', 0);
    const file = tamperedCopy((db) => db.prepare('DELETE FROM events WHERE position = ?').run(target.position));
    expect(await finding(file)).toMatchObject({ kind: 'anchor-mismatch', streamId: 'audit-anchors' });
  });

  it('finds two events of one stream swapped', async () => {
    const [first, second] = [rowOf('household-tamper-a', 0), rowOf('household-tamper-a', 1)];
    const file = tamperedCopy((db) => swap(db, first.position, second.position));
    expect(await finding(file)).toMatchObject({ kind: 'reordered', position: first.position, streamId: 'household-tamper-a', eventId: second.event_id });
  });

  it('finds events of two streams swapped', async () => {
    const [a, b] = [rowOf('household-tamper-a', 1), rowOf('household-tamper-b', 1)];
    const file = tamperedCopy((db) => swap(db, a.position, b.position));
    const found = await finding(file);
    expect(found).toMatchObject({ kind: 'reordered', position: a.position, streamId: 'household-tamper-a', revision: 1 });
    expect(found?.message).toContain(`position ${b.position}`);
  });
});

/** Swaps the content (id, type, data, metadata) of two rows; each keeps its place and hash columns. */
function swap(db: DatabaseSync, a: number, b: number): void {
  db.exec(`
    CREATE TEMP TABLE swap AS SELECT position, event_id, type, data, metadata FROM events WHERE position IN (${a}, ${b});
    UPDATE events SET (event_id, type, data, metadata) = (SELECT event_id, type, data, metadata FROM swap WHERE swap.position = ${b}) WHERE position = ${a};
    UPDATE events SET (event_id, type, data, metadata) = (SELECT event_id, type, data, metadata FROM swap WHERE swap.position = ${a}) WHERE position = ${b};
    DROP TABLE swap;`);
}
