import { KeyCache } from './key-cache';

const key = (n: number) => Buffer.alloc(32, n);

describe('KeyCache', () => {
  it('given a full cache, when one more key is added, then the least recently used is evicted', () => {
    const cache = new KeyCache(2, 60_000);
    cache.set('a', key(1));
    cache.set('b', key(2));
    cache.get('a');
    cache.set('c', key(3));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toEqual(key(1));
    expect(cache.get('c')).toEqual(key(3));
    expect(cache.size).toBe(2);
  });

  it('given an entry past its time to live, then it is gone', () => {
    let now = 0;
    const cache = new KeyCache(10, 1_000, () => now);
    cache.set('a', key(1));
    now = 999;
    expect(cache.get('a')).toBeDefined();
    now = 2_000;
    expect(cache.get('a')).toBeUndefined();
  });

  it('when an entry is dropped, then its bytes are zeroed', () => {
    const cache = new KeyCache(10, 1_000);
    const k = key(7);
    cache.set('a', k);
    cache.drop('a');
    expect(cache.get('a')).toBeUndefined();
    expect(k.every((b) => b === 0)).toBe(true);
  });
});
