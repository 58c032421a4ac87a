import { DomainError } from '@pl/domain';
import { importJWK, JWK, JWTPayload, SignJWT } from 'jose';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalKeyTokenService } from './local-key-token-service';

const T0 = new Date('2026-03-01T08:00:00Z');
const officer = { subject: 'officer-1', role: 'commune-officer' as const, areas: ['00004'] };

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  const outcome = await promise.then(() => undefined, (e: unknown) => e);
  if (outcome instanceof DomainError) return outcome;
  throw new Error(`expected a DomainError, got ${String(outcome)}`);
}

describe('LocalKeyTokenService', () => {
  let dataDir: string;
  let clock: Date;
  let service: LocalKeyTokenService;
  const keyPath = () => join(dataDir, 'keys', 'signing-key.json');

  /** Signs arbitrary claims with the service's own key, to test what verify refuses. */
  async function forge(claims: JWTPayload, header: { alg?: string } = {}): Promise<string> {
    const jwk = JSON.parse(await readFile(keyPath(), 'utf8')) as JWK;
    const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: jwk.kid, ...header });
    return jwt.sign(await importJWK(jwk, 'ES256'));
  }
  const now = () => Math.floor(clock.getTime() / 1000);
  const valid = (): JWTPayload => ({ sub: 'x', role: 'auditor', areas: ['01'], iss: 'poverty-ledger-local', aud: 'poverty-ledger', iat: now(), exp: now() + 600 });

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pl-tokens-'));
    clock = T0;
    service = await LocalKeyTokenService.open({ dataDir, now: () => clock });
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('given a first start, then the signing key is written as a private JWK readable by the owner only', async () => {
    const info = await stat(keyPath());
    expect(info.mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(keyPath(), 'utf8'))).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', d: expect.any(String) });
  });

  it('given a minted token, when verified, then the principal comes back', async () => {
    const token = await service.mint({ ...officer, ttlSeconds: 600 });
    await expect(service.verify(`Bearer ${token}`)).resolves.toEqual(officer);
    await expect(service.verify(token)).resolves.toEqual(officer);
  });

  it('given a restart on the same data folder, then tokens minted before still verify and the key is unchanged', async () => {
    const before = await readFile(keyPath(), 'utf8');
    const token = await service.mint({ ...officer, ttlSeconds: 600 });
    const restarted = await LocalKeyTokenService.open({ dataDir, now: () => clock });
    await expect(restarted.verify(token)).resolves.toEqual(officer);
    expect(await readFile(keyPath(), 'utf8')).toBe(before);
  });

  it('given another data folder, then its tokens do not verify here', async () => {
    const otherDir = await mkdtemp(join(tmpdir(), 'pl-tokens-'));
    try {
      const other = await LocalKeyTokenService.open({ dataDir: otherDir, now: () => clock });
      const error = await rejection(service.verify(await other.mint({ ...officer, ttlSeconds: 600 })));
      expect(error).toMatchObject({ kind: 'unauthenticated', code: 'TOKEN_INVALID', message: 'token signature does not verify' });
    } finally {
      await rm(otherDir, { recursive: true, force: true });
    }
  });

  it.each(['', '   ', 'Bearer ', 'Bearer'])('when the bearer is %j, then TOKEN_MISSING', async (bearer) => {
    expect(await rejection(service.verify(bearer))).toMatchObject({ kind: 'unauthenticated', code: 'TOKEN_MISSING' });
  });

  it('given a token, when the clock passes expiry by less than the tolerance, then it still verifies', async () => {
    const token = await service.mint({ ...officer, ttlSeconds: 60 });
    clock = new Date(T0.getTime() + 110_000);
    await expect(service.verify(token)).resolves.toEqual(officer);
  });

  it('given a token, when the clock passes expiry beyond the tolerance, then TOKEN_EXPIRED', async () => {
    const token = await service.mint({ ...officer, ttlSeconds: 60 });
    clock = new Date(T0.getTime() + 121_000);
    expect(await rejection(service.verify(token))).toMatchObject({ kind: 'unauthenticated', code: 'TOKEN_EXPIRED' });
  });

  it.each<[string, (p: JWTPayload) => JWTPayload, RegExp]>([
    ['a wrong audience', (p) => ({ ...p, aud: 'someone-else' }), /"aud"/],
    ['a wrong issuer', (p) => ({ ...p, iss: 'https://evil.example' }), /"iss"/],
    ['no expiry', ({ exp: _exp, ...p }) => p, /"exp"/],
    ['no subject', ({ sub: _sub, ...p }) => p, /"sub"/],
    ['no role', ({ role: _role, ...p }) => p, /no "role" claim/],
    ['no areas', ({ areas: _areas, ...p }) => p, /no "areas" claim/],
    ['an unknown role', (p) => ({ ...p, role: 'superuser' }), /"role" is not a known role/],
    ['areas that are not unit codes', (p) => ({ ...p, areas: ['01', 'Hà Nội'] }), /"areas" must be an array/],
    ['areas given as a string', (p) => ({ ...p, areas: '01' }), /"areas" must be an array/],
  ])('given a correctly signed token with %s, then TOKEN_INVALID says why', async (_case, change, reason) => {
    const error = await rejection(service.verify(await forge(change(valid()))));
    expect(error).toMatchObject({ kind: 'unauthenticated', code: 'TOKEN_INVALID' });
    expect(error.message).toMatch(reason);
  });

  it('given the forged claims unchanged, then they verify (the forge is sound)', async () => {
    await expect(service.verify(await forge(valid()))).resolves.toEqual({ subject: 'x', role: 'auditor', areas: ['01'] });
  });

  it('given a token whose payload was altered after signing, then TOKEN_INVALID', async () => {
    const [header, , signature] = (await service.mint({ ...officer, ttlSeconds: 600 })).split('.');
    const widened = Buffer.from(JSON.stringify({ ...valid(), sub: 'officer-1', role: 'auditor', areas: ['*'] })).toString('base64url');
    const error = await rejection(service.verify(`${header}.${widened}.${signature}`));
    expect(error).toMatchObject({ code: 'TOKEN_INVALID', message: 'token signature does not verify' });
  });

  it('given an unsigned token (alg none), then TOKEN_INVALID', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify(valid())).toString('base64url');
    expect(await rejection(service.verify(`${header}.${payload}.`))).toMatchObject({ code: 'TOKEN_INVALID' });
  });

  it('given garbage, then TOKEN_INVALID', async () => {
    expect(await rejection(service.verify('Bearer not-a-jwt'))).toMatchObject({ code: 'TOKEN_INVALID' });
  });

  it.each([
    ['a zero ttl', { ...officer, ttlSeconds: 0 }],
    ['a ttl over 30 days', { ...officer, ttlSeconds: 31 * 24 * 3600 }],
    ['an unknown role', { ...officer, role: 'root' as never, ttlSeconds: 60 }],
    ['an area that is no unit code', { ...officer, areas: ['1234'], ttlSeconds: 60 }],
    ['an empty subject', { ...officer, subject: ' ', ttlSeconds: 60 }],
  ])('when minting with %s, then INVALID_TOKEN_REQUEST', async (_case, request) => {
    expect(await rejection(service.mint(request))).toMatchObject({ kind: 'invalid', code: 'INVALID_TOKEN_REQUEST' });
  });
});
