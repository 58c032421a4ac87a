import { LocalKeyTokenService } from '@pl/application';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registration } from '../support/api-harness';
import { ServerProcess, buildApi, freePort, startServer } from '../support/server-process';

describe('a crash loses nothing acknowledged', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'pl-crash-'));
  let main: string;
  let server: ServerProcess | undefined;

  beforeAll(() => { main = buildApi(); }, 180_000);
  afterAll(() => { server?.child.kill('SIGKILL'); rmSync(dataDir, { recursive: true, force: true }); });

  it('keeps every acknowledged write after kill -9 mid-stream, and the registry matches the log', async () => {
    server = await startServer(main, { DATA_DIR: dataDir }, freePort());
    const token = await (await LocalKeyTokenService.open({ dataDir })).mint({ subject: 'officer', role: 'commune-officer', areas: ['25'], ttlSeconds: 600 });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const acknowledged: string[] = [];
    let sent = 0;

    // Writers keep sending until the process dies under them.
    const writer = async () => {
      for (;;) {
        const id = `crash-${sent++}`;
        try {
          const res = await fetch(`${server!.url}/api/v1/households`, { method: 'POST', headers, body: JSON.stringify(registration({ householdId: id })) });
          if (res.status === 201) acknowledged.push(id);
        } catch {
          return;
        }
      }
    };
    const writers = Array.from({ length: 8 }, writer);
    await new Promise((r) => setTimeout(r, 1500));
    server.child.kill('SIGKILL');
    await Promise.all(writers);
    expect(acknowledged.length).toBeGreaterThan(20);

    server = await startServer(main, { DATA_DIR: dataDir }, freePort());
    const ready = await (await fetch(`${server.url}/health/ready`)).json() as { eventStore: { head: number } };
    for (const id of acknowledged) {
      const res = await fetch(`${server.url}/api/v1/households/${id}`, { headers });
      expect({ id, status: res.status }).toEqual({ id, status: 200 });
    }
    // Every event in the log is a registration here, so the registry holds exactly head households.
    let found = 0;
    for (let i = 0; i < sent; i++) {
      if ((await fetch(`${server.url}/api/v1/households/crash-${i}`, { headers })).status === 200) found++;
    }
    expect(found).toBe(ready.eventStore.head);
    server.child.kill('SIGTERM');
  }, 180_000);
});
