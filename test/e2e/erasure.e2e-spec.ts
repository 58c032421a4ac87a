import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { ApiHarness, registration, startApi } from '../support/api-harness';

const HEAD_NAME = 'Hà Văn Sơn';
const CITIZEN_ID = '025085000123';

/** Every byte of the event log (database and write-ahead log) as one buffer. */
function eventLogBytes(dir: string): Buffer {
  return Buffer.concat(readdirSync(dir).filter((f) => f.startsWith('events.sqlite')).map((f) => readFileSync(join(dir, f))));
}

function storedEventData(dir: string): string[] {
  const db = new DatabaseSync(join(dir, 'events.sqlite'), { readOnly: true });
  try {
    return (db.prepare('SELECT data FROM events').all() as { data: unknown }[]).map((row) => String(row.data));
  } finally {
    db.close();
  }
}

const inClear = (text: string | Buffer): boolean => [HEAD_NAME, JSON.stringify(HEAD_NAME).slice(1, -1), CITIZEN_ID].some((needle) => text.includes(needle));

describe('erasing a household\'s personal data', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pl-erasure-'));
  let api: ApiHarness;
  let officer: string;
  let admin: string;
  let householdId: string;

  const read = async (minPosition = 0) =>
    (await api.http.get(`/api/v1/households/${householdId}?minPosition=${minPosition}`).set('authorization', `Bearer ${officer}`).expect(200)).body;
  const erase = (token: string, body: Record<string, unknown> = { legalBasis: { number: '12/QĐ-UBND', date: '2026-01-28', issuer: 'UBND xã' }, reason: 'the data subject withdrew consent' }) =>
    api.http.post(`/api/v1/households/${householdId}/erasure`).set('authorization', `Bearer ${token}`).send(body);

  beforeAll(async () => {
    api = await startApi({}, dir);
    officer = await api.token('commune-officer', ['07906']);
    admin = await api.token('administrator', ['25']);
    const created = await api.http.post('/api/v1/households').set('authorization', `Bearer ${officer}`).send(registration()).expect(201);
    householdId = created.body.householdId;
  });
  afterAll(async () => {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('given a registered household, then the officer reads the head\'s name and the log holds only ciphertext', async () => {
    expect((await read()).personal).toMatchObject({ headName: HEAD_NAME });
    const stored = storedEventData(dir);
    expect(stored.some((data) => data.includes('"ciphertext"'))).toBe(true);
    expect(stored.filter(inClear)).toEqual([]);
    expect(inClear(eventLogBytes(dir))).toBe(false);
  });

  it('when an administrator outside the area asks, then 403 and nothing is erased', async () => {
    const elsewhere = await api.token('administrator', ['01']);
    expect((await erase(elsewhere).expect(403)).body.code).toBe('OUTSIDE_AREA');
    expect((await read()).personal).toMatchObject({ headName: HEAD_NAME });
  });

  it('when the erasure is requested, then a receipt is answered and the personal data is gone, the facts kept', async () => {
    const before = await read();
    const receipt = await erase(admin).expect(200);
    expect(receipt.body).toEqual({
      householdId, erasedAt: expect.any(String), keyDestroyedAt: expect.any(String),
      legalBasis: { number: '12/QĐ-UBND', date: '2026-01-28', issuer: 'UBND xã' }, position: expect.any(Number), receiptId: expect.any(String),
    });

    const after = await read(receipt.body.position);
    expect(after).toMatchObject({ personalDataErased: true, status: before.status, memberCount: before.memberCount, communeCode: '07906' });
    expect(inClear(JSON.stringify(after))).toBe(false);
    expect(storedEventData(dir).filter(inClear)).toEqual([]);
    expect(inClear(eventLogBytes(dir))).toBe(false);
  });

  it('when erasure is requested again, then refused as already erased', async () => {
    expect((await erase(admin).expect(422)).body.code).toBe('PERSONAL_DATA_ALREADY_ERASED');
  });

  it('when the API restarts on the same data and rebuilds its read models, then the household still reads as erased', async () => {
    await api.close();
    api = await startApi({}, dir);
    const rebuilt = await read();
    expect(rebuilt).toMatchObject({ personalDataErased: true, status: 'not-listed', memberCount: 4 });
    expect(inClear(JSON.stringify(rebuilt))).toBe(false);
  });

  it('when a household is searched by the erased citizen ID, then it is no longer found', async () => {
    const res = await api.http.post('/api/v1/households/search').set('authorization', `Bearer ${officer}`).send({ citizenId: CITIZEN_ID }).expect(200);
    expect(res.body).toEqual([]);
  });
});

describe('finding a household by citizen ID', () => {
  let api: ApiHarness;
  let officer: string;

  beforeAll(async () => {
    api = await startApi();
    officer = await api.token('commune-officer', ['07906']);
  });
  afterAll(() => api.close());

  it('given a registered household, when searched by its head\'s citizen ID, then found within the caller\'s area only', async () => {
    const created = await api.http.post('/api/v1/households').set('authorization', `Bearer ${officer}`)
      .send(registration({ head: { name: 'Lò Văn Tâm', citizenId: '014090001234', birthDate: '1990-07-01' } })).expect(201);
    const search = (token: string) => api.http.post('/api/v1/households/search').set('authorization', `Bearer ${token}`).send({ citizenId: '014090001234' });
    await api.http.get(`/api/v1/households/${created.body.householdId}?minPosition=${created.body.position}`).set('authorization', `Bearer ${officer}`).expect(200);

    expect((await search(officer).expect(200)).body).toEqual([{ householdId: created.body.householdId, communeCode: '07906', status: 'not-listed', active: true }]);
    expect((await search(await api.token('commune-officer', ['07909'])).expect(200)).body).toEqual([]);
  });

  it('when the citizen ID is malformed, then 400 INVALID_CITIZEN_ID', async () => {
    const res = await api.http.post('/api/v1/households/search').set('authorization', `Bearer ${officer}`).send({ citizenId: '12345' }).expect(400);
    expect(res.body.code).toBe('INVALID_CITIZEN_ID');
  });

  it('when a registration carries a citizen ID that contradicts the birth date, then 400 INVALID_CITIZEN_ID', async () => {
    const res = await api.http.post('/api/v1/households').set('authorization', `Bearer ${officer}`)
      .send(registration({ head: { name: 'Lò Văn Tâm', citizenId: '014290001234', birthDate: '1990-07-01' } })).expect(400);
    expect(res.body.code).toBe('INVALID_CITIZEN_ID');
  });
});
