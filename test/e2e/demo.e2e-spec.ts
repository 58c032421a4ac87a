import { loadConfig, loadDemo } from '@pl/application';
import { ProjectionRunner } from '@pl/projections';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiHarness, startApi } from '../support/api-harness';

type Item = { householdId: string; communeCode: string; currentCommuneCodes: string[]; status: string; lastDecision: { number: string; issuer: string; date: string } | null };
type Page = { items: Item[]; nextCursor?: string };

/** The demo district: loaded by the application layer, then seen through the API as a newcomer would. */
describe('demo district', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pl-demo-'));
  const config = loadConfig({ LOG_LEVEL: 'error', DATA_DIR: dir }, join(__dirname, '..', '..'));
  let api: ApiHarness;
  let reviewer: string;
  let first: Awaited<ReturnType<typeof loadDemo>>;
  const all = async (query: string): Promise<Item[]> => {
    const items: Item[] = [];
    let cursor: string | undefined;
    do {
      const res = await api.http.get(`/api/v1/registry?limit=500&${query}${cursor ? `&cursor=${cursor}` : ''}`).set('authorization', `Bearer ${reviewer}`).expect(200);
      items.push(...(res.body as Page).items);
      cursor = (res.body as Page).nextCursor;
    } while (cursor);
    return items;
  };

  beforeAll(async () => {
    first = await loadDemo(config);
    api = await startApi({}, dir);
    reviewer = await api.token('reviewer', ['25']);
  }, 120_000);
  afterAll(async () => {
    await api?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('given a first run, then thousands of households are written without a refusal', () => {
    expect(first.refused).toEqual([]);
    expect(first.households).toBe(3_000);
    expect(first.appended).toBe(first.commands);
    expect(first.statuses.poor).toBeGreaterThan(50);
    expect(first.statuses['near-poor']).toBeGreaterThan(50);
    expect(first.statuses.escaped).toBeGreaterThan(300);
  });

  it('then the registry shows every household, with statuses of all kinds', async () => {
    const items = await all('provinceCode=25');
    expect(items).toHaveLength(3_000);
    const statuses = new Map<string, number>();
    for (const i of items) statuses.set(i.status, (statuses.get(i.status) ?? 0) + 1);
    expect(Object.fromEntries(statuses)).toEqual(first.statuses);
  });

  it('then households recorded in 07900 keep that code, map to 07950, and are decided by 07950 after the merger', async () => {
    const recorded = await all('communeCode=07900');
    expect(recorded.length).toBeGreaterThan(300);
    expect(recorded.every((i) => i.communeCode === '07900' && i.currentCommuneCodes.join() === '07950')).toBe(true);
    const decidedLate = recorded.filter((i) => i.lastDecision && i.lastDecision.date >= '2025-07-01');
    expect(decidedLate.length).toBeGreaterThan(0);
    expect(decidedLate.every((i) => i.lastDecision?.issuer === 'UBND Xã Thanh Sơn')).toBe(true);
    const current = await all('communeCode=07950&area=current');
    expect(new Set(current.map((i) => i.communeCode))).toEqual(new Set(['07900', '07903', '07950']));
  });

  it('when run again, then it appends nothing', async () => {
    const head = api.app.get(ProjectionRunner).position();
    await api.close();
    const again = await loadDemo(config);
    expect(again).toMatchObject({ appended: 0, alreadyPresent: first.commands, refused: [], position: first.position });
    api = await startApi({}, dir);
    expect(api.app.get(ProjectionRunner).position()).toBe(head);
  }, 120_000);
});
