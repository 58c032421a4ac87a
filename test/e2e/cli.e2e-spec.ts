import { LocalKeyTokenService } from '@pl/application';
import { makeEvent, SqliteEventStore } from '@pl/event-store';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, projectRoot as root } from '../support/build-app';

describe('the command line', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'pl-cli-'));
  let main: string;

  // The built CLI as operators run it: separate process, configuration from the environment.
  const cli = (...args: string[]) => {
    const result = spawnSync(process.execPath, [main, ...args], { cwd: root, encoding: 'utf8', timeout: 30_000, env: { ...process.env, DATA_DIR: dataDir } });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  beforeAll(() => { main = buildApp('cli'); }, 180_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('mints a token the local key service accepts, printing only the token', async () => {
    const { code, stdout } = cli('token', '--role', 'commune-officer', '--area', '07906', '--area', '25', '--subject', 'lan', '--ttl', '600');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const principal = await (await LocalKeyTokenService.open({ dataDir })).verify(stdout.trim());
    expect(principal).toEqual({ subject: 'lan', role: 'commune-officer', areas: ['07906', '25'] });
  });

  it('refuses an unknown role with exit code 2 and one clear line', () => {
    const { code, stdout, stderr } = cli('token', '--role', 'mayor', '--area', '25');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('error: unknown role "mayor"; expected one of commune-officer, reviewer, auditor, reporter, operator, administrator\n');
  });

  it('refuses a malformed area and an unknown option with exit code 2', () => {
    expect(cli('token', '--role', 'auditor', '--area', '123')).toMatchObject({ code: 2, stderr: expect.stringContaining('invalid area "123"') });
    expect(cli('token', '--role', 'auditor', '--area', '25', '--colour')).toMatchObject({ code: 2, stderr: expect.stringContaining("unknown option '--colour'") });
  });

  it('reports head 0 on an empty data folder', () => {
    const empty = mkdtempSync(join(tmpdir(), 'pl-cli-empty-'));
    try {
      const result = spawnSync(process.execPath, [main, 'status'], { cwd: root, encoding: 'utf8', timeout: 30_000, env: { ...process.env, DATA_DIR: empty } });
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/^head position: 0$/m);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('counts events by type, as JSON on request', async () => {
    const store = await SqliteEventStore.open({ file: join(dataDir, 'events.sqlite') });
    await store.append('household-a', [makeEvent('HouseholdRegistered', {}), makeEvent('HouseholdReviewed', {})], 'no-stream');
    await store.append('household-b', [makeEvent('HouseholdRegistered', {})], 'no-stream');
    const head = await store.headPosition();
    await store.close();

    const { code, stdout } = cli('status', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      dataDir, eventStore: 'sqlite', headPosition: head, eventCount: 3,
      eventsByType: { HouseholdRegistered: 2, HouseholdReviewed: 1 },
    });
  });

  it('lists the commands on --help and exits 0', () => {
    const { code, stdout } = cli('--help');
    expect(code).toBe(0);
    expect(stdout).toContain('token');
    expect(stdout).toContain('status');
  });

  it('explains roles and areas on token --help', () => {
    const { code, stdout } = cli('token', '--help');
    expect(code).toBe(0);
    expect(stdout).toContain('administrator');
    expect(stdout).toContain('2-digit province code');
  });
});
