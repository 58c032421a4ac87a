import { citizenIdHash } from './citizen-id-hash';

const secret = 'a-secret-of-at-least-thirty-two-bytes!!';

describe('citizenIdHash', () => {
  it('given the same ID and secret, then the hash is the same (exact-match search works)', () => {
    expect(citizenIdHash('001085012345', secret)).toBe(citizenIdHash(' 001085012345 ', secret));
  });

  it('given another ID or another secret, then the hash differs', () => {
    const base = citizenIdHash('001085012345', secret);
    expect(citizenIdHash('001085012346', secret)).not.toBe(base);
    expect(citizenIdHash('001085012345', `${secret}x`)).not.toBe(base);
  });

  it('given an ID, then the hash is 64 hex characters and does not contain the number', () => {
    const hash = citizenIdHash('001085012345', secret);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain('001085012345');
  });

  it('when the secret is short, then it is refused', () => {
    expect(() => citizenIdHash('001085012345', 'short')).toThrow(/at least 32 bytes/);
  });
});
