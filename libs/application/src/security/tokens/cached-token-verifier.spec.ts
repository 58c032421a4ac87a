import { Principal } from '../principal';
import { CachedTokenVerifier } from './cached-token-verifier';
import { TokenVerifier } from './token-verifier';

const token = (exp: number) => `h.${Buffer.from(JSON.stringify({ exp })).toString('base64url')}.s`;
const principal: Principal = { subject: 'officer', role: 'commune-officer', areas: ['07906'] };

function counting(): TokenVerifier & { calls: number } {
  const inner = { calls: 0, verify: async () => { inner.calls++; return principal; } };
  return inner;
}

describe('CachedTokenVerifier', () => {
  it('given a verified token, when it comes again before it expires, then it is not verified again', async () => {
    const inner = counting();
    let now = 1_000_000;
    const cached = new CachedTokenVerifier(inner, { now: () => now });
    const t = token(now / 1000 + 3600);
    await cached.verify(t);
    now += 30_000;
    expect(await cached.verify(t)).toBe(principal);
    expect(inner.calls).toBe(1);
  });

  it('given a token past its expiry or the cache age, when it comes again, then it is verified again', async () => {
    const inner = counting();
    let now = 1_000_000;
    const cached = new CachedTokenVerifier(inner, { now: () => now, maxAgeMs: 60_000 });
    const shortLived = token(now / 1000 + 10);
    await cached.verify(shortLived);
    now += 11_000;
    await cached.verify(shortLived);
    expect(inner.calls).toBe(2);
    const longLived = token(now / 1000 + 3600);
    await cached.verify(longLived);
    now += 61_000;
    await cached.verify(longLived);
    expect(inner.calls).toBe(4);
  });

  it('given a token the inner verifier refuses, then the refusal is not cached', async () => {
    let calls = 0;
    const cached = new CachedTokenVerifier({ verify: async () => { calls++; throw new Error('TOKEN_INVALID'); } });
    await expect(cached.verify(token(9e9))).rejects.toThrow('TOKEN_INVALID');
    await expect(cached.verify(token(9e9))).rejects.toThrow('TOKEN_INVALID');
    expect(calls).toBe(2);
  });
});
