import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig, LocalKeyTokenService, Role, loadConfig } from '@pl/application';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createApi } from '../../apps/api/src/bootstrap';

/** A running API on a fresh data folder, with tokens for any role and area. */
export interface ApiHarness {
  readonly app: NestFastifyApplication;
  readonly config: AppConfig;
  readonly http: ReturnType<typeof request>;
  token(role: Role, areas?: readonly string[], subject?: string): Promise<string>;
  close(): Promise<void>;
}

export async function startApi(env: Record<string, string> = {}, dataDir?: string): Promise<ApiHarness> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'pl-e2e-'));
  const config = loadConfig({ LOG_LEVEL: 'error', ...env, DATA_DIR: dir }, join(__dirname, '..', '..'));
  const app = await createApi(config);
  const tokens = await LocalKeyTokenService.open({ dataDir: dir });
  return {
    app,
    config,
    http: request(app.getHttpServer()),
    token: (role, areas = ['*'], subject = `${role}-1`) => tokens.mint({ subject, role, areas, ttlSeconds: 3600 }),
    close: async () => {
      await app.close();
      if (!dataDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A household registration body that passes validation; override what a test is about. */
export function registration(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    address: { communeCode: '07906', village: 'Xóm Đồng' },
    areaType: 'rural',
    memberCount: 4,
    ethnicMinority: true,
    head: { name: 'Hà Văn Sơn', citizenId: '025085000123', birthDate: '1985-03-14', ethnicity: 'Mường' },
    ...overrides,
  };
}
