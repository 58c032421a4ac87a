import { AnswerCache } from './tag-cache';

const bytes = (text: string) => Buffer.from(text);

describe('AnswerCache', () => {
  it('given an answer remembered at one state, when asked at another, then it is unknown and every older answer is forgotten', () => {
    const cache = new AnswerCache();
    const [first, second] = [{}, {}];
    cache.set(first, 'GET /a reviewer 25', '"a"', bytes('{"a":1}'), 'application/json; charset=utf-8');

    expect(cache.get(first, 'GET /a reviewer 25')).toEqual({ etag: '"a"', body: bytes('{"a":1}'), contentType: 'application/json; charset=utf-8' });
    expect(cache.get(second, 'GET /a reviewer 25')).toBeUndefined();
    cache.set(second, 'GET /b reviewer 25', '"b"', bytes('{}'), undefined);
    expect(cache.get(first, 'GET /a reviewer 25')).toBeUndefined();
    expect(cache.get(second, 'GET /a reviewer 25')).toBeUndefined();
  });

  it('given a full cache, when another answer comes, then the least recently used ones go until the bytes fit', () => {
    const cache = new AnswerCache({ maxBytes: 3 * 1300, maxBodyBytes: 2000 });
    const state = {};
    const kilobyte = Buffer.alloc(1000, 1);
    cache.set(state, 'a', '"a"', kilobyte, undefined);
    cache.set(state, 'b', '"b"', kilobyte, undefined);
    cache.set(state, 'c', '"c"', kilobyte, undefined);
    cache.get(state, 'a');

    cache.set(state, 'd', '"d"', kilobyte, undefined);

    expect(['a', 'b', 'c', 'd'].map((key) => cache.get(state, key)?.etag)).toEqual(['"a"', undefined, '"c"', '"d"']);
  });

  it('given a body larger than an entry may be, then only its tag is remembered', () => {
    const cache = new AnswerCache({ maxBytes: 10_000, maxBodyBytes: 100 });
    const state = {};
    cache.set(state, 'big', '"big"', Buffer.alloc(101), 'application/json');

    expect(cache.get(state, 'big')).toEqual({ etag: '"big"' });
  });

  it('given a small body in Node\'s shared pool, then it keeps a copy of its own bytes, not the pool', () => {
    const cache = new AnswerCache();
    const state = {};
    const pooled = bytes('{"small":true}');
    cache.set(state, 'small', '"s"', pooled, undefined);

    const kept = cache.get(state, 'small')?.body;
    expect(kept?.equals(pooled)).toBe(true);
    expect(kept?.buffer.byteLength).toBe(kept?.length);
  });
});
