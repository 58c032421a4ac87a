import { EVENT_STORE, EventStore, makeEvent } from '@pl/event-store';
import { history } from '../bench/household-history';
import { ApiHarness, startApi } from '../support/api-harness';

type Rebuild = { _id: string; state: string; progress: { done: number; total: number; eventsPerSecond: number }; diff?: Record<string, unknown> };
type Projections = { head: number; projections: { name: string; liveCollection: string; state: string; lag: number; poisoned?: { position: number; type: string } }[] };

const HOUSEHOLDS = 3000;
const REGISTRY = 'household-registry';

/** Blue/green rebuilds over HTTP while the registry keeps answering, and the handling of a poisoned event. */
describe('rebuilds and projection operations over HTTP', () => {
  let api: ApiHarness;
  let events: EventStore;
  let operator: string;
  let reviewer: string;
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const rebuild = async (id: string) => (await api.http.get(`/api/v1/operations/rebuilds/${id}`).set(auth(operator)).expect(200)).body as Rebuild;
  const projections = async () => (await api.http.get('/api/v1/operations/projections').set(auth(operator)).expect(200)).body as Projections;
  const registryOf = async (body: Projections) => body.projections.find((p) => p.name === REGISTRY)!;

  /** Reads the registry until the rebuild leaves `building`; every read must answer with households. */
  async function queryWhileBuilding(id: string): Promise<{ record: Rebuild; reads: number; seen: number[] }> {
    const seen: number[] = [];
    let reads = 0;
    for (;;) {
      const page = await api.http.get('/api/v1/registry?limit=5').set(auth(reviewer));
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBe(5);
      await api.http.get('/api/v1/households/hh-00000007').set(auth(reviewer)).expect(200);
      reads++;
      const record = await rebuild(id);
      seen.push(record.progress.done);
      if (record.state !== 'building') return { record, reads, seen };
    }
  }

  beforeAll(async () => {
    api = await startApi();
    events = api.app.get<EventStore>(EVENT_STORE);
    const appends: Promise<unknown>[] = [];
    for (let n = 0; n < HOUSEHOLDS; n++) {
      const { streamId, events: stored } = history(n);
      appends.push(events.append(streamId, stored, 'no-stream'));
    }
    await Promise.all(appends);
    operator = await api.token('operator');
    reviewer = await api.token('reviewer');
    const head = await events.headPosition();
    await api.http.get(`/api/v1/registry?limit=1&minPosition=${head}`).set(auth(reviewer)).expect(200);
  }, 60_000);
  afterAll(() => api.close());

  it('rebuilds the registry beside the live one, reports progress and a diff, and switches while queries keep answering', async () => {
    const started = await api.http.post('/api/v1/operations/rebuilds').set(auth(operator)).send({ projection: REGISTRY }).expect(202);
    const id = started.body.id as string;
    expect(id).toBe('household-registry_v1_b1');
    const { record, reads, seen } = await queryWhileBuilding(id);
    expect(reads).toBeGreaterThan(0);
    expect(record.state).toBe('ready');
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(record.progress.done).toBe(record.progress.total);
    expect(record.diff).toMatchObject({ liveCollection: 'household-registry_v1', liveCount: HOUSEHOLDS, rebuiltCount: HOUSEHOLDS, identical: true, differing: [] });
    expect((await registryOf(await projections())).liveCollection).toBe('household-registry_v1');

    expect((await api.http.post(`/api/v1/operations/rebuilds/${id}/switch`).set(auth(operator)).expect(200)).body.state).toBe('switched');
    expect((await registryOf(await projections())).liveCollection).toBe(id);
    // Writes after the switch reach the new live collection.
    const written = await api.http.post('/api/v1/households').set(auth(await api.token('commune-officer', ['07906']))).send({
      householdId: 'after-switch', address: { communeCode: '07906', village: 'Xóm Đồng' }, areaType: 'rural', memberCount: 4, ethnicMinority: true,
      head: { name: 'Hà Văn Sơn', citizenId: '025085000123', birthDate: '1985-03-14', ethnicity: 'Mường' },
    }).expect(201);
    await api.http.get(`/api/v1/households/after-switch?minPosition=${written.body.position}`).set(auth(reviewer)).expect(200);
    await api.http.post(`/api/v1/operations/rebuilds/${id}/switch`).set(auth(operator)).expect(409);
  }, 120_000);

  it('aborts a rebuild: its collection goes, the live one stays live', async () => {
    const live = (await registryOf(await projections())).liveCollection;
    const { body } = await api.http.post('/api/v1/operations/rebuilds').set(auth(operator)).send({ projection: REGISTRY }).expect(202);
    await api.http.post('/api/v1/operations/rebuilds').set(auth(operator)).send({ projection: REGISTRY }).expect(409);
    expect((await api.http.post(`/api/v1/operations/rebuilds/${body.id}/abort`).set(auth(operator)).expect(200)).body.state).toBe('aborted');
    expect((await rebuild(body.id)).state).toBe('aborted');
    expect((await registryOf(await projections())).liveCollection).toBe(live);
    const page = await api.http.get('/api/v1/registry?limit=5').set(auth(reviewer)).expect(200);
    expect(page.body.items).toHaveLength(5);
  }, 60_000);

  it('refuses bad requests and callers without the permission', async () => {
    await api.http.post('/api/v1/operations/rebuilds').set(auth(operator)).send({ projection: 'nothing-here' }).expect(404);
    await api.http.post('/api/v1/operations/rebuilds').set(auth(operator)).send({ projection: REGISTRY, toVersion: 9 }).expect(404);
    await api.http.post('/api/v1/operations/rebuilds').set(auth(operator)).send({ projection: REGISTRY, drop: true }).expect(400);
    await api.http.post('/api/v1/operations/rebuilds').set(auth(reviewer)).send({ projection: REGISTRY }).expect(403);
    await api.http.get('/api/v1/operations/rebuilds/nothing').set(auth(operator)).expect(404);
    await api.http.post(`/api/v1/operations/projections/${REGISTRY}/skip`).set(auth(operator)).send({ reason: 'nothing to skip' }).expect(409);
  });

  it('a poisoned event shows on /health/ready and the projections, and a skip with a reason is recorded and resumes it', async () => {
    // A registration without an address: the registry cannot place the household and throws.
    const poison = await events.append('household-broken', [makeEvent('HouseholdRegistered.v1', { householdId: 'broken' })], 'no-stream');
    const after = await events.append('household-fine-after', history(HOUSEHOLDS + 1).events.slice(0, 1), 'no-stream');

    const ready = await api.http.get('/health/ready').expect(503);
    const stopped = (ready.body.projections as { name: string; poisoned?: { position: number } }[]).filter((p) => p.poisoned);
    expect(stopped.map((p) => p.name)).toContain(REGISTRY);
    const listed = await registryOf(await projections());
    expect(listed).toMatchObject({ state: 'stopped', poisoned: { position: poison.position, type: 'HouseholdRegistered.v1' } });
    expect(listed.lag).toBeGreaterThan(0);

    await api.http.post(`/api/v1/operations/projections/${REGISTRY}/retry`).set(auth(operator)).expect(200);
    expect((await registryOf(await projections())).state).toBe('stopped');
    await api.http.post(`/api/v1/operations/projections/${REGISTRY}/skip`).set(auth(operator)).send({}).expect(400);
    for (const { name } of stopped) {
      const skipped = await api.http.post(`/api/v1/operations/projections/${name}/skip`).set(auth(operator)).send({ reason: 'registration without an address, re-entered' }).expect(200);
      expect(skipped.body).toMatchObject({ action: 'skip', event: { position: poison.position } });
    }
    const log = await events.readStream('operations-log');
    expect(log.map((e) => e.type)).toEqual(stopped.map(() => 'ProjectionEventSkipped.v1'));
    expect(log[0].data).toMatchObject({ position: poison.position, reason: 'registration without an address, re-entered', skippedBy: { subject: 'operator-1', role: 'operator' } });
    expect(log[0].metadata.actor).toMatchObject({ id: 'operator-1', role: 'operator' });

    await api.http.get(`/api/v1/households/hh-${String(HOUSEHOLDS + 1).padStart(8, '0')}?minPosition=${after.position}`).set(auth(reviewer)).expect(200);
    expect((await registryOf(await projections())).state).toBe('live');
    await api.http.get('/health/ready').expect(200);
  });
});
