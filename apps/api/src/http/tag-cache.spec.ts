import { TagCache } from './tag-cache';

describe('TagCache', () => {
  it('given a tag remembered at one state, when asked at another, then it is unknown and every older tag is forgotten', () => {
    const cache = new TagCache();
    const [first, second] = [{}, {}];
    cache.set(first, 'GET /a reviewer 25', '"a"');

    expect(cache.get(first, 'GET /a reviewer 25')).toBe('"a"');
    expect(cache.get(second, 'GET /a reviewer 25')).toBeUndefined();
    cache.set(second, 'GET /b reviewer 25', '"b"');
    expect(cache.get(first, 'GET /a reviewer 25')).toBeUndefined();
    expect(cache.get(second, 'GET /a reviewer 25')).toBeUndefined();
  });

  it('given a full cache, when another tag comes, then the least recently used one goes', () => {
    const cache = new TagCache(2);
    const state = {};
    cache.set(state, 'a', '"a"');
    cache.set(state, 'b', '"b"');
    cache.get(state, 'a');

    cache.set(state, 'c', '"c"');

    expect([cache.get(state, 'a'), cache.get(state, 'b'), cache.get(state, 'c')]).toEqual(['"a"', undefined, '"c"']);
  });
});
