import { DomainError } from '@pl/domain';
import { exportJWK, generateKeyPair, JWK, JWTPayload, SignJWT } from 'jose';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { OidcTokenVerifier, OidcTokenVerifierOptions } from './oidc-token-verifier';

const ISSUER = 'https://id.example.gov.vn/realms/pl';
const AUDIENCE = 'poverty-ledger-api';
const T0 = new Date('2026-03-01T08:00:00Z');
const now = Math.floor(T0.getTime() / 1000);

type SigningKey = { kid: string; alg: string; privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey']; publicJwk: JWK };

async function signingKey(kid: string, alg = 'ES256'): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg);
  return { kid, alg, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

const claims = (over: JWTPayload = {}): JWTPayload => ({
  iss: ISSUER, aud: AUDIENCE, sub: 'reviewer-7', iat: now, exp: now + 300,
  pl: { role: 'reviewer', areas: ['01'] },
  ...over,
});

const sign = (key: SigningKey, payload: JWTPayload = claims()) =>
  new SignJWT(payload).setProtectedHeader({ alg: key.alg, kid: key.kid }).sign(key.privateKey);

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  const outcome = await promise.then(() => undefined, (e: unknown) => e);
  if (outcome instanceof DomainError) return outcome;
  throw new Error(`expected a DomainError, got ${String(outcome)}`);
}

describe('OidcTokenVerifier against a JWKS served over HTTP', () => {
  let server: Server;
  let jwksUrl: string;
  let published: JWK[] = [];
  let fetches = 0;
  let first: SigningKey;
  let verifier: OidcTokenVerifier;
  const options = (over: Partial<OidcTokenVerifierOptions> = {}): OidcTokenVerifierOptions => ({
    jwksUrl, issuer: ISSUER, audience: AUDIENCE, algorithms: ['ES256'],
    claims: { role: 'pl.role', areas: 'pl.areas' }, jwksCooldownMs: 0, now: () => T0, ...over,
  });

  beforeAll(async () => {
    server = createServer((_req, res) => {
      fetches += 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: published }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/certs`;
    first = await signingKey('key-2026-01');
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  beforeEach(() => {
    published = [first.publicJwk];
    fetches = 0;
    verifier = new OidcTokenVerifier(options());
  });

  it('given a token from the provider, then the principal is read from the configured claims', async () => {
    await expect(verifier.verify(`Bearer ${await sign(first)}`)).resolves.toEqual({ subject: 'reviewer-7', role: 'reviewer', areas: ['01'] });
  });

  it('given several tokens, then the key set is fetched once and cached', async () => {
    await verifier.verify(await sign(first));
    await verifier.verify(await sign(first, claims({ sub: 'reviewer-8' })));
    expect(fetches).toBe(1);
  });

  it('given the provider rotates keys, when a token signed with the new key arrives, then it is accepted once the JWKS publishes it', async () => {
    await verifier.verify(await sign(first));
    const next = await signingKey('key-2026-02');
    const rotated = await sign(next);

    const before = await rejection(verifier.verify(rotated));
    expect(before).toMatchObject({ code: 'TOKEN_INVALID', message: 'token is signed with a key the issuer does not publish' });

    published = [first.publicJwk, next.publicJwk];
    await expect(verifier.verify(rotated)).resolves.toMatchObject({ subject: 'reviewer-7' });
    await expect(verifier.verify(await sign(first))).resolves.toMatchObject({ subject: 'reviewer-7' });
  });

  it.each<[string, JWTPayload, string, RegExp]>([
    ['a wrong issuer', claims({ iss: 'https://elsewhere.example' }), 'TOKEN_INVALID', /"iss"/],
    ['a wrong audience', claims({ aud: 'another-app' }), 'TOKEN_INVALID', /"aud"/],
    ['an expiry past the tolerance', claims({ exp: now - 61 }), 'TOKEN_EXPIRED', /expired/],
    ['an unknown role', claims({ pl: { role: 'chief', areas: ['01'] } }), 'TOKEN_INVALID', /"pl.role" is not a known role/],
    ['no role', claims({ pl: { areas: ['01'] } }), 'TOKEN_INVALID', /no "pl.role" claim/],
    ['no areas', claims({ pl: { role: 'reviewer' } }), 'TOKEN_INVALID', /no "pl.areas" claim/],
    ['no subject', claims({ sub: undefined }), 'TOKEN_INVALID', /"sub"/],
  ])('given a token with %s, then it is refused', async (_case, payload, code, reason) => {
    const error = await rejection(verifier.verify(await sign(first, payload)));
    expect(error).toMatchObject({ kind: 'unauthenticated', code });
    expect(error.message).toMatch(reason);
  });

  it('given an expiry within the tolerance, then the token is accepted', async () => {
    await expect(verifier.verify(await sign(first, claims({ exp: now - 30 })))).resolves.toMatchObject({ role: 'reviewer' });
  });

  it('given a token whose signature was altered, then TOKEN_INVALID', async () => {
    const [header, payload, signature] = (await sign(first)).split('.');
    const flipped = `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
    expect(await rejection(verifier.verify(`${header}.${payload}.${flipped}`))).toMatchObject({ code: 'TOKEN_INVALID' });
  });

  it('given a published key whose algorithm is not allowed, then TOKEN_INVALID', async () => {
    const rsa = await signingKey('rsa-1', 'RS256');
    published = [first.publicJwk, rsa.publicJwk];
    const error = await rejection(verifier.verify(await sign(rsa)));
    expect(error).toMatchObject({ code: 'TOKEN_INVALID', message: 'token is signed with an algorithm that is not allowed' });
  });

  it('given the provider cannot be reached, then the error is unavailable rather than unauthenticated', async () => {
    const down = new OidcTokenVerifier(options({ jwksUrl: 'http://127.0.0.1:9/certs', jwksTimeoutMs: 1000 }));
    expect(await rejection(down.verify(await sign(first)))).toMatchObject({ kind: 'unavailable', code: 'TOKEN_KEYS_UNAVAILABLE' });
  });

  it('when no token is sent, then TOKEN_MISSING without asking the provider', async () => {
    expect(await rejection(verifier.verify(''))).toMatchObject({ code: 'TOKEN_MISSING' });
    expect(fetches).toBe(0);
  });

  it.each([[-1], [301], [1.5]])('when the clock tolerance is %s, then the configuration is refused', (tolerance) => {
    expect(() => new OidcTokenVerifier(options({ clockToleranceSeconds: tolerance }))).toThrow(/clock tolerance/);
  });
});
