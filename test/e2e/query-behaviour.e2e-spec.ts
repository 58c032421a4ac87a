import { QueryBus } from '@nestjs/cqrs';
import type { IncomingMessage } from 'node:http';
import type { Response } from 'supertest';
import { ApiHarness, registration, startApi } from '../support/api-harness';

type Page = { items: { householdId: string }[]; nextCursor?: string; position: number };

// Headers that differ between any two answers, cached or not: the clock and the rate limiter's count.
const PER_ANSWER = new Set(['date', 'x-ratelimit-remaining', 'x-ratelimit-reset']);
/** The header lines as sent, in order, less those that change with every answer. */
const headerLines = (res: Response): string[] => {
  const raw = (res as unknown as { res: IncomingMessage }).res.rawHeaders;
  const lines: string[] = [];
  for (let i = 0; i < raw.length; i += 2) if (!PER_ANSWER.has(raw[i].toLowerCase())) lines.push(`${raw[i]}: ${raw[i + 1]}`);
  return lines;
};

/** What every client relies on when reading: ETags and 304, stable cursors, read-your-writes, strict filters. */
describe('query behaviour', () => {
  let api: ApiHarness;
  let writer: string;
  let reviewer: string;
  let position = 0;
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const register = async (householdId: string, communeCode = '07906') => {
    const res = await api.http.post('/api/v1/households').set(auth(writer))
      .send(registration({ householdId, registeredOn: '2024-03-01', address: { communeCode, village: 'Xóm Mít' } })).expect(201);
    position = Math.max(position, res.body.position as number);
    return res.body.position as number;
  };
  const registry = (query: string, token = reviewer) => api.http.get(`/api/v1/registry?${query}`).set(auth(token));

  beforeAll(async () => {
    api = await startApi({ MIN_POSITION_WAIT_MS: '1500' });
    writer = await api.token('commune-officer', ['07906', '07909']);
    reviewer = await api.token('reviewer', ['25']);
    for (let i = 0; i < 12; i++) await register(`qb-m-${String(i).padStart(2, '0')}`);
  });
  afterAll(() => api.close());

  describe('ETag and If-None-Match', () => {
    it('given a page, then it carries a strong ETag and private no-cache, and the same tag answers 304 with no body', async () => {
      const first = await registry(`communeCode=07906&minPosition=${position}`).expect(200);
      const etag = first.headers.etag as string;
      expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
      expect(first.headers['cache-control']).toBe('private, no-cache');
      const again = await registry(`communeCode=07906&minPosition=${position}`).set('if-none-match', etag).expect(304);
      expect(again.text ?? '').toBe('');
      expect(again.headers.etag).toBe(etag);
      await registry(`communeCode=07906`).set('if-none-match', `"other", W/${etag}`).expect(304);
      await registry(`communeCode=07906`).set('if-none-match', '"other"').expect(200);
    });

    it('given another query or another caller, then another tag', async () => {
      const a = (await registry('communeCode=07906&limit=5').expect(200)).headers.etag;
      const b = (await registry('communeCode=07906&limit=6').expect(200)).headers.etag;
      const officer = await api.token('commune-officer', ['07909']);
      const c = (await registry('', officer).expect(200)).headers.etag;
      expect(new Set([a, b, c]).size).toBe(3);
    });

    it('when a write changes the page, then the old tag no longer answers 304', async () => {
      const before = await registry('communeCode=07906&limit=500').expect(200);
      const written = await register('qb-a-new');
      const after = await registry(`communeCode=07906&limit=500&minPosition=${written}`).set('if-none-match', before.headers.etag as string).expect(200);
      expect(after.headers.etag).not.toBe(before.headers.etag);
      expect((after.body as Page).items.map((i) => i.householdId)).toContain('qb-a-new');
    });

    it('given a tag answered 304 without running the query, when a write lands, then the same request gets 200 with the new body', async () => {
      const url = 'communeCode=07906&limit=500';
      const before = await registry(url).expect(200);
      await registry(url).set('if-none-match', before.headers.etag as string).expect(304);

      const written = await register('qb-c-new');
      await registry(`limit=1&minPosition=${written}`).expect(200);
      const after = await registry(url).set('if-none-match', before.headers.etag as string).expect(200);

      expect(after.headers.etag).not.toBe(before.headers.etag);
      expect((after.body as Page).items.map((i) => i.householdId)).toContain('qb-c-new');
      expect((after.body as Page).position).toBeGreaterThanOrEqual(written);
      await registry(url).set('if-none-match', after.headers.etag as string).expect(304);
    });

    it('given a tag remembered for one caller, when a caller of another scope sends it, then the scope is checked, not the tag', async () => {
      const url = 'communeCode=07906&limit=500';
      const etag = (await registry(url).expect(200)).headers.etag as string;
      await registry(url).set('if-none-match', etag).expect(304);
      const elsewhere = await api.token('commune-officer', ['07909']);
      const auditor = await api.token('reporter', ['07909']);

      const refused = await registry(url, elsewhere).set('if-none-match', etag).expect(403);
      await api.http.get(`/api/v1/statistics/poverty?areaCode=07906&year=2024`).set(auth(auditor)).set('if-none-match', etag).expect(403);

      expect(refused.body).toMatchObject({ code: 'OUTSIDE_AREA' });
    });

    it('given a tag, when the request waits for a position the read models reach later, then it answers once they have', async () => {
      const url = 'communeCode=07909&limit=500';
      const etag = (await registry(url).expect(200)).headers.etag as string;
      const pending = register('qb-d-new', '07909');

      const written = await pending;
      const after = await registry(`${url}&minPosition=${written}`).set('if-none-match', etag).expect(200);

      expect((after.body as Page).items.map((i) => i.householdId)).toContain('qb-d-new');
    });

    it('does not tag errors', async () => {
      const refused = await registry('status=rich').expect(400);
      expect(refused.headers.etag).toBeUndefined();
    });
  });

  describe('answer cache', () => {
    let queries: jest.SpiedFunction<QueryBus['execute']>;
    beforeEach(() => {
      queries = jest.spyOn(api.app.get(QueryBus), 'execute');
    });
    afterEach(() => queries.mockRestore());

    it('given a page answered once, when asked again at the same state, then the same bytes and headers come without running the query', async () => {
      const url = `communeCode=07906&limit=7&minPosition=${position}`;
      const first = await registry(url).expect(200);
      queries.mockClear();

      const again = await registry(url).expect(200);
      const otherTag = await registry(url).set('if-none-match', '"other"').expect(200);
      const sameTag = await registry(url).set('if-none-match', first.headers.etag as string).expect(304);

      expect(queries).not.toHaveBeenCalled();
      for (const res of [again, otherTag]) {
        expect(res.text).toBe(first.text);
        expect(headerLines(res)).toEqual(headerLines(first));
      }
      expect(headerLines(first).map((line) => line.split(':')[0].toLowerCase())).toEqual(expect.arrayContaining(['content-type', 'content-length', 'etag', 'cache-control']));
      expect(sameTag.text ?? '').toBe('');
      expect(sameTag.headers.etag).toBe(first.headers.etag);
    });

    it('given a HEAD answered once, when asked again, then it comes from the cache with the headers of the GET and no body', async () => {
      const url = `/api/v1/registry?communeCode=07906&limit=8&minPosition=${position}`;
      const get = await api.http.get(url).set(auth(reviewer)).expect(200);
      const first = await api.http.head(url).set(auth(reviewer)).expect(200);
      queries.mockClear();

      const again = await api.http.head(url).set(auth(reviewer)).expect(200);
      const notModified = await api.http.head(url).set(auth(reviewer)).set('if-none-match', get.headers.etag as string).expect(304);

      expect(queries).not.toHaveBeenCalled();
      expect(again.text ?? '').toBe('');
      expect(headerLines(again)).toEqual(headerLines(first));
      expect(again.headers['content-length']).toBe(String(Buffer.byteLength(get.text)));
      expect(again.headers.etag).toBe(get.headers.etag);
      expect(notModified.text ?? '').toBe('');
      expect(notModified.headers['content-length']).toBe(again.headers['content-length']);
    });

    it('given a HEAD naming the tag of a page not yet cached, then 304 with no body', async () => {
      const url = `/api/v1/registry?communeCode=07906&limit=10&minPosition=${position}`;
      const etag = (await api.http.get(url).set(auth(reviewer)).expect(200)).headers.etag as string;

      const notModified = await api.http.head(url).set(auth(reviewer)).set('if-none-match', etag).expect(304);

      expect(notModified.text ?? '').toBe('');
      expect(notModified.headers.etag).toBe(etag);
    });

    it('given statistics answered once, when asked again, then the same bytes come without running the query', async () => {
      const url = `/api/v1/statistics/poverty?areaCode=07906&year=2024&minPosition=${position}`;
      const first = await api.http.get(url).set(auth(reviewer)).expect(200);
      queries.mockClear();

      const again = await api.http.get(url).set(auth(reviewer)).expect(200);

      expect(queries).not.toHaveBeenCalled();
      expect(again.text).toBe(first.text);
      expect(headerLines(again)).toEqual(headerLines(first));
    });

    it('given a cached page, when a write changes it, then the same request runs the query and gets the new body', async () => {
      const url = 'communeCode=07906&limit=500';
      const before = await registry(url).expect(200);
      await registry(url).expect(200);

      const written = await register('qb-e-new');
      await registry(`limit=1&minPosition=${written}`).expect(200);
      queries.mockClear();
      const after = await registry(url).expect(200);

      expect(queries).toHaveBeenCalledTimes(1);
      expect(after.text).not.toBe(before.text);
      expect(after.headers.etag).not.toBe(before.headers.etag);
      expect((after.body as Page).items.map((i) => i.householdId)).toContain('qb-e-new');
    });

    it('given a page cached for one scope, when callers of other areas or another role ask the same URL, then each gets its own answer', async () => {
      await register('qb-f-09', '07909');
      const url = `limit=500&minPosition=${position}`;
      const province = await registry(url).expect(200);
      await registry(url).expect(200);
      const commune = await api.token('reviewer', ['07909'], 'reviewer-2');
      const reporter = await api.token('reporter', ['25'], 'reporter-2');
      queries.mockClear();

      const narrower = await registry(url, commune).expect(200);
      const otherRole = await registry(url, reporter).expect(200);

      expect(queries).toHaveBeenCalledTimes(2);
      const ids = (res: Response) => (res.body as Page).items.map((i) => i.householdId);
      expect(ids(province)).toEqual(expect.arrayContaining(['qb-f-09', 'qb-m-00']));
      expect(ids(narrower)).toContain('qb-f-09');
      expect(ids(narrower)).not.toContain('qb-m-00');
      expect(otherRole.headers.etag === province.headers.etag).toBe(otherRole.text === province.text);
    });

    it('given a page cached for one reviewer, when another reviewer of the same areas asks, then the cached answer serves both', async () => {
      const url = `communeCode=07906&limit=9&minPosition=${position}`;
      const first = await registry(url).expect(200);
      const colleague = await api.token('reviewer', ['25'], 'reviewer-3');
      queries.mockClear();

      const theirs = await registry(url, colleague).expect(200);

      expect(queries).not.toHaveBeenCalled();
      expect(theirs.text).toBe(first.text);
    });
  });

  it('given writes between pages, when walking with the cursor, then every household present at the start comes once, in id order', async () => {
    const start = ((await registry(`communeCode=07906&limit=500&minPosition=${position}`).expect(200)).body as Page).items.map((i) => i.householdId);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = (await registry(`communeCode=07906&limit=4&minPosition=${position}${cursor ? `&cursor=${cursor}` : ''}`).expect(200)).body as Page;
      seen.push(...page.items.map((i) => i.householdId));
      cursor = page.nextCursor;
      pages++;
      // One before the cursor (never shown now), one after it (shown once, in its place).
      await register(`qb-0-${pages}`);
      await register(`qb-z-${pages}`);
    } while (cursor && pages < 20);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual(seen);
    expect(start.filter((id) => !seen.includes(id))).toEqual([]);
    expect(seen.filter((id) => id.startsWith('qb-0-'))).toEqual([]);
    expect(seen.filter((id) => id.startsWith('qb-z-')).length).toBeGreaterThan(0);
  });

  describe('read your writes', () => {
    it('given a write, when reading with its position, then the page holds it', async () => {
      const written = await register('qb-ryw-1', '07909');
      const page = (await registry(`communeCode=07909&minPosition=${written}`).expect(200)).body as Page;
      expect(page.position).toBeGreaterThanOrEqual(written);
      expect(page.items.map((i) => i.householdId)).toContain('qb-ryw-1');
      const byHeader = (await registry('communeCode=07909').set('x-min-position', String(written)).expect(200)).body as Page;
      expect(byHeader.items.map((i) => i.householdId)).toContain('qb-ryw-1');
    });

    it('given a position the log has not reached, then 503 READ_MODEL_BEHIND after the bounded wait', async () => {
      const res = await registry(`minPosition=${position + 1_000_000}`).expect(503);
      expect(res.body.code).toBe('READ_MODEL_BEHIND');
    });
  });

  it.each([
    ['an unknown filter', 'headName=Son'],
    ['a malformed commune', 'communeCode=7906'],
    ['an unknown status', 'status=rich'],
    ['a non-numeric limit', 'limit=ten'],
    ['a limit too large', 'limit=501'],
    ['a malformed cursor', 'cursor=%7B%22%24gt%22%3A%22%22%7D'],
    ['a malformed minPosition', 'minPosition=-1'],
    ['an operator in brackets', 'status[$ne]=poor'],
    ['an operator as the value', 'communeCode=%7B%22%24ne%22%3Anull%7D'],
    ['an operator in a boolean', 'ethnicMinority[$exists]=true'],
    ['a prototype key', '__proto__[admin]=true'],
  ])('refuses %s with 400', async (_, query) => {
    const res = await registry(query).expect(400);
    expect(res.body.code).toMatch(/^(VALIDATION_FAILED|INVALID_MIN_POSITION)$/);
  });
});
